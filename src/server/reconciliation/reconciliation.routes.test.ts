import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

/** Police and prosecution supervisors reconcile their institutions' complaints, each seeing only its own side. */
let registry: TestRegistry;
let police: MadeUser;
let prosecutor: MadeUser;
let policeSupervisor: MadeUser;
let prosecutionSupervisor: MadeUser;
const codes: Record<string, string> = {};

const complaint = (extra: Record<string, unknown> = {}) => ({
  source: 'complaint', reportedOn: '2026-02-01', factsDateFrom: '2025-03', acts: ['recruitment'], means: ['deception'], purposes: ['sexual_exploitation'], ...extra,
});
const victim = (givenNames: string, familyNames: string, dni?: string) => ({
  person: { sex: 'female', identity: { givenNames, familyNames, ...(dni ? { document: { type: 'dni', number: dni } } : {}) } },
});

beforeAll(async () => {
  registry = await createTestRegistry();
  police = await makeUser(registry, { roles: ['investigator'] });
  prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
  policeSupervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: police.institutionId });
  prosecutionSupervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: prosecutor.institutionId });
  const register = async (name: string, who: MadeUser, body: Record<string, unknown>) => {
    const made = await who.client.post('/api/v1/cases', body);
    expect(made.status, name).toBe(201);
    codes[name] = made.body.code;
    return made.body;
  };
  // Sent with the police report: one case worked by both.
  const sent = await register('sent', police, complaint({ suspects: [{ person: { sex: 'male' } }] }));
  const events = `/api/v1/cases/${sent.id}/suspects/${sent.suspects[0].id}/events`;
  expect((await police.client.post(events, { type: 'police_report_sent', occurredOn: '2026-02-05', receivingInstitutionId: prosecutor.institutionId })).status).toBe(201);
  // The same victim's document in both registries; the police file number typed by the prosecution; the same
  // name with facts in the same months; and one complaint on each side that the other never heard of.
  await register('policeDocument', police, complaint({ victims: [victim('Lucía', 'Mamani', '40123456')] }));
  await register('prosecutionDocument', prosecutor, complaint({ victims: [victim('Lucia', 'Mamani Q.', '40123456')] }));
  await register('policeFile', police, complaint({ externalId: 'PNP-2026-0077' }));
  await register('prosecutionFile', prosecutor, complaint({ externalId: 'pnp 2026/0077' }));
  await register('policeName', police, complaint({ victims: [victim('Rosa', 'Huamán Ccori')] }));
  await register('prosecutionName', prosecutor, complaint({ victims: [victim('Rosa', 'Huamán Ccori')] }));
  await register('policeOnly', police, complaint({ victims: [victim('Carmen', 'Quispe Soto', '70000001')] }));
  await register('prosecutionOnly', prosecutor, complaint({ factsDateFrom: '2024-07', victims: [victim('Rosa', 'Huamán Ccori')] }));
  // A third institution's complaint is in neither side.
  const elsewhere = await makeUser(registry, { roles: ['registrar'] });
  await register('elsewhere', elsewhere, complaint({ victims: [victim('Carmen', 'Quispe Soto', '70000001')] }));
});
afterAll(() => registry.close());

describe('reconciliation between institutions', () => {
  it('shows the police supervisor its complaints with no prosecution file, and only a count of the reverse', async () => {
    const report = await policeSupervisor.client.get(`/api/v1/reconciliation?institutionId=${prosecutor.institutionId}`);
    expect(report.status).toBe(200);
    expect(report.body.ours).toMatchObject({ total: 5, matched: 4, unmatched: [{ code: codes.policeOnly }] });
    expect(report.body.theirs).toMatchObject({ total: 4, matched: 3, unmatchedCount: 1, unmatchedVisible: [] });
    expect(report.body.matchedBy).toEqual({ shared: 1, file_number: 1, person: 1, name_and_facts: 1 });
    const text = JSON.stringify(report.body);
    for (const secret of ['Lucía', 'Mamani', '40123456', 'Rosa', 'Huamán', 'Carmen', '70000001', codes.prosecutionOnly!, codes.prosecutionName!, codes.elsewhere!]) expect(text).not.toContain(secret);
  });

  it('shows the prosecution supervisor the reverse: its files with no police complaint', async () => {
    const report = await prosecutionSupervisor.client.get(`/api/v1/reconciliation?institutionId=${police.institutionId}`);
    expect(report.status).toBe(200);
    expect(report.body.ours).toMatchObject({ total: 4, matched: 3, unmatched: [{ code: codes.prosecutionOnly }] });
    expect(report.body.theirs).toMatchObject({ total: 5, unmatchedCount: 1, unmatchedVisible: [] });
    expect(JSON.stringify(report.body)).not.toContain(codes.policeOnly);
    const later = await prosecutionSupervisor.client.get(`/api/v1/reconciliation?institutionId=${police.institutionId}&from=2099-01-01`);
    expect(later.body.ours.total + later.body.theirs.total).toBe(0);
  });

  it('is for supervisors, between two different institutions, with field messages for bad input', async () => {
    expect((await prosecutor.client.get(`/api/v1/reconciliation?institutionId=${police.institutionId}`)).status).toBe(403);
    const same = await policeSupervisor.client.get(`/api/v1/reconciliation?institutionId=${police.institutionId}`);
    expect(same.status).toBe(400);
    expect(Object.keys(same.body.error.fields)).toEqual(['institutionId']);
    expect((await policeSupervisor.client.get('/api/v1/reconciliation?institutionId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const reversed = await policeSupervisor.client.get(`/api/v1/reconciliation?institutionId=${prosecutor.institutionId}&from=2026-02-01&to=2026-01-01`);
    expect(reversed.status).toBe(400);
    expect(Object.keys(reversed.body.error.fields)).toEqual(['to']);
    expect((await policeSupervisor.client.get('/api/v1/reconciliation?institutionId=x')).status).toBe(400);
  });
});
