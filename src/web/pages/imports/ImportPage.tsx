import { Alert, Anchor, Button, FileInput, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorMessage } from '../../api/client';
import { csrfHeader } from '../../api/upload';
import { PageHeader } from '../../components/common';
import { RecordTable } from '../../components/RecordTable';

interface Issue { sheet: string; line: number; column: string; message: string }
interface Report { fileName: string; rows: number; badRows: number; entities: Record<string, { rows: number; new: number; existing: number }>; errors: Issue[]; warnings: Issue[] }
type Tally = Record<'created' | 'updated' | 'unchanged' | 'conflict' | 'refused', number>;
interface Job {
  id: string; status: string; progress: { phase?: string; processed?: number; total?: number };
  result: { entities: Record<string, Tally>; conflicts: Array<{ sheet: string; line: number; externalId: string }>; refused: Issue[] } | null;
  error: { code: string; report?: Report } | null;
}

/** Multipart upload (fetch; the API answers JSON in the API's error shape). */
async function send<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(url, { method: 'POST', body: form, headers: csrfHeader(), credentials: 'same-origin' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.error?.code ?? `http_${response.status}`, body.error?.message ?? '', body.error?.fields ?? {});
  return body as T;
}

function IssueTable({ issues, caption }: { issues: Issue[]; caption: string }) {
  const { t } = useTranslation();
  if (!issues.length) return null;
  return (
    <RecordTable
      striped
      caption={caption}
      columns={[
        { key: 'sheet', header: t('imports.sheet'), cell: (e) => e.sheet },
        { key: 'row', header: t('imports.row'), cell: (e) => e.line || '' },
        { key: 'column', header: t('imports.column'), cell: (e) => e.column },
        { key: 'problem', header: t('imports.problem'), cell: (e) => e.message },
      ]}
      rows={issues.map((issue, n) => ({ ...issue, n }))}
      rowKey={(e) => String(e.n)}
      empty={null}
    />
  );
}

/** Upload → dry-run report → fix the file → import, with the job's progress and its outcome per entity. */
export default function ImportPage() {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [job, setJob] = useState<Job | null>(null);

  useEffect(() => {
    if (!job || job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') return;
    const timer = setTimeout(() => void api.get<Job>(`/api/v1/imports/${job.id}`).then(setJob).catch((e) => setFailure(errorMessage(e))), 1000);
    return () => clearTimeout(timer);
  }, [job]);

  const run = async (kind: 'dry' | 'real') => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      if (kind === 'dry') {
        setJob(null);
        setReport(await send<Report>('/api/v1/imports/dry-run', file));
      } else setJob(await send<Job>('/api/v1/imports', file));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const lang = i18n.language.startsWith('en') ? 'en' : 'es';
  const total = job?.progress.total ?? 0;
  return (
    <Stack maw={1000}>
      <PageHeader title={t('imports.title')} description={t('imports.help')} />
      <Group gap="md">
        {(['xlsx', 'csv', 'ndjson'] as const).map((format) => (
          <Anchor key={format} href={`/api/v1/imports/template?format=${format}&lang=${lang}`} download>{t(`imports.template_${format}`)}</Anchor>
        ))}
      </Group>
      <Group align="flex-end">
        <FileInput label={t('imports.file')} accept=".xlsx,.csv,.zip,.ndjson,.jsonl" value={file} onChange={(f) => { setFile(f); setReport(null); setJob(null); }} clearable w={360} />
        <Button onClick={() => void run('dry')} disabled={!file} loading={busy}>{t('imports.check')}</Button>
        <Button onClick={() => void run('real')} disabled={!file || !report || report.errors.length > 0 || busy} variant="filled" color="teal">{t('imports.import')}</Button>
      </Group>
      {failure && <Alert color="red" role="alert">{failure}</Alert>}
      {report && (
        <Stack gap="xs" aria-live="polite">
          <Title order={2} size="h4">{t('imports.report_title')}</Title>
          <Text>{report.errors.length ? t('imports.bad_rows', { count: report.badRows, rows: report.rows }) : t('imports.all_good', { rows: report.rows })}</Text>
          {Object.entries(report.entities).map(([entity, c]) => (
            <Text key={entity} size="sm">{t('imports.entity_counts', { entity: t(`imports.entity.${entity}`), rows: c.rows, new: c.new, existing: c.existing })}</Text>
          ))}
          <IssueTable issues={report.errors} caption={t('imports.errors')} />
          <IssueTable issues={report.warnings} caption={t('imports.warnings')} />
        </Stack>
      )}
      {job && (
        <Stack gap="xs" aria-live="polite">
          <Title order={2} size="h4">{t('imports.job_title')}</Title>
          <Text>{t(`imports.status.${job.status}`)}</Text>
          {job.status === 'running' && total > 0 && <Progress value={((job.progress.processed ?? 0) / total) * 100} aria-label={t('imports.progress')} />}
          {job.result && Object.entries(job.result.entities).map(([entity, c]) => (
            <Text key={entity} size="sm">{t('imports.entity_result', { entity: t(`imports.entity.${entity}`), ...c })}</Text>
          ))}
          {job.result && <IssueTable issues={job.result.conflicts.map((c) => ({ ...c, column: c.externalId, message: t('imports.conflict') }))} caption={t('imports.conflicts')} />}
          {job.result && <IssueTable issues={job.result.refused} caption={t('imports.refused')} />}
          {job.error?.report && <IssueTable issues={job.error.report.errors} caption={t('imports.errors')} />}
          {job.status === 'done' && <Anchor href={`/api/v1/imports/${job.id}/result`} download>{t('imports.download')}</Anchor>}
        </Stack>
      )}
    </Stack>
  );
}
