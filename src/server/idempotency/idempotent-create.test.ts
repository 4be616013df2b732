import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { cases, persons } from '../../db/schema';
import { canonicalJson } from '../../core/canonical-json';

/** Issue 8, item 17: a replay with an existing externalId but different data answers 409, never the old record. */
let registry: TestRegistry;
let registrar: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
});
afterAll(() => registry.close());

const minimal = (extra: Record<string, unknown> = {}) => ({ source: 'complaint', reportedOn: '2026-02-01', ...extra });
const casesWith = async (externalId: string) =>
  Number((await registry.deps.db.select({ n: count() }).from(cases).where(and(eq(cases.externalId, externalId), eq(cases.registeredByInstitutionId, registrar.institutionId))))[0]!.n);
const personsWith = async (externalId: string) =>
  registry.deps.db.select().from(persons).where(and(eq(persons.externalId, externalId), eq(persons.createdByInstitutionId, registrar.institutionId)));

describe('idempotent creates on externalId', () => {
  it('a case: the same request (keys in any order, nulls for absent) is the same case; different data is 409 and writes nothing', async () => {
    const first = await registrar.client.post('/api/v1/cases', minimal({ externalId: 'SIDPOL-1', purposes: ['forced_labour'], narrative: 'relato' }));
    expect(first.status).toBe(201);
    const same = await registrar.client.post('/api/v1/cases', { narrative: 'relato', purposes: ['forced_labour'], externalId: 'SIDPOL-1', reportedOn: '2026-02-01', source: 'complaint', factsDateFrom: null });
    expect(same.status).toBe(200);
    expect(same.body.id).toBe(first.body.id);
    for (const changed of [{ purposes: ['sexual_exploitation'] }, { narrative: 'otro relato' }, { reportedOn: '2026-02-02' }, { victims: [{ person: { sex: 'female' } }] }]) {
      const response = await registrar.client.post('/api/v1/cases', minimal({ externalId: 'SIDPOL-1', purposes: ['forced_labour'], narrative: 'relato', ...changed }));
      expect(response.status, JSON.stringify(changed)).toBe(409);
      expect(response.body.error).toMatchObject({ code: 'idempotency.mismatch', message: expect.stringContaining('externalId') });
    }
    expect(await casesWith('SIDPOL-1')).toBe(1);
    const read = await registrar.client.withReason().get(`/api/v1/cases/${first.body.id}`);
    expect(read.body).toMatchObject({ purposes: ['forced_labour'], narrative: 'relato', version: 1 });
  });

  it('a person inside a case: the same data reuses the person; different data refuses the whole case', async () => {
    const person = { externalId: 'PER-IDEM-1', sex: 'female', identity: { givenNames: 'Ana', familyNames: 'Mamani' } };
    const first = await registrar.client.post('/api/v1/cases', minimal({ victims: [{ person }] }));
    const second = await registrar.client.post('/api/v1/cases', minimal({ victims: [{ person }] }));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.victims[0].personId).toBe(first.body.victims[0].personId);
    const before = Number((await registry.deps.db.select({ n: count() }).from(cases))[0]!.n);
    const changed = await registrar.client.post('/api/v1/cases', minimal({ victims: [{ person: { ...person, identity: { givenNames: 'Ana', familyNames: 'Quispe' } } }] }));
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('idempotency.mismatch');
    expect(Number((await registry.deps.db.select({ n: count() }).from(cases))[0]!.n)).toBe(before);
    const stored = await personsWith('PER-IDEM-1');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.requestHash).toMatch(/^[0-9a-f]{64}$/);
    // The hash is keyed: it never equals a plain SHA-256 of the request, which would let anyone holding the
    // database confirm a guessed name.
    const { createHash } = await import('node:crypto');
    expect(stored[0]!.requestHash).not.toBe(createHash('sha256').update(canonicalJson(person, { omitNullMembers: true })).digest('hex'));
  });

  it('concurrent creates with one externalId: one 201, the others 200 with the same case, or 409 when the data differs', async () => {
    const same = await Promise.all(Array.from({ length: 4 }, () => registrar.client.post('/api/v1/cases', minimal({ externalId: 'RACE-IDEM-1' }))));
    expect(same.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(same.map((r) => r.body.id)).size).toBe(1);
    const mixed = await Promise.all([
      registrar.client.post('/api/v1/cases', minimal({ externalId: 'RACE-IDEM-2', acts: ['recruitment'] })),
      registrar.client.post('/api/v1/cases', minimal({ externalId: 'RACE-IDEM-2', acts: ['transfer'] })),
    ]);
    expect(mixed.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await casesWith('RACE-IDEM-2')).toBe(1);
  });

  it('canonical JSON ignores key order and absent members, not array order or values', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null, e: undefined } }, { omitNullMembers: true })).toBe(canonicalJson({ a: { d: [1, 2] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
  });
});
