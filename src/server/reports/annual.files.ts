import type { AnnualReportView } from '../../contracts/reports';
import type { Locale } from '../../i18n/translate';
import { renderAnnualDocx } from './annual.docx';
import { renderAnnualPdf } from './annual.pdf';
import { renderAnnualXlsx } from './annual.xlsx';

export type AnnualFileFormat = 'pdf' | 'xlsx' | 'docx';

const annualFiles = {
  pdf: { render: renderAnnualPdf, contentType: 'application/pdf' },
  xlsx: { render: renderAnnualXlsx, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  docx: { render: renderAnnualDocx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
} as const;

/** The annual report of a snapshot as a file: the same bytes whenever the same snapshot is rendered in the same language. */
export async function renderAnnualFile(report: AnnualReportView, format: AnnualFileFormat, locale: Locale, demoMode: boolean): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const body = await annualFiles[format].render(report, locale, demoMode);
  return { body, contentType: annualFiles[format].contentType, filename: `reta-annual-report-${report.year}.${format}` };
}
