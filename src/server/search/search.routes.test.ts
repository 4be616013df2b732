import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { withoutUuids } from '../../../test/secrets';

/** The header's search through HTTP: scope per actor, identity look-ups only with identity.read, audited. */
let registry: TestRegistry;
let owner: MadeUser;
let admin: MadeUser;
let caseId: string;
let caseCode: string;
let referredPersonId: string;
const DOC = '4412-7788';
const OTHER_DOC = '55667711';

const search = (user: MadeUser, q: string, extra = '') => user.client.get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);

beforeAll(async () => {
  registry = await createTestRegistry();
  owner = await makeUser(registry, { roles: ['registrar'] });
  admin = await makeUser(registry, { roles: ['administrator'] });
  const created = await owner.client.post('/api/v1/cases', {
    source: 'complaint',
    reportedOn: '2026-01-05',
    externalId: 'PNP-DIRCTPTIM-0042',
    victims: [
      { person: { sex: 'female', identity: { givenNames: 'Rosa Elvira', familyNames: 'Ccahuana Paucar', document: { type: 'dni', number: DOC } } }, ageYears: 17 },
      { person: { sex: 'female', identity: { givenNames: 'Juana', familyNames: 'Ticona', document: { type: 'dni', number: OTHER_DOC } } }, ageYears: 19 },
    ],
    suspects: [{ person: { sex: 'male', identity: { givenNames: 'Héctor', familyNames: 'Zevallos Ñique' } } }],
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  caseCode = created.body.code;
  referredPersonId = created.body.victims[0].personId;
  const suspectId = created.body.suspects[0].id;
  const arrest = await owner.client.post(`/api/v1/cases/${caseId}/suspects/${suspectId}/events`, { type: 'arrest', occurredOn: '2026-01-06', documentNumber: 'Atestado 118-2026' });
  expect(arrest.status).toBe(201);
});
afterAll(() => registry.close());

describe('search by case code and file number', () => {
  it('finds a case by its code, the tail of its code, its external id and a justice file number', async () => {
    for (const q of [caseCode, caseCode.toLowerCase(), caseCode.slice(-11), 'pnp-dirctptim-0042', ' ATESTADO 118-2026 ']) {
      const found = await search(owner, q);
      expect(found.status, q).toBe(200);
      expect(found.body.cases, q).toEqual([expect.objectContaining({ caseId, code: caseCode, status: 'open', unitId: expect.any(String), unitName: expect.any(String) })]);
    }
  });

  it('finds nothing of another institution’s case, and treats LIKE wildcards as letters', async () => {
    const stranger = await makeUser(registry, { roles: ['registrar'] });
    for (const q of [caseCode, 'PNP-DIRCTPTIM-0042', 'ATESTADO 118-2026', DOC, 'Rosa Ccahuana']) {
      const found = await search(stranger, q);
      expect(found.status).toBe(200);
      expect(found.body, q).toMatchObject({ cases: [], persons: [] });
    }
    expect((await search(owner, '%%')).body.cases).toEqual([]);
    expect((await search(owner, '2026-%')).body.cases).toEqual([]);
    expect((await search(owner, '__')).body.cases).toEqual([]);
  });

  it('refuses a term too short or too long, and roles without case reading', async () => {
    expect((await search(owner, 'a')).status).toBe(400);
    expect((await search(owner, 'x'.repeat(101))).status).toBe(400);
    expect((await search(owner, 'abc', '&kind=everything')).status).toBe(400);
    const hotline = await makeUser(registry, { roles: ['hotline_operator'] });
    expect((await search(hotline, caseCode)).status).toBe(403);
  });
});

describe('search by document and name (identity look-ups)', () => {
  it('lets the owner find a victim by document, with the name only when a reason is given', async () => {
    const plain = await search(owner, '44127788');
    expect(plain.body.kinds).toContain('document');
    expect(plain.body.persons).toEqual([{ personId: referredPersonId, name: null, identityAvailable: true, cases: [expect.objectContaining({ caseId, code: caseCode, role: 'victim' })] }]);
    expect(JSON.stringify(plain.body)).not.toMatch(/Rosa|Ccahuana/);
    const withReason = await owner.client.withReason('case_follow_up').get(`/api/v1/search?q=${DOC}`);
    expect(withReason.body.persons[0].name).toBe('Rosa Elvira Ccahuana Paucar');
  });

  it('finds persons by name tokens in any order, case and accents; suspects too', async () => {
    const victim = await search(owner, 'ccahuana ROSA');
    expect(victim.body.persons.map((p: any) => p.personId)).toEqual([referredPersonId]);
    const suspect = await search(owner, 'ñique hector');
    expect(suspect.body.persons).toHaveLength(1);
    expect(suspect.body.persons[0].cases[0]).toMatchObject({ caseId, role: 'suspect' });
    expect((await search(owner, 'nique hector')).body.persons).toEqual([]);
  });

  it('audits each identity look-up by kind and hits, never the term', async () => {
    await search(owner, DOC);
    const audit = await admin.client.get('/api/v1/audit?action=search.identity');
    expect(audit.status).toBe(200);
    const mine = audit.body.items.filter((e: any) => e.actorName === owner.username);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0].details).toEqual({ kinds: ['document'], hits: 1 });
    // Ids and request ids are random hex: one may hold four of the document's digits; the terms may not.
    expect(withoutUuids(JSON.stringify(audit.body))).not.toMatch(/4412|7788|Ccahuana|Rosa|Zevallos/i);
    // A case-code search is no identity look-up and is not recorded as one.
    const before = mine.length;
    await search(owner, caseCode);
    const after = (await admin.client.get('/api/v1/audit?action=search.identity')).body.items.filter((e: any) => e.actorName === owner.username);
    expect(after.length).toBe(before);
  });

  it('lets an analyst find cases by code but never persons by name or document', async () => {
    const analyst = await makeUser(registry, { roles: ['analyst'], national: true });
    const byCode = await analyst.client.withReason('case_follow_up').get(`/api/v1/search?q=${caseCode}`);
    expect(byCode.body.cases.map((c: any) => c.caseId)).toEqual([caseId]);
    for (const q of [DOC, 'Rosa Ccahuana', 'Zevallos']) {
      const found = await analyst.client.withReason('case_follow_up').get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      expect(found.body.persons, q).toEqual([]);
      expect(found.body.kinds).not.toContain('document');
      expect(found.body.kinds).not.toContain('name');
    }
    expect((await search(analyst, DOC, '&kind=document')).status).toBe(403);
    expect((await search(analyst, 'Rosa', '&kind=name')).status).toBe(403);
  });

  it('lets a referral-only provider find the referred victim only: not the other victim, not the suspect, not the case files', async () => {
    const provider = await makeUser(registry, { roles: ['social_worker'], kind: 'social_services' });
    const before = await search(provider, DOC);
    expect(before.body).toMatchObject({ cases: [], persons: [] });
    const victims = (await owner.client.get(`/api/v1/cases/${caseId}`)).body.victims;
    const referred = victims.find((v: any) => v.personId === referredPersonId);
    const referral = await owner.client.post('/api/v1/referrals', { victimId: referred.id, toInstitutionId: provider.institutionId, serviceType: 'shelter', consentGiven: true });
    expect(referral.status).toBe(201);
    const found = await search(provider, DOC);
    expect(found.body.persons.map((p: any) => p.personId)).toEqual([referredPersonId]);
    expect(found.body.persons[0].cases).toEqual([expect.objectContaining({ caseId, role: 'victim' })]);
    expect((await search(provider, OTHER_DOC)).body.persons).toEqual([]);
    expect((await search(provider, 'Juana Ticona')).body.persons).toEqual([]);
    expect((await search(provider, 'Zevallos')).body.persons).toEqual([]);
    expect((await search(provider, 'ATESTADO 118-2026')).body.cases).toEqual([]);
    // The case it was referred for can be reached by its code.
    expect((await search(provider, caseCode)).body.cases.map((c: any) => c.caseId)).toEqual([caseId]);
  });

  it('limits the pace of searching per account', async () => {
    const busy = await makeUser(registry, { roles: ['registrar'] });
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await search(busy, `RETA-2026-${String(i).padStart(6, '0')}`)).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await search(owner, caseCode)).status).toBe(200);
  });
});
