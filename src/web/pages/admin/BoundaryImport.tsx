import { Alert, Button, FileInput, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoundaryImportReport } from '../../../contracts/reference';
import { api, errorMessage } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { RejectedRows } from '../../components/RejectedRows';

/** Map boundaries into the database (POST /api/v1/reference/boundaries/import), with the refused features listed. */
export function BoundaryImport() {
  const { t } = useTranslation();
  const f = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<BoundaryImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async () => {
    if (!file) return;
    setReport(null);
    setFailure(null);
    setBusy(true);
    try {
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        setFailure(t('admin.reference.not_json'));
        return;
      }
      setReport(await api.post<BoundaryImportReport>('/api/v1/reference/boundaries/import', body, { query: { source: source.trim() || undefined } }));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={800} mt="lg" data-testid="boundary-import">
      <Title order={2} size="h4">{t('admin.reference.boundaries_title')}</Title>
      <Text size="sm">{t('admin.reference.boundaries_help')}</Text>
      <Group align="flex-end">
        <FileInput label={t('admin.reference.boundaries_file')} accept=".geojson,.json,application/geo+json,application/json" value={file} onChange={setFile} clearable w={320} />
        <TextInput label={t('admin.reference.boundaries_source')} value={source} onChange={(e) => setSource(e.currentTarget.value)} maxLength={300} w={320} />
        <Button onClick={run} disabled={!file} loading={busy}>{t('admin.reference.import')}</Button>
      </Group>
      {failure && <Alert color="red" role="alert">{failure}</Alert>}
      {report && (
        <Stack data-testid="boundary-report">
          <Alert color={report.rejected.length ? 'yellow' : 'green'} role="status">
            {t('admin.reference.boundaries_done', { departments: f.number(report.departments), provinces: f.number(report.provinces), rejected: f.number(report.rejected.length) })}
          </Alert>
          <RejectedRows rows={report.rejected.map((r) => ({ where: r.feature, code: r.code, reason: r.reason }))} whereLabel={t('admin.reference.feature')} />
        </Stack>
      )}
    </Stack>
  );
}
