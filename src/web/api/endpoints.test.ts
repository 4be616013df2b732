import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { z } from 'zod';
import { endpoint } from '../../contracts/endpoints/endpoint';
import type { CaseListItem } from '../../contracts/cases';
import { addCatalogues, setupI18n } from '../i18n/setup';
import { spanishRest } from '../i18n/spanish-rest';
import { ApiError, setCsrfToken } from './client';
import { api, bindEndpoints } from './endpoints';

setupI18n('es');
addCatalogues('es', spanishRest); // every screen's texts, as the signed-in shell loads them

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}
function answer(status: number, data: unknown) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    sent.push({ url, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    return new Response(status === 204 ? null : JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json' } });
  }));
  return sent;
}
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('the typed API client', () => {
  it('calls a list with its query and answers the contract type', async () => {
    const sent = answer(200, { items: [], total: 0, totalCapped: false });
    const page = await api.cases.list({ q: 'RETA-2026', page: 2, pageSize: 25, status: undefined });
    expectTypeOf(page.items).toEqualTypeOf<CaseListItem[]>();
    expect(page.total).toBe(0);
    expect(sent).toEqual([expect.objectContaining({ url: '/api/v1/cases?q=RETA-2026&page=2&pageSize=25', method: 'GET', body: undefined })]);
  });

  it('fills path parameters (encoded) and sends the access reason', async () => {
    const sent = answer(200, { id: 'x' });
    await api.cases.get({ id: 'a/b' }, { accessReason: 'Atención' });
    expect(sent[0]!.url).toBe('/api/v1/cases/a%2Fb');
    expect(sent[0]!.headers['X-Access-Reason']).toBe(encodeURIComponent('Atención'));
  });

  it('sends a create with its body, the CSRF token and the Idempotency-Key', async () => {
    setCsrfToken('csrf-1');
    const sent = answer(201, { id: 'c1' });
    await api.hotline.createCall({ receivedAt: '2026-03-01T10:00:00.000Z', channel: 'phone', callerType: 'anonymous', classification: 'tip' } as never, { idempotencyKey: 'key-1' });
    expect(sent[0]).toMatchObject({ url: '/api/v1/hotline/calls', method: 'POST', body: { channel: 'phone' } });
    expect(sent[0]!.headers).toMatchObject({ 'X-CSRF-Token': 'csrf-1', 'Idempotency-Key': 'key-1' });
  });

  it('a POST without a body sends an empty object (an inbox looked at)', async () => {
    const sent = answer(200, { seenAt: '2026-03-01T00:00:00.000Z' });
    const seen = await api.inbox.referralsSeen();
    expectTypeOf(seen).toEqualTypeOf<{ seenAt: string }>();
    expect(sent[0]).toMatchObject({ url: '/api/v1/referrals/inbox/seen', method: 'POST', body: {} });
  });

  it('raises the API error with its field messages', async () => {
    answer(400, { error: { code: 'validation.failed', message: 'No', fields: { q: 'too_short' } } });
    const failure = await api.search.run({ q: 'a' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: 'validation.failed', fields: { q: 'too_short' } });
  });

  it('binds any table of the same shape, and refuses a call missing a path parameter', async () => {
    const client = bindEndpoints({ things: { remove: endpoint({ method: 'DELETE', path: '/api/v1/things/:id', params: z.object({ id: z.string() }), responses: { 204: z.null() } }) } });
    const sent = answer(204, null);
    await client.things.remove({ id: 't1' });
    expect(sent[0]).toMatchObject({ url: '/api/v1/things/t1', method: 'DELETE' });
    expect(() => client.things.remove({ id: '' })).toThrow(/missing path parameter id/);
  });

  it('keeps the untyped calls for operations not yet in the table', () => {
    expect(typeof api.get).toBe('function');
    expect(typeof api.send).toBe('function');
  });
});
