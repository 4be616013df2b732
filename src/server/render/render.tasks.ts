/**
 * What the render worker thread does (./render.worker.mjs runs these; ./render.pool.ts sends them). Each task
 * is plain data in, bytes out: what crosses between threads must be structured-clonable, so a task carries
 * what its file is made from (a snapshot's report view, a PDF document definition of data only), and the
 * file is built here, with the same code and so the same bytes as on the server's thread.
 */
import type { AnnualReportView } from '../../contracts/reports';
import type { Locale } from '../../i18n/translate';
import { renderPdfHere, type PdfDocument } from '../printouts/pdf-engine';

export type AnnualFileFormat = 'pdf' | 'xlsx' | 'docx';

export type RenderTask =
  | { task: 'pdf'; doc: PdfDocument }
  | { task: 'annual'; report: AnnualReportView; format: AnnualFileFormat; locale: Locale; demoMode: boolean };

/**
 * Each format's renderer, loaded on its first use: a thread that only ever lays out PDFs never loads the
 * Word and Excel libraries (a thread's start is the slow part of its first file, see bench/RESULTS.md).
 */
const annualRenderers = {
  pdf: async () => (await import('../reports/annual.pdf')).renderAnnualPdf,
  xlsx: async () => (await import('../reports/annual.xlsx')).renderAnnualXlsx,
  docx: async () => (await import('../reports/annual.docx')).renderAnnualDocx,
} as const;

/** Runs one task on this thread. */
export async function runRenderTask(task: RenderTask): Promise<Buffer> {
  switch (task.task) {
    case 'pdf':
      return renderPdfHere(task.doc);
    case 'annual':
      return (await annualRenderers[task.format]())(task.report, task.locale, task.demoMode);
  }
}
