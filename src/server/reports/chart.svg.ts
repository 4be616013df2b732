import * as echarts from 'echarts';

/** Chart size in CSS pixels (the PDF scales it to the page width; the Word document embeds it as is). */
export interface ChartSize {
  width: number;
  height: number;
}

/**
 * ECharts numbers the class names and ids of the SVG it writes with counters shared by every chart the
 * process ever rendered (`zr3-cls-17`); renamed here in order of first appearance, so the same option
 * always gives the same bytes (a report rebuilt from the same snapshot must be byte-identical).
 */
export function normaliseSvgIds(svg: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-[A-Za-z_-]*\d+\b/g, (token) => {
    if (!names.has(token)) names.set(token, `c${names.size}`);
    return names.get(token)!;
  });
}

/**
 * Renders an ECharts option to an SVG string on the server (ECharts' SSR mode: no DOM, no canvas). No
 * animation, the report's font; deterministic.
 */
export function renderChartSvg(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'Roboto' }, ...option });
    return normaliseSvgIds(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
