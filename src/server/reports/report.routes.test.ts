import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeCase } from '../../../test/case-factory';
import { makeInstitution, makeUnit, makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { contentHash } from '../../core/canonical-json';
import { auditLog, reportSnapshots } from '../../db/schema';
import { generateDemoData } from '../demo/generator';

const asOf = new Date('2026-06-30T00:00:00Z');

/** The entries of a zip (a .docx) by name, read from its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let eocd = zip.length - 22;
  while (zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const local = zip.readUInt32LE(p + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}

describe('annual report and exports', () => {
  let registry: TestRegistry;
  let analyst: MadeUser;
  let registrar: MadeUser;

  const lastAudit = async () => (await registry.deps.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;

  beforeAll(async () => {
    registry = await createTestRegistry();
    await generateDemoData(registry.deps, { victims: 400, seed: 7, asOf });
    analyst = await makeUser(registry, { roles: ['analyst'], national: true });
    registrar = await makeUser(registry, { roles: ['registrar'] });
  });
  afterAll(() => registry.close());

  it('tells anyone whether this is a demo, which version and which database', async () => {
    const info = await anonymous(registry.app).get('/api/v1/system/info');
    expect(info.status).toBe(200);
    expect(info.body).toEqual({ demoMode: false, version: expect.any(String), databaseKind: registry.deps.database.kind });
  });

  it('freezes a snapshot whose content hash is the same when it is made again and when it is re-read', async () => {
    const first = await analyst.client.post('/api/v1/reports/annual', { year: 2025 });
    expect(first.status).toBe(201);
    const second = await analyst.client.post('/api/v1/reports/annual', { year: 2025 });
    expect(second.body.contentHash).toBe(first.body.contentHash);
    const view = await analyst.client.get(`/api/v1/reports/annual/${first.body.id}`);
    expect(view.status).toBe(200);
    expect(view.body.hashVerified).toBe(true);
    expect(contentHash(view.body.content)).toBe(first.body.contentHash);
    expect(view.body.content.sections.map((s: { id: string }) => s.id)).toEqual(['overview', 'prevention', 'prosecution', 'protection']);
    const cases = view.body.content.sections[0].figures.find((f: { indicator: string }) => f.indicator === 'cases');
    expect(cases.current).toBeGreaterThan(0);
    expect(cases.previous).toBeGreaterThan(0);
    expect(cases.change).toBe(cases.current - cases.previous);
    const list = await analyst.client.get('/api/v1/reports/annual?year=2025');
    expect(list.body.items.length).toBe(2);
    const audit = await registry.deps.db.select().from(auditLog).where(eq(auditLog.action, 'report.snapshot.create'));
    expect(audit.length).toBe(2);
  });

  it('freezes the scope of whoever builds it: a regional analyst’s snapshot is regional, exact national figures only for national readers (issue 8)', async () => {
    const victimsOf = (content: { sections: Array<{ id: string; figures: Array<{ indicator: string; current: number | null }> }> }) =>
      content.sections.find((s) => s.id === 'overview')!.figures.find((f) => f.indicator === 'victims')!.current;
    const lima = await makeUser(registry, { roles: ['analyst'], departments: ['15'] });
    const cusco = await makeUser(registry, { roles: ['analyst'], departments: ['08'] });
    const national = await analyst.client.post('/api/v1/reports/annual', { year: 2025 });
    const regional = await lima.client.post('/api/v1/reports/annual', { year: 2025 });
    expect(regional.status).toBe(201);

    const nationalView = (await analyst.client.get(`/api/v1/reports/annual/${national.body.id}`)).body;
    const regionalView = await lima.client.get(`/api/v1/reports/annual/${regional.body.id}`);
    expect(regionalView.status).toBe(200);
    expect(regionalView.body.content.scope).toEqual({ national: false, departments: ['15'], institutionId: null });
    expect(nationalView.content.scope).toEqual({ national: true, departments: [], institutionId: null });
    // The regional figures are those of Lima only: the same as the live statistics of Lima.
    const live = await lima.client.get('/api/v1/stats/query?indicator=victims&from=2025-01-01&to=2025-12-31');
    expect(victimsOf(regionalView.body.content)).toBe(live.body.totals.grand.value);
    expect(victimsOf(regionalView.body.content)!).toBeLessThan(victimsOf(nationalView.content)!);

    // Exact national figures do not exist for a regional reader, nor Lima's for an analyst of Cusco.
    expect((await lima.client.get(`/api/v1/reports/annual/${national.body.id}`)).status).toBe(404);
    expect((await lima.client.get('/api/v1/reports/annual?year=2025')).body.items.map((i: { id: string }) => i.id)).not.toContain(national.body.id);
    expect((await cusco.client.get(`/api/v1/reports/annual/${regional.body.id}`)).status).toBe(404);
    expect((await analyst.client.get(`/api/v1/reports/annual/${regional.body.id}`)).status).toBe(200);
  });

  it('detects a snapshot altered after it was frozen', async () => {
    const made = await analyst.client.post('/api/v1/reports/annual', { year: 2024 });
    const [row] = await registry.deps.db.select().from(reportSnapshots).where(eq(reportSnapshots.id, made.body.id));
    const content = row!.content as { year: number };
    await registry.deps.db.update(reportSnapshots).set({ content: { ...content, definitionsVersion: 'forged' } }).where(eq(reportSnapshots.id, made.body.id));
    const view = await analyst.client.get(`/api/v1/reports/annual/${made.body.id}`);
    expect(view.body.hashVerified).toBe(false);
  });

  it('renders the snapshot as a PDF with pages, and as a workbook with one sheet per section; both audited', async () => {
    const made = await analyst.client.post('/api/v1/reports/annual', { year: 2025 });
    const pdf = await analyst.client.get(`/api/v1/reports/annual/${made.body.id}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = Buffer.from(pdf.body, 'latin1').toString('latin1');
    expect(bytes.startsWith('%PDF')).toBe(true);
    const pages = Number(/\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(bytes)?.[1] ?? /\/Count\s+(\d+)/.exec(bytes)?.[1]);
    expect(pages).toBeGreaterThan(0);
    expect((await lastAudit()).details).toMatchObject({ kind: 'annual_report', format: 'pdf', snapshotId: made.body.id });

    const response = await registry.app.inject({ method: 'GET', url: `/api/v1/reports/annual/${made.body.id}/report.xlsx`, headers: { cookie: (analyst.client as unknown as { auth: { cookie: string } }).auth.cookie } });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Panorama general', 'Prevención', 'Persecución', 'Protección']);
  });

  const download = (id: string, file: string, language = 'es') =>
    registry.app.inject({ method: 'GET', url: `/api/v1/reports/annual/${id}/${file}`, headers: { 'accept-language': language, cookie: (analyst.client as unknown as { auth: { cookie: string } }).auth.cookie } });

  it('renders the same snapshot to the same PDF, XLSX and DOCX bytes, whenever it is rendered (issue 9)', async () => {
    const made = await analyst.client.post('/api/v1/reports/annual', { year: 2025 });
    const files = ['report.pdf', 'report.xlsx', 'report.docx'];
    const first = [];
    for (const f of files) first.push(await download(made.body.id, f));
    // Past the 2-second resolution of zip entry times and into another second of the PDF date.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const again = [];
    for (const f of files) again.push(await download(made.body.id, f));
    for (const [i, r] of first.entries()) {
      expect(r.statusCode).toBe(200);
      expect(Buffer.compare(r.rawPayload, again[i]!.rawPayload)).toBe(0);
    }
  });

  it('labels every code in the reader’s language, keeps sentence bands in order and leaves hidden previous-year values blank (issue 9)', async () => {
    const made = await analyst.client.post('/api/v1/reports/annual', { year: 2025, suppress: true });
    expect(made.status).toBe(201);
    const view = await analyst.client.get(`/api/v1/reports/annual/${made.body.id}`);
    const rows = view.body.content.sections.flatMap((s: any) => s.tables.flatMap((t: any) => t.rows));
    // A previous-year cell shown as "<10" or "x" is hidden: null, never a false 0.
    const hidden = rows.filter((r: any) => r.previousDisplay !== '' && r.previousDisplay !== String(r.previous));
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) expect(r.previous).toBeNull();
    expect(rows.filter((r: any) => r.previous === 0 && r.previousDisplay !== '0')).toEqual([]);

    const bands = view.body.content.sections.find((s: any) => s.id === 'prosecution').tables.find((t: any) => t.id === 'sentences_by_band').rows.map((r: any) => r.key);
    const order = ['under_4y', '4y_to_under_8y', '8y_to_under_12y', '12y_to_under_15y', '15y_to_under_20y', '20y_to_under_25y', '25y_plus'];
    expect(bands.length).toBeGreaterThan(1);
    expect(bands).toEqual(order.filter((b) => bands.includes(b)));

    for (const [language, girls, band] of [['en', 'Girls', '0 to 13'], ['es', 'Niñas', '0 a 13']] as const) {
      const response = await download(made.body.id, 'report.xlsx', language);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const labels = workbook.worksheets.flatMap((w) => w.getColumn(1).values.map(String));
      expect(labels).toContain(girls);
      expect(labels).toContain(band);
      for (const code of ['girl', 'woman', '0_13', '18_30', 'nuisance', 'under_4y', '8y_to_under_12y', 'sexual']) expect(labels).not.toContain(code);
    }
  });

  it('writes an editable Word document: the three sections with their text, figures and server-rendered charts (issue 9)', async () => {
    const made = await analyst.client.post('/api/v1/reports/annual', { year: 2025, suppress: true });
    const view = (await analyst.client.get(`/api/v1/reports/annual/${made.body.id}`)).body;
    for (const [language, sections, words] of [
      ['es', ['Prevención', 'Persecución', 'Protección'], /en 2025, \d+ (más|menos) que en 2024|la misma cifra que en 2024/],
      ['en', ['Prevention', 'Prosecution', 'Protection'], /in 2025, \d+ (more|fewer) than in 2024|the same figure as in 2024/],
    ] as const) {
      const response = await download(made.body.id, 'report.docx', language);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(response.headers['content-disposition']).toContain('reta-annual-report-2025.docx');
      const entries = unzip(response.rawPayload);
      const text = entries.get('word/document.xml')!.toString('utf8').replace(/<[^>]+>/g, ' ');
      for (const title of sections) expect(text).toContain(title);
      expect(text).toMatch(words);
      // Charts are SVG drawn by ECharts on the server, labelled in the reader's language, never raw codes.
      const svgs = [...entries.keys()].filter((name) => name.startsWith('word/media/') && name.endsWith('.svg')).map((name) => entries.get(name)!.toString('utf8'));
      expect(svgs.length).toBeGreaterThanOrEqual(3);
      const labels = svgs.join(' ');
      expect(labels).toContain(language === 'es' ? '>Laboral<' : '>Labour<');
      expect(labels).not.toMatch(/>(under_4y|8y_to_under_12y|0_13)</);
      // A hidden count is not drawn: every bar label printed is a published current-year value.
      const published = new Set(view.content.sections.flatMap((s: any) => s.tables.flatMap((t: any) => t.rows.map((r: any) => r.current))).filter((v: any) => v !== null).map(String));
      const barLabels = [...labels.matchAll(/<text[^>]*font-size:9px[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]!);
      expect(barLabels.length).toBeGreaterThan(3);
      for (const value of barLabels) expect(published.has(value)).toBe(true);
    }
    expect((await lastAudit()).details).toMatchObject({ kind: 'annual_report', format: 'docx', snapshotId: made.body.id });
  });

  it('prints only characters the PDF font has (the route separator included)', async () => {
    // fontkit comes with pdfmake (through pdfkit): the very library that lays the PDF text out.
    const fontkitModule = 'fontkit';
    const fontkit = (await import(fontkitModule)) as unknown as { openSync(path: string): { hasGlyphForCodePoint(c: number): boolean } };
    const { createRequire } = await import('node:module');
    const { dirname, join } = await import('node:path');
    const font = fontkit.openSync(join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto', 'Roboto-Regular.ttf'));
    const { ROUTE_SEPARATOR } = await import('./report.labels');
    for (const ch of ROUTE_SEPARATOR) expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    expect(font.hasGlyphForCodePoint('→'.codePointAt(0)!)).toBe(false);
  });

  it('exports a statistics table as CSV and XLSX, audited with what was exported', async () => {
    const csv = await analyst.client.get('/api/v1/exports/table.csv?indicator=victims&by=sex&from=2025-01-01&to=2025-12-31');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="reta-victims-by-sex.csv"/);
    const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('sex,label,victims,percent');
    expect(lines.at(-1)).toMatch(/^total,Total,\d+,$/);
    const audit = await lastAudit();
    expect(audit.action).toBe('export.create');
    expect(audit.details).toMatchObject({ kind: 'stats_table', format: 'csv', indicator: 'victims', by: ['sex'], from: '2025-01-01', exact: true });
    const xlsx = await analyst.client.get('/api/v1/exports/table.xlsx?indicator=cases&by=exploitationDepartment');
    expect(xlsx.status).toBe(200);
    expect((await lastAudit()).details).toMatchObject({ format: 'xlsx', indicator: 'cases' });
  });

  it('applies disclosure control to exported tables when exact figures are not wanted', async () => {
    const csv = await analyst.client.get('/api/v1/exports/table.csv?indicator=victims&by=originDepartment&from=2025-01-01&to=2025-12-31&suppress=true');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('<10');
    expect((await lastAudit()).details).toMatchObject({ kind: 'stats_table', exact: false });
  });

  it('neutralises CSV cells that a spreadsheet would run as formulas', async () => {
    const institution = await makeInstitution(registry.deps, 'police', '=HYPERLINK("http://evil.example","x")');
    const unit = await makeUnit(registry.deps, institution.id, '15');
    await makeCase(registry.deps, { institutionId: institution.id, unitId: unit.id }, { registeredAt: new Date('2025-05-05T12:00:00Z') });
    const csv = await analyst.client.get('/api/v1/exports/table.csv?indicator=cases&by=institution&from=2025-01-01&to=2025-12-31');
    const body = String(csv.body);
    expect(body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('neutralises fullwidth formula signs too (NFKC): ＝HYPERLINK in an institution name', async () => {
    const institution = await makeInstitution(registry.deps, 'police', '＝HYPERLINK("http://evil.example","x")');
    const unit = await makeUnit(registry.deps, institution.id, '15');
    await makeCase(registry.deps, { institutionId: institution.id, unitId: unit.id }, { registeredAt: new Date('2025-06-06T12:00:00Z') });
    const csv = await analyst.client.get('/api/v1/exports/table.csv?indicator=cases&by=institution&from=2025-01-01&to=2025-12-31');
    const body = String(csv.body);
    expect(body).toContain(`"'＝HYPERLINK(""http://evil.example"",""x"")"`);
    expect(body.normalize('NFKC')).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('exports the UNODC GLOTIP tables', async () => {
    const json = await analyst.client.get('/api/v1/exports/glotip.json?year=2025');
    expect(json.status).toBe(200);
    expect(json.body.victims.by).toEqual(['purpose', 'unodcCategory']);
    expect(json.body.prosecuted.by).toEqual(['sex', 'nationality']);
    expect(json.body.convicted.by).toEqual(['sex', 'nationality']);
    const csv = await analyst.client.get('/api/v1/exports/glotip.csv?year=2025');
    expect(String(csv.body)).toMatch(/^\uFEFF?table,purpose,label/);
    expect((await lastAudit()).details).toMatchObject({ kind: 'glotip', year: 2025 });
  });

  it('exports a k-anonymous CTDC extract: every quasi-identifier combination has at least k rows per year', async () => {
    const response = await analyst.client.get('/api/v1/exports/ctdc.json?k=5');
    expect(response.status).toBe(200);
    const { header, rows } = response.body as { header: string[]; rows: unknown[][] };
    expect(header).toContain('ageBroad');
    expect(rows.length).toBeGreaterThan(300);
    const qi = ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'typeOfExploitConcatenated'].map((h) => header.indexOf(h));
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(qi.map((i) => row[i]).join('|'), (counts.get(qi.map((i) => row[i]).join('|')) ?? 0) + 1);
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(5);
    expect((await lastAudit()).details).toMatchObject({ kind: 'ctdc_extract', k: 5, rows: rows.length });
  });

  it('refuses exports to roles without the export permission, and to anonymous callers', async () => {
    expect((await registrar.client.get('/api/v1/exports/table.csv?indicator=cases')).status).toBe(403);
    expect((await registrar.client.post('/api/v1/reports/annual', { year: 2025 })).status).toBe(403);
    expect((await anonymous(registry.app).get('/api/v1/exports/ctdc.csv')).status).toBe(401);
  });
});
