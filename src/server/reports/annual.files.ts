import type { AnnualReportView } from '../../contracts/reports';
import type { Locale } from '../../i18n/translate';
import { renderOffThread } from '../render/render.pool';
import type { AnnualFileFormat } from '../render/render.tasks';

export type { AnnualFileFormat };

const contentTypes: Record<AnnualFileFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * The annual report of a snapshot as a file: the same bytes whenever the same snapshot is rendered in the same
 * language. Built on the render worker thread (src/server/render): laying out the PDF, drawing its charts and
 * packing the workbook or document held the server's event loop for seconds.
 */
export async function renderAnnualFile(report: AnnualReportView, format: AnnualFileFormat, locale: Locale, demoMode: boolean): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const body = await renderOffThread({ task: 'annual', report, format, locale, demoMode });
  return { body, contentType: contentTypes[format], filename: `reta-annual-report-${report.year}.${format}` };
}
