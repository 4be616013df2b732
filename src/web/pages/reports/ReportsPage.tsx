import { Alert, Anchor, Badge, Button, Checkbox, Group, NumberInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { JobStartInput, JobView } from '../../../contracts/jobs';
import type { snapshotSummary } from '../../../contracts/reports';
import { errorMessage } from '../../api/client';
import { api } from '../../api/endpoints';
import { useSession } from '../../api/session';
import { PageHeader } from '../../components/common';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';
import { JOBS_QUERY, MyJobs } from './MyJobs';

type Snapshot = z.infer<typeof snapshotSummary>;
type AnnualFormat = 'pdf' | 'xlsx' | 'docx';
const annualFormats: AnnualFormat[] = ['pdf', 'xlsx', 'docx'];

/**
 * Annual reports (frozen, hashed snapshots) and the standard exports (GLOTIP, CTDC, HTCDS). Every file is
 * made by a background job: the page queues it, shows its progress under "My jobs" and offers the file
 * when it is ready; the server stays responsive while it is built.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const client = useQueryClient();
  const [year, setYear] = useState<number | string>(new Date().getFullYear() - 1);
  const [suppress, setSuppress] = useState(false);
  const [format, setFormat] = useState<AnnualFormat>('pdf');
  const list = useQuery({ queryKey: ['reports'], queryFn: () => api.get<{ items: Snapshot[] }>('/api/v1/reports/annual') });
  const start = useMutation({
    mutationFn: (input: JobStartInput) => api.jobs.start(input),
    onSuccess: () => void client.invalidateQueries({ queryKey: JOBS_QUERY }),
  });
  // An annual report job freezes a new snapshot: the list shows it once the job ends.
  const onFinished = useCallback((job: JobView) => {
    if (job.kind === 'report.annual') void client.invalidateQueries({ queryKey: ['reports'] });
  }, [client]);

  const mayExport = can('export.create');
  const columns: Column<Snapshot>[] = [
    { key: 'year', header: t('reports.year'), cell: (s) => s.year },
    { key: 'created', header: t('reports.created'), cell: (s) => f.date(s.createdAt) },
    { key: 'definitions', header: t('reports.definitions'), cell: (s) => <Badge variant="light" color="indigo.9">{s.definitionsVersion}</Badge>, visibleFrom: 'sm' },
    {
      key: 'files',
      header: t('reports.files'),
      cell: (s) =>
        mayExport ? (
          <Group gap="xs">
            {annualFormats.map((fmt) => (
              <Button key={fmt} size="compact-xs" variant="default" aria-label={t('reports.file_of', { format: fmt.toUpperCase() })}
                onClick={() => start.mutate({ kind: 'report.annual_file', snapshotId: s.id, format: fmt })}>
                {fmt.toUpperCase()}
              </Button>
            ))}
          </Group>
        ) : '—',
    },
  ];

  return (
    <Stack>
      <PageHeader title={t('reports.title')} description={t('reports.help')} />
      {can('report.manage') && mayExport && (
        <Group align="flex-end">
          <NumberInput label={t('reports.year')} value={year} onChange={setYear} min={2000} max={2100} allowDecimal={false} w={140} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="annual-format-label">{t('reports.format')}</Text>
            <SegmentedControl aria-labelledby="annual-format-label" value={format} onChange={(v) => setFormat(v as AnnualFormat)} data={annualFormats.map((v) => ({ value: v, label: v.toUpperCase() }))} />
          </Stack>
          <Checkbox label={t('reports.suppress')} checked={suppress} onChange={(e) => setSuppress(e.currentTarget.checked)} mb={8} />
          <Button onClick={() => start.mutate({ kind: 'report.annual', year: Number(year), suppress, format })} loading={start.isPending}>{t('reports.generate')}</Button>
        </Group>
      )}
      {start.error && <Alert color="red" role="alert">{errorMessage(start.error)}</Alert>}
      {start.isSuccess && <Text size="sm" role="status">{t('reports.started')}</Text>}
      {mayExport && <MyJobs onFinished={onFinished} />}
      <RecordTable columns={columns} rows={list.data?.items} rowKey={(s) => s.id} query={list} empty={t('reports.empty')} testId="reports-table" striped />
      {mayExport && (
        <Stack gap={4}>
          <Title order={2} size="h4">{t('reports.exports')}</Title>
          <Text size="sm">{t('reports.exports_help')}</Text>
          <Group gap="md">
            <Button variant="light" onClick={() => start.mutate({ kind: 'export.glotip', year: Number(year), format: 'xlsx' })}>{t('reports.glotip')}</Button>
            <Button variant="light" onClick={() => start.mutate({ kind: 'export.ctdc', year: Number(year), k: 5, format: 'csv' })}>{t('reports.ctdc')}</Button>
            {can('stats.exact') && <Button variant="light" onClick={() => start.mutate({ kind: 'export.htcds', year: Number(year) })}>{t('reports.htcds')}</Button>}
            <Anchor href="/api/v1/stats/definitions.md" target="_blank">{t('reports.definitions_doc')}</Anchor>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
