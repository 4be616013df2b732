import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog, caseAccess } from '../../db/schema';
import { makeCast, makeChain, type Cast } from './justice-test-helpers';

let registry: TestRegistry;
let cast: Cast;
beforeAll(async () => {
  registry = await createTestRegistry();
  cast = await makeCast(registry);
});
afterAll(() => registry.close());

describe('from arrest to prison, each institution in its stage (the issue scenario)', () => {
  it('follows one defendant through police, prosecutor office, court and prison', async () => {
    const chain = await makeChain(registry, cast, { suspects: [{}, { isPublicOfficial: true }] });
    const { police, prosecutor, clerk, otherProsecutor, otherCourt, analyst, url, justiceUrl } = chain;

    // Before the police report, the prosecutor office cannot see the case at all.
    expect((await prosecutor.client.get(justiceUrl)).status).toBe(404);
    expect((await prosecutor.client.post(url(), { type: 'preliminary_investigation_opened', occurredOn: '2016-07-01' })).status).toBe(404);

    const arrest = await police.client.post(url(), { type: 'arrest', occurredOn: '2016-06-01', documentNumber: 'ATESTADO-12' });
    expect(arrest.status).toBe(201);
    expect(arrest.body).toMatchObject({ type: 'arrest', stage: 'police', institutionId: police.institutionId, unitId: police.unitId });

    const report = await police.client.post(url(), { type: 'police_report_sent', occurredOn: '2016-06-20', receivingInstitutionId: prosecutor.institutionId });
    expect(report.status).toBe(201);
    const grants = await registry.deps.db.select().from(caseAccess).where(eq(caseAccess.caseId, chain.caseId));
    expect(report.body.receivingInstitutionId).toBe(prosecutor.institutionId);
    expect(grants.map((g) => [g.institutionId, g.basis])).toEqual([[prosecutor.institutionId, 'police_report']]);

    // Now the office that received the report sees it; another office and the court still do not.
    expect((await prosecutor.client.get(justiceUrl)).status).toBe(200);
    expect((await otherProsecutor.client.get(justiceUrl)).status).toBe(404);
    expect((await clerk.client.get(justiceUrl)).status).toBe(404);

    const investigation = await prosecutor.client.post(url(), { type: 'preliminary_investigation_opened', occurredOn: '2016-07-01', documentNumber: 'CF-506-2016', articles: [{ number: '153' }] });
    expect(investigation.status).toBe(201);
    expect(investigation.body.articles).toEqual([expect.objectContaining({ articleNumber: '153', regimeCode: 'law_28950', isTrafficking: true })]);
    // A prosecutor does not record police events, the police do not record prosecution events.
    expect((await prosecutor.client.post(url(), { type: 'arrest', occurredOn: '2016-07-02' })).body.error.code).toBe('justice.permission_for_stage');
    expect((await police.client.post(url(), { type: 'archived', occurredOn: '2016-07-02', archiveReason: 'other' })).status).toBe(403);

    const charges = await prosecutor.client.post(url(), { type: 'charges_filed', occurredOn: '2017-02-01', articles: [{ number: '153' }], receivingInstitutionId: clerk.institutionId });
    expect(charges.status).toBe(201);
    expect(charges.body.articles[0]).toMatchObject({ articleNumber: '153', regimeCode: 'law_28950' });
    expect((await clerk.client.get(justiceUrl)).status).toBe(200);
    expect((await otherCourt.client.get(justiceUrl)).status).toBe(404);

    for (const body of [
      { type: 'trial_started', occurredOn: '2017-09-01', court: 'Juzgado Penal Colegiado de Lima' },
      { type: 'decision', occurredOn: '2018-03-01', decision: 'conviction', articles: [{ number: '153' }] },
      { type: 'sentence', occurredOn: '2018-03-01', sentence: { years: 6, months: 0, effective: true }, reparationAmount: 10000 },
    ]) {
      const response = await clerk.client.post(url(), body);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    let view = await clerk.client.get(justiceUrl);
    let defendant = view.body.defendants.find((d: { suspectId: string }) => d.suspectId === chain.suspects[0]);
    expect(defendant).toMatchObject({
      stage: 'court', outcome: 'convicted', sentence: { months: 72, effective: true },
      applicableRange: { articleNumber: '153', regimeCode: 'law_28950', tierCode: 'basic', minMonths: 96, maxMonths: 180, confirmedInPrimarySource: true },
      flags: { belowMinimum: true, suspendedNotAllowed: false, reclassified: false, publicOfficial: false },
    });
    expect(defendant.events.find((e: { type: string }) => e.type === 'sentence')).toMatchObject({ reparationAmount: 10000, currency: 'PEN', sentenceMonths: 72 });

    for (const body of [
      { type: 'appeal_filed', occurredOn: '2018-03-10' },
      { type: 'appeal_decided', occurredOn: '2018-09-10', appealOutcome: 'confirmed' },
      { type: 'final', occurredOn: '2018-09-10' },
      { type: 'imprisonment_started', occurredOn: '2018-09-15' },
    ]) {
      const response = await clerk.client.post(url(), body);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    // A prosecutor may not enter court events, even for a case it sees.
    expect((await prosecutor.client.post(url(), { type: 'released', occurredOn: '2020-01-01' })).status).toBe(403);

    view = await analyst.client.get(justiceUrl);
    expect(view.status).toBe(200);
    expect(view.body.stage).toBe('execution');
    defendant = view.body.defendants.find((d: { suspectId: string }) => d.suspectId === chain.suspects[0]);
    expect(defendant).toMatchObject({ stage: 'execution', outcome: 'imprisoned', final: true, inCustody: true, flags: { belowMinimum: true } });
    expect(defendant.events.map((e: { type: string }) => e.type)).toEqual([
      'arrest', 'police_report_sent', 'preliminary_investigation_opened', 'charges_filed', 'trial_started', 'decision', 'sentence',
      'appeal_filed', 'appeal_decided', 'final', 'imprisonment_started',
    ]);
    const official = view.body.defendants.find((d: { suspectId: string }) => d.suspectId === chain.suspects[1]);
    expect(official).toMatchObject({ stage: 'none', outcome: null, flags: { publicOfficial: true }, events: [] });
    expect(JSON.stringify(view.body)).not.toMatch(/Juan|Pérez/);

    const audit = await registry.deps.db.select().from(auditLog).where(eq(auditLog.entityId, chain.caseId)).orderBy(auditLog.id);
    expect(audit.filter((a) => a.action === 'case.access.grant').map((a) => (a.details as { basis: string }).basis)).toEqual(['police_report', 'charges']);
    const events = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'justice.event.create')));
    expect(events.filter((a) => (a.details as { caseId: string }).caseId === chain.caseId)).toHaveLength(11);
  });
});

describe('authorisation of the justice routes', () => {
  it('answers 401 without a session', async () => {
    const chain = await makeChain(registry, cast);
    expect((await anonymous(registry.app).get(chain.justiceUrl)).status).toBe(401);
    expect((await anonymous(registry.app).post(chain.url(), { type: 'arrest', occurredOn: '2016-06-01' })).status).toBe(401);
    expect((await anonymous(registry.app).get('/api/v1/justice/events')).status).toBe(401);
  });

  it('answers 403 to roles without the permissions', async () => {
    const chain = await makeChain(registry, cast);
    const hotline = await makeUser(registry, { roles: ['hotline_operator'] });
    const socialWorker = await makeUser(registry, { roles: ['social_worker'], institutionId: chain.police.institutionId });
    expect((await hotline.client.get(chain.justiceUrl)).status).toBe(403);
    expect((await hotline.client.get('/api/v1/justice/events')).status).toBe(403);
    expect((await socialWorker.client.post(chain.url(), { type: 'arrest', occurredOn: '2016-06-01' })).status).toBe(403);
    expect((await chain.analyst.client.post(chain.url(), { type: 'arrest', occurredOn: '2016-06-01' })).status).toBe(403);
  });

  it('answers 404 for a case out of scope, an unknown case or a suspect of another case', async () => {
    const chain = await makeChain(registry, cast);
    const other = await makeChain(registry, cast);
    const outsider = chain.otherPolice;
    expect((await outsider.client.get(chain.justiceUrl)).status).toBe(404);
    expect((await outsider.client.post(chain.url(), { type: 'arrest', occurredOn: '2016-06-01' })).status).toBe(404);
    const wrongSuspect = await chain.police.client.post(chain.url(other.suspects[0]), { type: 'arrest', occurredOn: '2016-06-01' });
    expect(wrongSuspect.status).toBe(404);
    expect(wrongSuspect.body.error.code).toBe('justice.suspect.not_found');
    expect((await chain.police.client.get(`/api/v1/cases/${crypto.randomUUID()}/justice`)).status).toBe(404);
  });

  it('refuses court events from an institution the charges did not reach, even one that sees the case', async () => {
    const chain = await makeChain(registry, cast);
    const both = await makeUser(registry, { roles: ['prosecutor', 'court_clerk'], institutionId: chain.prosecutor.institutionId, unitId: chain.prosecutor.unitId });
    await chain.police.client.post(chain.url(), { type: 'police_report_sent', occurredOn: '2016-06-20', receivingInstitutionId: chain.prosecutor.institutionId });
    const response = await both.client.post(chain.url(), { type: 'trial_started', occurredOn: '2017-01-01' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('justice.stage_not_for_institution');
  });

  it('lists only the events of cases in scope', async () => {
    const chain = await makeChain(registry, cast);
    await chain.police.client.post(chain.url(), { type: 'arrest', occurredOn: '2016-06-01' });
    const mine = await chain.police.client.get(`/api/v1/justice/events?caseId=${chain.caseId}&type=arrest`);
    expect(mine.body).toMatchObject({ total: 1, page: 1, items: [{ type: 'arrest', caseId: chain.caseId }] });
    expect((await chain.otherProsecutor.client.get(`/api/v1/justice/events?caseId=${chain.caseId}`)).body).toMatchObject({ total: 0, items: [] });
  });
});
