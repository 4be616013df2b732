import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog } from '../../db/schema';
import { dni, registerVictim, word } from './matching.test-helpers';

/** Scans for duplicates are rate-limited per user (config.matchScansPerHour) and audited (issue 8, item 7). */
const SCANS_PER_HOUR = 4;

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry({ logLevel: 'error', matchScansPerHour: SCANS_PER_HOUR });
});
afterAll(() => registry.close());

describe('duplicate scans', () => {
  it(`allows ${SCANS_PER_HOUR} scans per user per hour, then answers 429 in the standard error shape; every scan is audited`, async () => {
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    const other = await makeUser(registry, { roles: ['registrar'], institutionId: registrar.institutionId });
    const victim = await registerVictim(registrar, { identity: { givenNames: word(), document: { type: 'dni', number: dni() } } });
    for (let i = 0; i < SCANS_PER_HOUR; i++) expect((await registrar.client.post(`/api/v1/matching/scan/${victim.personId}`)).status).toBe(200);
    const refused = await registrar.client.post(`/api/v1/matching/scan/${victim.personId}`);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'match.scan_rate_limited', message: expect.stringContaining(String(SCANS_PER_HOUR)), requestId: expect.any(String) } });
    expect((await registrar.client.post(`/api/v1/matching/scan/${victim.personId}`)).status).toBe(429);
    // Per user: a colleague still scans.
    expect((await other.client.post(`/api/v1/matching/scan/${victim.personId}`)).status).toBe(200);

    const entries = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, registrar.id), inArray(auditLog.action, ['match.scan', 'match.scan.refused'])));
    expect(entries.filter((e) => e.action === 'match.scan')).toHaveLength(SCANS_PER_HOUR);
    expect(entries.filter((e) => e.action === 'match.scan.refused')).toHaveLength(2);
    expect(entries.every((e) => e.entityId === victim.personId)).toBe(true);
  });

  it('refuses concurrent scans beyond the limit too', async () => {
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    const victim = await registerVictim(registrar, { identity: { givenNames: word() } });
    const answers = await Promise.all(Array.from({ length: SCANS_PER_HOUR + 3 }, () => registrar.client.post(`/api/v1/matching/scan/${victim.personId}`)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(SCANS_PER_HOUR);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(3);
  });
});
