import type { CtdcExtractQuery } from '../../contracts/reports';
import type { StatsQuery } from '../../contracts/stats';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { createStatsService, filtersOf } from '../stats/stats.service';
import { buildCtdcExtract } from './ctdc.extract';
import { buildHtcdsExport } from './htcds.export';
import { reportText } from './report.labels';
import { matrixOf, toCsv, toXlsx, type Matrix } from './table-format';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

export interface ExportFile {
  body: string | Buffer | unknown;
  contentType: string;
  filename: string;
}

/** Called as each step of a file starts (a background job's progress and cancellation point). */
export type ExportStep = (stage: string) => Promise<void>;
const noStep: ExportStep = async () => undefined;

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/**
 * Files out of RETA: statistics tables, the UNODC GLOTIP tables and the CTDC victim-level extract. The
 * figures come from the statistics engine with the reader's scope and disclosure control; every file
 * made is audited (what, which filters, how many rows — never the data itself).
 */
export function createExportService(deps: Deps) {
  const stats = createStatsService(deps);

  async function audited(ctx: Ctx, details: Record<string, unknown>) {
    await deps.db.transaction((tx) => writeAudit(tx, ctx, { action: 'export.create', entityType: 'export', details }));
  }

  async function render(ctx: Ctx, matrices: Matrix[], format: ExportFormat, json: unknown, filename: string): Promise<ExportFile> {
    const banner = deps.config.demoMode ? reportText(ctx.locale, 'training') : undefined;
    const body = format === 'csv' ? toCsv(matrices) : format === 'xlsx' ? await toXlsx(matrices, banner) : json;
    return { body, contentType: contentTypes[format], filename: `${filename}.${format}` };
  }

  async function table(ctx: Ctx, q: StatsQuery, format: ExportFormat, step = noStep): Promise<ExportFile> {
    await step('query');
    const result = await stats.query(ctx, q);
    await step('file');
    await audited(ctx, { kind: 'stats_table', format, indicator: q.indicator, by: result.by, from: q.from ?? null, to: q.to ?? null, filters: filtersOf(q), exact: result.exact, rows: result.rows.length });
    return render(ctx, [matrixOf(result, result.indicator, reportText(ctx.locale, 'glotip.total'), ctx.locale)], format, result, `reta-${q.indicator}${result.by.length ? `-by-${result.by.join('-')}` : ''}`);
  }

  /** UNODC GLOTIP layout: victims (women/men/girls/boys) by form; prosecuted and convicted by sex and citizenship. */
  async function glotip(ctx: Ctx, year: number, format: ExportFormat, step = noStep): Promise<ExportFile> {
    const period = { from: `${year}-01-01`, to: `${year}-12-31`, decimals: 1 };
    // One table after another: each is a step a background job reports (and may stop after).
    await step('victims');
    const victims = await stats.query(ctx, { indicator: 'victims', by: ['purpose', 'unodcCategory'], ...period } as StatsQuery);
    await step('prosecuted');
    const prosecuted = await stats.query(ctx, { indicator: 'prosecuted', by: ['sex', 'nationality'], ...period } as StatsQuery);
    await step('convicted');
    const convicted = await stats.query(ctx, { indicator: 'convictions', by: ['sex', 'nationality'], ...period } as StatsQuery);
    await step('file');
    await audited(ctx, { kind: 'glotip', format, year, exact: victims.exact });
    const total = reportText(ctx.locale, 'glotip.total');
    const matrices = [matrixOf(victims, 'victims', total, ctx.locale), matrixOf(prosecuted, 'prosecuted', total, ctx.locale), matrixOf(convicted, 'convicted', total, ctx.locale)];
    return render(ctx, matrices, format, { year, victims, prosecuted, convicted }, `reta-glotip-${year}`);
  }

  async function ctdc(ctx: Ctx, q: CtdcExtractQuery, step = noStep): Promise<ExportFile & { rows: number }> {
    await step('victims');
    const extract = await buildCtdcExtract(deps, ctx, { year: q.year, k: q.k });
    await step('file');
    await audited(ctx, { kind: 'ctdc_extract', format: q.format, year: q.year ?? null, k: q.k, rows: extract.matrix.rows.length, suppressed: extract.suppressed, dropped: extract.dropped });
    const json = { k: extract.k, total: extract.total, suppressed: extract.suppressed, dropped: extract.dropped, header: extract.matrix.header, rows: extract.matrix.rows };
    const file = await render(ctx, [extract.matrix], q.format, json, `reta-ctdc${q.year ? `-${q.year}` : ''}`);
    return { ...file, rows: extract.matrix.rows.length };
  }

  /** HTCDS 2.0-shaped case records (src/core/htcds), JSON only. */
  async function htcds(ctx: Ctx, year: number, step = noStep): Promise<ExportFile> {
    await step('cases');
    const document = await buildHtcdsExport(deps, ctx, year);
    await step('file');
    await audited(ctx, { kind: 'htcds', format: 'json', year, cases: document.cases.length });
    return { body: document, contentType: contentTypes.json, filename: `reta-htcds-${year}.json` };
  }

  return { table, glotip, ctdc, htcds, audit: audited };
}
