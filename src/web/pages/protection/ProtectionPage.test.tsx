import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeView } from '../../../contracts/auth';
import type { ReferralView } from '../../../contracts/protection';
import { SessionProvider, useSession } from '../../api/session';
import { renderWithProviders } from '../../test-utils';
import ProtectionPage from './ProtectionPage';

afterEach(() => cleanup());

// The machine that runs the suite may be loaded: the first render of Mantine's cards takes seconds there.
const slow = { timeout: 15_000 };

const me: MeView = {
  id: 'u1', username: 'social', displayName: 'Social worker', institutionId: 'i-mimp', institutionKind: 'protection', unitId: null,
  roles: ['social_worker'], permissions: ['protection.read', 'protection.write'], scope: { national: true, departments: [] },
  mustChangePassword: false, mustEnrolSecondFactor: false,
};

const party = (id: string, name: string) => ({ id, name });
function referral(id: string, caseCode: string, status: ReferralView['status']) {
  return {
    id, version: status === 'requested' ? 1 : 2, externalId: null, caseId: `case-${id}`, victimId: `victim-${id}`,
    fromInstitution: party('i-pnp', 'Policía'), fromUnit: null, toInstitution: party('i-mimp', 'MIMP'), toUnit: null,
    serviceType: 'psychological', status, consentSource: 'victim_record' as const, requestedOn: '2026-11-30',
    acceptedAt: status === 'requested' ? null : '2026-11-30T10:00:00Z', providedAt: null, declinedAt: null, closedAt: null, declineReason: null, outcome: null,
    nextStatuses: (status === 'requested' ? ['accepted', 'declined'] : ['provided', 'closed']) as ReferralView['nextStatuses'],
    services: [], admissions: [], createdAt: '2026-11-30T09:00:00Z', caseCode, isNew: false,
  };
}
type Row = ReturnType<typeof referral>;
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/**
 * The server as the inbox meets it. Every inbox read is held until the test lets it answer (`answer`),
 * so that a test can act while a read is on its way; the referral's status change answers at once.
 */
function serve(rowsFor: (q: string | null) => Row[]) {
  const waiting: Array<() => void> = [];
  const reads: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://reta.test');
    const method = init?.method ?? 'GET';
    if (url.pathname === '/api/v1/auth/me') return json({ user: me, csrfToken: 'csrf' });
    if (url.pathname === '/api/v1/referrals/inbox/seen') return json({ seenAt: '2026-11-30T10:00:00Z' });
    if (url.pathname === '/api/v1/referrals/inbox') {
      reads.push(url.search);
      const items = rowsFor(url.searchParams.get('q'));
      await new Promise<void>((resolve) => waiting.push(resolve));
      return json({ items, total: items.length, unseen: 0, seenAt: null, page: 1, pageSize: 20 });
    }
    const status = /^\/api\/v1\/referrals\/([^/]+)\/status$/.exec(url.pathname);
    if (method === 'POST' && status) {
      const body = JSON.parse(String(init?.body)) as { status: ReferralView['status'] };
      const row = rowsFor(null).find((r) => r.id === status[1])!;
      const { caseCode: _code, isNew: _new, ...view } = referral(row.id, row.caseCode, body.status);
      return json(view);
    }
    return new Response(JSON.stringify({ error: { code: 'not_found', message: '' } }), { status: 404, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  /** Lets every read on its way answer. */
  const answer = async () => {
    await waitFor(() => expect(waiting.length).toBeGreaterThan(0));
    await act(async () => {
      for (const resolve of waiting.splice(0)) resolve();
    });
  };
  return { reads, answer, pending: () => waiting.length };
}

/** The page as the route guard shows it: once the session is known. */
function SignedIn({ children }: { children: ReactNode }) {
  return useSession().state.status === 'signed-in' ? children : null;
}
const renderInbox = () => renderWithProviders(<SessionProvider><SignedIn><ProtectionPage /></SignedIn></SessionProvider>, '/protection');

describe('the referral inbox', () => {
  it('opens the service form on a click right after accepting, while the list is still being read again', async () => {
    const accepted = new Set<string>();
    const server = serve(() => [referral('r1', 'RETA-2026-000001', accepted.has('r1') ? 'accepted' : 'requested')]);
    const user = userEvent.setup();
    renderInbox();
    await server.answer();
    const card = await screen.findByTestId('referral-card', {}, slow);
    accepted.add('r1');
    await user.click(within(card).getByRole('button', { name: 'Aceptar' }));
    // The accepted referral's list is read again: that read has not answered yet.
    await waitFor(() => expect(server.pending()).toBe(1));
    await user.click(await within(card).findByRole('button', { name: 'Registrar servicio prestado' }, { timeout: 2_000 }));
    expect(within(card).getByTestId('service-form')).toBeTruthy();
    expect(within(card).getByTestId('referral-status').textContent).toBe('Aceptada');
    // The read comes back: the form the social worker opened stays open.
    await server.answer();
    await waitFor(() => expect(server.pending()).toBe(0));
    expect(within(screen.getByTestId('referral-card')).getByTestId('service-form')).toBeTruthy();
  }, 30_000);

  it('keeps the previous search answer out of reach until the new one has come', async () => {
    const server = serve((q) => [
      referral('r-new', 'RETA-2026-000002', 'requested'),
      ...(q ? [] : [referral('r-old', 'RETA-2026-000001', 'accepted')]),
    ]);
    const user = userEvent.setup();
    renderInbox();
    await server.answer();
    await screen.findAllByTestId('referral-card', {}, slow);
    const list = screen.getByTestId('referral-list');
    expect(list.hasAttribute('inert')).toBe(false);
    await user.type(screen.getByTestId('inbox-search'), '000002');
    // Typed, not yet asked for, then asked for: the cards on screen answer the previous search.
    expect(list.hasAttribute('inert')).toBe(true);
    expect(list.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(server.reads.some((search) => search.includes('q=000002'))).toBe(true));
    expect(list.hasAttribute('inert')).toBe(true);
    await server.answer();
    await waitFor(() => expect(list.hasAttribute('inert')).toBe(false));
    expect(list.hasAttribute('aria-busy')).toBe(false);
    expect(screen.getAllByTestId('referral-card')).toHaveLength(1);
  }, 30_000);
});
