import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders, serveJson } from '../../test-utils';
import WebhooksAdmin from './WebhooksAdmin';

afterEach(() => cleanup());

const hook = {
  id: '11111111-1111-4111-8111-111111111111', version: 3, tokenId: '22222222-2222-4222-8222-222222222222', tokenName: 'Sistema fiscal',
  url: 'https://fiscalia.example/reta', active: false, consecutiveFailures: 8, nextAttemptAt: '2026-03-01T10:00:00Z', disabledAt: '2026-03-01T10:00:00Z',
  cursor: '5-40', createdAt: '2026-02-01T10:00:00Z',
};

describe('webhooks administration', () => {
  it('shows a webhook disabled after failures, offers to enable it, and lists its deliveries in words', async () => {
    const calls = serveJson({
      '/api/v1/webhooks/11111111-1111-4111-8111-111111111111/deliveries': {
        items: [
          { id: 'a', attemptedAt: '2026-03-01T10:00:00Z', attempt: 8, changes: 12, ok: false, statusCode: 503, error: 'http_status', durationMs: 40 },
          { id: 'b', attemptedAt: '2026-02-28T10:00:00Z', attempt: 1, changes: 3, ok: true, statusCode: 200, error: null, durationMs: 12 },
        ],
      },
      '/api/v1/webhooks': { items: [hook] },
      '/api/v1/tokens': { items: [{ id: hook.tokenId, name: 'Sistema fiscal', revokedAt: null }] },
    });
    renderWithProviders(<WebhooksAdmin />);
    const row = (await screen.findByText('https://fiscalia.example/reta', undefined, { timeout: 5000 })).closest('tr')!;
    expect(within(row).getByText(/Desactivado el/)).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Activar' })).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Envíos' }));
    await screen.findByText('Fallido: El receptor respondió con un error', undefined, { timeout: 5000 });
    const log = screen.getByRole('table', { name: 'Envíos' });
    expect(within(log).getByText('Entregado')).toBeTruthy();
    expect(calls.some((c) => c.includes('/deliveries'))).toBe(true);
  }, 20_000);
});
