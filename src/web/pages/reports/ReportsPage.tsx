import { Alert, Anchor, Badge, Button, Checkbox, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { snapshotSummary } from '../../../contracts/reports';
import { api, errorMessage } from '../../api/client';
import { useSession } from '../../api/session';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { useFormat } from '../../i18n/format';
import { QueryLoading } from '../../components/QueryLoading';

type Snapshot = z.infer<typeof snapshotSummary>;

/** Annual reports (frozen, hashed snapshots) and the standard exports (GLOTIP, CTDC). */
export default function ReportsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const client = useQueryClient();
  const [year, setYear] = useState<number | string>(new Date().getFullYear() - 1);
  const [suppress, setSuppress] = useState(false);
  const list = useQuery({ queryKey: ['reports'], queryFn: () => api.get<{ items: Snapshot[] }>('/api/v1/reports/annual') });
  const create = useMutation({
    mutationFn: () => api.post<Snapshot>('/api/v1/reports/annual', { year: Number(year), suppress }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['reports'] }),
  });
  return (
    <Stack>
      <PageHeader title={t('reports.title')} description={t('reports.help')} />
      {can('report.manage') && (
        <Group align="flex-end">
          <NumberInput label={t('reports.year')} value={year} onChange={setYear} min={2000} max={2100} allowDecimal={false} w={140} />
          <Checkbox label={t('reports.suppress')} checked={suppress} onChange={(e) => setSuppress(e.currentTarget.checked)} mb={8} />
          <Button onClick={() => create.mutate()} loading={create.isPending}>{t('reports.generate')}</Button>
        </Group>
      )}
      {create.error && <Alert color="red" role="alert">{errorMessage(create.error)}</Alert>}
      <ErrorAlert error={list.error} />
      <QueryLoading query={list} />
      {list.data?.items.length === 0 && <EmptyState>{t('reports.empty')}</EmptyState>}
      {(list.data?.items.length ?? 0) > 0 && (
        <div className="reta-table-wrap">
          <Table striped data-testid="reports-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.year')}</Table.Th>
                <Table.Th>{t('reports.created')}</Table.Th>
                <Table.Th>{t('reports.definitions')}</Table.Th>
                <Table.Th>{t('reports.files')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data!.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.year}</Table.Td>
                  <Table.Td>{f.date(s.createdAt)}</Table.Td>
                  <Table.Td><Badge variant="light" color="indigo.9">{s.definitionsVersion}</Badge></Table.Td>
                  <Table.Td>
                    {can('export.create') ? (
                      <Group gap="xs">
                        <Anchor href={`/api/v1/reports/annual/${s.id}/report.pdf`} download>PDF</Anchor>
                        <Anchor href={`/api/v1/reports/annual/${s.id}/report.xlsx`} download>XLSX</Anchor>
                        <Anchor href={`/api/v1/reports/annual/${s.id}/report.docx`} download>DOCX</Anchor>
                      </Group>
                    ) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {can('export.create') && (
        <Stack gap={4}>
          <Title order={2} size="h4">{t('reports.exports')}</Title>
          <Text size="sm">{t('reports.exports_help')}</Text>
          <Group gap="md">
            <Anchor href={`/api/v1/exports/glotip.xlsx?year=${Number(year)}`} download>{t('reports.glotip')}</Anchor>
            <Anchor href={`/api/v1/exports/ctdc.csv?year=${Number(year)}`} download>{t('reports.ctdc')}</Anchor>
            {can('stats.exact') && <Anchor href={`/api/v1/exports/htcds.json?year=${Number(year)}`} download>{t('reports.htcds')}</Anchor>}
            <Anchor href="/api/v1/stats/definitions.md" target="_blank">{t('reports.definitions_doc')}</Anchor>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
