import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog, institutions, persons, units } from '../../db/schema';
import { candidatesFor, dni, registerVictim, word } from './matching.test-helpers';

/**
 * Duplicate matching is not an existence oracle (issue 8, item 7): a pair across institutions goes to the
 * supervisors of both institutions, never to whoever typed the data; a merge needs both; scans are
 * rate-limited and audited.
 */
let registry: TestRegistry;
/** Two police institutions, each with a registrar and a supervisor; every test registers its own people. */
let registrarA: MadeUser, registrarB: MadeUser, supervisorA: MadeUser, supervisorB: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry({ logLevel: 'error' });
  [registrarA, registrarB] = [await makeUser(registry, { roles: ['registrar'] }), await makeUser(registry, { roles: ['registrar'] })];
  supervisorA = await makeUser(registry, { roles: ['supervisor'], institutionId: registrarA.institutionId });
  supervisorB = await makeUser(registry, { roles: ['supervisor'], institutionId: registrarB.institutionId });
});
afterAll(() => registry.close());

async function placeOf(user: MadeUser) {
  const [unit] = await registry.deps.db.select().from(units).where(eq(units.id, user.unitId!));
  const [institution] = await registry.deps.db.select().from(institutions).where(eq(institutions.id, user.institutionId));
  return { unitName: unit!.name, institutionName: institution!.name };
}

/** Institution A holds a victim; a registrar of institution B types the same document number. */
async function guessedAcrossInstitutions() {
  const [given, family, number] = [word(), word(), dni()];
  const a = await registerVictim(registrarA, { birthYear: 2001, identity: { givenNames: given, familyNames: family, document: { type: 'dni', number } } });
  const b = await registerVictim(registrarB, { identity: { givenNames: word(), document: { type: 'dni', number } } });
  return { given, family, number, a, b };
}

const withoutRequestId = (body: any) => ({ ...body, error: { ...body.error, requestId: undefined } });

describe('duplicate review across institutions', () => {
  it('tells the registrar who typed a guessed document number nothing: the scan answers as if there were no match', async () => {
    const { a, b, given, family, number } = await guessedAcrossInstitutions();
    const unmatched = await registerVictim(registrarB, { identity: { givenNames: word(), document: { type: 'dni', number: dni() } } });

    const scan = await registrarB.client.post(`/api/v1/matching/scan/${b.personId}`);
    const noMatch = await registrarB.client.post(`/api/v1/matching/scan/${unmatched.personId}`);
    expect([scan.status, noMatch.status]).toEqual([200, 200]);
    expect(scan.body).toEqual(noMatch.body);
    expect(scan.body).toEqual({ proposed: 0, candidates: [] });
    for (const secret of [a.personId, a.caseCode, given, family, number]) expect(JSON.stringify(scan.body)).not.toContain(secret);

    // Nor in the queue, nor by asking for the other person: exactly as for a person who does not exist.
    expect(await candidatesFor(registrarB, b.personId, 'all')).toEqual([]);
    expect((await registrarB.client.get('/api/v1/matching/candidates?status=all')).body.total).toBe(0);
    const probe = await registrarB.client.post(`/api/v1/matching/scan/${a.personId}`);
    const nobody = await registrarB.client.post(`/api/v1/matching/scan/${randomUUID()}`);
    expect([probe.status, nobody.status]).toEqual([404, 404]);
    expect(withoutRequestId(probe.body)).toEqual(withoutRequestId(nobody.body));
    // Its audit entry (read by the supervisors of B) says no more than the response.
    const scans = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, registrarB.id), eq(auditLog.action, 'match.scan'))).orderBy(auditLog.id);
    expect(scans.slice(-2).map((e) => [e.entityId, e.details])).toEqual([[b.personId, { proposed: 0, shown: 0 }], [unmatched.personId, { proposed: 0, shown: 0 }]]);
    // The registrar of the other institution is not told either.
    expect(await candidatesFor(registrarA, a.personId, 'all')).toEqual([]);
  });

  it('shows the pair to the supervisors of both institutions, each with only the institution and unit of the other side', async () => {
    const { a, b, given, family, number } = await guessedAcrossInstitutions();
    const [seenByB] = await candidatesFor(supervisorB, b.personId);
    expect(seenByB).toMatchObject({
      status: 'pending', crossInstitution: true, reasons: ['document'],
      own: { visible: true, personId: b.personId, appearances: [{ caseId: b.caseId }] },
      other: { visible: false, contacts: [await placeOf(registrarA)] },
    });
    expect(Object.keys(seenByB.other).sort()).toEqual(['contacts', 'visible']);
    for (const secret of [a.personId, a.caseId, a.caseCode, given, family, number]) expect(JSON.stringify(seenByB)).not.toContain(secret);
    // A's birth year as a value anywhere (not as four digits inside a random unit or institution code).
    expect(JSON.stringify(seenByB)).not.toMatch(/[:,[]"?2001"?[,\]}]/);

    const [seenByA] = await candidatesFor(supervisorA, a.personId);
    expect(seenByA).toMatchObject({ id: seenByB.id, own: { personId: a.personId }, other: { visible: false, contacts: [await placeOf(registrarB)] } });
    for (const secret of [b.personId, b.caseId, b.caseCode]) expect(JSON.stringify(seenByA)).not.toContain(secret);

    // A supervisor of a third institution, even national, sees nothing.
    const outsider = await makeUser(registry, { roles: ['supervisor'], national: true });
    expect((await outsider.client.get(`/api/v1/matching/candidates/${seenByA.id}`)).status).toBe(404);
    expect(await candidatesFor(outsider, a.personId, 'all')).toEqual([]);
  });

  it('never shows the pair to the user who typed the data, even one who is also a supervisor', async () => {
    const number = dni();
    const holder = await makeUser(registry, { roles: ['registrar'] });
    const typist = await makeUser(registry, { roles: ['registrar', 'supervisor'] });
    const colleague = await makeUser(registry, { roles: ['supervisor'], institutionId: typist.institutionId });
    await registerVictim(holder, { identity: { givenNames: word(), document: { type: 'passport', number } } });
    const typed = await registerVictim(typist, { identity: { givenNames: word(), document: { type: 'passport', number } } });
    expect((await typist.client.post(`/api/v1/matching/scan/${typed.personId}`)).body).toEqual({ proposed: 0, candidates: [] });
    expect(await candidatesFor(typist, typed.personId, 'all')).toEqual([]);
    const [candidate] = await candidatesFor(colleague, typed.personId);
    expect(candidate.crossInstitution).toBe(true);
    expect((await typist.client.get(`/api/v1/matching/candidates/${candidate.id}`)).status).toBe(404);
    expect((await typist.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: candidate.version })).status).toBe(404);
    // Nor as a data-quality flag on the typist's own case (supervisors read the quality checks), while a
    // pair within the institution still is one.
    const twice = { type: 'dni', number: dni() };
    await registerVictim(typist, { identity: { givenNames: word(), document: twice } });
    const again = await registerVictim(typist, { identity: { givenNames: word(), document: twice } });
    const flagged = await typist.client.get('/api/v1/quality/cases?check=duplicate_pending&pageSize=100');
    expect(flagged.status).toBe(200);
    const flaggedIds = flagged.body.items.map((c: any) => c.caseId);
    expect(flaggedIds).toContain(again.caseId);
    expect(flaggedIds).not.toContain(typed.caseId);
  });

  it('keeps an institution\'s own duplicates from an institution it shared a case with', async () => {
    const number = dni();
    const police = await makeUser(registry, { roles: ['investigator'] });
    const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
    const prosecutionSupervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: prosecutor.institutionId });
    const shared = await police.client.post('/api/v1/cases', {
      source: 'complaint', reportedOn: '2026-01-15', acts: ['recruitment'], purposes: ['sexual_exploitation'], means: ['deception'],
      victims: [{ person: { sex: 'female', identity: { givenNames: word(), document: { type: 'dni', number } } } }],
      suspects: [{ person: { sex: 'male' } }],
    });
    expect(shared.status).toBe(201);
    await registerVictim(police, { identity: { givenNames: word(), document: { type: 'dni', number } } });
    const events = `/api/v1/cases/${shared.body.id}/suspects/${shared.body.suspects[0].id}/events`;
    expect((await police.client.post(events, { type: 'arrest', occurredOn: '2026-01-20' })).status).toBe(201);
    expect((await police.client.post(events, { type: 'police_report_sent', occurredOn: '2026-01-25', receivingInstitutionId: prosecutor.institutionId })).status).toBe(201);
    const victimPersonId = shared.body.victims[0].personId;
    expect((await prosecutor.client.withReason('charges').get(`/api/v1/persons/${victimPersonId}`)).status).toBe(200);

    // The police see their pair; the prosecutor office, which reads the shared case, learns nothing of it.
    expect(await candidatesFor(police, victimPersonId)).toHaveLength(1);
    expect((await prosecutor.client.post(`/api/v1/matching/scan/${victimPersonId}`)).body).toEqual({ proposed: 0, candidates: [] });
    expect(await candidatesFor(prosecutionSupervisor, victimPersonId, 'all')).toEqual([]);
  });

  it('merges only when a supervisor of each institution has confirmed, and audits each confirmation', async () => {
    const { a, b } = await guessedAcrossInstitutions();
    const [candidate] = await candidatesFor(supervisorB, b.personId);
    const names = { a: (await placeOf(registrarA)).institutionName, b: (await placeOf(registrarB)).institutionName };
    expect(candidate.confirmation).toEqual({ ownConfirmed: false, confirmedBy: [], waitingFor: expect.arrayContaining([names.a, names.b]) });

    // Plain registrars cannot decide a pair across institutions, whichever side they are on.
    for (const registrar of [registrarA, registrarB]) {
      expect((await registrar.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: candidate.version })).status).toBe(404);
    }

    const first = await supervisorB.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: candidate.version });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'pending', decidedAt: null, confirmation: { ownConfirmed: true, confirmedBy: [names.b], waitingFor: [names.a] } });
    const stillApart = await registry.deps.db.select().from(persons).where(inArray(persons.id, [a.personId, b.personId]));
    expect(stillApart.map((p) => p.mergedIntoId)).toEqual([null, null]);
    const again = await supervisorB.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: first.body.version });
    expect([again.status, again.body.error.code]).toEqual([422, 'match.already_confirmed']);
    expect((await supervisorA.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: candidate.version })).status).toBe(409);

    const [seenByA] = await candidatesFor(supervisorA, a.personId);
    expect(seenByA.confirmation).toEqual({ ownConfirmed: false, confirmedBy: [names.b], waitingFor: [names.a] });
    const second = await supervisorA.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: seenByA.version });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'confirmed', survivor: 'own', confirmation: { ownConfirmed: true, waitingFor: [] }, other: { visible: false } });
    const [merged] = await registry.deps.db.select().from(persons).where(eq(persons.id, b.personId));
    expect(merged!.mergedIntoId).toBe(a.personId);

    const audits = await registry.deps.db.select().from(auditLog).where(eq(auditLog.entityId, candidate.id)).orderBy(auditLog.id);
    expect(audits.map((e) => [e.action, e.actorId])).toEqual([['match.confirm', supervisorB.id], ['person.merge', supervisorA.id]]);
    // Each institution's supervisors read their own entries: neither names the other side's record.
    for (const secret of [a.personId, b.personId]) expect(JSON.stringify(audits.map((e) => e.details))).not.toContain(secret);
  });

  it('lets either side reject, even after the other confirmed', async () => {
    const { a, b } = await guessedAcrossInstitutions();
    const [candidate] = await candidatesFor(supervisorA, a.personId);
    const confirmed = await supervisorA.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: candidate.version });
    const rejected = await supervisorB.client.post(`/api/v1/matching/candidates/${candidate.id}/reject`, { version: confirmed.body.version });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    const pair = await registry.deps.db.select().from(persons).where(inArray(persons.id, [a.personId, b.personId]));
    expect(pair.map((p) => p.mergedIntoId)).toEqual([null, null]);
    expect((await supervisorA.client.post(`/api/v1/matching/candidates/${candidate.id}/confirm`, { version: rejected.body.version })).status).toBe(422);
    const audits = await registry.deps.db.select().from(auditLog).where(eq(auditLog.entityId, candidate.id)).orderBy(auditLog.id);
    expect(audits.map((e) => e.action)).toEqual(['match.confirm', 'match.reject']);
  });
});
