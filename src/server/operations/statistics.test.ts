import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { sumPreventionByMonth } from '../prevention/prevention.repository';
import { sumOperationsByMonth, visibleOperationsCondition } from './operation.repository';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry();
});
afterAll(() => registry.close());

/** The repository sums the statistics feature reuses, checked on both database drivers. */
describe('figures for the statistics', () => {
  it('sums operations by month and type, within the scope given', async () => {
    const police = await makeUser(registry, { roles: ['investigator'] });
    const other = await makeUser(registry, { roles: ['investigator'] });
    const op = (operationDate: string, type: string, personsFound: number, minorsFound: number, victimsIdentified: number, arrests: number) => ({
      operationDate, type, ubigeo: '15', personsFound, minorsFound, victimsIdentified, arrests,
    });
    await police.client.post('/api/v1/operations', op('2022-01-05', 'rescue', 10, 4, 6, 2));
    await police.client.post('/api/v1/operations', op('2022-01-20', 'rescue', 5, 1, 2, 1));
    await police.client.post('/api/v1/operations', op('2022-03-02', 'labour_inspection', 30, 7, 9, 0));
    await police.client.post('/api/v1/operations', op('2021-12-31', 'rescue', 99, 0, 0, 0));
    await other.client.post('/api/v1/operations', op('2022-01-07', 'rescue', 50, 0, 0, 5));

    const me = await police.client.get('/api/v1/auth/me');
    const actor = { ...me.body.user, userId: police.id, institutionId: police.institutionId, permissions: new Set(), scope: { national: false, departments: ['15'] } };
    const rows = await sumOperationsByMonth(registry.deps.db, visibleOperationsCondition(actor), 2022);
    expect(rows).toEqual([
      { month: 1, type: 'rescue', operations: 2, personsFound: 15, minorsFound: 5, victimsIdentified: 8, arrests: 3, withLinkedCase: 0 },
      { month: 3, type: 'labour_inspection', operations: 1, personsFound: 30, minorsFound: 7, victimsIdentified: 9, arrests: 0, withLinkedCase: 0 },
    ]);
    const all = await sumOperationsByMonth(registry.deps.db, sql`true`, 2022);
    expect(all.find((r) => r.month === 1)!.arrests).toBe(8);
  });

  it('sums prevention activities and participants by month and type', async () => {
    const organiser = await makeUser(registry, { roles: ['social_worker'] });
    const activity = (activityDate: string, type: string, participantsTotal: number, participantsFemale: number, participantsMale: number) => ({
      activityDate, type, audiences: ['teachers'], ubigeo: '15', participantsTotal, participantsFemale, participantsMale,
    });
    await organiser.client.post('/api/v1/prevention/activities', activity('2022-02-01', 'training', 20, 12, 8));
    await organiser.client.post('/api/v1/prevention/activities', activity('2022-02-15', 'training', 10, 0, 0));
    await organiser.client.post('/api/v1/prevention/activities', activity('2022-07-15', 'awareness_campaign', 300, 160, 140));
    const rows = await sumPreventionByMonth(registry.deps.db, sql`true`, 2022);
    expect(rows).toEqual([
      { month: 2, type: 'training', activities: 2, participantsTotal: 30, participantsFemale: 12, participantsMale: 8, participantsUnknown: 0 },
      { month: 7, type: 'awareness_campaign', activities: 1, participantsTotal: 300, participantsFemale: 160, participantsMale: 140, participantsUnknown: 0 },
    ]);
  });

  it('documents every route of the three features in OpenAPI', async () => {
    const doc = await anonymous(registry.app).get('/api/docs/json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const path of ['/api/v1/hotline/calls', '/api/v1/hotline/calls/{id}/case-link', '/api/v1/hotline/stats/monthly', '/api/v1/operations/{id}/cases/{caseId}', '/api/v1/prevention/activities/{id}']) {
      expect(paths).toContain(path);
    }
  });
});
