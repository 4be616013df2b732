import { Anchor, Drawer, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatsCasesResult } from '../../../contracts/stats-cases';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/common';
import { RecordTable } from '../../components/RecordTable';
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
          {/* Not striped: the case links keep their contrast on every row. */}
          <RecordTable
            highlightOnHover
            columns={[
              { key: 'code', header: t('stats.cases.code'), cell: (c) => <Anchor component={Link} to={`/cases/${c.id}`}>{c.code}</Anchor> },
              { key: 'department', header: t('stats.cases.department'), cell: (c) => c.departmentName ?? t('common.unknown') },
              { key: 'registered', header: t('stats.cases.registered'), cell: (c) => f.date(c.registeredAt) },
              { key: 'records', header: t('stats.cases.records'), cell: (c) => f.number(c.records) },
            ]}
            rows={data.cases}
            rowKey={(c) => c.id}
            empty={t('stats.cases.empty')}
          />
          {data.truncated && <Text size="xs" c="dark.4">{t('stats.cases.truncated', { count: data.cases.length })}</Text>}
        </Stack>
      )}
    </Drawer>
  );
}
