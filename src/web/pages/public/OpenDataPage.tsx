import { Anchor, Card, Container, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatsResult } from '../../../contracts/stats';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/common';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { headerLabel } from '../stats/stats-data';

function PublicTable({ name, year }: { name: string; year: number }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['public', name, year, i18n.language],
    queryFn: () => api.get<StatsResult>(`/api/v1/public/stats/${name}?year=${year}`),
  });
  const d = query.data;
  return (
    <Card withBorder padding="md" data-testid={`public-${name}`}>
      <Title order={2} size="h4" mb="xs">{t(`open_data.table.${name}`, { defaultValue: name })}</Title>
      {query.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={query.error} />
      {d && (
        <div className="reta-table-wrap">
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                {d.columns.map((c) => <Table.Th key={c.key}>{c.key === 'value' ? t('open_data.count') : headerLabel(d.by[1], c)}</Table.Th>)}
                <Table.Th>{t('open_data.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.rows.map((r, i) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row">{headerLabel(d.by[0], r)}</Table.Th>
                  {d.cells[i]!.map((c, j) => <Table.Td key={j}>{c.display}</Table.Td>)}
                  <Table.Td fw={600}>{d.totals.rows[i]?.display}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{t('open_data.total')}</Table.Th>
                {d.totals.columns.map((c, j) => <Table.Td key={j} fw={600}>{c.display}</Table.Td>)}
                <Table.Td fw={700}>{d.totals.grand.display}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Card>
  );
}

/** Published aggregate figures, open to anyone, with disclosure control applied by the server. */
export default function OpenDataPage() {
  const { t } = useTranslation();
  const index = useQuery({
    queryKey: ['public-index'],
    queryFn: () => api.get<{ tables: string[]; threshold: number; latestYear: number }>('/api/v1/public/stats', { quiet401: true }),
  });
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  // Only completed years are published: a year still in progress would let figures be differenced day by day.
  const latestYear = index.data?.latestYear;
  const year = chosenYear ?? latestYear;
  const years = latestYear ? Array.from({ length: 10 }, (_, i) => String(latestYear - i)) : [];
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
        <Text>{t('open_data.intro', { threshold: index.data?.threshold ?? 10, below: (index.data?.threshold ?? 10) - 1 })}</Text>
        <ErrorAlert error={index.error} />
        {year !== undefined && (
          <Select label={t('open_data.year')} data={years} value={String(year)} onChange={(v) => v && setChosenYear(Number(v))} allowDeselect={false} maw={240} />
        )}
        {year !== undefined && (index.data?.tables ?? []).map((name) => <PublicTable key={name} name={name} year={year} />)}
      </Stack>
    </Container>
  );
}
