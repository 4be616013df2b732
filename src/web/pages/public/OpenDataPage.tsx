import { Anchor, Card, Code, Container, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReleaseSummary } from '../../../contracts/releases';
import type { StatsResult } from '../../../contracts/stats';
import { api } from '../../api/client';
import { EmptyState, ErrorAlert } from '../../components/common';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useFormat } from '../../i18n/format';
import { ReleasedTable } from '../releases/ReleasedTable';

function PublicTable({ name, release }: { name: string; release: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['public', name, release, i18n.language],
    queryFn: () => api.get<StatsResult>(`/api/v1/public/stats/${name}?release=${release}`),
  });
  return (
    <Card withBorder padding="md" data-testid={`public-${name}`}>
      <Title order={2} size="h4" mb="xs">{t(`open_data.table.${name}`, { defaultValue: name })}</Title>
      {query.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={query.error} />
      {query.data && <ReleasedTable result={query.data} />}
    </Card>
  );
}

function ReleaseInfo({ release }: { release: ReleaseSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card withBorder padding="sm" data-testid="release-info">
      <Stack gap={4}>
        <Text fw={600}>{t('open_data.revision', { revision: release.revision })} · {t('open_data.published', { date: f.date(release.publishedAt) })}</Text>
        {release.note && <Text size="sm">{t('open_data.note')}: {release.note}</Text>}
        <Text size="xs">{t('open_data.hash')}: <Code>{release.contentHash}</Code></Text>
        <Group gap="md">
          <Anchor href={`/api/v1/public/releases/${release.id}/tables.csv`} download>{t('open_data.download_csv')}</Anchor>
          <Anchor href={`/api/v1/public/releases/${release.id}/tables.xlsx`} download>{t('open_data.download_xlsx')}</Anchor>
        </Group>
      </Stack>
    </Card>
  );
}

/** Published aggregate figures, open to anyone: frozen releases only, disclosure control applied when published. */
export default function OpenDataPage() {
  const { t } = useTranslation();
  const index = useQuery({
    queryKey: ['public-index'],
    queryFn: () => api.get<{ tables: string[]; threshold: number; years: number[]; latestYear: number | null }>('/api/v1/public/stats', { quiet401: true }),
  });
  const releases = useQuery({ queryKey: ['public-releases'], queryFn: () => api.get<{ items: ReleaseSummary[] }>('/api/v1/public/releases', { quiet401: true }) });
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [chosenRelease, setChosenRelease] = useState<string | null>(null);
  const year = chosenYear ?? index.data?.latestYear ?? null;
  const ofYear = (releases.data?.items ?? []).filter((r) => r.year === year);
  const release = ofYear.find((r) => r.id === chosenRelease) ?? ofYear[0];
  const threshold = index.data?.threshold ?? 10;
  return (
    <Container size="lg" py="md" component="main">
      <Stack>
        <Group justify="space-between">
          <Title order={1}>{t('open_data.title')}</Title>
          <Group>
            <LanguageSwitch />
            <Anchor component={Link} to="/login">{t('open_data.sign_in')}</Anchor>
          </Group>
        </Group>
        <Text>{t('open_data.intro', { threshold, below: threshold - 1 })}</Text>
        <Text size="sm">{t('open_data.frozen')}</Text>
        <ErrorAlert error={index.error ?? releases.error} />
        {index.data && index.data.years.length === 0 && <EmptyState>{t('open_data.none')}</EmptyState>}
        {year !== null && (
          <Group align="flex-end">
            <Select label={t('open_data.year')} data={(index.data?.years ?? []).map(String)} value={String(year)} onChange={(v) => v && (setChosenYear(Number(v)), setChosenRelease(null))} allowDeselect={false} maw={240} />
            {ofYear.length > 1 && (
              <Select
                label={t('open_data.release')}
                data={ofYear.map((r, i) => ({ value: r.id, label: `${t('open_data.revision', { revision: r.revision })}${i === 0 ? ` (${t('open_data.latest')})` : ''}` }))}
                value={release?.id ?? null}
                onChange={(v) => v && setChosenRelease(v)}
                allowDeselect={false}
                maw={280}
              />
            )}
          </Group>
        )}
        {release && <ReleaseInfo release={release} />}
        {release && (index.data?.tables ?? []).map((name) => <PublicTable key={`${release.id}-${name}`} name={name} release={release.id} />)}
      </Stack>
    </Container>
  );
}
