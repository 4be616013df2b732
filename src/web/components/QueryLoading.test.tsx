import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import QualityPage from '../pages/quality/QualityPage';
import InstitutionsAdmin from '../pages/admin/InstitutionsAdmin';
import { renderWithProviders } from '../test-utils';

afterEach(() => cleanup());

/** Every GET waits until `release()` is called, then answers with `body`: a slow link, controlled. */
function slowServer(body: unknown) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  globalThis.fetch = (async () => {
    await gate;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { release };
}

describe('pages show a loading state while their data is on the way', () => {
  it('the quality page says it is loading instead of staying blank, then shows its data', async () => {
    const server = slowServer({ groupBy: 'unit', items: [], totals: { key: 'total', cases: 0, completeness: {}, registrationLag: { fromReportMedianDays: null }, checks: {} }, staleDays: 90 });
    renderWithProviders(<QualityPage />);
    const status = await screen.findByTestId('loading-state');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toContain('Cargando…');
    expect(screen.queryByTestId('empty-state')).toBeNull();
    server.release();
    await screen.findByTestId('empty-state');
    await waitFor(() => expect(screen.queryByTestId('loading-state')).toBeNull());
  });

  it('an administration list does not claim to be empty before its answer arrives', async () => {
    const server = slowServer({ items: [], total: 0 });
    renderWithProviders(<InstitutionsAdmin />);
    await screen.findByTestId('loading-state');
    expect(screen.queryByTestId('empty-state')).toBeNull();
    server.release();
    await screen.findByTestId('empty-state');
  });
});
