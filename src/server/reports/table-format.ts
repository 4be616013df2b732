import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { StatsResult } from '../../contracts/stats';
import { neutraliseRow } from '../../core/reports/csv-safety';
import type { Locale } from '../../i18n/translate';
import { dimensionName, indicatorName, reportText, valueLabel } from './report.labels';

/** A table ready for a file: a header row and body rows of text or numbers. */
export interface Matrix {
  name: string;
  header: string[];
  /** The header people read (workbooks): names in their language instead of the stable codes of `header`. */
  displayHeader?: string[];
  rows: unknown[][];
}

const shown = (c: { value: number | null; display: string }) => (c.value === null ? c.display : c.value);

/**
 * A statistics result as a matrix: one row per category (code and label), the value (or its "<10"
 * display when hidden), the percentage where there is one, and a total row. Two-dimensional results keep
 * their layout: one column per category of the second dimension, then the row total.
 */
export function matrixOf(result: StatsResult, name = result.indicator, totalLabel = 'Total', locale?: Locale): Matrix {
  // With a locale, values are labelled in the reader's language (code lists, "unknown"); else as frozen.
  const label = (dim: string | undefined, h: { key: string; label?: string }) => (locale ? valueLabel(locale, dim, h.key, h.label) : (h.label ?? h.key));
  const [rowDim, colDim] = result.by;
  const named = (id: string) => (locale ? dimensionName(locale, id) : id);
  const indicator = locale ? indicatorName(locale, result.indicator) : result.indicator;
  if (result.by.length < 2) {
    const rows = result.rows.map((r, i) => {
      const cell = result.cells[i]![0]!;
      return [r.key, label(rowDim, r), shown(cell), cell.percent];
    });
    rows.push(['total', totalLabel, shown(result.totals.grand), null]);
    const displayHeader = locale ? [`${rowDim ? named(rowDim) : indicator} (${reportText(locale, 'columns.code')})`, rowDim ? named(rowDim) : indicator, indicator, reportText(locale, 'columns.percent')] : undefined;
    return { name, header: [rowDim ?? 'indicator', 'label', result.indicator, 'percent'], displayHeader, rows };
  }
  const columns = result.columns.map((c) => label(colDim, c));
  const header = [rowDim!, 'label', ...columns, 'total'];
  const rows = result.rows.map((r, i) => [r.key, label(rowDim, r), ...result.cells[i]!.map(shown), shown(result.totals.rows[i]!)]);
  rows.push(['total', totalLabel, ...result.totals.columns.map(shown), shown(result.totals.grand)]);
  const displayHeader = locale ? [`${named(rowDim!)} (${reportText(locale, 'columns.code')})`, `${named(rowDim!)} / ${named(colDim!)}`, ...columns, totalLabel] : undefined;
  return { name, header, displayHeader, rows };
}

/** CSV with every text cell neutralised against formula injection; UTF-8 with a BOM for spreadsheets. */
export function toCsv(matrices: readonly Matrix[]): string {
  const multiple = matrices.length > 1;
  const lines: unknown[][] = [];
  for (const m of matrices) {
    lines.push(neutraliseRow(multiple ? ['table', ...m.header] : m.header));
    for (const row of m.rows) lines.push(neutraliseRow(multiple ? [m.name, ...row] : row));
  }
  return '\uFEFF' + stringify(lines, { cast: { boolean: (b) => (b ? 'true' : 'false') } });
}

/** One worksheet per matrix. Text cells that look like formulas are stored as text, never as formulas. */
export async function toXlsx(matrices: readonly Matrix[], banner?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'RETA';
  for (const m of matrices) {
    const sheet = workbook.addWorksheet(m.name.replace(/[\\/*?:[\]]/g, '_').slice(0, 31));
    if (banner) sheet.addRow([banner]).font = { bold: true, color: { argb: 'FFB00020' } };
    sheet.addRow(m.displayHeader ?? m.header).font = { bold: true };
    for (const row of m.rows) sheet.addRow(neutraliseRow(row) as ExcelJS.CellValue[]);
    sheet.getColumn(2).width = 40;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
