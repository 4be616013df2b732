import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoStatusView } from '../../../contracts/demo';
import { api } from '../../api/client';
import { PageLoader } from '../../App';
import { ErrorAlert } from '../../components/common';
import { useFormat } from '../../i18n/format';

const STATUS_KEY = ['demo-status'];

/** Training mode: the administrator regenerates the demo data (same options), with a confirmation first. */
export default function TrainingAdmin() {
  const { t } = useTranslation();
  const { date, number } = useFormat();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const status = useQuery({
    queryKey: STATUS_KEY,
    queryFn: () => api.get<DemoStatusView>('/api/v1/admin/demo'),
    // Poll while a reset runs; stop as soon as it has finished.
    refetchInterval: (query) => (query.state.data?.reset.state === 'running' ? 1000 : false),
  });
  const reset = useMutation({
    mutationFn: () => api.post<DemoStatusView>('/api/v1/admin/demo/reset'),
    onSuccess: (data) => {
      setConfirming(false);
      client.setQueryData(STATUS_KEY, data);
    },
    onSettled: () => {
      // Every list and count on other pages is stale once the data is regenerated.
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== STATUS_KEY[0] && q.queryKey[0] !== 'system-info' });
    },
  });
  if (status.isPending) return <PageLoader />;
  if (status.isError) return <ErrorAlert error={status.error} />;
  const s = status.data;
  if (!s.demoDatabase) return <Alert color="gray">{t('admin.training.not_demo')}</Alert>;
  const job = s.reset;
  const running = job.state === 'running';
  const percent = job.victimsTotal ? Math.round((job.victimsDone / job.victimsTotal) * 100) : 0;
  return (
    <Stack maw={720}>
      <Text>{t('admin.training.intro')}</Text>
      <Text size="sm" data-testid="training-options">
        {t('admin.training.options', { seed: s.seed, victims: number(s.victims), asOf: s.asOfFixed ? date(s.asOf) : t('admin.training.today') })}
      </Text>
      {s.generation === 'generating' && !running && <Alert color="orange" role="alert">{t('admin.training.interrupted')}</Alert>}
      {running && (
        <Stack gap={4} role="status" aria-live="polite" data-testid="training-progress">
          <Text fw={600}>{t('admin.training.running', { done: number(job.victimsDone), total: number(job.victimsTotal) })}</Text>
          <Progress value={percent} animated aria-label={t('admin.training.progress')} />
          <Text size="sm">{t('admin.training.running_help')}</Text>
        </Stack>
      )}
      {job.state === 'succeeded' && (
        <Alert color="green" role="status" data-testid="training-done" title={t('admin.training.done_title')}>
          {t('admin.training.done', { at: date(job.finishedAt), cases: number(job.rows?.cases ?? 0), victims: number(job.rows?.case_victims ?? 0) })}
        </Alert>
      )}
      {job.state === 'failed' && (
        <Alert color="red" role="alert">{t(job.error ?? 'demo.reset_failed', { ns: 'errors' })}</Alert>
      )}
      <ErrorAlert error={reset.error} />
      <Group>
        <Button color="red" onClick={() => setConfirming(true)} disabled={running} loading={reset.isPending}>{t('admin.training.reset')}</Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('admin.training.confirm_title')} centered>
        <Stack>
          <Text>{t('admin.training.confirm_body', { seed: s.seed, victims: number(s.victims) })}</Text>
          <Text size="sm">{t('admin.training.confirm_accounts')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            <Button color="red" onClick={() => reset.mutate()} loading={reset.isPending}>{t('admin.training.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
