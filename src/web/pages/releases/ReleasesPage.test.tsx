import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test-utils';
import ReleasesPage from './ReleasesPage';

afterEach(() => cleanup());

const cell = (display: string, value: number | null = null) => ({ value, display, percent: null, status: value === null ? 'primary' : 'published' });
const table = {
  name: 'victims-by-department',
  result: {
    indicator: 'victims', unit: 'victims', measure: 'count', by: ['exploitationDepartment'], from: '2025-01-01', to: '2025-12-31', filters: {}, exact: false, threshold: 10, decimals: 1,
    definitionsVersion: '1', rows: [{ key: '15', label: 'Lima' }, { key: '08', label: 'Cusco' }], columns: [{ key: 'value' }],
    cells: [[cell('30', 30)], [cell('x')]], totals: { rows: [cell('30', 30), cell('x')], columns: [cell('52', 52)], grand: cell('52', 52) }, percentBase: null, notes: ['suppressed'],
  },
  changes: [{ row: '08', column: null, before: '<10', after: 'x' }],
};
const previous = '00000000-0000-4000-8000-000000000001';
const preview = {
  year: 2025, revision: 2, revises: previous, contentHash: 'abc123', changed: 1,
  content: { kind: 'public_release', year: 2025, revision: 2, previousHash: 'prev', note: null, period: { from: '2025-01-01', to: '2025-12-31' }, threshold: 10, definitionsVersion: '1', tables: [table] },
};

/** Answers GETs from the table and records every request with its method and body. */
function serve(previewStatus = 200) {
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : null });
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (method === 'POST') return json({ id: '00000000-0000-4000-8000-000000000002', year: 2025, revision: 2, previousId: previous, note: 'Cusco', definitionsVersion: '1', contentHash: 'abc123', publishedAt: '2026-02-02T00:00:00Z', publishedBy: { id: previous, displayName: 'Ana' } }, 201);
    if (url.startsWith('/api/v1/releases/preview')) return previewStatus === 200 ? json(preview) : json({ error: { code: 'auth.forbidden', message: 'forbidden' } }, previewStatus);
    if (url.startsWith('/api/v1/releases')) return json({ items: [] });
    return json({ error: { code: 'not_found', message: '' } }, 404);
  }) as typeof fetch;
  return calls;
}

describe('releases page', () => {
  it('previews a revision with its changes, asks for a note and publishes only after confirmation', async () => {
    const calls = serve();
    const user = userEvent.setup();
    renderWithProviders(<ReleasesPage />, '/releases');
    await user.click(await screen.findByRole('button', { name: 'Vista previa' }));
    const panel = await screen.findByTestId('release-preview');
    expect(panel.textContent).toContain('Revisión 2 de 2025');
    const changes = within(screen.getByTestId('release-changes'));
    expect(changes.getByText('Cusco')).toBeTruthy();
    expect(changes.getByText('<10')).toBeTruthy();

    const publish = within(panel).getByRole('button', { name: 'Publicar revisión' });
    expect((publish as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(panel).getByLabelText(/Nota de la revisión/), { target: { value: 'Un caso de Cusco corregido' } });
    await user.click(publish);
    const dialog = await screen.findByRole('dialog');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Sí, publicar' }));
    expect(await screen.findByText('Publicado: 2025, revisión 2.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ year: 2025, revises: previous, note: 'Un caso de Cusco corregido' }]);
  }, 20_000);

  it('tells an analyst without national scope that only a national analyst may publish', async () => {
    serve(403);
    const user = userEvent.setup();
    renderWithProviders(<ReleasesPage />, '/releases');
    await user.click(await screen.findByRole('button', { name: 'Vista previa' }));
    expect(await screen.findByText('Solo una persona analista con alcance nacional puede publicar.')).toBeTruthy();
    expect(screen.queryByTestId('release-preview')).toBeNull();
  });
});
