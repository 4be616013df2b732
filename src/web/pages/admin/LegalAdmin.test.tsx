import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders, serveJson } from '../../test-utils';
import LegalAdmin from './LegalAdmin';

afterEach(() => cleanup());

describe('legal administration page', () => {
  it('names each article’s regime ("Ley 31146"), never its code (law_31146)', async () => {
    serveJson({
      '/api/v1/legal/regimes': { items: [{ id: 'r1', code: 'law_31146', country: 'PE', name: 'Ley 31146', inForceFrom: '2021-03-30', maxSuspendedSentenceMonths: 48, version: 1 }] },
      '/api/v1/legal/articles': {
        items: [{
          id: 'a1', regimeId: 'r1', regimeCode: 'law_31146', articleNumber: '129-A', titleCode: 'trafficking', heading: 'Trata de personas', isTrafficking: true,
          isLesserOffence: false, relatedTraffickingArticle: null, repealedByRegimeId: null, repealedByRegimeCode: null, version: 1,
          tiers: [{ id: 't1', articleId: 'a1', tierCode: 'basic', minMonths: 96, maxMonths: 180, suspensionAllowed: false, confirmedInPrimarySource: true, version: 1 }],
        }],
      },
    });
    renderWithProviders(<LegalAdmin />);
    const table = await screen.findByTestId('legal-table');
    await within(table).findByRole('cell', { name: 'Ley 31146' });
    expect(table.textContent).not.toContain('law_31146');
  });

  it('edits a tier through the contract form: an emptied maximum is sent as no maximum', async () => {
    const tier = { id: 't1', articleId: 'a1', tierCode: 'basic', minMonths: 96, maxMonths: 180, suspensionAllowed: false, confirmedInPrimarySource: true, version: 1 };
    const routes = {
      '/api/v1/legal/regimes': { items: [{ id: 'r1', code: 'law_31146', country: 'PE', name: 'Ley 31146', inForceFrom: '2021-03-30', maxSuspendedSentenceMonths: 48, version: 1 }] },
      '/api/v1/legal/articles': {
        items: [{
          id: 'a1', regimeId: 'r1', regimeCode: 'law_31146', articleNumber: '129-A', titleCode: 'trafficking', heading: 'Trata de personas', isTrafficking: true,
          isLesserOffence: false, relatedTraffickingArticle: null, repealedByRegimeId: null, repealedByRegimeCode: null, version: 1, tiers: [tier],
        }],
      },
    };
    const sent: Array<{ url: string; body: unknown }> = [];
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      if (init?.method === 'PATCH') {
        sent.push({ url, body: JSON.parse(String(init.body)) });
        return json({ ...tier, maxMonths: null, version: 2 });
      }
      const path = Object.keys(routes).find((p) => url.startsWith(p));
      return path ? json(routes[path as keyof typeof routes]) : new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    renderWithProviders(<LegalAdmin />);
    const table = await screen.findByTestId('legal-table');
    fireEvent.click(await within(table).findByRole('button', { name: 'Editar' }));
    const dialog = await screen.findByRole('dialog');
    const max = within(dialog).getByLabelText('Máximo (meses)');
    fireEvent.change(max, { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ url: '/api/v1/legal/tiers/t1', body: { minMonths: 96, maxMonths: null, suspensionAllowed: false, confirmedInPrimarySource: true, version: 1 } });
  }, 30_000);
});
