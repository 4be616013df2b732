import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

/** The HTCDS-shaped export through the reports' export path: mapped fields, the reader's scope, no identity. */
let registry: TestRegistry;
let police: MadeUser;
let supervisor: MadeUser;
let analyst: MadeUser;
let other: MadeUser;
let made: any;
let foreign: any;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  registry = await createTestRegistry();
  police = await makeUser(registry, { roles: ['investigator'] });
  supervisor = await makeUser(registry, { roles: ['supervisor'], institutionId: police.institutionId });
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
  other = await makeUser(registry, { roles: ['registrar'] });
  const created = await police.client.post('/api/v1/cases', {
    source: 'complaint', reportedOn: '2026-02-01', factsDateFrom: '2025-03', acts: ['recruitment'], means: ['deception'], purposes: ['forced_labour'],
    recruitmentMethods: ['job_offer'], sectors: ['mining'],
    places: [{ kind: 'recruitment', ubigeo: '16' }, { kind: 'exploitation', country: 'BOL' }],
    victims: [{ person: { sex: 'female', nationalities: ['VEN'], identity: { givenNames: 'Yesenia', familyNames: 'Paredes Rojas', document: { type: 'passport', number: 'VZ998877' } } }, ageYears: 16, means: ['debt_bondage', 'withholding_documents'] }],
    suspects: [{ person: { sex: 'male', identity: { givenNames: 'Jorge', familyNames: 'Tello' } }, roles: ['recruiter'] }],
  });
  expect(created.status).toBe(201);
  made = created.body;
  foreign = (await other.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-02-01' })).body;
});
afterAll(() => registry.close());

describe('HTCDS export', () => {
  it('writes HTCDS case records of the reader\'s cases, mapped as domain.md says, without identity', async () => {
    const file = await supervisor.client.get(`/api/v1/exports/htcds.json?year=${year}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain(`reta-htcds-${year}.json`);
    expect(file.body).toMatchObject({ standard: 'HTCDS', version: '2.0', year });
    const codes = file.body.cases.map((c: any) => c.cas_Id);
    expect(codes).toContain(made.code);
    expect(codes).not.toContain(foreign.code);
    const record = file.body.cases.find((c: any) => c.cas_Id === made.code);
    expect(record).toEqual({
      cas_Id: made.code,
      cas_Status: 'Active',
      victims: [{
        prs_Gender: 'Female', prs_Nationality: 'VE', x_AgeBroad: '9-17', vic_IdentificationStatus: 'PossibleVictim', vic_MethodOfRecruitment: ['Job offer/advertisement'],
        vic_MethodsOfControl: ['DebtBondage', 'WithholdsDocuments'], vic_TypeOfLabourExploitation: ['MiningOrDrilling'], vic_TypeOfSexExploitation: [],
      }],
      perpetrators: [{ prs_Gender: 'Male', prs_Nationality: null, per_RoleInProcess: ['RecruiterOrIntermediary'] }],
      events: [{ hte_Type: 'Recruitment', hte_Country: 'PE', hte_State: '16', hte_Date: '2025-03' }, { hte_Type: 'Exploitation', hte_Country: 'BO', hte_State: null, hte_Date: '2025-03' }],
    });
    const text = JSON.stringify(file.body);
    for (const secret of ['Yesenia', 'Paredes', 'VZ998877', 'Jorge', 'Tello', made.id, made.victims[0].personId]) expect(text).not.toContain(secret);
    // Analysts read every institution's cases in full (never identity): both cases are there.
    const all = await analyst.client.get(`/api/v1/exports/htcds.json?year=${year}`);
    expect(all.body.cases.map((c: any) => c.cas_Id)).toEqual(expect.arrayContaining([made.code, foreign.code]));
    expect((await analyst.client.get(`/api/v1/exports/htcds.json?year=${year - 1}`)).body.cases).toEqual([]);
  });

  it('is for holders of exact figures who export, and says which year is wrong', async () => {
    expect((await police.client.get(`/api/v1/exports/htcds.json?year=${year}`)).status).toBe(403);
    const bad = await analyst.client.get('/api/v1/exports/htcds.json?year=abc');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['year']);
  });
});
