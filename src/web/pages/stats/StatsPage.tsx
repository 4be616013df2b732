import { Badge, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes, useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { peruDepartments } from '../../../core/geo/departments';
import { CodeSelect, PageHeader } from '../../components/common';
import type { StatsFilters } from './stats-data';
import { ProsecutionTablePanel, ReportFiguresPanel } from './FiguresPanels';
import { PivotBuilder } from './PivotBuilder';
import { StatsAbilities, useStatsAbilities } from './stats-data';
import { FunnelPanel, Headline, MapPanel, PurposePanel, PyramidPanel, RoutesPanel, TrendPanel } from './StatsPanels';

const names = ['from', 'to', 'registeringDepartment', 'exploitationDepartment', 'purpose'] as const;
const departmentOptions = peruDepartments.map((d) => ({ value: d.code, label: d.name }));
const departmentName = (code: string | undefined) => peruDepartments.find((d) => d.code === code)?.name ?? code;

/** Statistics: the dashboard and the ad-hoc table builder, each with its state in the address. */
export default function StatsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const abilities = { canDrill: can('stats.exact') && can('case.read'), canExport: can('export.create') };
  const tab = (to: string, label: string, end = false) => (
    <Button component={NavLink} to={to} end={end} variant="subtle" size="sm" className="stats-tab">{label}</Button>
  );
  return (
    <Stack gap="md">
      <PageHeader title={t('stats.title')} description={t('stats.intro')} />
      <Group gap="xs" component="nav" aria-label={t('stats.views')}>
        {tab('/stats', t('stats.dashboard'), true)}
        {tab('/stats/table', t('stats.pivot.title'))}
      </Group>
      <StatsAbilities.Provider value={abilities}>
        <Routes>
          <Route index element={<Dashboard />} />
          <Route path="table" element={<PivotBuilder canDrill={abilities.canDrill} canExport={abilities.canExport} />} />
        </Routes>
      </StatsAbilities.Provider>
    </Stack>
  );
}

/** The statistics dashboard: filters in the address (shareable), drill-down by clicking a bar or a tile. */
function Dashboard() {
  const { t } = useTranslation();
  const { canDrill } = useStatsAbilities();
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
      <form role="search" aria-label={t('stats.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
          <TextInput type="date" label={t('stats.from')} value={filters.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
          <TextInput type="date" label={t('stats.to')} value={filters.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
          {/* Two departments, each named for what it is: the registering unit's, and the place of exploitation. */}
          <Select label={t('stats.department.registering')} description={t('stats.department.registering_help')} data={departmentOptions} value={filters.registeringDepartment ?? null} onChange={(v) => set('registeringDepartment', v)} clearable searchable />
          <Select label={t('stats.department.exploitation')} description={t('stats.department.exploitation_help')} data={departmentOptions} value={filters.exploitationDepartment ?? null} onChange={(v) => set('exploitationDepartment', v)} clearable searchable />
          <CodeSelect list="purposes" label={t('case.field.purpose')} value={filters.purpose ?? null} onChange={(v) => set('purpose', v)} clearable />
          <Group align="flex-end">
            <Button variant="default" onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('common.clear')}</Button>
          </Group>
        </SimpleGrid>
      </form>
      {(filters.registeringDepartment || filters.exploitationDepartment || filters.purpose) && (
        <Group gap="xs" data-testid="stats-active-filters">
          {filters.registeringDepartment && <Badge color="indigo.8">{`${t('stats.department.registering')}: ${departmentName(filters.registeringDepartment)}`}</Badge>}
          {filters.exploitationDepartment && <Badge color="indigo.8">{`${t('stats.department.exploitation')}: ${departmentName(filters.exploitationDepartment)}`}</Badge>}
          {filters.purpose && <Badge color="indigo.8">{t(`purposes.${filters.purpose}`, { ns: 'codes' })}</Badge>}
        </Group>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {['cases', 'victims', 'prosecuted', 'convictions'].map((id) => <Headline key={id} indicator={id} filters={filters} />)}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <TrendPanel filters={filters} />
        <MapPanel filters={filters} onPick={(code) => set('exploitationDepartment', code)} canDrill={canDrill} />
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
