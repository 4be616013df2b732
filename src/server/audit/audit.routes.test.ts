import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/api-client';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, TEST_ADMIN_PASSWORD, type TestRegistry } from '../../../test/registry';
import { countryToday } from '../../core/country-date';

let registry: TestRegistry;
let admin: ApiClient;
beforeAll(async () => {
  registry = await createTestRegistry();
  admin = await loginAs(registry.app, 'admin', TEST_ADMIN_PASSWORD);
});
afterAll(() => registry.close());

const loginsOf = async (reader: ApiClient, userId: string, query = '') => {
  const res = await reader.get(`/api/v1/audit?action=auth.login&entityId=${userId}&pageSize=100${query}`);
  expect(res.status).toBe(200);
  return res.body.items as Array<{ entityId: string; institutionId: string }>;
};

describe('audit log reading', () => {
  it("shows a supervisor her own institution's entries only, and an administrator every institution's", async () => {
    const supervisorA = await makeUser(registry, { roles: ['supervisor'] });
    const registrarA = await makeUser(registry, { roles: ['registrar'], institutionId: supervisorA.institutionId });
    const registrarB = await makeUser(registry, { roles: ['registrar'] });

    expect(await loginsOf(supervisorA.client, registrarA.id)).toHaveLength(1);
    expect(await loginsOf(supervisorA.client, registrarB.id)).toHaveLength(0);
    expect(await loginsOf(admin, registrarA.id)).toHaveLength(1);
    expect(await loginsOf(admin, registrarB.id)).toHaveLength(1);

    // A registrar does not read the log at all.
    expect((await registrarA.client.get('/api/v1/audit')).status).toBe(403);
  });

  it("filters by the country's calendar days", async () => {
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    const today = countryToday();
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(await loginsOf(admin, registrar.id, `&from=${today}&to=${today}`)).toHaveLength(1);
    expect(await loginsOf(admin, registrar.id, `&to=${yesterday}`)).toHaveLength(0);
  });
});
