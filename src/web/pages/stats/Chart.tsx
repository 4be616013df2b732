import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';

type EChartsModule = typeof import('./echarts-setup');
let loading: Promise<EChartsModule> | null = null;
const loadECharts = () => (loading ??= import('./echarts-setup'));

export interface ChartProps {
  option: Record<string, unknown>;
  height?: number;
  /** Text alternative for screen readers (the chart itself is an image to them). */
  label: string;
  onClick?: (params: { name?: string; data?: unknown; dataIndex?: number; seriesIndex?: number }) => void;
  testId?: string;
}

/** An ECharts chart, loaded on demand (the library is only fetched by pages that draw charts). */
export function Chart({ option, height = 280, label, onClick, testId }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  useEffect(() => {
    let disposed = false;
    let chart: { setOption: (o: unknown, notMerge?: boolean) => void; dispose: () => void; resize: () => void; on: (e: string, h: (p: never) => void) => void } | null = null;
    const resize = () => chart?.resize();
    void loadECharts().then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
      instance.setOption({ aria: { enabled: true }, animation: false, ...option }, true);
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
  return <Box ref={ref} h={height} w="100%" role="img" aria-label={label} data-testid={testId} />;
}
