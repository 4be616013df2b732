import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeInstitution, makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog } from '../../db/schema';

let registry: TestRegistry;
let organiser: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  organiser = await makeUser(registry, { roles: ['social_worker'] });
});
afterAll(() => registry.close());

const activity = (overrides: Record<string, unknown> = {}) => ({
  activityDate: '2026-04-22',
  type: 'training',
  title: 'Identificación de víctimas',
  audiences: ['police', 'prosecutors'],
  ubigeo: '08',
  participantsTotal: 40,
  participantsFemale: 22,
  participantsMale: 17,
  participantsUnknown: 1,
  ...overrides,
});

describe('prevention activities API', () => {
  it('creates an activity with participants by sex and institution, idempotently, audited', async () => {
    const police = await makeInstitution(registry.deps, 'police');
    const created = await organiser.client.post('/api/v1/prevention/activities', activity({ externalId: 'PREV-1', participantsByInstitution: [{ institutionId: police.id, count: 25 }] }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ institutionId: organiser.institutionId, placeDepartment: '08', participantsTotal: 40, audiences: ['police', 'prosecutors'], version: 1 });
    expect(created.body.participantsByInstitution).toEqual([{ institutionId: police.id, count: 25 }]);
    const again = await organiser.client.post('/api/v1/prevention/activities', activity({ externalId: 'PREV-1', participantsByInstitution: [{ institutionId: police.id, count: 25 }] }));
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(created.body.id);
    // Different data under the same externalId is refused, never silently dropped (issue 8, item 17).
    const changed = await organiser.client.post('/api/v1/prevention/activities', activity({ externalId: 'PREV-1', title: 'Otro título' }));
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('idempotency.mismatch');
    const audit = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, created.body.id), eq(auditLog.action, 'prevention.create')));
    expect(audit).toHaveLength(1);

    const analyst = await makeUser(registry, { roles: ['analyst'], departments: ['15'] });
    const list = await analyst.client.get('/api/v1/prevention/activities?audience=prosecutors&type=training&department=08&pageSize=200');
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(created.body.id);
    expect(list.body).toMatchObject({ page: 1, pageSize: 200 });
    const none = await analyst.client.get('/api/v1/prevention/activities?audience=judges');
    expect(none.body.items.map((a: { id: string }) => a.id)).not.toContain(created.body.id);
  });

  it('refuses participants that do not add up, unknown institutions and empty audiences (400 with fields)', async () => {
    const mismatch = await organiser.client.post('/api/v1/prevention/activities', activity({ participantsUnknown: 0 }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.fields.participantsTotal).toMatch(/add up to the total/);
    const unknown = await organiser.client.post('/api/v1/prevention/activities', activity({ participantsByInstitution: [{ institutionId: '00000000-0000-4000-8000-000000000009', count: 1 }] }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields['participantsByInstitution.0.institutionId']).toBeDefined();
    const noAudience = await organiser.client.post('/api/v1/prevention/activities', activity({ audiences: [] }));
    expect(noAudience.status).toBe(400);
    expect(noAudience.body.error.fields.audiences).toBeDefined();
    const badAudience = await organiser.client.post('/api/v1/prevention/activities', activity({ audiences: ['aliens'] }));
    expect(badAudience.status).toBe(400);
  });

  it('updates with the version, answers 409 when stale, 403 to an analyst-wide reader of another institution and 404 to one who cannot see it', async () => {
    const created = await organiser.client.post('/api/v1/prevention/activities', activity());
    const id = created.body.id;
    const inconsistent = await organiser.client.patch(`/api/v1/prevention/activities/${id}`, { participantsTotal: 50, version: 1 });
    expect(inconsistent.status).toBe(400);
    const updated = await organiser.client.patch(`/api/v1/prevention/activities/${id}`, { participantsTotal: 50, participantsUnknown: 11, version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ participantsTotal: 50, version: 2 });
    const stale = await organiser.client.patch(`/api/v1/prevention/activities/${id}`, { type: 'workshop', version: 1 });
    expect(stale.status).toBe(409);
    // Another institution's organiser does not see the activity at all (scoped like every record): 404.
    const other = await makeUser(registry, { roles: ['investigator'] });
    expect((await other.client.patch(`/api/v1/prevention/activities/${id}`, { type: 'workshop', version: 2 })).status).toBe(404);
    // One who reads it analyst-wide and organises activities elsewhere may still not change it: 403.
    const wide = await makeUser(registry, { roles: ['analyst', 'investigator'], national: true });
    expect((await wide.client.get(`/api/v1/prevention/activities/${id}`)).status).toBe(200);
    const forbidden = await wide.client.patch(`/api/v1/prevention/activities/${id}`, { type: 'workshop', version: 2 });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('prevention.not_organiser');
  });

  it('answers 401, 403 and 404 as it should on every route', async () => {
    const anon = anonymous(registry.app);
    const missing = '00000000-0000-4000-8000-000000000001';
    expect((await anon.get('/api/v1/prevention/activities')).status).toBe(401);
    expect((await anon.post('/api/v1/prevention/activities', activity())).status).toBe(401);
    expect((await anon.get(`/api/v1/prevention/activities/${missing}`)).status).toBe(401);
    expect((await anon.patch(`/api/v1/prevention/activities/${missing}`, { version: 1 })).status).toBe(401);

    const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
    const analyst = await makeUser(registry, { roles: ['analyst'] });
    expect((await prosecutor.client.get('/api/v1/prevention/activities')).status).toBe(403);
    expect((await prosecutor.client.get(`/api/v1/prevention/activities/${missing}`)).status).toBe(403);
    expect((await analyst.client.post('/api/v1/prevention/activities', activity())).status).toBe(403);
    expect((await analyst.client.patch(`/api/v1/prevention/activities/${missing}`, { version: 1 })).status).toBe(403);

    expect((await organiser.client.get(`/api/v1/prevention/activities/${missing}`)).status).toBe(404);
    expect((await organiser.client.patch(`/api/v1/prevention/activities/${missing}`, { version: 1 })).status).toBe(404);
  });
});

describe('prevention activities are scoped like every other record (issue 8)', () => {
  it('shows an activity to its institution and to analysts within their regions, to no one else', async () => {
    const created = await organiser.client.post('/api/v1/prevention/activities', activity({ title: 'Taller regional' }));
    expect(created.status).toBe(201);
    const id = created.body.id;
    const ids = async (user: MadeUser) => (await user.client.get('/api/v1/prevention/activities?pageSize=200')).body.items.map((a: { id: string }) => a.id);

    const outsider = await makeUser(registry, { roles: ['labour_inspector'] });
    expect((await outsider.client.get(`/api/v1/prevention/activities/${id}`)).status).toBe(404);
    expect(await ids(outsider)).not.toContain(id);
    const colleagueElsewhere = await makeUser(registry, { roles: ['social_worker'], institutionId: organiser.institutionId, departments: ['08'] });
    expect((await colleagueElsewhere.client.get(`/api/v1/prevention/activities/${id}`)).status).toBe(404);
    const regionalAnalyst = await makeUser(registry, { roles: ['analyst'], departments: ['08'] });
    expect((await regionalAnalyst.client.get(`/api/v1/prevention/activities/${id}`)).status).toBe(404);
    expect(await ids(regionalAnalyst)).not.toContain(id);

    const colleague = await makeUser(registry, { roles: ['social_worker'], institutionId: organiser.institutionId });
    const analyst = await makeUser(registry, { roles: ['analyst'], national: true });
    for (const reader of [organiser, colleague, analyst]) {
      expect((await reader.client.get(`/api/v1/prevention/activities/${id}`)).status).toBe(200);
      expect(await ids(reader)).toContain(id);
    }
  });
});
