/**
 * The CTDC extract from cases registered through the API (issue 9): the form of exploitation comes from
 * the case's purposes when the victim has none, the country of exploitation from the case's places, and
 * the few victims alone in their group are generalised (region, wider band, form group) rather than
 * blanked, while every combination of published quasi-identifiers keeps at least k rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { exploitationCountryOf, exploitationOf } from './ctdc.extract';

let registry: TestRegistry;
let police: MadeUser;
let analyst: MadeUser;
let outsider: MadeUser;

const person = (i: number, nationality: string) => ({ sex: 'female', nationalities: [nationality], identity: { givenNames: `Víctima ${i}`, familyNames: 'Prueba' } });

async function register(body: Record<string, unknown>) {
  const res = await police.client.withReason('registering the complaint').post('/api/v1/cases', {
    source: 'complaint', reportedOn: '2025-03-01', factsDateFrom: '2025-01', acts: ['recruitment'], means: ['deception'], ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

beforeAll(async () => {
  registry = await createTestRegistry({ logLevel: 'error' });
  police = await makeUser(registry, { roles: ['registrar'] });
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
  outsider = await makeUser(registry, { roles: ['analyst'], departments: ['08'] });
  // 30 Peruvian women of 24 exploited in Chile; the victims carry no form: the case's purpose is forced labour.
  await register({
    purposes: ['forced_labour'], isInternational: true, countries: ['CHL'],
    places: [{ kind: 'recruitment', ubigeo: '15' }, { kind: 'exploitation', country: 'CHL' }],
    victims: Array.from({ length: 30 }, (_, i) => ({ person: person(i, 'PER'), ageYears: 24, ageVerified: true })),
  });
  // 30 Peruvian women of 19 in a domestic case with no place recorded: exploited in Peru.
  await register({
    purposes: ['sexual_exploitation'],
    victims: Array.from({ length: 30 }, (_, i) => ({ person: person(i, 'PER'), ageYears: 19, ageVerified: true, exploitationForms: ['sexual_exploitation'] })),
  });
  // Three South American women, each alone in her detailed group.
  for (const [nationality, age, country, form] of [['COL', 25, 'ARG', 'forced_labour'], ['ECU', 27, 'CHL', 'forced_labour'], ['VEN', 28, 'BOL', 'domestic_servitude']] as const) {
    await register({
      purposes: [form], isInternational: true, countries: [country], places: [{ kind: 'exploitation', country }],
      victims: [{ person: person(0, nationality), ageYears: age, ageVerified: true, exploitationForms: [form] }],
    });
  }
}, 240_000);
afterAll(async () => registry?.close());

describe('CTDC extract', () => {
  it('fills form and country of exploitation from the case and generalises the few before suppressing', async () => {
    const res = await analyst.client.get('/api/v1/exports/ctdc.json?k=3');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { header, rows } = res.body as { header: string[]; rows: unknown[][] };
    const col = (name: string) => header.indexOf(name);
    const cells = rows.map((r) => ({ country: r[col('CountryOfExploitation')], form: r[col('typeOfExploitConcatenated')], citizenship: r[col('citizenship')], age: r[col('ageBroad')], labour: r[col('isForcedLabour')] }));
    expect(cells.filter((c) => c.country === 'CL' && c.form === 'forced_labour' && c.citizenship === 'PE' && c.age === '24-26')).toHaveLength(30);
    expect(cells.filter((c) => c.country === 'PE' && c.form === 'sexual_exploitation' && c.age === '18-20')).toHaveLength(30);
    // The three keep their sex, a band, the region of their citizenship and of exploitation, and the form group.
    const recoded = cells.filter((c) => c.citizenship === 'south_america');
    expect(recoded).toEqual(Array.from({ length: 3 }, () => ({ country: 'south_america', form: 'labour', citizenship: 'south_america', age: '18-29', labour: 1 })));
    expect(rows).toHaveLength(63);
    // Every published combination of quasi-identifiers has at least k rows.
    const qi = ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'CountryOfExploitation', 'typeOfExploitConcatenated'].map(col);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(qi.map((i) => row[i]).join('|'), (counts.get(qi.map((i) => row[i]).join('|')) ?? 0) + 1);
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(3);
  });

  it('covers only the reader\'s geography', async () => {
    const res = await outsider.client.get('/api/v1/exports/ctdc.json?k=3');
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(0);
  });

  it('reads several forms as their group and several places as a list', () => {
    expect(exploitationOf([])).toBe('unknown');
    expect(exploitationOf(['forced_begging'])).toBe('forced_begging');
    expect(exploitationOf(['forced_labour', 'servitude'])).toBe('labour');
    expect(exploitationOf(['sexual_exploitation', 'forced_labour'])).toBe('mixed');
    expect(exploitationCountryOf(['PER', 'CHL', 'PER'], true)).toBe('CHL;PER');
    expect(exploitationCountryOf([], false)).toBe('PER');
    expect(exploitationCountryOf([], true)).toBe('unknown');
  });
});
