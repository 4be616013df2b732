import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeView } from '../../../contracts/auth';
import type { CallView } from '../../../contracts/hotline';
import { SessionProvider, useSession } from '../../api/session';
import { renderWithProviders } from '../../test-utils';
import { CallDetail } from './CallDetail';

afterEach(() => cleanup());

const slow = { timeout: 15_000 };

const police: MeView = {
  id: 'u2', username: 'police', displayName: 'Police officer', institutionId: 'i-pnp', institutionKind: 'police', unitId: 'unit-1',
  roles: ['police'], permissions: ['case.read', 'case.update'], scope: { national: true, departments: [] },
  mustChangePassword: false, mustEnrolSecondFactor: false,
};

const call: CallView = {
  id: 'c1', externalId: null, receivedAt: '2026-11-30T09:00:00Z', channel: 'phone', callerType: 'anonymous', classification: 'actionable_report',
  ubigeo: '17', country: null, status: 'referred', outcome: 'pending', summary: null, hasSummary: false,
  referral: { unitId: 'unit-1', unitCode: 'PNP-17', unitName: 'Comisaría', institutionId: 'i-pnp', at: '2026-11-30T09:01:00Z', mode: 'automatic', level: 'department' },
  linkedCase: null, arrests: null, closedReason: null, closedAt: null, outcomeAt: null, version: 1, createdAt: '2026-11-30T09:00:00Z', updatedAt: '2026-11-30T09:00:00Z',
} as CallView;

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** One call; recording its outcome makes a new version of it. */
function serve() {
  let current = call;
  const reads: number[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://reta.test');
    if (url.pathname === '/api/v1/auth/me') return json({ user: police, csrfToken: 'csrf' });
    if (url.pathname === '/api/v1/hotline/calls/c1') {
      reads.push(current.version);
      return json(current);
    }
    if (url.pathname === '/api/v1/hotline/calls/c1/outcome' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as { arrests?: number };
      current = { ...current, arrests: body.arrests ?? null, version: current.version + 1 };
      return json(current);
    }
    if (url.pathname === '/api/v1/units') return json({ items: [], total: 0 });
    return new Response(JSON.stringify({ error: { code: 'not_found', message: '' } }), { status: 404, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return reads;
}

function SignedIn({ children }: { children: ReactNode }) {
  return useSession().state.status === 'signed-in' ? children : null;
}

describe('a hotline call followed up', () => {
  it('keeps the case code being typed when another follow-up form saves and the call is read again', async () => {
    const reads = serve();
    const user = userEvent.setup();
    renderWithProviders(<SessionProvider><SignedIn><CallDetail id="c1" onClose={() => {}} /></SignedIn></SessionProvider>, '/hotline');
    const detail = await screen.findByTestId('call-detail', {}, slow);
    await user.type(within(detail).getByLabelText('Código del caso'), 'RETA-2026-000123');
    await user.type(within(detail).getByLabelText('Detenciones'), '2');
    await user.click(within(detail).getByRole('button', { name: 'Registrar resultado' }));
    // The call is read again and comes back as its new version…
    await waitFor(() => expect(reads).toEqual([1, 2]));
    await waitFor(() => expect(within(screen.getByTestId('call-detail')).getByLabelText<HTMLInputElement>('Detenciones').value).toBe('2'));
    // …and the code typed in the other form is still there.
    expect(within(screen.getByTestId('call-detail')).getByLabelText<HTMLInputElement>('Código del caso').value).toBe('RETA-2026-000123');
  }, 30_000);
});
