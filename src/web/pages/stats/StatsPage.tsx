import { Badge, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { peruDepartments } from '../../../core/geo/departments';
import { CodeSelect, PageHeader } from '../../components/common';
import type { StatsFilters } from './stats-data';
import { ProsecutionTablePanel, ReportFiguresPanel } from './FiguresPanels';
import { FunnelPanel, Headline, MapPanel, PurposePanel, PyramidPanel, RoutesPanel, TrendPanel } from './StatsPanels';

const names = ['from', 'to', 'department', 'purpose'] as const;

/** The statistics dashboard: filters in the address (shareable), drill-down by clicking a bar or a tile. */
export default function StatsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: StatsFilters = Object.fromEntries(names.map((n) => [n, params.get(n) ?? undefined]).filter(([, v]) => v));
  const set = (name: (typeof names)[number], value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return (
    <Stack gap="md">
      <PageHeader title={t('stats.title')} description={t('stats.intro')} />
      <form role="search" aria-label={t('stats.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="xs">
          <TextInput type="date" label={t('stats.from')} value={filters.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
          <TextInput type="date" label={t('stats.to')} value={filters.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
          <Select label={t('ubigeo.department')} data={peruDepartments.map((d) => ({ value: d.code, label: d.name }))} value={filters.department ?? null} onChange={(v) => set('department', v)} clearable searchable />
          <CodeSelect list="purposes" label={t('case.field.purpose')} value={filters.purpose ?? null} onChange={(v) => set('purpose', v)} clearable />
          <Group align="flex-end">
            <Button variant="default" onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('common.clear')}</Button>
          </Group>
        </SimpleGrid>
      </form>
      {(filters.department || filters.purpose) && (
        <Group gap="xs">
          {filters.department && <Badge color="indigo.8">{peruDepartments.find((d) => d.code === filters.department)?.name}</Badge>}
          {filters.purpose && <Badge color="indigo.8">{t(`purposes.${filters.purpose}`, { ns: 'codes' })}</Badge>}
        </Group>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {['cases', 'victims', 'prosecuted', 'convictions'].map((id) => <Headline key={id} indicator={id} filters={filters} />)}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <TrendPanel filters={filters} />
        <MapPanel filters={filters} onPick={(code) => set('department', code)} />
        <PurposePanel filters={filters} onPick={(purpose) => set('purpose', purpose)} />
        <PyramidPanel filters={filters} />
        <RoutesPanel filters={filters} />
        <FunnelPanel filters={filters} />
        <ProsecutionTablePanel filters={filters} />
        <ReportFiguresPanel filters={filters} />
      </SimpleGrid>
    </Stack>
  );
}
