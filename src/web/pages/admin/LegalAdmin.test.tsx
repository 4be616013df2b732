import { cleanup, screen, within } from '@testing-library/react';
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
});
