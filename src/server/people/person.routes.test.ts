import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { persons } from '../../db/schema';
import { grantCaseAccess } from '../policy';

let registry: TestRegistry;
let registrar: MadeUser;
let caseId: string;
let victimPersonId: string;
let suspectPersonId: string;

beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
  const created = await registrar.client.post('/api/v1/cases', {
    source: 'complaint',
    reportedOn: '2026-01-05',
    victims: [{ person: { sex: 'female', identity: { givenNames: 'María José', familyNames: 'Huamán Ccori', document: { type: 'dni', number: '4567-8912' }, birthDate: '2009-04-02' } }, ageYears: 16 }],
    suspects: [{ person: { sex: 'male', identity: { givenNames: 'Pedro', familyNames: 'Salas' } } }],
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  victimPersonId = created.body.victims[0].personId;
  suspectPersonId = created.body.suspects[0].personId;
});
afterAll(() => registry.close());

describe('identity at rest', () => {
  it('stores identity only as ciphertext and blind indexes', async () => {
    const [row] = await registry.deps.db.select().from(persons).where(eq(persons.id, victimPersonId));
    expect(row!.identityEnc).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toMatch(/Huam|Mar[ií]a|45678912/);
    expect(row!.documentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.nameTokenHashes).toHaveLength(4);
    expect(row!.birthYear).toBe(2009);
  });
});

describe('searching persons', () => {
  it('finds by document whatever the spelling of the number', async () => {
    const found = await registrar.client.get('/api/v1/persons?documentType=dni&documentNumber=45678912');
    expect(found.status).toBe(200);
    expect(found.body.items.map((p: any) => p.id)).toEqual([victimPersonId]);
    expect(found.body.items[0].cases).toEqual([expect.objectContaining({ caseId, role: 'victim' })]);
    expect(found.body.items[0]).not.toHaveProperty('identity');
    const admin = await makeUser(registry, { roles: ['administrator'] });
    const audit = await admin.client.get('/api/v1/audit?action=person.search');
    expect(audit.body.items[0].details).toEqual({ by: 'document', hits: 1 });
  });

  it('finds by full name in any order, case and accents', async () => {
    const found = await registrar.client.get(`/api/v1/persons?name=${encodeURIComponent('ccori huaman maria jose')}`);
    expect(found.body.items.map((p: any) => p.id)).toEqual([victimPersonId]);
  });

  it('finds nothing in cases the actor cannot see', async () => {
    const stranger = await makeUser(registry, { roles: ['registrar'] });
    const found = await stranger.client.get('/api/v1/persons?documentType=dni&documentNumber=45678912');
    expect(found.body).toMatchObject({ items: [], total: 0 });
    expect((await stranger.client.get(`/api/v1/persons/${victimPersonId}`)).status).toBe(404);
  });

  it('asks for criteria', async () => {
    const response = await registrar.client.get('/api/v1/persons');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('person.search_needs_criteria');
  });
});

describe('reading and editing a person', () => {
  it('shows identity only with a reason, and audits that read', async () => {
    const plain = await registrar.client.get(`/api/v1/persons/${suspectPersonId}`);
    expect(plain.body.identityAvailable).toBe(true);
    expect(plain.body).not.toHaveProperty('identity');
    const withReason = await registrar.client.withReason('verificar identidad').get(`/api/v1/persons/${suspectPersonId}`);
    expect(withReason.body.identity).toMatchObject({ givenNames: 'Pedro', familyNames: 'Salas', document: null });
    const admin = await makeUser(registry, { roles: ['administrator'] });
    const audit = await admin.client.get(`/api/v1/audit?action=identity.read&entityId=${suspectPersonId}`);
    expect(audit.body.items[0]).toMatchObject({ reason: 'other: verificar identidad', entityType: 'person' });
  });

  it('edits attributes and identity with a version; stale versions change nothing', async () => {
    const current = (await registrar.client.get(`/api/v1/persons/${victimPersonId}`)).body;
    const edited = await registrar.client.withReason('corrección').patch(`/api/v1/persons/${victimPersonId}`, {
      version: current.version, nationalities: ['PER', 'BOL'], identity: { familyNames: 'Huamán Quispe' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.identity).toMatchObject({ givenNames: 'María José', familyNames: 'Huamán Quispe' });
    expect(edited.body.nationalities).toEqual(['PER', 'BOL']);
    const stale = await registrar.client.patch(`/api/v1/persons/${victimPersonId}`, { version: current.version, sex: 'male' });
    expect(stale.status).toBe(409);
    const [row] = await registry.deps.db.select().from(persons).where(eq(persons.id, victimPersonId));
    expect(row!.sex).toBe('female');
    const renamed = await registrar.client.get(`/api/v1/persons?name=${encodeURIComponent('Maria Jose Huaman Quispe')}`);
    expect(renamed.body.items.map((p: any) => p.id)).toEqual([victimPersonId]);
  });

  it('refuses unknown countries and origins', async () => {
    const current = (await registrar.client.get(`/api/v1/persons/${victimPersonId}`)).body;
    // An unknown ISO code fails in the contract; an unknown UBIGEO against the loaded reference.
    const country = await registrar.client.patch(`/api/v1/persons/${victimPersonId}`, { version: current.version, originCountry: 'QQQ', originUbigeo: '999999' });
    expect(country.status).toBe(400);
    expect(Object.keys(country.body.error.fields).sort()).toEqual(['originCountry']);
    const response = await registrar.client.patch(`/api/v1/persons/${victimPersonId}`, { version: current.version, originCountry: 'BOL', originUbigeo: '999999' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields).sort()).toEqual(['originUbigeo']);
  });

  it('refuses roles without person.read (403) and other institutions (404)', async () => {
    const analyst = await makeUser(registry, { roles: ['analyst'] });
    expect((await analyst.client.get(`/api/v1/persons/${victimPersonId}`)).status).toBe(403);
    const supervisor = await makeUser(registry, { roles: ['supervisor'] });
    expect((await supervisor.client.get(`/api/v1/persons/${victimPersonId}`)).status).toBe(404);
  });

  it('shows a referral-only provider the referred victim, never the suspects', async () => {
    const worker = await makeUser(registry, { roles: ['social_worker'] });
    const victimLinkId = (await registrar.client.get(`/api/v1/cases/${caseId}`)).body.victims[0].id;
    await grantCaseAccess(registry.deps.db, { caseId, institutionId: worker.institutionId, basis: 'referral', victimIds: [victimLinkId], grantedBy: null });
    const victim = await worker.client.get(`/api/v1/persons/${victimPersonId}`);
    expect(victim.status).toBe(200);
    expect(victim.body.cases).toEqual([expect.objectContaining({ caseId, role: 'victim', linkId: victimLinkId })]);
    expect((await worker.client.get(`/api/v1/persons/${suspectPersonId}`)).status).toBe(404);
    const byName = await worker.client.get(`/api/v1/persons?name=${encodeURIComponent('Pedro Salas')}`);
    expect(byName.body.total).toBe(0);
  });

  it('lets an institution the case was sent to read the person but not edit it', async () => {
    const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
    await grantCaseAccess(registry.deps.db, { caseId, institutionId: prosecutor.institutionId, basis: 'police_report', grantedBy: null });
    const seen = await prosecutor.client.get(`/api/v1/persons/${victimPersonId}`);
    expect(seen.status).toBe(200);
    const edit = await prosecutor.client.patch(`/api/v1/persons/${victimPersonId}`, { version: seen.body.version, sex: 'unknown' });
    expect(edit.status).toBe(403);
    expect(edit.body.error.code).toBe('person.not_owner');
  });
});
