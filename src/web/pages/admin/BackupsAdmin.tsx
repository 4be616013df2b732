import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PageLoader } from '../../App';
import { ErrorAlert } from '../../components/common';
import { RecordTable } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';

interface BackupView {
  name: string;
  bytes: number;
  at: string;
}

const KEY = ['admin-backups'];

/** Online backups: make one now (the server keeps serving) and see the ones kept on the server. */
export default function BackupsAdmin() {
  const { t } = useTranslation();
  const { date, number } = useFormat();
  const client = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: () => api.get<{ items: BackupView[]; keep: number; everyMinutes: number }>('/api/v1/admin/backups') });
  const create = useMutation({
    mutationFn: () => api.post<BackupView>('/api/v1/admin/backups'),
    onSettled: () => void client.invalidateQueries({ queryKey: KEY }),
  });
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const size = (bytes: number) => t('admin.backups.kb', { value: number(Math.ceil(bytes / 1024)) });
  return (
    <Stack maw={820}>
      <Text>{t('admin.backups.intro', { keep: list.data.keep })}</Text>
      <Text size="sm">{list.data.everyMinutes > 0 ? t('admin.backups.schedule', { minutes: list.data.everyMinutes }) : t('admin.backups.no_schedule')}</Text>
      <div>
        <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="backup-create">
          {create.isPending ? t('admin.backups.creating') : t('admin.backups.create')}
        </Button>
      </div>
      {create.isError && <ErrorAlert error={create.error} />}
      {create.isSuccess && (
        <Alert color="green" role="status" data-testid="backup-done">
          {t('admin.backups.done', { name: create.data.name, size: size(create.data.bytes) })}
        </Alert>
      )}
      <RecordTable
        striped
        columns={[
          { key: 'name', header: t('admin.backups.name'), cell: (b) => b.name },
          { key: 'at', header: t('admin.backups.at'), cell: (b) => date(b.at) },
          { key: 'size', header: t('admin.backups.size'), cell: (b) => size(b.bytes) },
        ]}
        rows={list.data.items}
        rowKey={(b: BackupView) => b.name}
        empty={t('admin.backups.empty')}
      />
    </Stack>
  );
}
