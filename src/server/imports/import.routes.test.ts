import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { cases } from '../../db/schema';
import { createJobRunner } from '../jobs/job.runner';
import { createImportJobHandler } from './import.job';
import { IMPORT_JOB } from './import.service';
import { caseHeaders, caseRow, victimHeaders, victimRow, workbook } from './import.test-helpers';

/** Issue 12, "Bad input" and the API upload: each bad file gets a clear error and nothing half-imported. */
let registry: TestRegistry;
let registrar: MadeUser;
let otherPolice: MadeUser;
let socialWorker: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry({ importMaxBytes: 2 * 1024 * 1024 });
  registrar = await makeUser(registry, { roles: ['registrar'] });
  otherPolice = await makeUser(registry, { roles: ['registrar'] });
  socialWorker = await makeUser(registry, { roles: ['social_worker'] });
});
afterAll(() => registry.close());

const tag = () => randomBytes(3).toString('hex');

/** A multipart upload as a browser sends it, through the real app with the user's session. */
async function upload(user: MadeUser, url: string, file: Buffer, fileName: string, fields: Record<string, string> = {}) {
  const boundary = `----reta${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`));
  const me = await user.client.get('/api/v1/auth/me');
  const cookie = (user.client as unknown as { auth: { cookie: string } }).auth.cookie;
  const response = await registry.app.inject({
    method: 'POST', url, payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie, 'x-csrf-token': me.body.csrfToken, 'accept-language': 'en' },
  });
  return { status: response.statusCode, body: response.headers['content-type']?.toString().includes('json') ? response.json() : response.body };
}

const ownCases = async (ids: string[]) =>
  Number((await registry.deps.db.select({ n: count() }).from(cases).where(and(eq(cases.registeredByInstitutionId, registrar.institutionId)))).at(0)!.n) && ids.length;

describe('POST /api/v1/imports/dry-run and /api/v1/imports', () => {
  it('only those who register cases import; the report comes in the user’s language', async () => {
    const file = await workbook({ casos: [caseHeaders, caseRow(`A-${tag()}`)] });
    expect((await upload(socialWorker, '/api/v1/imports/dry-run', file, 'a.xlsx')).status).toBe(403);
    const ok = await upload(registrar, '/api/v1/imports/dry-run', file, 'a.xlsx');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ rows: 1, badRows: 0, errors: [], entities: { cases: { rows: 1, new: 1, existing: 0 } } });
  });

  it('a real run is a job: 202, then done with created counts and a downloadable result; NDJSON and CSV too', async () => {
    const t = tag();
    const ndjson = [
      JSON.stringify({ entity: 'cases', externalId: `N-${t}`, source: 'complaint', reportedOn: '2026-01-10', acts: ['recruitment'], purposes: ['forced_labour'] }),
      JSON.stringify({ entity: 'victims', externalId: `NV-${t}`, caseExternalId: `N-${t}`, sex: 'male', ageYears: 30 }),
    ].join('\n');
    const queued = await upload(registrar, '/api/v1/imports', Buffer.from(ndjson), 'sync.ndjson');
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    await createJobRunner(registry.deps, { [IMPORT_JOB]: createImportJobHandler(registry.deps) }).drain();
    const job = await registrar.client.get(`/api/v1/imports/${queued.body.id}`);
    expect(job.body.status, JSON.stringify(job.body.error)).toBe('done');
    expect(job.body.result.entities.cases.created).toBe(1);
    expect(job.body.result.entities.victims.created).toBe(1);
    const download = await registrar.client.get(`/api/v1/imports/${queued.body.id}/result`);
    expect(download.status).toBe(200);
    // Someone else's job is not found.
    expect((await otherPolice.client.get(`/api/v1/imports/${queued.body.id}`)).status).toBe(404);
    const csv = Buffer.from(`id_externo,fuente,fecha_denuncia,conductas,finalidades\nK-${t},complaint,2026-01-02,recruitment;transfer,forced_labour\n`);
    const dry = await upload(registrar, '/api/v1/imports/dry-run', csv, 'casos.csv');
    expect(dry.body, JSON.stringify(dry.body)).toMatchObject({ rows: 1, badRows: 0 });
  });
});

describe('bad input', () => {
  it('a Latin-1 CSV is refused with a clear message, not misread', async () => {
    const latin1 = Buffer.from('id_externo,fuente,fecha_denuncia\nX-1,complaint,2026-01-01\nX-2,denuncia de Pe\xf1a,2026-01-01\n', 'latin1');
    const r = await upload(registrar, '/api/v1/imports/dry-run', latin1, 'casos.csv');
    expect([r.status, r.body.error.code]).toEqual([400, 'import.bad_encoding']);
    expect(r.body.error.message).toMatch(/UTF-8/);
  });

  it('a file over the size limit is 413', async () => {
    const r = await upload(registrar, '/api/v1/imports/dry-run', Buffer.alloc(3 * 1024 * 1024, 0x41), 'casos.csv');
    expect([r.status, r.body.error.code]).toEqual([413, 'import.file_too_large']);
  });

  it('a zip bomb is refused before it is inflated', async () => {
    const zip = new JSZip();
    zip.file('casos.csv', Buffer.alloc(40 * 1024 * 1024, 0x30));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const r = await upload(registrar, '/api/v1/imports/dry-run', bomb, 'casos.zip');
    expect([r.status, r.body.error.code]).toEqual([400, 'import.zip_too_large']);
  });

  it('unknown and missing sheets and columns, duplicated ids, another institution’s case: each reported, and a real run writes nothing', async () => {
    const t = tag();
    const theirs = `THEIRS-${t}`;
    expect((await otherPolice.client.put(`/api/v1/cases/by-external-id/${theirs}`, { source: 'complaint', reportedOn: '2026-01-01' })).status).toBe(201);
    const file = await workbook({
      casos: [[...caseHeaders, 'columna_rara'], caseRow(`B-${t}-1`).concat('x'), caseRow(`B-${t}-1`).concat('y')],
      victimas: [victimHeaders, victimRow(`BV-${t}`, theirs)],
      Hoja3: [['a'], ['b']],
      actividades_prevencion: [['x'], ['y']],
    });
    const r = await upload(registrar, '/api/v1/imports/dry-run', file, 'b.xlsx');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const codes = r.body.errors.map((e: { sheet: string; line: number; code: string }) => `${e.sheet}:${e.line}:${e.code}`);
    expect(codes, JSON.stringify(codes)).toEqual(['actividades_prevencion:0:import.sheet_not_supported', 'casos:1:import.unknown_column', 'casos:3:import.duplicate_id', 'Hoja3:0:import.unknown_sheet', 'victimas:2:import.case_not_found']);
    const queued = await upload(registrar, '/api/v1/imports', file, 'b.xlsx');
    await createJobRunner(registry.deps, { [IMPORT_JOB]: createImportJobHandler(registry.deps) }).drain();
    const job = await registrar.client.get(`/api/v1/imports/${queued.body.id}`);
    expect(job.body.status).toBe('failed');
    expect(job.body.error.code).toBe('import.invalid_file');
    expect(job.body.error.report.errors).toHaveLength(5);
    const [written] = await registry.deps.db.select({ n: count() }).from(cases).where(eq(cases.externalId, `B-${t}-1`));
    expect(Number(written!.n)).toBe(0);
  });

  it('a legacy spreadsheet goes through a saved column mapping; the template round-trips with its dropdowns', async () => {
    const t = tag();
    const mapping = { sheets: { 'REGISTRO 2019': 'cases' }, columns: { cases: { 'NRO DENUNCIA': 'id_externo', 'TIPO': 'fuente', 'FECHA': 'fecha_denuncia' } } };
    const saved = await registrar.client.put('/api/v1/imports/mappings/sidpol-2019', { mapping });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const legacy = await workbook({ 'REGISTRO 2019': [['NRO DENUNCIA', 'TIPO', 'FECHA'], [`L-${t}`, 'complaint', '2019-04-03']] });
    const r = await upload(registrar, '/api/v1/imports/dry-run', legacy, 'legacy.xlsx', { mappingName: 'sidpol-2019' });
    expect(r.body, JSON.stringify(r.body)).toMatchObject({ rows: 1, badRows: 0 });
    const unmapped = await upload(registrar, '/api/v1/imports/dry-run', legacy, 'legacy.xlsx');
    expect(unmapped.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['import.no_sheets', 'import.unknown_sheet']);

    const template = await registry.app.inject({ method: 'GET', url: '/api/v1/imports/template?format=xlsx&lang=es', headers: { cookie: (registrar.client as unknown as { auth: { cookie: string } }).auth.cookie } });
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['listas', 'casos', 'lugares', 'victimas', 'imputados', 'operativos', 'llamadas', 'eventos_justicia', 'derivaciones']);
    expect(wb.getWorksheet('casos')!.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^listas!/)] });
    const empty = await upload(registrar, '/api/v1/imports/dry-run', template.rawPayload, 'plantilla.xlsx');
    expect(empty.body).toMatchObject({ rows: 0, errors: [] });
    void ownCases;
  });
});
