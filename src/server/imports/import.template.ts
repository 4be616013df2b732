import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Locale } from '../../i18n/translate';
import { entityNames, importEntities } from './import.entities';

export const templateFormats = ['xlsx', 'csv', 'ndjson'] as const;
export type TemplateFormat = (typeof templateFormats)[number];

/** The template's sheet of code lists (what the dropdowns offer); the import skips it. */
export const LISTS_SHEET = { es: 'listas', en: 'lists' } as const;

const colLetter = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

/**
 * The empty file to fill in, in the user's language: XLSX with one sheet per entity and the code lists as
 * dropdown validation (lists of several codes are typed, separated by `;`), CSV as a ZIP of one file per
 * entity, or NDJSON with one example object per entity naming every field.
 */
export async function buildTemplate(format: TemplateFormat, lang: Locale): Promise<{ data: Buffer; name: string; contentType: string }> {
  const base = lang === 'es' ? 'plantilla-importacion' : 'import-template';
  if (format === 'ndjson') {
    const lines = entityNames.map((e) => JSON.stringify({ entity: importEntities[e][lang], ...Object.fromEntries(importEntities[e].columns.map((c) => [c[lang], c.codes?.[0] ?? ''])) }));
    return { data: Buffer.from(lines.join('\n') + '\n'), name: `${base}.ndjson`, contentType: 'application/x-ndjson' };
  }
  if (format === 'csv') {
    const files = entityNames.map((e) => ({ name: `${importEntities[e][lang]}.csv`, text: importEntities[e].columns.map((c) => c[lang]).join(',') + '\n' }));
    const zip = new JSZip();
    for (const f of files) zip.file(f.name, f.text);
    return { data: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), name: `${base}-csv.zip`, contentType: 'application/zip' };
  }
  const wb = new ExcelJS.Workbook();
  const lists = wb.addWorksheet(LISTS_SHEET[lang], { state: 'hidden' });
  let listCol = 0;
  for (const e of entityNames) {
    const entity = importEntities[e];
    const ws = wb.addWorksheet(entity[lang]);
    ws.addRow(entity.columns.map((c) => c[lang]));
    ws.getRow(1).font = { bold: true };
    entity.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = Math.max(12, c[lang].length + 2);
      if (!c.codes || c.kind === 'list') return;
      listCol++;
      const letter = colLetter(listCol);
      lists.getCell(`${letter}1`).value = `${entity[lang]}.${c[lang]}`;
      c.codes.forEach((code, k) => (lists.getCell(`${letter}${k + 2}`).value = code));
      const range = `${LISTS_SHEET[lang]}!$${letter}$2:$${letter}$${c.codes.length + 1}`;
      for (let r = 2; r <= 1000; r++) {
        ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true };
      }
    });
  }
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), name: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
