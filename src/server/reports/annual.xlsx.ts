import ExcelJS from 'exceljs';
import type { AnnualReportView } from '../../contracts/reports';
import type { Locale } from '../../i18n/translate';
import { freezeZipTimes } from './zip-times';
import { sectionParagraph } from './annual.narrative';
import { indicatorName, reportText, valueLabel } from './report.labels';

/** The annual report as an editable workbook: one sheet per section, figures first, then breakdowns. */
export async function renderAnnualXlsx(report: AnnualReportView, locale: Locale, demoMode: boolean): Promise<Buffer> {
  const { content } = report;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'RETA';
  workbook.title = `${reportText(locale, 'title')} ${content.year}`;
  workbook.subject = report.contentHash;
  // Dated by the snapshot: the same snapshot gives the same bytes.
  const frozenAt = new Date(report.createdAt);
  workbook.created = frozenAt;
  workbook.modified = frozenAt;
  for (const section of content.sections) {
    const sheet = workbook.addWorksheet(reportText(locale, `sections.${section.id}`).slice(0, 31));
    if (demoMode) sheet.addRow([reportText(locale, 'training')]).font = { bold: true, color: { argb: 'FFB00020' } };
    sheet.addRow([`${reportText(locale, 'title')} — ${reportText(locale, `sections.${section.id}`)}`]).font = { bold: true, size: 13 };
    sheet.addRow([sectionParagraph(locale, content, section)]).alignment = { wrapText: true, vertical: 'top' };
    const header = sheet.addRow([reportText(locale, 'columns.indicator'), content.year, content.previousYear, reportText(locale, 'columns.change'), reportText(locale, 'columns.changePercent')]);
    header.font = { bold: true };
    for (const f of section.figures) {
      sheet.addRow([indicatorName(locale, f.indicator), f.current ?? f.currentDisplay, f.previous ?? f.previousDisplay, f.change, f.changePercent === null ? null : Number(f.changePercent)]);
    }
    for (const t of section.tables) {
      sheet.addRow([]);
      sheet.addRow([reportText(locale, `tables.${t.id}`)]).font = { bold: true };
      sheet.addRow([reportText(locale, 'columns.category'), content.year, content.previousYear]).font = { bold: true };
      for (const r of t.rows) sheet.addRow([valueLabel(locale, t.by[0], r.key, r.label), r.current ?? r.currentDisplay, r.previous ?? r.previousDisplay]);
    }
    if (section.id === 'overview') {
      sheet.addRow([]);
      sheet.addRow([reportText(locale, 'funnel')]).font = { bold: true };
      for (const s of content.funnel) sheet.addRow([reportText(locale, `funnelStages.${s.stage}`), s.current, s.previous]);
      sheet.addRow([]);
      sheet.addRow([reportText(locale, 'routes')]).font = { bold: true };
      for (const r of content.routes) sheet.addRow([`${r.originLabel} → ${r.destinationLabel}`, r.value ?? r.display]);
    }
    sheet.addRow([]);
    sheet.addRow([reportText(locale, 'footer', { id: report.id, definitions: content.definitionsVersion, hash: report.contentHash })]).font = { italic: true, size: 8 };
    sheet.getColumn(1).width = 60;
    for (const c of [2, 3, 4, 5]) sheet.getColumn(c).width = 14;
  }
  return freezeZipTimes(Buffer.from(await workbook.xlsx.writeBuffer()), frozenAt);
}
