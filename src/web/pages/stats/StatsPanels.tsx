import { Anchor, Card, Group, Loader, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { funnelResult, routesResult, StatsResult } from '../../../contracts/stats';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/common';
import { Chart } from './Chart';
import { peruDepartments } from '../../../core/geo/departments';
import { ChoroplethMap } from './ChoroplethMap';
import { FigureCases } from './FigureCases';
import type { CellRef } from './pivot-model';
import { exportHref, headerLabel, useStat, useStatsAbilities, type StatsFilters } from './stats-data';

/** The data behind a chart, as files: the same query as the chart. */
function ChartDownloads({ title, data }: { title: string; data: { indicator: string; by: string[]; filters: StatsFilters } }) {
  const { t } = useTranslation();
  const { canExport } = useStatsAbilities();
  if (!canExport) return null;
  return (
    <Group gap="xs" mt={4}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Anchor key={format} size="xs" href={exportHref(format, data.indicator, data.by, data.filters)} download aria-label={t(`stats.download_chart_${format}`, { title })}>
          {t(`stats.download_${format}`)}
        </Anchor>
      ))}
    </Group>
  );
}

export function Panel({ title, children, notes, testId, data }: { title: string; children: ReactNode; notes?: string[]; testId?: string; data?: { indicator: string; by: string[]; filters: StatsFilters } }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Title order={2} size="h4" mb="xs">{title}</Title>
      {children}
      {data && <ChartDownloads title={title} data={data} />}
      {notes?.map((n) => (
        <Text key={n} size="xs" c="dark.4" mt={4}>{t(`notes.${n}`, { ns: 'indicators', threshold: 10, below: 9 })}</Text>
      ))}
    </Card>
  );
}

const palette = ['#3730a3', '#b45309', '#0f766e', '#be123c', '#4d7c0f', '#6d28d9', '#1d4ed8', '#a16207'];

function Pending({ query }: { query: { isLoading: boolean; error: unknown } }) {
  const { t } = useTranslation();
  if (query.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  return <ErrorAlert error={query.error} />;
}

/** A headline figure; for readers who may break figures down, it opens the cases behind it. */
export function Headline({ indicator, filters }: { indicator: string; filters: StatsFilters }) {
  const { t } = useTranslation();
  const { canDrill } = useStatsAbilities();
  const [open, setOpen] = useState(false);
  const q = useStat(indicator, [], filters);
  const name = t(`indicators.${indicator}.name`, { ns: 'indicators' });
  const total = q.data?.totals.grand;
  const value = total ? <Text component="span" display="block" fz={28} fw={700} data-testid="headline-value">{total.display}</Text> : null;
  return (
    <Card withBorder padding="sm" data-testid={`headline-${indicator}`}>
      <Text size="xs" c="dark.4" fw={600}>{name}</Text>
      {!total ? <Pending query={q} /> : canDrill && total.status === 'published' && total.value ? (
        <UnstyledButton onClick={() => setOpen(true)} aria-label={t('stats.pivot.open_cases', { what: name, value: total.display })} style={{ textDecoration: 'underline' }}>{value}</UnstyledButton>
      ) : value}
      {canDrill && (
        <FigureCases query={{ indicator, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string> }} cell={open ? {} : null} description={name} onClose={() => setOpen(false)} />
      )}
    </Card>
  );
}

/** The cases behind the figure a chart's bar or point stands for (clicked), for readers who may see them. */
function useChartCases(indicator: string, by: string[], filters: StatsFilters) {
  const { canDrill } = useStatsAbilities();
  const [opened, setOpened] = useState<{ cell: CellRef; description: string } | null>(null);
  const query = { indicator, by: by.join(','), ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string> };
  return {
    canDrill,
    open: (cell: CellRef, description: string) => setOpened({ cell, description }),
    drawer: canDrill ? <FigureCases query={query} cell={opened?.cell ?? null} description={opened?.description ?? ''} onClose={() => setOpened(null)} /> : null,
  };
}

export function TrendPanel({ filters }: { filters: StatsFilters }) {
  const { t } = useTranslation();
  const q = useStat('cases', ['month'], filters);
  const cases = useChartCases('cases', ['month'], filters);
  const option = useMemo(() => q.data && {
    grid: { left: 40, right: 16, top: 16, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: q.data.rows.map((r) => r.key) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'line', name: t('indicators.cases.name', { ns: 'indicators' }), data: q.data.totals.rows.map((c) => c.value), color: palette[0] }],
  }, [q.data, t]);
  return (
    <Panel title={t('stats.trend')} notes={q.data?.notes} data={{ indicator: 'cases', by: ['month'], filters }}>
      {option ? <Chart option={option} label={t('stats.trend')} onClick={(p) => {
        const row = p.dataIndex !== undefined ? q.data?.rows[p.dataIndex] : undefined;
        if (row && cases.canDrill) cases.open({ row: row.key }, `${t('indicators.cases.name', { ns: 'indicators' })} · ${row.key}`);
      }} /> : <Pending query={q} />}
      {cases.drawer}
    </Panel>
  );
}

export function PurposePanel({ filters, onPick }: { filters: StatsFilters; onPick: (purpose: string) => void }) {
  const { t } = useTranslation();
  const q = useStat('victims', ['purpose'], filters);
  const cases = useChartCases('victims', ['purpose'], filters);
  const option = useMemo(() => q.data && {
    grid: { left: 160, right: 24, top: 8, bottom: 24 },
    tooltip: {},
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: q.data.rows.map((r) => headerLabel('purpose', r)) },
    series: [{ type: 'bar', data: q.data.totals.rows.map((c) => c.value), color: palette[0] }],
  }, [q.data]);
  return (
    <Panel title={t('stats.by_purpose')} notes={q.data?.notes} testId="panel-purpose" data={{ indicator: 'victims', by: ['purpose'], filters }}>
      {option ? <Chart option={option} label={t('stats.by_purpose')} onClick={(p) => {
        const row = p.dataIndex !== undefined ? q.data?.rows[p.dataIndex] : undefined;
        if (!row) return;
        // Who may see the cases behind a figure opens them; anyone else narrows the page to that purpose.
        if (cases.canDrill) cases.open({ row: row.key }, `${t('stats.by_purpose')} · ${headerLabel('purpose', row)}`);
        else onPick(row.key);
      }} /> : <Pending query={q} />}
      {cases.drawer}
    </Panel>
  );
}

export function PyramidPanel({ filters }: { filters: StatsFilters }) {
  const { t } = useTranslation();
  const q = useStat('victims', ['ageBandReta', 'sex'], filters);
  const cases = useChartCases('victims', ['ageBandReta', 'sex'], filters);
  const option = useMemo(() => {
    const d: StatsResult | undefined = q.data;
    if (!d) return undefined;
    const col = (key: string) => d.columns.findIndex((c) => c.key === key);
    const series = (['female', 'male'] as const).map((sex, i) => ({
      type: 'bar', stack: 'all', name: headerLabel('sex', { key: sex }), color: palette[i + 1],
      data: d.rows.map((_, r) => { const c = col(sex); const v = c >= 0 ? d.cells[r]![c]!.value ?? 0 : 0; return sex === 'female' ? -v : v; }),
    }));
    return {
      grid: { left: 64, right: 24, top: 32, bottom: 24 },
      legend: { top: 0 },
      tooltip: { valueFormatter: (v: number) => String(Math.abs(v)) },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
      yAxis: { type: 'category', data: d.rows.map((r) => headerLabel('ageBandReta', r)) },
      series,
    };
  }, [q.data]);
  return (
    <Panel title={t('stats.pyramid')} notes={q.data?.notes} data={{ indicator: 'victims', by: ['ageBandReta', 'sex'], filters }}>
      {option ? <Chart option={option} label={t('stats.pyramid')} onClick={(p) => {
        const row = p.dataIndex !== undefined ? q.data?.rows[p.dataIndex] : undefined;
        const sex = (['female', 'male'] as const)[p.seriesIndex ?? -1];
        if (row && sex && cases.canDrill) cases.open({ row: row.key, column: sex }, `${headerLabel('ageBandReta', row)} · ${headerLabel('sex', { key: sex })}`);
      }} /> : <Pending query={q} />}
      {cases.drawer}
    </Panel>
  );
}

export function MapPanel({ filters, onPick, canDrill }: { filters: StatsFilters; onPick: (code: string | undefined) => void; canDrill: boolean }) {
  const { t } = useTranslation();
  return (
    <Panel title={filters.exploitationDepartment ? t('stats.map_provinces', { name: peruDepartments.find((d) => d.code === filters.exploitationDepartment)?.name }) : t('stats.map')} data={{ indicator: 'victims', by: ['exploitationDepartment'], filters: { ...filters, exploitationDepartment: undefined } }}>
      <Text size="xs" c="dark.4" mb={4}>{t('stats.map_help')}</Text>
      <ChoroplethMap filters={filters} onPick={onPick} canDrill={canDrill} />
    </Panel>
  );
}

export function RoutesPanel({ filters }: { filters: StatsFilters }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['stats-routes', filters], queryFn: () => api.get<z.infer<typeof routesResult>>('/api/v1/stats/routes', { query: { ...filters, limit: 10 } }) });
  const option = useMemo(() => {
    const items = (q.data?.items ?? []).filter((r) => r.value);
    if (!items.length) return undefined;
    // Origins and destinations are distinct nodes even for the same department (a sankey has no cycles).
    const from = (r: (typeof items)[number]) => `${r.originLabel} ▸`;
    const to = (r: (typeof items)[number]) => `▸ ${r.destinationLabel}`;
    const names = [...new Set(items.flatMap((r) => [from(r), to(r)]))];
    return {
      tooltip: {},
      series: [{ type: 'sankey', data: names.map((name) => ({ name })), links: items.map((r) => ({ source: from(r), target: to(r), value: r.value })), color: palette, lineStyle: { color: 'gradient', opacity: 0.4 } }],
    };
  }, [q.data]);
  return (
    <Panel title={t('stats.routes')}>
      <Text size="xs" c="dark.4" mb={4}>{t('stats.routes_help')}</Text>
      {option ? <Chart option={option} label={t('stats.routes')} height={320} /> : q.data ? <Text size="sm" c="dark.4">{t('stats.no_data')}</Text> : <Pending query={q} />}
    </Panel>
  );
}

export function FunnelPanel({ filters }: { filters: StatsFilters }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['stats-funnel', filters], queryFn: () => api.get<z.infer<typeof funnelResult>>('/api/v1/stats/funnel', { query: { ...filters } }) });
  const option = useMemo(() => q.data && {
    tooltip: {},
    legend: { bottom: 0 },
    series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', bottom: 40, minSize: '8%', label: { position: 'inside', formatter: '{c}', color: '#fff' }, color: palette,
      data: q.data.steps.map((s) => ({ name: t(`stats.funnel_step.${s.step}`), value: s.value ?? 0 })) }],
  }, [q.data, t]);
  return (
    <Panel title={t('stats.funnel')} testId="panel-funnel">
      {option ? <Chart option={option} label={t('stats.funnel')} /> : <Pending query={q} />}
      {q.data && (
        <Stack gap={0} mt="xs">
          {q.data.steps.map((s) => (
            <Text key={s.step} size="xs">{`${t(`stats.funnel_step.${s.step}`)}: ${s.display}${s.percentOfComplaints ? ` (${s.percentOfComplaints}%)` : ''}`}</Text>
          ))}
        </Stack>
      )}
    </Panel>
  );
}
