import { Box, Group, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProsecutionTableResult } from '../../../contracts/stats';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/common';
import { Panel } from './StatsPanels';
import { useStat, type StatsFilters } from './stats-data';

/** The figures the source reports ask for (officials, omitted aggravation, reparation …), each a total under the filters. */
const reportFigures = [
  'officials_investigated', 'officials_prosecuted', 'officials_convicted', 'aggravation_omitted', 'suspended_insufficient_evidence',
  'reparations_ordered', 'reparations_paid', 'repatriations', 'residency_permits', 'victims_without_identity_document',
  'prevention_participants_by_sex',
] as const;
/** Figures whose records have no form of exploitation (prevention): the purpose filter does not apply. */
const withoutPurpose = new Set<string>(['prevention_participants_by_sex']);

function FigureRow({ indicator, filters }: { indicator: string; filters: StatsFilters }) {
  const { t } = useTranslation();
  const q = useStat(indicator, [], withoutPurpose.has(indicator) ? { ...filters, purpose: undefined } : filters);
  return (
    <Table.Tr data-testid={`figure-${indicator}`}>
      <Table.Td>{t(`indicators.${indicator}.name`, { ns: 'indicators' })}</Table.Td>
      <Table.Td ta="right" fw={600}>
        {q.data ? q.data.totals.grand.display : q.isLoading ? <Loader size="xs" aria-label={t('common.loading')} /> : <ErrorAlert error={q.error} />}
      </Table.Td>
    </Table.Tr>
  );
}

export function ReportFiguresPanel({ filters }: { filters: StatsFilters }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('stats.report_figures')} testId="panel-report-figures">
      <Table striped withRowBorders={false} fz="sm">
        <Table.Tbody>
          {reportFigures.map((id) => <FigureRow key={id} indicator={id} filters={filters} />)}
        </Table.Tbody>
      </Table>
    </Panel>
  );
}

/** The 2017 report's prosecution table: one row per year, from the engine's indicators. */
export function ProsecutionTablePanel({ filters }: { filters: StatsFilters }) {
  const { t, i18n } = useTranslation();
  const query = { from: filters.from, to: filters.to, department: filters.registeringDepartment };
  const q = useQuery({
    queryKey: ['stats-prosecution-table', query, i18n.language],
    queryFn: () => api.get<ProsecutionTableResult>('/api/v1/stats/prosecution-table', { query }),
  });
  return (
    <Panel title={t('stats.prosecution_table')} testId="panel-prosecution-table">
      {q.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={q.error} />
      {q.data && (q.data.rows.length === 0 ? (
        <Text size="sm" c="dark.4">{t('stats.no_data')}</Text>
      ) : (
        // A scrollable region reachable by keyboard, named for screen readers.
        <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('stats.prosecution_table')}>
          <Table striped fz="sm" miw={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stats.year')}</Table.Th>
                {q.data.columns.map((c) => <Table.Th key={c.id} ta="right">{t(`stats.prosecution_column.${c.id}`)}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.rows.map((r) => (
                <Table.Tr key={r.year}>
                  <Table.Td>{r.year}</Table.Td>
                  {r.cells.map((c, i) => <Table.Td key={q.data.columns[i]!.id} ta="right">{c.display}</Table.Td>)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      ))}
      <Group mt={4}>
        <Text size="xs" c="dark.4">{t('stats.prosecution_note')}</Text>
      </Group>
    </Panel>
  );
}
