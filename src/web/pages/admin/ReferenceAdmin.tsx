import { Alert, Button, FileInput, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UbigeoImportReport } from '../../../contracts/reference';
import { ApiError, errorMessage } from '../../api/client';
import { csrfHeader } from '../../api/upload';
import { useFormat } from '../../i18n/format';
import { BoundaryImport } from './BoundaryImport';
import { RejectedRows } from '../../components/RejectedRows';

/** Uploads with XMLHttpRequest because fetch cannot report upload progress (slow links: it matters). */
function uploadCsv(file: File, onProgress: (fraction: number) => void): Promise<UbigeoImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/reference/ubigeo/import');
    xhr.setRequestHeader('Content-Type', 'text/csv');
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}');
      if (xhr.status === 200) resolve(body as UbigeoImportReport);
      else reject(new ApiError(xhr.status, body.error?.code ?? `http_${xhr.status}`, body.error?.message ?? '', body.error?.fields ?? {}));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.send(file);
  });
}

export default function ReferenceAdmin() {
  const { t } = useTranslation();
  const f = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<UbigeoImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async () => {
    if (!file) return;
    setReport(null);
    setFailure(null);
    setProgress(0);
    try {
      setReport(await uploadCsv(file, setProgress));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setProgress(null);
    }
  };
  return (
    <Stack maw={800}>
      <Title order={2} size="h4">{t('admin.reference.ubigeo_title')}</Title>
      <Text size="sm">{t('admin.reference.ubigeo_help')}</Text>
      <Group align="flex-end">
        <FileInput label={t('admin.reference.file')} accept=".csv,text/csv" value={file} onChange={setFile} clearable w={320} />
        <Button onClick={run} disabled={!file} loading={progress !== null}>{t('admin.reference.import')}</Button>
      </Group>
      {progress !== null && (
        <Stack gap={4}>
          <Text size="sm">{progress < 1 ? t('admin.reference.uploading', { percent: f.percent(progress) }) : t('admin.reference.processing')}</Text>
          <Progress value={progress * 100} animated={progress >= 1} aria-label={t('admin.reference.progress')} />
        </Stack>
      )}
      {failure && <Alert color="red" role="alert">{failure}</Alert>}
      {report && (
        <Stack data-testid="import-report">
          <Alert color={report.rejected.length ? 'yellow' : 'green'} role="status">
            {t('admin.reference.done', { rows: f.number(report.rows), rejected: f.number(report.rejected.length) })}
          </Alert>
          <SimpleGrid cols={2}>
            {(['provinces', 'districts'] as const).map((level) => (
              <Text key={level} size="sm">
                {t(`admin.reference.${level}`)}: {t('admin.reference.counts', { created: f.number(report[level].new), updated: f.number(report[level].updated), unchanged: f.number(report[level].unchanged) })}
              </Text>
            ))}
          </SimpleGrid>
          <RejectedRows rows={report.rejected.map((r) => ({ where: r.line, code: r.code, reason: r.reason }))} whereLabel={t('admin.reference.line')} />
        </Stack>
      )}
      <BoundaryImport />
    </Stack>
  );
}
