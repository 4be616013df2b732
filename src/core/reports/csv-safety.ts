/**
 * CSV/formula injection: a spreadsheet treats a cell that starts with = + - @ (or a tab or carriage
 * return, which some programs skip before such a sign) as a formula. Text cells that start with one of
 * them get a leading single quote, so they are shown as text. Numbers are left alone: -3 stays a number.
 * The check reads the text in NFKC form: spreadsheets fold fullwidth and other compatibility forms
 * (`＝HYPERLINK(…)`, `＋`, `－`, `＠`, small `﹦`) to the plain signs, so those start formulas too.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return DANGEROUS_START.test(value.normalize('NFKC')) ? `'${value}` : value;
}

export const neutraliseRow = (row: readonly unknown[]) => row.map(neutraliseCell);
