import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { grantCaseAccess } from '../policy';

/**
 * The list's total is counted over the policy's branches made disjoint (UNION ALL, no de-duplication): a case
 * the institution both owns and holds a grant on (sent away and back, say) must still count once.
 */
let registry: TestRegistry;
let registrar: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
});
afterAll(() => registry.close());

describe('the case list total', () => {
  it('counts a case seen through two branches (owned and granted) once, in both paging modes', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-02-01' });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    await grantCaseAccess(registry.deps.db, { caseId: ids[0]!, institutionId: registrar.institutionId, basis: 'transfer', grantedBy: null });
    const keyset = await registrar.client.get('/api/v1/cases?limit=25');
    expect(keyset.status).toBe(200);
    expect(keyset.body).toMatchObject({ total: 3, totalCapped: false, nextCursor: null });
    expect(new Set(keyset.body.items.map((c: { id: string }) => c.id))).toEqual(new Set(ids));
    const paged = await registrar.client.get('/api/v1/cases?page=1&pageSize=2');
    expect(paged.body).toMatchObject({ total: 3, totalCapped: false });
    expect(paged.body.items).toHaveLength(2);
  });
});
