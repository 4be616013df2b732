import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { StatsResult } from '../../contracts/stats';
import { matrixOf, toCsv, toXlsx } from './table-format';

const cell = (value: number | null, display = String(value)) => ({ value, display, percent: null, status: (value === null ? 'primary' : 'published') as 'published' | 'primary' });
const result: StatsResult = {
  indicator: 'victims', unit: 'victim', measure: 'count', by: ['sex', 'exploitationDepartment'], from: null, to: null, filters: {}, exact: false, threshold: 10, decimals: 1, definitionsVersion: '2026.2',
  rows: [{ key: 'female' }, { key: 'unknown' }],
  columns: [{ key: '08', label: 'Cusco' }, { key: 'unknown' }],
  cells: [[cell(12), cell(null, '<10')], [cell(0), cell(0)]],
  totals: { rows: [cell(15), cell(0)], columns: [cell(12), cell(null, 'x')], grand: cell(15) },
  percentBase: 'row', notes: [],
};

describe('statistics tables as files', () => {
  it('label values and headers in the reader language in workbooks: no code reaches a person', async () => {
    const matrix = matrixOf(result, 'victims', 'Total', 'es');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx([matrix])) as never);
    const sheet = workbook.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Sexo (Código)', 'Sexo / Departamento de explotación (donde fueron explotadas las víctimas)', 'Cusco', 'Desconocido', 'Total']);
    expect(values(2)).toEqual(['female', 'Mujer', 12, '<10', 15]);
    expect(values(3).slice(0, 2)).toEqual(['unknown', 'No se sabe']);
  });

  it('keep the stable machine header in CSV, with labels in words', () => {
    const csv = toCsv([matrixOf(result, 'victims', 'Total', 'en')]).replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(csv[0]).toBe('sex,label,Cusco,Unknown,total');
    expect(csv[1]).toBe('female,Female,12,<10,15');
  });
});
