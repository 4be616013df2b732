/**
 * The tables the source reports published from the police registry and the public ministry, rebuilt
 * from record-level data with the published counts and checked figure by figure through the API, in the
 * same layout and precision. Where the published figures are themselves inconsistent, the test shows it
 * with arithmetic instead of bending RETA's rounding.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentOf } from '../../core/stats/rounding';
import { makeInstitution, makeUnit, makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';

let registry: TestRegistry;
let analyst: MadeUser;
const inst: Record<'purpose' | 'age' | 'district' | 'origin', string> = { purpose: '', age: '', district: '', origin: '' };

async function unitIn(institutionId: string, ubigeo: string) {
  return (await makeUnit(registry.deps, institutionId, ubigeo)).id;
}

/** n cases of one institution and unit, registered on consecutive days from `start`, with a purpose expression. */
async function insertCases(prefix: string, institutionId: string, unitId: string, department: string, n: number, start: string, purposes = `array['sexual_exploitation']`) {
  await registry.deps.db.execute(sql`
    insert into cases (code, institution_id, unit_id, department_code, registered_at, source, reported_on, purposes)
    select ${prefix} || '-' || g, ${institutionId}::uuid, ${unitId}::uuid, ${department},
           ${start}::timestamptz + (g - 1) * interval '1 day', 'complaint', (${start}::timestamptz + (g - 1) * interval '1 day')::date, ${sql.raw(purposes)}
    from generate_series(1, ${n}) g`);
}

/** One victim per row of `spec` (sex, age, origin), in cases `${casePrefix}-<1 + (g-1)/perCase>`. */
async function insertVictims(prefix: string, institutionId: string, casePrefix: string, perCase: number, n: number, sex: string, age: string, origin: string) {
  const db = registry.deps.db;
  await db.execute(sql`
    insert into persons (external_id, created_by_institution_id, sex, origin_ubigeo)
    select ${prefix} || '-' || g, ${institutionId}::uuid, ${sql.raw(sex)}, ${sql.raw(origin)} from generate_series(1, ${n}) g`);
  await db.execute(sql`
    insert into case_victims (case_id, person_id, age_years)
    select c.id, p.id, ${sql.raw(age.replace(/\bg\b/g, 'g.g'))}
    from generate_series(1, ${n}) g(g)
    join persons p on p.external_id = ${prefix} || '-' || g.g and p.created_by_institution_id = ${institutionId}::uuid
    join cases c on c.code = ${casePrefix} || '-' || (1 + (g.g - 1) / ${perCase})`);
}

beforeAll(async () => {
  registry = await createTestRegistry();
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
  for (const key of Object.keys(inst) as Array<keyof typeof inst>) inst[key] = (await makeInstitution(registry.deps, key === 'district' ? 'prosecution' : 'police')).id;

  // 1. 503 complaints 2004–2011 by purpose: sexual 299, labour 151, begging 1, sale of children 52.
  await insertCases('P', inst.purpose, await unitIn(inst.purpose, '15'), '15', 503, '2004-01-01T12:00:00Z', `(case when g <= 299 then array['sexual_exploitation'] when g <= 450 then array['forced_labour'] when g <= 451 then array['forced_begging'] else array['sale_of_children'] end)`);

  // 2. 1,334 female victims by RETA age band (53, 527, 660, 94), and 60 male victims the table leaves out.
  await insertCases('A', inst.age, await unitIn(inst.age, '15'), '15', 400, '2008-01-01T12:00:00Z');
  await insertVictims('AF', inst.age, 'A', 4, 1334, `'female'`, `(case when g <= 53 then 9 + g % 5 when g <= 580 then 14 + g % 4 when g <= 1240 then 18 + g % 13 else 31 + g % 40 end)`, 'null');
  await insertVictims('AM', inst.age, 'A', 4, 60, `'male'`, `(10 + g)`, 'null');

  // 3. Complaints to the public ministry Dec 2009 – Dec 2010 by prosecution district: 228 in all.
  const districts: Array<[string, number]> = [
    ['17', 32], ['15', 31], ['08', 21], ['21', 19], ['16', 14],
    ['04', 13], ['12', 13], ['20', 13], ['13', 13], ['14', 13], ['02', 13], ['22', 12], ['25', 11], ['24', 10],
  ];
  for (const [ubigeo, n] of districts) {
    const unit = await unitIn(inst.district, ubigeo);
    // spread over 1 Dec 2009 … 31 Dec 2010 (396 days): step 396 / n days
    await registry.deps.db.execute(sql`
      insert into cases (code, institution_id, unit_id, department_code, registered_at, source, reported_on)
      select ${'D' + ubigeo} || '-' || g, ${inst.district}::uuid, ${unit}::uuid, ${ubigeo.slice(0, 2)},
             '2009-12-01T17:00:00Z'::timestamptz + ((g - 1) * ${Math.floor(395 / n)}) * interval '1 day', 'complaint', '2009-12-01'::date
      from generate_series(1, ${n}) g`);
  }
  // Outside the period: 30 Nov 2009 23:00 in Lima (1 Dec 04:00 UTC) and 1 Jan 2011 in Lima.
  const mdd = await unitIn(inst.district, '17');
  await registry.deps.db.execute(sql`
    insert into cases (code, institution_id, unit_id, department_code, registered_at, source, reported_on) values
      ('DX-1', ${inst.district}::uuid, ${mdd}::uuid, '17', '2009-12-01T04:00:00Z', 'complaint', '2009-11-30'),
      ('DX-2', ${inst.district}::uuid, ${mdd}::uuid, '17', '2011-01-01T05:00:00Z', 'complaint', '2011-01-01')`);

  // 4. 366 victims by department of origin: Cusco 53, Lima 38, Loreto 24, Apurímac 19, Huánuco 17, Junín 17, then 198 elsewhere.
  const origins: Array<[string, number]> = [
    ['080101', 53], ['150101', 38], ['160101', 24], ['030101', 19], ['100101', 17], ['120101', 17],
    ['01', 15], ['02', 15], ['04', 15], ['05', 15], ['06', 15], ['07', 15], ['09', 15], ['11', 15], ['13', 15], ['14', 15], ['17', 15], ['18', 15], ['19', 15], ['20', 3],
  ];
  await insertCases('O', inst.origin, await unitIn(inst.origin, '15'), '15', 366, '2010-01-01T12:00:00Z');
  let offset = 0;
  for (const [ubigeo, n] of origins) {
    await registry.deps.db.execute(sql`
      insert into persons (external_id, created_by_institution_id, sex, origin_ubigeo)
      select 'OV-' || (${offset} + g), ${inst.origin}::uuid, 'female', ${ubigeo} from generate_series(1, ${n}) g`);
    offset += n;
  }
  await registry.deps.db.execute(sql`
    insert into case_victims (case_id, person_id, age_years)
    select c.id, p.id, 20 from generate_series(1, 366) g
    join persons p on p.external_id = 'OV-' || g and p.created_by_institution_id = ${inst.origin}::uuid
    join cases c on c.code = 'O-' || g`);
}, 120_000);
afterAll(async () => registry?.close());

const rowsOf = (body: any) => body.rows.map((r: any, i: number) => [r.key, body.cells[i][0].value, body.cells[i][0].percent]);

describe('seed tables of the source reports', () => {
  it('complaints by purpose: 503 complaints, sexual 59.44%, labour 30.02%', async () => {
    const res = await analyst.client.get(`/api/v1/stats/query?indicator=cases&by=purpose&decimals=2&from=2004-01-01&to=2011-12-31&institution=${inst.purpose}`);
    expect(res.status).toBe(200);
    expect(res.body.totals.grand.value).toBe(503);
    expect(rowsOf(res.body)).toEqual([
      ['sexual_exploitation', 299, '59.44'],
      ['forced_labour', 151, '30.02'],
      ['sale_of_children', 52, '10.34'],
      ['forced_begging', 1, '0.20'],
    ]);
    // The report prints begging as 0.14%: no whole number of the 503 complaints gives that, so RETA
    // cannot reproduce it. One complaint (the nearest) is 0.20%. Sale of children is the remainder, 52.
    const candidates = Array.from({ length: 504 }, (_, n) => n).filter((n) => percentOf(n, 503, 2) === '0.14');
    expect(candidates).toEqual([]);
    // The text says "500 complaints"; the percentages only work as shares of 503.
    expect(percentOf(299, 500, 2)).not.toBe('59.44');
  });

  it('female victims by RETA age band: 53, 527, 660, 94 of 1,334', async () => {
    const res = await analyst.client.get(`/api/v1/stats/query?indicator=victims&by=ageBandReta&sex=female&decimals=2&institution=${inst.age}`);
    expect(res.status).toBe(200);
    expect(rowsOf(res.body)).toEqual([
      ['0_13', 53, '3.97'],
      ['14_17', 527, '39.51'],
      ['18_30', 660, '49.48'],
      ['31_plus', 94, '7.05'],
    ]);
    expect(res.body.totals.grand.value).toBe(1334);
    expect(res.body.totals.grand.percent).toBe('100.00');
  });

  it('complaints by prosecution district Dec 2009 – Dec 2010: the top five of 228', async () => {
    const res = await analyst.client.get(`/api/v1/stats/query?indicator=cases&by=prosecutionDistrict&from=2009-12-01&to=2010-12-31&top=5&percentOf=top&decimals=1&institution=${inst.district}`);
    expect(res.status).toBe(200);
    expect(rowsOf(res.body)).toEqual([
      ['MADRE_DE_DIOS', 32, '27.4'],
      ['LIMA', 31, '26.5'],
      ['CUSCO', 21, '17.9'],
      ['PUNO', 19, '16.2'],
      ['LORETO', 14, '12.0'], // printed "12%": the same figure at the same precision, trailing zero dropped
    ]);
    expect(res.body.rows.map((r: any) => r.label)).toEqual(['Madre de Dios', 'Lima', 'Cusco', 'Puno', 'Loreto']);
    expect(res.body.totals.top).toMatchObject({ value: 117, percent: '51.3' });
    expect(res.body.totals.grand.value).toBe(228);
  });

  it('victims by department of origin: six departments, 45.9% of 366', async () => {
    const res = await analyst.client.get(`/api/v1/stats/query?indicator=victims&by=originDepartment&top=6&percentOf=top&decimals=1&institution=${inst.origin}`);
    expect(res.status).toBe(200);
    expect(rowsOf(res.body)).toEqual([
      ['08', 53, '31.5'],
      ['15', 38, '22.6'],
      ['16', 24, '14.3'],
      ['03', 19, '11.3'],
      ['10', 17, '10.1'],
      ['12', 17, '10.1'],
    ]);
    expect(res.body.totals.top).toMatchObject({ value: 168, percent: '45.9' });
    expect(res.body.totals.grand.value).toBe(366);
    // The report prints Cusco as 31.6%, but 53 / 168 = 31.547…% rounds to 31.5 (31.6 would need 53.1).
    expect(percentOf(53, 168, 1)).toBe('31.5');
    expect(percentOf(53, 168, 3)).toBe('31.548');
  });
});
