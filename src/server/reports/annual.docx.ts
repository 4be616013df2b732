/**
 * The annual report as an editable Word document (docx): the same sections, text, charts and tables as the
 * PDF, built from the snapshot's frozen content only. Rebuilt from the same snapshot it gives the same
 * bytes: dated by the snapshot (core properties and zip entry times), drawing ids numbered in order, image
 * names hashed from their content.
 */
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AnnualContent, AnnualReportView } from '../../contracts/reports';
import type { Locale } from '../../i18n/translate';
import { reportCharts, type ReportChart } from './annual.charts';
import { sectionParagraph } from './annual.narrative';
import { indicatorName, reportText, ROUTE_SEPARATOR, valueLabel } from './report.labels';
import { freezeZipTimes } from './zip-times';

type Section = AnnualContent['sections'][number];

/**
 * Shown instead of a chart only by word processors that cannot draw SVG (Word 2016 and later, LibreOffice
 * and Google Docs draw the SVG itself): one white pixel — the values are in the table beside each chart.
 */
const FALLBACK_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

const cell = (text: string, options: { bold?: boolean; right?: boolean } = {}) =>
  new TableCell({ children: [new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: options.bold, size: 18 })] })] });

function grid(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { bold: true, right: i > 0 })) }),
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, { right: i > 0 })) })),
    ],
  });
}

const shown = (display: string, value: number | null) => (value === null && !display ? '—' : display);

function figuresTable(locale: Locale, content: AnnualContent, section: Section): Table {
  return grid(
    [reportText(locale, 'columns.indicator'), String(content.year), String(content.previousYear), reportText(locale, 'columns.change'), reportText(locale, 'columns.changePercent')],
    section.figures.map((f) => [
      indicatorName(locale, f.indicator),
      f.available ? shown(f.currentDisplay, f.current) : reportText(locale, 'unavailable'),
      f.available ? shown(f.previousDisplay, f.previous) : '',
      f.change === null ? '' : String(f.change),
      f.changePercent ?? '',
    ]),
  );
}

function chartBlock(chart: ReportChart, drawingId: number): Paragraph[] {
  // 480 px wide at most (the text width of an A4 page with normal margins is about 600 px).
  const scale = Math.min(1, 480 / chart.size.width);
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(chart.svg, 'utf8'),
    fallback: { type: 'png', data: FALLBACK_PNG },
    transformation: { width: Math.round(chart.size.width * scale), height: Math.round(chart.size.height * scale) },
    altText: { id: String(drawingId), name: chart.tableId, title: chart.title, description: chart.caption },
  });
  return [new Paragraph({ children: [image], keepNext: true }), new Paragraph({ children: [new TextRun({ text: chart.caption, italics: true, size: 16 })], spacing: { after: 160 } })];
}

function breakdowns(locale: Locale, content: AnnualContent, section: Section): Array<Paragraph | Table> {
  return section.tables
    .filter((t) => t.rows.length > 0)
    .flatMap((t) => [
      new Paragraph({ text: reportText(locale, `tables.${t.id}`), heading: HeadingLevel.HEADING_3 }),
      grid(
        [reportText(locale, 'columns.category'), String(content.year), String(content.previousYear)],
        t.rows.map((r) => [valueLabel(locale, t.by[0], r.key, r.label), r.currentDisplay, r.previousDisplay]),
      ),
    ]);
}

function funnelAndRoutes(locale: Locale, content: AnnualContent): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  if (content.funnel.length) {
    out.push(new Paragraph({ text: reportText(locale, 'funnel'), heading: HeadingLevel.HEADING_3 }));
    out.push(grid(['', String(content.year), String(content.previousYear)], content.funnel.map((s) => [reportText(locale, `funnelStages.${s.stage}`), s.current === null ? '—' : String(s.current), s.previous === null ? '—' : String(s.previous)])));
  }
  if (content.routes.length) {
    out.push(new Paragraph({ text: reportText(locale, 'routes'), heading: HeadingLevel.HEADING_3 }));
    for (const r of content.routes) out.push(new Paragraph({ text: `${r.originLabel}${ROUTE_SEPARATOR}${r.destinationLabel}: ${r.display}`, bullet: { level: 0 } }));
  }
  return out;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The document's core properties, dated by the snapshot (docx would stamp the moment of rendering). */
function coreXml(title: string, subject: string, at: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:subject>${xmlText(subject)}</dc:subject><dc:creator>RETA</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export async function renderAnnualDocx(report: AnnualReportView, locale: Locale, demoMode: boolean): Promise<Buffer> {
  const { content } = report;
  const title = `${reportText(locale, 'title')} ${content.year}`;
  const threshold = content.threshold ?? 0;
  const children: Array<Paragraph | Table> = [];
  if (demoMode) children.push(new Paragraph({ children: [new TextRun({ text: reportText(locale, 'training'), bold: true, color: 'B00020' })] }));
  children.push(new Paragraph({ text: reportText(locale, 'title'), heading: HeadingLevel.TITLE }));
  children.push(new Paragraph({ text: reportText(locale, 'subtitle', { year: content.year, previousYear: content.previousYear }) }));
  children.push(new Paragraph({ children: [new TextRun({ text: content.exact ? reportText(locale, 'exact') : reportText(locale, 'suppressed', { below: threshold - 1, threshold }), italics: true, size: 16 })] }));
  const charts = reportCharts(locale, content, report.hashVerified ? report.contentHash : undefined);
  let drawing = 1;
  for (const section of content.sections) {
    children.push(new Paragraph({ text: reportText(locale, `sections.${section.id}`), heading: HeadingLevel.HEADING_1 }));
    children.push(new Paragraph({ text: sectionParagraph(locale, content, section), spacing: { after: 120 } }));
    children.push(new Paragraph({ text: reportText(locale, 'docx.figures'), heading: HeadingLevel.HEADING_2 }));
    children.push(figuresTable(locale, content, section));
    for (const chart of charts.get(section.id) ?? []) children.push(...chartBlock(chart, drawing++));
    children.push(...breakdowns(locale, content, section));
    if (section.id === 'overview') children.push(...funnelAndRoutes(locale, content));
  }
  children.push(new Paragraph({ children: [new TextRun({ text: reportText(locale, 'footer', { id: report.id, definitions: content.definitionsVersion, hash: report.contentHash }), size: 14 })] }));

  const doc = new Document({ creator: 'RETA', title, subject: report.contentHash, styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } }, sections: [{ children }] });
  const at = new Date(report.createdAt);
  const buffer = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(title, report.contentHash, at.toISOString().replace(/\.\d{3}Z$/, 'Z')) }]);
  return freezeZipTimes(Buffer.from(buffer), at);
}
