import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useFormat } from '../../i18n/format';
import { describeChart } from './chart-description';

type EChartsModule = typeof import('./echarts-setup');
let loading: Promise<EChartsModule> | null = null;
const loadECharts = () => (loading ??= import('./echarts-setup'));

export interface ChartProps {
  option: Record<string, unknown>;
  height?: number;
  /** Title of the text alternative for screen readers (the chart is an image to them); its data follow it. */
  label: string;
  onClick?: (params: { name?: string; data?: unknown; dataIndex?: number; seriesIndex?: number }) => void;
  testId?: string;
  /** Boundaries a `map` series draws, by map name (GeoJSON FeatureCollections, registered before drawing). */
  maps?: Record<string, object>;
  /** The data as text when the chart's own description would not say it (hidden values of a map: "<10"). */
  description?: string;
}

/** An ECharts chart, loaded on demand (the library is only fetched by pages that draw charts). */
export function Chart({ option, height = 280, label, onClick, testId, maps, description: given }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const f = useFormat();
  const description = given ?? describeChart(option, (n) => f.number(n));
  const mapsRef = useRef(maps);
  mapsRef.current = maps;
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  useEffect(() => {
    let disposed = false;
    let chart: { setOption: (o: unknown, notMerge?: boolean) => void; dispose: () => void; resize: () => void; on: (e: string, h: (p: never) => void) => void } | null = null;
    const resize = () => chart?.resize();
    void loadECharts().then(({ echarts }) => {
      if (disposed || !ref.current) return;
      for (const [name, geoJson] of Object.entries(mapsRef.current ?? {})) echarts.registerMap(name, geoJson as never);
      const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
      // ECharts' own aria text is English only (and says NaN for some values): the label below replaces it.
      instance.setOption({ animation: false, ...option, aria: { enabled: false } }, true);
      instance.on('click', (p) => clickRef.current?.(p as never));
      chart = instance as never;
      window.addEventListener('resize', resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [option]);
  return <Box ref={ref} h={height} w="100%" role="img" aria-label={description ? `${label}. ${description}` : label} data-testid={testId} />;
}
