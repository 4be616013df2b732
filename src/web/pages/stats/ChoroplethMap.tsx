import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoundaryCollection } from '../../../contracts/reference';
import type { StatsResult } from '../../../contracts/stats';
import type { ProvinceResult } from '../../../contracts/stats-map';
import { peruDepartments } from '../../../core/geo/departments';
import { api } from '../../api/client';
import { EmptyState, ErrorAlert } from '../../components/common';
import { Chart } from './Chart';
import { DepartmentTiles } from './DepartmentTiles';
import { FigureCases } from './FigureCases';
import type { CellRef } from './pivot-model';
import type { StatsFilters } from './stats-data';

type Figure = { value: number | null; display: string };
export interface MapArea { code: string; name: string; figure: Figure | undefined }

/** The chart of a choropleth: each area coloured by its published value; hidden values are drawn as "no data". */
export function choroplethOption(mapName: string, areas: readonly MapArea[], labels: { low: string; high: string; noData: string }) {
  const max = Math.max(1, ...areas.map((a) => a.figure?.value ?? 0));
  return {
    tooltip: { trigger: 'item', formatter: (p: { name: string; data?: { display?: string } }) => `${p.name}: ${p.data?.display ?? labels.noData}` },
    visualMap: { min: 0, max, left: 8, bottom: 8, itemHeight: 80, text: [labels.high, labels.low], calculable: false, inRange: { color: ['#e0e7ff', '#3730a3'] }, outOfRange: { color: '#f1f3f5' } },
    series: [{
      type: 'map', map: mapName, nameProperty: 'name', roam: false, selectedMode: false, aspectScale: 1,
      itemStyle: { areaColor: '#f1f3f5', borderColor: '#868e96', borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#f59f00' } },
      data: areas.map((a) => ({ name: a.name, code: a.code, value: a.figure?.value ?? null, display: a.figure?.display ?? '0' })),
    }],
  };
}

/** The text a screen reader gets for the map: every area and its figure as published ("<10" included). */
export const describeAreas = (areas: readonly MapArea[]) => areas.map((a) => `${a.name} ${a.figure?.display ?? '0'}`).join(', ');

/**
 * Victims by department of exploitation on Peru's boundaries (imported into the database: GET
 * /api/v1/reference/boundaries), with drill-down to the provinces of a department; without boundaries,
 * says so and shows the department tiles. A department's figure opens the cases behind it.
 */
export function ChoroplethMap({ filters, onPick, canDrill }: { filters: StatsFilters; onPick: (code: string | undefined) => void; canDrill: boolean }) {
  const { t, i18n } = useTranslation();
  const department = filters.exploitationDepartment;
  const others = { ...filters, exploitationDepartment: undefined };
  const [cases, setCases] = useState<CellRef | null>(null);
  const countryShapes = useQuery({ queryKey: ['boundaries', 'departments'], queryFn: () => api.get<BoundaryCollection>('/api/v1/reference/boundaries', { query: { level: 1 } }), staleTime: 5 * 60_000 });
  const provinceShapes = useQuery({
    queryKey: ['boundaries', 'provinces', department],
    queryFn: () => api.get<BoundaryCollection>('/api/v1/reference/boundaries', { query: { parent: department } }),
    enabled: !!department,
    staleTime: 5 * 60_000,
  });
  const byDepartment = useQuery({
    queryKey: ['stats', 'map', others, i18n.language],
    queryFn: () => api.get<StatsResult>('/api/v1/stats/query', { query: { indicator: 'victims', by: 'exploitationDepartment', ...others } }),
  });
  const byProvince = useQuery({
    queryKey: ['stats', 'provinces', department, others],
    queryFn: () => api.get<ProvinceResult>('/api/v1/stats/provinces', { query: { indicator: 'victims', department, ...others } }),
    enabled: !!department && !!provinceShapes.data?.features.length,
  });
  const departmentFigures: Record<string, Figure> = Object.fromEntries((byDepartment.data?.rows ?? []).map((r, i) => [r.key, byDepartment.data!.totals.rows[i]!]));
  const shapes = department && provinceShapes.data?.features.length ? provinceShapes.data : countryShapes.data;
  const level = department && provinceShapes.data?.features.length ? 'province' : 'department';
  const areas: MapArea[] = useMemo(() => {
    if (!shapes) return [];
    const figures: Record<string, Figure> = level === 'province' ? Object.fromEntries((byProvince.data?.items ?? []).map((i) => [i.code, i])) : departmentFigures;
    return shapes.features.map((f) => ({ code: f.id, name: f.properties.name, figure: figures[f.id] }));
  }, [shapes, level, byProvince.data, byDepartment.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const mapName = level === 'province' ? `reta-provinces-${department}` : 'reta-departments';
  const option = useMemo(() => choroplethOption(mapName, areas, { low: t('stats.map_low'), high: t('stats.map_high'), noData: t('stats.unknown_value') }), [mapName, areas, t]);
  const departmentName = peruDepartments.find((d) => d.code === department)?.name;

  if (countryShapes.isLoading || byDepartment.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (countryShapes.error || byDepartment.error) return <ErrorAlert error={countryShapes.error ?? byDepartment.error} />;
  if (!countryShapes.data?.features.length) {
    return (
      <Stack gap="xs">
        <EmptyState>{t('stats.map_no_boundaries')}</EmptyState>
        <DepartmentTiles values={departmentFigures} selected={department} onSelect={onPick} label={t('stats.map')} />
      </Stack>
    );
  }
  const title = level === 'province' ? t('stats.map_provinces', { name: departmentName }) : t('stats.map');
  return (
    <Stack gap="xs" data-testid="choropleth">
      {department && (
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => onPick(undefined)}>{t('stats.map_back')}</Button>
          {canDrill && departmentFigures[department]?.value ? (
            <Button variant="light" size="xs" onClick={() => setCases({ row: department })}>{t('stats.map_cases', { name: departmentName })}</Button>
          ) : null}
        </Group>
      )}
      {department && !provinceShapes.isLoading && !provinceShapes.data?.features.length && <Text size="xs" c="dark.4">{t('stats.map_no_provinces')}</Text>}
      <Chart
        option={option}
        maps={{ [mapName]: shapes! }}
        height={360}
        label={title}
        description={describeAreas(areas)}
        testId="choropleth-chart"
        onClick={(p) => {
          const code = (p.data as { code?: string } | undefined)?.code;
          if (level === 'department' && code) onPick(code);
        }}
      />
      {shapes?.source && <Text size="xs" c="dark.4">{t('stats.map_source', { source: shapes.source })}</Text>}
      <FigureCases
        query={{ indicator: 'victims', by: 'exploitationDepartment', ...Object.fromEntries(Object.entries(others).filter(([, v]) => v)) as Record<string, string> }}
        cell={cases}
        description={`${t('stats.department.exploitation')}: ${departmentName ?? ''}`}
        onClose={() => setCases(null)}
      />
    </Stack>
  );
}
