import { Anchor, Drawer, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatsCasesResult } from '../../../contracts/stats-cases';
import { api } from '../../api/client';
import { EmptyState, ErrorAlert } from '../../components/common';
import { useFormat } from '../../i18n/format';
import type { CellRef } from './pivot-model';

export interface FigureCasesProps {
  /** The table's query (API parameter names) and the cell opened; null: closed. */
  query: Record<string, string>;
  cell: CellRef | null;
  description: string;
  onClose: () => void;
}

/** The cases behind one figure, as far as the reader may see them, each linking to its case page. */
export function FigureCases({ query, cell, description, onClose }: FigureCasesProps) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const params = { ...query, ...(cell?.row !== undefined ? { row: cell.row } : {}), ...(cell?.column !== undefined ? { column: cell.column } : {}) };
  const q = useQuery({
    queryKey: ['stats-cases', params, i18n.language],
    queryFn: () => api.get<StatsCasesResult>('/api/v1/stats/cases', { query: params }),
    enabled: cell !== null,
  });
  const data = q.data;
  return (
    <Drawer opened={cell !== null} onClose={onClose} position="right" size="lg" title={t('stats.cases.title', { what: description })}>
      {q.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={q.error} />
      {data && (
        <Stack gap="xs" data-testid="figure-cases">
          <Text size="sm">
            {t('stats.cases.summary', { value: data.display, unit: t(`units.${data.unit}`, { ns: 'indicators' }), count: data.cases.length })}
          </Text>
          {data.cases.length === 0 ? (
            <EmptyState>{t('stats.cases.empty')}</EmptyState>
          ) : (
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('stats.cases.code')}</Table.Th>
                  <Table.Th>{t('stats.cases.department')}</Table.Th>
                  <Table.Th>{t('stats.cases.registered')}</Table.Th>
                  <Table.Th>{t('stats.cases.records')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.cases.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td><Anchor component={Link} to={`/cases/${c.id}`}>{c.code}</Anchor></Table.Td>
                    <Table.Td>{c.departmentName ?? t('common.unknown')}</Table.Td>
                    <Table.Td>{f.date(c.registeredAt)}</Table.Td>
                    <Table.Td>{f.number(c.records)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {data.truncated && <Text size="xs" c="dark.4">{t('stats.cases.truncated', { count: data.cases.length })}</Text>}
        </Stack>
      )}
    </Drawer>
  );
}
