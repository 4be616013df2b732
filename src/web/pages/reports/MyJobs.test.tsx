import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../../contracts/jobs';
import { renderWithProviders } from '../../test-utils';
import { MyJobs } from './MyJobs';

afterEach(() => cleanup());

// The machine that runs the suite may be loaded: the first render of Mantine's table takes seconds there.
const slow = { timeout: 15_000 };

const base = {
  result: null, error: null, cancelRequested: false, fileName: null, fileBytes: null, createdAt: '2026-11-30T10:00:00Z', startedAt: null, finishedAt: null, expiresAt: null,
};
const running: JobView = {
  ...base, id: '00000000-0000-4000-8000-000000000001', kind: 'report.annual', status: 'running', params: { year: 2025, format: 'pdf', snapshotId: null },
  progress: { step: 3, steps: 8, stage: 'prosecution' }, startedAt: '2026-11-30T10:00:01Z',
};
const done: JobView = {
  ...base, id: '00000000-0000-4000-8000-000000000002', kind: 'export.glotip', status: 'done', params: { year: 2025, format: 'xlsx', snapshotId: null },
  progress: { step: 4, steps: 4, stage: 'file' }, fileName: 'reta-glotip-2025.xlsx', fileBytes: 1234, finishedAt: '2026-11-30T10:01:00Z', expiresAt: '2026-12-07T10:01:00Z',
};

/** The jobs API: the list, and a cancel that marks the running job as asked to stop. */
function serve() {
  const calls: Array<{ method: string; url: string }> = [];
  let jobs = [running, done];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url });
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (method === 'POST' && url === `/api/v1/jobs/${running.id}/cancel`) {
      jobs = [{ ...running, cancelRequested: true }, done];
      return json(jobs[0]);
    }
    if (url.startsWith('/api/v1/jobs')) return json({ items: jobs });
    return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return calls;
}

describe('my report and export jobs', () => {
  it('shows a running job as a progress bar read out in words, and a finished one as its file', async () => {
    serve();
    renderWithProviders(<MyJobs />, '/reports');
    const bar = await screen.findByRole('progressbar', { name: 'Avance de Informe anual 2025 (PDF)' }, slow);
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    expect(bar.getAttribute('aria-valuemax')).toBe('8');
    expect(bar.getAttribute('aria-valuetext')).toBe('Paso 3 de 8: persecución');
    const link = screen.getByRole('link', { name: 'Descargar: GLOTIP 2025 (XLSX)' });
    expect(link.getAttribute('href')).toBe(`/api/v1/jobs/${done.id}/result`);
    expect(screen.getByText('Listo')).toBeTruthy();
  }, 30_000);

  it('cancels only after confirmation', async () => {
    const calls = serve();
    const user = userEvent.setup();
    renderWithProviders(<MyJobs />, '/reports');
    await user.click(await screen.findByRole('button', { name: 'Cancelar: Informe anual 2025 (PDF)' }, slow));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Se detendrá «Informe anual 2025 \(PDF\)»/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'No, continuar' }));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Cancelar: Informe anual 2025 (PDF)' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Sí, cancelar' }));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([`/api/v1/jobs/${running.id}/cancel`]);
    expect(await screen.findByText('Cancelando…', {}, slow)).toBeTruthy();
  }, 30_000);
});
