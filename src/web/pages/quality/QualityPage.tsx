import { Anchor, Button, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResponseOf } from '../../../contracts/endpoints/endpoint';
import type { qualityEndpoints } from '../../../contracts/endpoints/quality';
import { qualityCheckCodes } from '../../../contracts/quality';
import { api } from '../../api/endpoints';
import { PageHeader } from '../../components/common';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';

type Quality = ResponseOf<typeof qualityEndpoints.summary>;
type Row = Quality['items'][number];
type Item = ResponseOf<typeof qualityEndpoints.cases>['items'][number];
const completenessKeys = ['factsDate', 'acts', 'purposes', 'means', 'exploitationPlace', 'victimSex', 'victimAge', 'victimNationality', 'victimOrigin'] as const;
const PAGE_SIZE = 25;
type QualityCheckCode = (typeof qualityCheckCodes)[number];

function CheckCases({ check }: { check: QualityCheckCode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const query = useQuery({ queryKey: ['quality-cases', check, page], queryFn: () => api.quality.cases({ check, page, pageSize: PAGE_SIZE }) });
  const columns: Column<Item>[] = [
    { key: 'code', header: t('case.field.code'), cell: (c) => <Anchor component={Link} to={`/cases/${c.caseId}`}>{c.code}</Anchor> },
    { key: 'registered', header: t('case.field.registered_at'), cell: (c) => f.date(c.registeredAt) },
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t(`quality.check.${check}`)}</Title>
      <RecordTable
        columns={columns}
        rows={query.data?.items}
        rowKey={(c) => c.caseId}
        query={query}
        empty={t('quality.no_cases')}
        testId="quality-cases"
        paging={query.data ? { kind: 'offset', page, pageSize: PAGE_SIZE, total: query.data.total, onChange: setPage } : undefined}
      />
    </Stack>
  );
}

/** Completeness, timeliness and consistency by unit or institution, so supervisors can act. */
export default function QualityPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [groupBy, setGroupBy] = useState<'unit' | 'institution'>('unit');
  const [check, setCheck] = useState<QualityCheckCode | null>(null);
  const query = useQuery({ queryKey: ['quality', groupBy], queryFn: () => api.quality.summary({ groupBy }) });
  // The totals row closes the table; with no unit to show, the table is the empty message.
  const rows: Row[] | undefined = query.data && (query.data.items.length ? [...query.data.items, { ...query.data.totals, key: 'total', label: t('quality.total') }] : []);
  const columns: Column<Row>[] = [
    { key: 'label', header: groupBy === 'unit' ? t('admin.field.unit') : t('admin.field.institution'), cell: (r) => r.label ?? r.key },
    { key: 'cases', header: t('nav.cases'), cell: (r) => f.number(r.cases) },
    ...completenessKeys.map((k): Column<Row> => ({ key: k, header: t(`quality.field.${k}`), cell: (r) => (r.completeness[k] === null ? '—' : `${r.completeness[k]} %`) })),
    { key: 'lag', header: t('quality.lag'), cell: (r) => (r.registrationLag.fromReportMedianDays === null ? '—' : t('quality.days', { n: r.registrationLag.fromReportMedianDays })) },
  ];
  return (
    <Stack>
      <PageHeader title={t('quality.title')} description={t('quality.help', { days: query.data?.staleDays ?? 90 })} />
      <SegmentedControl aria-label={t('quality.group_by')} w="fit-content" value={groupBy} onChange={(v) => setGroupBy(v as 'unit' | 'institution')}
        data={[{ value: 'unit', label: t('quality.by_unit') }, { value: 'institution', label: t('quality.by_institution') }]} />
      <RecordTable
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        query={query}
        empty={t('quality.empty')}
        testId="quality-table"
        region={t('quality.title')}
        striped
        rowProps={(r) => (r.key === 'total' ? { fw: 700 } : {})}
      />
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
