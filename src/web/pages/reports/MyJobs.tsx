import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jobResultPath, type JobView } from '../../../contracts/jobs';
import { errorMessage } from '../../api/client';
import { api } from '../../api/endpoints';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';
import { JobProgress } from './JobProgress';

export const JOBS_QUERY = ['jobs'] as const;
const isOpen = (job: JobView) => job.status === 'queued' || job.status === 'running';
const statusColor: Record<JobView['status'], string> = { queued: 'gray', running: 'blue', done: 'teal.9', failed: 'red', cancelled: 'gray' };

/** "Annual report 2025 (PDF)": what a job makes, in the reader's language. */
export function useJobLabel() {
  const { t } = useTranslation();
  return (job: JobView) => t(`reports.jobs.kind.${job.kind}`, { year: job.params.year ?? '—', format: (job.params.format ?? '').toUpperCase() });
}

/**
 * The reader's recent report and export jobs: progress while they run (followed every second), cancel
 * with a confirmation, the file when it is ready. `onFinished` runs once per job that ends while shown.
 */
export function MyJobs({ onFinished }: { onFinished?: (job: JobView) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useJobLabel();
  const client = useQueryClient();
  const [cancelling, setCancelling] = useState<JobView | null>(null);
  const jobs = useQuery({
    queryKey: JOBS_QUERY,
    queryFn: () => api.jobs.list({ limit: 20 }),
    refetchInterval: (query) => (query.state.data?.items.some(isOpen) ? 1000 : false),
  });
  const cancel = useMutation({
    mutationFn: (job: JobView) => api.jobs.cancel({ id: job.id }),
    onSuccess: () => {
      setCancelling(null);
      void client.invalidateQueries({ queryKey: JOBS_QUERY });
    },
  });

  // Jobs seen open: when one ends, the page may refresh what it made (the list of snapshots).
  const open = useRef(new Set<string>());
  useEffect(() => {
    for (const job of jobs.data?.items ?? []) {
      if (isOpen(job)) open.current.add(job.id);
      else if (open.current.delete(job.id)) onFinished?.(job);
    }
  }, [jobs.data, onFinished]);

  const columns: Column<JobView>[] = [
    { key: 'what', header: t('reports.jobs.what'), cell: (job) => label(job) },
    { key: 'requested', header: t('reports.jobs.requested'), cell: (job) => f.date(job.createdAt), visibleFrom: 'sm' },
    {
      key: 'status',
      header: t('reports.jobs.status_col'),
      miw: 180,
      cell: (job) =>
        isOpen(job) ? (
          <JobProgress job={job} what={label(job)} />
        ) : (
          <Stack gap={2}>
            <Badge variant="light" color={statusColor[job.status]}>{t(`reports.jobs.status.${job.status}`)}</Badge>
            {job.status === 'failed' && <Text size="xs">{t('reports.jobs.failed', { code: job.error?.code ?? '' })}</Text>}
          </Stack>
        ),
    },
    {
      key: 'file',
      header: t('reports.jobs.file'),
      cell: (job) => (
        <Group gap="xs">
          {job.status === 'done' && job.fileName && (
            <Stack gap={0}>
              <Anchor href={jobResultPath(job.id)} download={job.fileName} aria-label={`${t('reports.jobs.download')}: ${label(job)}`}>
                {t('reports.jobs.download')}
              </Anchor>
              {job.expiresAt && <Text size="xs" c="dimmed">{t('reports.jobs.expires', { date: f.date(job.expiresAt) })}</Text>}
            </Stack>
          )}
          {isOpen(job) && !job.cancelRequested && (
            <Button size="xs" variant="default" onClick={() => setCancelling(job)} aria-label={`${t('reports.jobs.cancel')}: ${label(job)}`}>
              {t('reports.jobs.cancel')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('reports.jobs.title')}</Title>
      <Text size="sm">{t('reports.jobs.help')}</Text>
      <RecordTable columns={columns} rows={jobs.data?.items} rowKey={(job) => job.id} query={jobs} empty={t('reports.jobs.empty')} testId="my-jobs" striped />
      <Modal opened={cancelling !== null} onClose={() => setCancelling(null)} title={t('reports.jobs.cancel_title')}>
        <Stack>
          <Text>{t('reports.jobs.cancel_body', { what: cancelling ? label(cancelling) : '' })}</Text>
          {cancel.error && <Alert color="red" role="alert">{errorMessage(cancel.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(null)}>{t('reports.jobs.keep')}</Button>
            <Button color="red" loading={cancel.isPending} onClick={() => cancelling && cancel.mutate(cancelling)}>{t('reports.jobs.cancel_confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
