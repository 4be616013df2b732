import { randomBytes } from 'node:crypto';
import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { cases, institutions } from '../../db/schema';
import { caseHeaders, caseRow, placeHeaders, victimHeaders, victimRow, workbook } from './import.test-helpers';

/**
 * Issue 12, the dry run: "a file with planted errors lists exactly those rows", and the legal regime by the
 * date of the facts checked per row and column like every other rule — through the API upload, as the web page
 * and other systems send it.
 */
let registry: TestRegistry;
let registrar: MadeUser;
let police: MadeUser;
let prosecutionCode: string;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
  police = await makeUser(registry, { roles: ['investigator'] });
  const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
  prosecutionCode = (await registry.deps.db.select({ code: institutions.code }).from(institutions).where(eq(institutions.id, prosecutor.institutionId)))[0]!.code;
});
afterAll(() => registry.close());

const tag = () => randomBytes(3).toString('hex');

/** A multipart upload as a browser sends it, through the real app with the user's session and language. */
async function dryRun(user: MadeUser, file: Buffer, fileName: string, language = 'es') {
  const boundary = `----reta${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const me = await user.client.get('/api/v1/auth/me');
  const cookie = (user.client as unknown as { auth: { cookie: string } }).auth.cookie;
  const response = await registry.app.inject({
    method: 'POST', url: '/api/v1/imports/dry-run', payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie, 'x-csrf-token': me.body.csrfToken, 'accept-language': language },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { rows: number; badRows: number; errors: Array<{ sheet: string; line: number; column: string; code: string; message: string }> };
}

/** A small deterministic generator (mulberry32), so the planted rows are the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('dry run of a file with planted errors', () => {
  it('1,000 rows with 37 bad ones: the report lists exactly those 37 rows, each at its column, in Spanish; nothing is written', async () => {
    const t = tag();
    const CASES = 450;
    const VICTIMS = 400;
    const PLACES = 150;
    const caseId = (i: number) => `P-${t}-${i}`;
    const sheets = {
      casos: Array.from({ length: CASES }, (_, i) => caseRow(caseId(i))),
      victimas: Array.from({ length: VICTIMS }, (_, i) => victimRow(`PV-${t}-${i}`, caseId(i), 14 + (i % 30))),
      lugares: Array.from({ length: PLACES }, (_, i) => [caseId(i), 'exploitation', '15', '']),
    };
    // Each kind of mistake a spreadsheet brings: [sheet, column, code, how the row is spoiled].
    type Plant = { sheet: keyof typeof sheets; column: string; code: string; spoil: (row: unknown[], index: number) => void };
    const plants: Plant[] = [
      { sheet: 'casos', column: 'fuente', code: 'invalid', spoil: (r) => (r[1] = 'rumour') },
      { sheet: 'casos', column: 'fecha_denuncia', code: 'invalid', spoil: (r) => (r[2] = '2026-02-30') },
      { sheet: 'casos', column: 'fecha_denuncia', code: 'date_in_future', spoil: (r) => (r[2] = '2099-01-15') },
      { sheet: 'casos', column: 'fecha_denuncia', code: 'import.formula', spoil: (r) => (r[2] = { formula: 'TODAY()' }) },
      { sheet: 'casos', column: 'internacional', code: 'import.not_boolean', spoil: (r) => (r[5] = 'quizá') },
      { sheet: 'victimas', column: 'id_externo_caso', code: 'import.case_not_found', spoil: (r) => (r[1] = `NOPE-${t}`) },
      { sheet: 'victimas', column: 'sexo', code: 'invalid', spoil: (r) => (r[2] = 'robot') },
      { sheet: 'victimas', column: 'edad', code: 'import.not_integer', spoil: (r) => (r[4] = 'quince') },
      // The same person twice in one case: the second row is refused, naming the first.
      { sheet: 'victimas', column: 'id_externo', code: 'import.duplicate_id', spoil: (r, i) => ((r[0] = `PV-${t}-${i - 1}`), (r[1] = caseId(i - 1))) },
      { sheet: 'lugares', column: 'ubigeo', code: 'unknown_ubigeo', spoil: (r) => (r[2] = '159999') },
      { sheet: 'lugares', column: 'pais', code: 'invalid', spoil: (r) => ((r[2] = ''), (r[3] = 'XXX')) },
    ];
    const next = random(12);
    const taken = new Set<string>();
    const expected: string[] = [];
    for (let n = 0; n < 37; n++) {
      const plant = plants[n % plants.length]!;
      const rows = sheets[plant.sheet];
      let index: number;
      // Rows apart from each other (a duplicate names the row before it, which must stay good).
      do index = 1 + Math.floor(next() * (rows.length - 1));
      while (taken.has(`${plant.sheet}:${index}`) || taken.has(`${plant.sheet}:${index - 1}`) || taken.has(`${plant.sheet}:${index + 1}`));
      taken.add(`${plant.sheet}:${index}`);
      plant.spoil(rows[index]!, index);
      expected.push(`${plant.sheet}:${index + 2}:${plant.column}:${plant.code}`);
    }
    const file = await workbook({ casos: [caseHeaders, ...sheets.casos], lugares: [placeHeaders, ...sheets.lugares], victimas: [victimHeaders, ...sheets.victimas] });

    const report = await dryRun(registrar, file, 'registro.xlsx');
    const byPlace = (a: string, b: string) => {
      const [sa, la, ca] = a.split(':');
      const [sb, lb, cb] = b.split(':');
      return sa!.localeCompare(sb!) || Number(la) - Number(lb) || ca!.localeCompare(cb!);
    };
    expect(report.errors.map((e) => `${e.sheet}:${e.line}:${e.column}:${e.code}`)).toEqual(expected.sort(byPlace));
    expect(report.rows).toBe(CASES + VICTIMS + PLACES);
    expect(report.badRows).toBe(37);
    // Every message is a sentence of the Spanish catalogue, never a bare code.
    for (const e of report.errors) expect(e.message, e.code).not.toBe(e.code);
    const duplicate = report.errors.find((e) => e.code === 'import.duplicate_id')!;
    expect(duplicate.message).toBe(`Este identificador ya aparece en la fila ${duplicate.line - 1} del archivo.`);
    expect(report.errors.find((e) => e.code === 'import.formula')!.message).toMatch(/fórmula/);
    // A dry run writes nothing.
    const written = await registry.deps.db.select({ n: count() }).from(cases).where(like(cases.externalId, `P-${t}-%`));
    expect(Number(written[0]!.n)).toBe(0);
  });
});

describe('dry run: the articles of a justice event must have been in force on the date of the facts', () => {
  const eventHeaders = ['id_externo', 'id_externo_caso', 'id_externo_imputado', 'tipo_evento', 'fecha', 'institucion_receptora', 'articulos'];
  const caseColumns = ['id_externo', 'fuente', 'fecha_denuncia', 'fecha_hechos_desde', 'conductas', 'finalidades'];

  it('reports each article not in force per row and column (a case in the file, or one in the registry), as the justice service refuses it', async () => {
    const t = tag();
    // A case already in the registry, sent earlier by the same institution: facts of 2005 (before Ley 28950).
    const stored = await police.client.put(`/api/v1/cases/by-external-id/R-${t}`, { source: 'complaint', reportedOn: '2006-03-01', factsDateFrom: '2005-06', acts: ['recruitment'], purposes: ['sexual_exploitation'] });
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    const suspect = await police.client.put(`/api/v1/suspects/by-external-id/RS-${t}`, { caseExternalId: `R-${t}`, person: { sex: 'male' } });
    expect(suspect.status, JSON.stringify(suspect.body)).toBe(201);

    const file = await workbook({
      casos: [
        caseColumns,
        [`OLD-${t}`, 'complaint', '2006-03-01', '2005-06', 'recruitment', 'sexual_exploitation'], // facts of June 2005
        [`NEW-${t}`, 'complaint', '2026-01-10', '', 'recruitment', 'forced_labour'], // reported in 2026
        [`Y07-${t}`, 'complaint', '2008-01-10', '2007', 'recruitment', 'forced_labour'], // began some day of 2007
      ],
      imputados: [['id_externo', 'id_externo_caso', 'sexo'], [`S1-${t}`, `OLD-${t}`, 'male'], [`S2-${t}`, `NEW-${t}`, 'male'], [`S3-${t}`, `Y07-${t}`, 'male']],
      eventos_justicia: [
        eventHeaders,
        [`E1-${t}`, `OLD-${t}`, `S1-${t}`, 'police_report_sent', '2006-04-01', prosecutionCode, '129-A'], // Ley 31146's article, for 2005 facts
        [`E2-${t}`, `NEW-${t}`, `S2-${t}`, 'police_report_sent', '2026-01-25', prosecutionCode, '129-A'], // in force in 2026: fine
        [`E3-${t}`, `Y07-${t}`, `S3-${t}`, 'police_report_sent', '2008-02-01', prosecutionCode, '153'], // Ley 28950 (17 Jan 2007) may have applied: fine
        [`E4-${t}`, `NEW-${t}`, `S2-${t}`, 'police_report_sent', '2026-01-26', prosecutionCode, '153'], // repealed by Ley 31146
        [`E5-${t}`, `R-${t}`, `RS-${t}`, 'police_report_sent', '2006-04-02', prosecutionCode, '153-B'], // the registry's case: facts of 2005
      ],
    });
    const report = await dryRun(police, file, 'justicia.xlsx');
    expect(report.errors.map((e) => `${e.sheet}:${e.line}:${e.column}:${e.code}`)).toEqual([
      'eventos_justicia:2:articulos:justice.article_not_in_force',
      'eventos_justicia:5:articulos:justice.article_not_in_force',
      'eventos_justicia:6:articulos:justice.article_not_in_force',
    ]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'El artículo 129-A no estaba vigente en la fecha de los hechos (2005-06-01).',
      'El artículo 153 no estaba vigente en la fecha de los hechos (2026-01-10).',
      'El artículo 153-B no estaba vigente en la fecha de los hechos (2005-06-01).',
    ]);
    expect((await dryRun(police, file, 'justicia.xlsx', 'en')).errors[0]!.message).toBe('Article 129-A was not in force on the date of the facts (2005-06-01).');

    // The justice service refuses the very same article for the registry's case, with the same code.
    const refused = await police.client.post(`/api/v1/cases/${stored.body.record.id}/suspects/${suspect.body.record.id}/events`, {
      type: 'police_report_sent', occurredOn: '2006-04-02', receivingInstitutionId: (await registry.deps.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.code, prosecutionCode)))[0]!.id,
      articles: [{ number: '153-B' }],
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.error.code).toBe('justice.article_not_in_force');
    // The dry run wrote nothing.
    expect(Number((await registry.deps.db.select({ n: count() }).from(cases).where(and(eq(cases.registeredByInstitutionId, police.institutionId), like(cases.externalId, `%-${t}`))))[0]!.n)).toBe(1);
  });
});
