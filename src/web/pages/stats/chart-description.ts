type Datum = number | null | undefined | { name?: string; value?: number | null };
interface Series {
  type?: string;
  name?: string;
  data?: Datum[];
  links?: Array<{ source: string; target: string; value?: number | null }>;
}
interface Axis {
  type?: string;
  data?: string[];
}

const first = <T,>(axis: T | T[] | undefined): T | undefined => (Array.isArray(axis) ? axis[0] : axis);
const valueOf = (d: Datum) => (typeof d === 'object' && d !== null ? d.value : d);

/**
 * What a chart shows, as text for screen readers in the page's language: the category and value of every
 * point, series by series, numbers formatted by the caller (`f.number`). Replaces ECharts' own generated
 * description (always English, "NaN" for empty or signed values). Values are shown unsigned: the age
 * pyramid draws one sex to the left with negative numbers.
 */
export function describeChart(option: Record<string, unknown>, formatNumber: (n: number) => string): string {
  const axes = [first(option.xAxis as Axis | Axis[] | undefined), first(option.yAxis as Axis | Axis[] | undefined)];
  const categories = axes.find((a) => a?.type === 'category')?.data ?? [];
  const series = ([] as Series[]).concat((option.series as Series | Series[] | undefined) ?? []);
  const show = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? formatNumber(Math.abs(v)) : '—');
  return series
    .map((s) => {
      const points = s.links
        ? s.links.map((l) => `${l.source} ${l.target} ${show(l.value)}`)
        : (s.data ?? []).map((d, i) => {
            const name = typeof d === 'object' && d !== null && d.name ? d.name : categories[i];
            return `${name ?? ''} ${show(valueOf(d))}`.trim();
          });
      return `${s.name ? `${s.name}: ` : ''}${points.join(', ')}`;
    })
    .filter(Boolean)
    .join('. ');
}
