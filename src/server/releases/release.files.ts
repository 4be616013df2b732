import ExcelJS from 'exceljs';
import type { ReleaseView } from '../../contracts/releases';
import type { StatsResult } from '../../contracts/stats';
import { neutraliseRow } from '../../core/reports/csv-safety';
import type { Locale } from '../../i18n/translate';
import { reportText, valueLabel } from '../reports/report.labels';
import { matrixOf, toCsv, type Matrix } from '../reports/table-format';
import { freezeZipTimes } from '../reports/zip-times';

/** Every code of a released table labelled in the reader's language (the file is read by people). */
function labelled(result: StatsResult, locale: Locale): StatsResult {
  return {
    ...result,
    rows: result.rows.map((r) => ({ ...r, label: valueLabel(locale, result.by[0], r.key, r.label) })),
    columns: result.by.length >= 2 ? result.columns.map((c) => ({ ...c, label: valueLabel(locale, result.by[1], c.key, c.label) })) : result.columns,
  };
}

const matricesOf = (release: ReleaseView, locale: Locale): Matrix[] =>
  release.content.tables.map((t) => matrixOf(labelled(t.result, locale), t.name, reportText(locale, 'glotip.total')));

export const releaseFileName = (release: ReleaseView, format: 'csv' | 'xlsx') => `reta-open-data-${release.year}-r${release.revision}.${format}`;

/** The release's tables as one CSV (a `table` column names each table). Same release → same bytes. */
export const releaseCsv = (release: ReleaseView, locale: Locale): string => toCsv(matricesOf(release, locale));

/** One sheet per table, then a sheet saying which release it is; dated by the release → same bytes. */
export async function releaseXlsx(release: ReleaseView, locale: Locale): Promise<Buffer> {
  const at = new Date(release.publishedAt);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'RETA';
  workbook.subject = release.contentHash;
  workbook.created = at;
  workbook.modified = at;
  for (const m of matricesOf(release, locale)) {
    const sheet = workbook.addWorksheet(m.name.slice(0, 31));
    sheet.addRow(m.header).font = { bold: true };
    for (const row of m.rows) sheet.addRow(neutraliseRow(row) as ExcelJS.CellValue[]);
    sheet.getColumn(2).width = 40;
  }
  const about = workbook.addWorksheet('release');
  for (const row of [
    ['year', release.year],
    ['revision', release.revision],
    ['published_at', release.publishedAt],
    ['content_hash', release.contentHash],
    ['definitions', release.definitionsVersion],
    ['threshold', release.content.threshold],
    ['note', release.note ?? ''],
  ]) about.addRow(neutraliseRow(row) as ExcelJS.CellValue[]);
  about.getColumn(2).width = 70;
  return freezeZipTimes(Buffer.from(await workbook.xlsx.writeBuffer()), at);
}
