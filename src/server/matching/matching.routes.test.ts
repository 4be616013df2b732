import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog, institutions, persons, units } from '../../db/schema';
import { candidatesFor, dni, registerVictim, word } from './matching.test-helpers';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry({ logLevel: 'error' });
});
afterAll(() => registry.close());

const pendingFor = (user: MadeUser, personId: string) => candidatesFor(user, personId);

describe('people across cases', () => {
  it('queues a possible match as soon as the second person is registered, without a scan', async () => {
    const [given, family, number] = [word(), word(), dni()];
    const policeA = await makeUser(registry, { roles: ['investigator'] });
    // The same institution, another region: the pair stays with the institution's own reviewers.
    const policeB = await makeUser(registry, { roles: ['registrar'], institutionId: policeA.institutionId, departments: ['21'] });
    await registerVictim(policeA, { identity: { givenNames: given, familyNames: family, document: { type: 'dni', number } } });
    const b = await registerVictim(policeB, { identity: { givenNames: word(), document: { type: 'dni', number } } });
    const pending = await pendingFor(policeB, b.personId);
    expect(pending).toHaveLength(1);
    expect(pending[0].reasons).toEqual(['document']);
    expect(pending[0].other.visible).toBe(false);
  });

  it('proposes a match across institutions to the supervisors of both, each told only whom to contact', async () => {
    const [given, family, number] = [word(), word(), dni()];
    const policeA = await makeUser(registry, { roles: ['investigator'] });
    const policeB = await makeUser(registry, { roles: ['registrar'], departments: ['08'] });
    const supervisorA = await makeUser(registry, { roles: ['supervisor'], institutionId: policeA.institutionId });
    const supervisorB = await makeUser(registry, { roles: ['supervisor'], institutionId: policeB.institutionId, departments: ['08'] });
    const a = await registerVictim(policeA, { birthYear: 2004, identity: { givenNames: given, familyNames: family, document: { type: 'dni', number } } });
    const b = await registerVictim(policeB, { birthYear: 2005, identity: { givenNames: `${given} ${word()}`, document: { type: 'dni', number: `${number.slice(0, 4)}-${number.slice(4)}` } } });

    const scan = await policeB.client.post(`/api/v1/matching/scan/${b.personId}`);
    expect(scan.status).toBe(200);
    expect(scan.body).toEqual({ proposed: 0, candidates: [] });
    expect(await pendingFor(policeB, b.personId)).toEqual([]);
    const seenByB = (await pendingFor(supervisorB, b.personId))[0];
    expect(seenByB.reasons).toEqual(['document']);
    expect(seenByB.own).toMatchObject({ visible: true, personId: b.personId, appearances: [{ caseId: b.caseId, role: 'victim' }] });
    const [unitA] = await registry.deps.db.select().from(units).where(eq(units.id, policeA.unitId!));
    const [institutionA] = await registry.deps.db.select().from(institutions).where(eq(institutions.id, policeA.institutionId));
    expect(seenByB.other).toEqual({ visible: false, contacts: [{ unitName: unitA!.name, institutionName: institutionA!.name }] });
    const text = JSON.stringify(scan.body) + JSON.stringify(seenByB);
    for (const secret of [a.personId, a.caseId, a.caseCode, given, family, number]) expect(text).not.toContain(secret);

    expect((await policeB.client.withReason('checking a possible match').get(`/api/v1/persons/${a.personId}`)).status).toBe(404);

    expect(await pendingFor(policeA, a.personId)).toEqual([]);
    const seenByA = (await pendingFor(supervisorA, a.personId))[0];
    expect(seenByA.own.personId).toBe(a.personId);
    expect(seenByA.other.visible).toBe(false);
    expect(JSON.stringify(seenByA)).not.toContain(b.personId);

    const outsider = await makeUser(registry, { roles: ['supervisor'], national: true });
    expect(await pendingFor(outsider, a.personId)).toEqual([]);
    expect((await outsider.client.get(`/api/v1/matching/candidates/${seenByA.id}`)).status).toBe(404);
  });

  it('finds a similar name with the same sex and a close birth year, and shows both sides within scope', async () => {
    const police = await makeUser(registry, { roles: ['investigator'] });
    const [first, last] = [word(), word()];
    const a = await registerVictim(police, { birthYear: 1990, identity: { givenNames: `${first} ${word()}`, familyNames: `${last} ${word()}` } });
    const b = await registerVictim(police, { birthYear: 1992, identity: { givenNames: first, familyNames: `${last} ${word()}` } });
    await registerVictim(police, { birthYear: 1992, sex: 'male', identity: { givenNames: first, familyNames: last } });
    await registerVictim(police, { birthYear: 1996, identity: { givenNames: first, familyNames: last } });
    await police.client.post(`/api/v1/matching/scan/${b.personId}`);
    const found = await pendingFor(police, b.personId);
    expect(found).toHaveLength(1);
    expect(found[0].reasons).toEqual(['name_tokens']);
    const sides = [found[0].own, found[0].other];
    expect(sides.every((s: any) => s.visible)).toBe(true);
    expect(sides.map((s: any) => s.personId).sort()).toEqual([a.personId, b.personId].sort());
  });

  it('merges on confirmation, keeps the case links, and unmerges', async () => {
    const [given, family] = [word(), word()];
    const policeA = await makeUser(registry, { roles: ['investigator'] });
    // One institution, two regions: one confirmation merges (across institutions see matching.review.test.ts).
    const policeB = await makeUser(registry, { roles: ['investigator'], institutionId: policeA.institutionId, departments: ['08'] });
    const a = await registerVictim(policeA, { identity: { givenNames: given, familyNames: family } });
    const b = await registerVictim(policeB, { identity: { givenNames: family, familyNames: given } });
    await policeB.client.post(`/api/v1/matching/scan/${b.personId}`);
    const [candidate] = await pendingFor(policeB, b.personId);
    expect(candidate.reasons).toContain('name');

    expect((await policeB.client.post(`/api/v1/matching/candidates/${candidate.id}/unmerge`, { version: candidate.version })).status).toBe(422);
    const confirmed = await policeB.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: candidate.version });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', survivor: 'other', own: { personId: b.personId, merged: true } });
    expect((await policeB.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: candidate.version })).status).toBe(409);
    expect((await policeB.client.post(`/api/v1/matching/candidates/${candidate.id}/reject`, { version: confirmed.body.version })).status).toBe(422);
    const queue = (await policeB.client.get('/api/v1/matching/candidates?pageSize=200')).body.items.map((c: any) => c.id);
    const everything = (await policeB.client.get('/api/v1/matching/candidates?status=all&pageSize=200')).body.items.map((c: any) => c.id);
    expect([queue.includes(candidate.id), everything.includes(candidate.id)]).toEqual([false, true]);
    const [merged] = await registry.deps.db.select().from(persons).where(eq(persons.id, b.personId));
    expect(merged!.mergedIntoId).toBe(a.personId);
    const caseB = await policeB.client.get(`/api/v1/cases/${b.caseId}`);
    expect(caseB.body.victims[0].personId).toBe(b.personId);
    const audits = await registry.deps.db.select().from(auditLog).where(eq(auditLog.entityId, candidate.id));
    expect(audits.map((e) => e.action)).toEqual(['person.merge']);
    expect(JSON.stringify(audits)).not.toContain(given);

    const seenByA = await policeA.client.get(`/api/v1/matching/candidates/${candidate.id}`);
    expect(seenByA.body).toMatchObject({ status: 'confirmed', survivor: 'own', other: { visible: false } });
    const unmerged = await policeA.client.post(`/api/v1/matching/candidates/${candidate.id}/unmerge`, { version: confirmed.body.version });
    expect(unmerged.status).toBe(200);
    expect(unmerged.body.status).toBe('unmerged');
    const [restored] = await registry.deps.db.select().from(persons).where(eq(persons.id, b.personId));
    expect(restored!.mergedIntoId).toBeNull();
    const rescan = await policeB.client.post(`/api/v1/matching/scan/${b.personId}`);
    expect(rescan.body.proposed).toBe(0);
  });

  it('rejects a candidate for good', async () => {
    const number = dni();
    const police = await makeUser(registry, { roles: ['investigator'] });
    const a = await registerVictim(police, { identity: { givenNames: word(), document: { type: 'passport', number } } });
    await registerVictim(police, { identity: { givenNames: word(), document: { type: 'passport', number } } });
    await police.client.post(`/api/v1/matching/scan/${a.personId}`);
    const [candidate] = await pendingFor(police, a.personId);
    const rejected = await police.client.post(`/api/v1/matching/candidates/${candidate.id}/reject`, { version: candidate.version });
    expect(rejected.body.status).toBe('rejected');
    expect((await police.client.post(`/api/v1/matching/scan/${a.personId}`)).body).toEqual({ proposed: 0, candidates: [] });
  });

  it('answers 401, 403 and 404 on every matching route', async () => {
    const number = dni();
    const police = await makeUser(registry, { roles: ['investigator'] });
    const a = await registerVictim(police, { identity: { givenNames: word(), document: { type: 'dni', number } } });
    await registerVictim(police, { identity: { givenNames: word(), document: { type: 'dni', number } } });
    await police.client.post(`/api/v1/matching/scan/${a.personId}`);
    const [candidate] = await pendingFor(police, a.personId);
    const hotline = await makeUser(registry, { roles: ['hotline_operator'] });
    const stranger = await makeUser(registry, { roles: ['investigator'] });
    const routes: Array<[string, string, unknown?]> = [
      ['POST', `/api/v1/matching/scan/${a.personId}`],
      ['GET', `/api/v1/matching/candidates/${candidate.id}`],
      ['POST', `/api/v1/matching/candidates/${candidate.id}/confirm`, { version: 1 }],
      ['POST', `/api/v1/matching/candidates/${candidate.id}/reject`, { version: 1 }],
      ['POST', `/api/v1/matching/candidates/${candidate.id}/unmerge`, { version: 1 }],
    ];
    for (const [method, url, body] of [...routes, ['GET', '/api/v1/matching/candidates'] as [string, string]]) {
      expect((await anonymous(registry.app).request(method as never, url, body)).status, `${method} ${url}`).toBe(401);
      expect((await hotline.client.request(method as never, url, body)).status, `${method} ${url}`).toBe(403);
    }
    for (const [method, url, body] of routes) expect((await stranger.client.request(method as never, url, body)).status, `${method} ${url}`).toBe(404);
    expect((await stranger.client.get('/api/v1/matching/candidates')).body.total).toBe(0);
  });
});
