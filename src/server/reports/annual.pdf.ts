import type { AnnualContent, AnnualReportView } from '../../contracts/reports';
import type { Locale } from '../../i18n/translate';
import { PAGE, PAGES, pageText, renderPdfHere } from '../printouts/pdf-engine';
import { reportCharts, type ReportChart } from './annual.charts';
import { sectionParagraph } from './annual.narrative';
import { indicatorName, reportText, ROUTE_SEPARATOR, valueLabel } from './report.labels';

type Node = Record<string, unknown> | string;

const num = (display: string, value: number | null) => (value === null && !display ? '—' : display);

function figuresTable(locale: Locale, content: AnnualContent, section: AnnualContent['sections'][number]): Node {
  const header = [
    reportText(locale, 'columns.indicator'),
    String(content.year),
    String(content.previousYear),
    reportText(locale, 'columns.change'),
    reportText(locale, 'columns.changePercent'),
  ].map((text) => ({ text, bold: true }));
  const body = section.figures.map((f) => [
    indicatorName(locale, f.indicator),
    { text: f.available ? num(f.currentDisplay, f.current) : reportText(locale, 'unavailable'), alignment: 'right' },
    { text: f.available ? num(f.previousDisplay, f.previous) : '', alignment: 'right' },
    { text: f.change === null ? '' : String(f.change), alignment: 'right' },
    { text: f.changePercent ?? '', alignment: 'right' },
  ]);
  return { table: { headerRows: 1, widths: ['*', 50, 50, 50, 55], body: [header, ...body] }, layout: 'lightHorizontalLines', margin: [0, 4, 0, 8] };
}

function breakdowns(locale: Locale, content: AnnualContent, section: AnnualContent['sections'][number]): Node[] {
  return section.tables
    .filter((t) => t.rows.length > 0)
    .flatMap((t) => [
      { text: reportText(locale, `tables.${t.id}`), style: 'h3' },
      {
        table: {
          headerRows: 1,
          widths: ['*', 60, 60],
          body: [
            [reportText(locale, 'columns.category'), String(content.year), String(content.previousYear)].map((text) => ({ text, bold: true })),
            ...t.rows.map((r) => [valueLabel(locale, t.by[0], r.key, r.label), { text: r.currentDisplay, alignment: 'right' }, { text: r.previousDisplay, alignment: 'right' }]),
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 2, 0, 8],
      },
    ]);
}

function funnelAndRoutes(locale: Locale, content: AnnualContent): Node[] {
  const nodes: Node[] = [];
  if (content.funnel.length) {
    nodes.push({ text: reportText(locale, 'funnel'), style: 'h3' });
    nodes.push({
      table: {
        widths: ['*', 60, 60],
        body: content.funnel.map((s) => [reportText(locale, `funnelStages.${s.stage}`), { text: s.current === null ? '—' : String(s.current), alignment: 'right' }, { text: s.previous === null ? '—' : String(s.previous), alignment: 'right' }]),
      },
      layout: 'lightHorizontalLines',
    });
  }
  if (content.routes.length) {
    nodes.push({ text: reportText(locale, 'routes'), style: 'h3' });
    nodes.push({ ul: content.routes.map((r) => `${r.originLabel}${ROUTE_SEPARATOR}${r.destinationLabel}: ${r.display}`) });
  }
  return nodes;
}

/** A chart (SVG from ECharts, drawn as vectors) and its caption, kept together on one page. */
const chartNodes = (chart: ReportChart): Node => ({
  unbreakable: true,
  stack: [
    { svg: chart.svg, width: Math.min(chart.size.width, 480), margin: [0, 6, 0, 2] },
    { text: chart.caption, italics: true, fontSize: 8, margin: [0, 0, 0, 8] },
  ],
});

/** The annual report as a PDF document, built from the snapshot's frozen content only. */
export async function renderAnnualPdf(report: AnnualReportView, locale: Locale, demoMode: boolean): Promise<Buffer> {
  const { content } = report;
  const threshold = content.threshold ?? 0;
  const body: Node[] = [
    { text: reportText(locale, 'title'), style: 'h1' },
    { text: reportText(locale, 'subtitle', { year: content.year, previousYear: content.previousYear }), margin: [0, 0, 0, 6] },
    { text: content.exact ? reportText(locale, 'exact') : reportText(locale, 'suppressed', { below: threshold - 1, threshold }), italics: true, fontSize: 8 },
  ];
  if (demoMode) body.unshift({ text: reportText(locale, 'training'), color: '#b00020', bold: true, margin: [0, 0, 0, 6] });
  const charts = reportCharts(locale, content, report.hashVerified ? report.contentHash : undefined);
  for (const section of content.sections) {
    body.push({ text: reportText(locale, `sections.${section.id}`), style: 'h2' });
    body.push({ text: sectionParagraph(locale, content, section), margin: [0, 0, 0, 4] });
    body.push(figuresTable(locale, content, section));
    body.push(...(charts.get(section.id) ?? []).map(chartNodes));
    body.push(...breakdowns(locale, content, section));
    if (section.id === 'overview') body.push(...funnelAndRoutes(locale, content));
  }
  const doc = {
    // Dated by the snapshot, not by the moment of rendering: the same snapshot gives the same bytes (the
    // file ID pdfkit writes is a hash of this information).
    info: { title: `${reportText(locale, 'title')} ${content.year}`, subject: report.contentHash, creationDate: new Date(report.createdAt), modDate: new Date(report.createdAt) },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: { h1: { fontSize: 16, bold: true }, h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] }, h3: { fontSize: 10, bold: true, margin: [0, 6, 0, 2] } },
    content: body,
    footer: pageText(`${reportText(locale, 'footer', { id: report.id, definitions: content.definitionsVersion, hash: report.contentHash })} · ${PAGE}/${PAGES}`, { fontSize: 6, margin: [40, 10, 40, 0] }),
  };
  // Called on the render worker thread (annual.files.ts): lays the document out right here.
  return renderPdfHere(doc);
}
