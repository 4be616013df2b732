import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { qualityCheckCodes, type qualityCaseItem, type qualityResult } from '../../../contracts/quality';
import { api } from '../../api/client';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { Pager } from '../../components/Pager';
import { useFormat } from '../../i18n/format';
import { QueryLoading } from '../../components/QueryLoading';

type Quality = z.infer<typeof qualityResult>;
type Item = z.infer<typeof qualityCaseItem>;
const completenessKeys = ['factsDate', 'acts', 'purposes', 'means', 'exploitationPlace', 'victimSex', 'victimAge', 'victimNationality', 'victimOrigin'] as const;

function CheckCases({ check }: { check: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const query = useQuery({ queryKey: ['quality-cases', check, page], queryFn: () => api.get<{ items: Item[]; total: number }>('/api/v1/quality/cases', { query: { check, page, pageSize: 25 } }) });
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t(`quality.check.${check}`)}</Title>
      <ErrorAlert error={query.error} />
      <QueryLoading query={query} />
      {query.data?.items.length === 0 && <EmptyState>{t('quality.no_cases')}</EmptyState>}
      {(query.data?.items ?? []).map((c) => (
        <Group key={c.caseId} gap="xs">
          <Anchor component={Link} to={`/cases/${c.caseId}`}>{c.code}</Anchor>
          <Text size="xs" c="dark.4">{f.date(c.registeredAt)}</Text>
        </Group>
      ))}
      {query.data && <Pager page={page} pageSize={25} total={query.data.total} onChange={setPage} />}
    </Stack>
  );
}

/** Completeness, timeliness and consistency by unit or institution, so supervisors can act. */
export default function QualityPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [groupBy, setGroupBy] = useState<'unit' | 'institution'>('unit');
  const [check, setCheck] = useState<string | null>(null);
  const query = useQuery({ queryKey: ['quality', groupBy], queryFn: () => api.get<Quality>('/api/v1/quality', { query: { groupBy } }) });
  const rows = query.data ? [...query.data.items, { ...query.data.totals, key: 'total', label: t('quality.total') }] : [];
  return (
    <Stack>
      <PageHeader title={t('quality.title')} description={t('quality.help', { days: query.data?.staleDays ?? 90 })} />
      <SegmentedControl aria-label={t('quality.group_by')} w="fit-content" value={groupBy} onChange={(v) => setGroupBy(v as 'unit' | 'institution')}
        data={[{ value: 'unit', label: t('quality.by_unit') }, { value: 'institution', label: t('quality.by_institution') }]} />
      <ErrorAlert error={query.error} />
      <QueryLoading query={query} />
      {query.data && query.data.items.length === 0 && <EmptyState>{t('quality.empty')}</EmptyState>}
      {rows.length > 1 && (
        // A wide table scrolls sideways: the keyboard must be able to reach and scroll it too (WCAG 2.1.1).
        <div className="reta-table-wrap" tabIndex={0} role="region" aria-label={t('quality.title')}>
          <Table striped data-testid="quality-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{groupBy === 'unit' ? t('admin.field.unit') : t('admin.field.institution')}</Table.Th>
                <Table.Th>{t('nav.cases')}</Table.Th>
                {completenessKeys.map((k) => <Table.Th key={k}>{t(`quality.field.${k}`)}</Table.Th>)}
                <Table.Th>{t('quality.lag')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key} fw={r.key === 'total' ? 700 : undefined}>
                  <Table.Td>{r.label ?? r.key}</Table.Td>
                  <Table.Td>{f.number(r.cases)}</Table.Td>
                  {completenessKeys.map((k) => <Table.Td key={k}>{r.completeness[k] === null ? '—' : `${r.completeness[k]} %`}</Table.Td>)}
                  <Table.Td>{r.registrationLag.fromReportMedianDays === null ? '—' : t('quality.days', { n: r.registrationLag.fromReportMedianDays })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {query.data && (
        <Group gap="xs">
          {qualityCheckCodes.map((c) => (
            <Button key={c} size="xs" variant={check === c ? 'filled' : 'light'} onClick={() => setCheck(c)}>
              {`${t(`quality.check.${c}`)}: ${f.number(query.data.totals.checks[c] ?? 0)}`}
            </Button>
          ))}
        </Group>
      )}
      {check && <CheckCases check={check} />}
    </Stack>
  );
}
