import { Alert, Button, Card, Code, Group, Modal, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { releasePreview, releaseRecord } from '../../../contracts/releases';
import { api, ApiError, errorMessage } from '../../api/client';
import { ErrorAlert, PageHeader } from '../../components/common';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';
import { headerLabel } from '../stats/stats-data';
import { ReleasedTable } from './ReleasedTable';

type Preview = z.infer<typeof releasePreview>;
type Release = z.infer<typeof releaseRecord>;

function PreviewPanel({ preview, onPublished }: { preview: Preview; onPublished: (r: Release) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const isRevision = preview.revises !== null;
  const publish = useMutation({
    mutationFn: () => api.post<Release>('/api/v1/releases', { year: preview.year, revises: preview.revises, ...(isRevision ? { note } : {}) }),
    onSuccess: (r) => (setConfirming(false), onPublished(r)),
  });
  const changes = preview.content.tables.flatMap((table) => table.changes.map((c) => ({ ...c, table: table.name, by: table.result.by, rowLabel: table.result.rows.find((r) => r.key === c.row)?.label, columnLabel: table.result.columns.find((k) => k.key === c.column)?.label })));
  const changeColumns: Column<(typeof changes)[number]>[] = [
    { key: 'table', header: t('releases.change.table'), cell: (c) => t(`open_data.table.${c.table}`) },
    { key: 'row', header: t('releases.change.row'), cell: (c) => (c.row === null ? t('open_data.total') : headerLabel(c.by[0], { key: c.row, label: c.rowLabel })) },
    { key: 'column', header: t('releases.change.column'), cell: (c) => (c.column === null ? (c.by.length > 1 ? t('open_data.total') : '') : headerLabel(c.by[1], { key: c.column, label: c.columnLabel })) },
    { key: 'before', header: t('releases.change.before'), cell: (c) => c.before },
    { key: 'after', header: t('releases.change.after'), cell: (c) => c.after },
  ];
  return (
    <Stack data-testid="release-preview">
      <Title order={2} size="h4">
        {isRevision ? t('releases.revision_of', { revision: preview.revision, year: preview.year, previous: preview.revision - 1 }) : t('releases.first', { year: preview.year })}
      </Title>
      {isRevision && <Text>{preview.changed ? t('releases.changed', { count: preview.changed }) : t('releases.unchanged')}</Text>}
      {changes.length > 0 && <RecordTable testId="release-changes" striped columns={changeColumns} rows={changes} rowKey={(c) => `${c.table}:${c.row ?? ''}:${c.column ?? ''}`} empty={null} />}
      {preview.content.tables.map((table) => (
        <Card key={table.name} withBorder padding="sm">
          <Title order={3} size="h5" mb="xs">{t(`open_data.table.${table.name}`)}</Title>
          <ReleasedTable result={table.result} />
        </Card>
      ))}
      <Text size="xs">{t('open_data.hash')}: <Code>{preview.contentHash}</Code></Text>
      {isRevision && <Textarea label={t('releases.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required minRows={3} maxLength={2000} />}
      <Group>
        <Button onClick={() => setConfirming(true)} disabled={isRevision && note.trim() === ''}>{isRevision ? t('releases.publish_revision') : t('releases.publish')}</Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('releases.confirm_title')}>
        <Stack>
          <Text>{t('releases.confirm_body', { year: preview.year, revision: preview.revision })}</Text>
          {publish.error && <Alert color="red" role="alert">{errorMessage(publish.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            <Button color="red" loading={publish.isPending} onClick={() => publish.mutate()}>{t('releases.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Analysts with national scope preview, publish and revise the public releases (the open-data tables of a year). */
export default function ReleasesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [year, setYear] = useState<number | string>(new Date().getFullYear() - 1);
  const [asked, setAsked] = useState<number | null>(null);
  const [done, setDone] = useState<Release | null>(null);
  const list = useQuery({ queryKey: ['releases'], queryFn: () => api.get<{ items: Release[] }>('/api/v1/releases') });
  const preview = useQuery({ queryKey: ['release-preview', asked], queryFn: () => api.get<Preview>(`/api/v1/releases/preview?year=${asked}`), enabled: asked !== null });
  const published = (r: Release) => {
    setDone(r);
    setAsked(null);
    void client.invalidateQueries({ queryKey: ['releases'] });
    void client.removeQueries({ queryKey: ['release-preview'] });
  };
  const releaseColumns: Column<Release>[] = [
    { key: 'year', header: t('releases.col.year'), cell: (r) => r.year },
    { key: 'revision', header: t('releases.col.revision'), cell: (r) => r.revision },
    { key: 'publishedAt', header: t('releases.col.published_at'), cell: (r) => f.date(r.publishedAt) },
    { key: 'by', header: t('releases.col.by'), cell: (r) => r.publishedBy.displayName },
    { key: 'note', header: t('releases.col.note'), cell: (r) => r.note ?? '—' },
    { key: 'hash', header: t('releases.col.hash'), cell: (r) => <Code>{r.contentHash.slice(0, 12)}</Code> },
  ];
  return (
    <Stack>
      <PageHeader title={t('releases.title')} description={t('releases.help')} />
      <Group align="flex-end">
        <NumberInput label={t('releases.year')} value={year} onChange={setYear} min={2000} max={2100} allowDecimal={false} w={140} />
        <Button variant="light" onClick={() => (setDone(null), setAsked(Number(year)))} loading={preview.isFetching}>{t('releases.preview')}</Button>
      </Group>
      {done && <Alert color="green" role="status">{t('releases.published_ok', { year: done.year, revision: done.revision })}</Alert>}
      {preview.error instanceof ApiError && preview.error.status === 403 ? <Alert color="yellow" role="alert">{t('releases.not_allowed')}</Alert> : <ErrorAlert error={preview.error} />}
      {preview.data && asked !== null && <PreviewPanel key={`${preview.data.year}-${preview.data.revision}`} preview={preview.data} onPublished={published} />}
      <Title order={2} size="h4">{t('releases.list')}</Title>
      <RecordTable testId="releases-table" striped columns={releaseColumns} rows={list.data?.items} rowKey={(r) => r.id} query={list} empty={t('releases.empty')} />
    </Stack>
  );
}
