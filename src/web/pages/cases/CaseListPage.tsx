import { Anchor, Badge, Button, Select, SimpleGrid, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CaseListItem } from '../../../contracts/cases';
import { peruDepartments } from '../../../core/geo/departments';
import { api } from '../../api/endpoints';
import { useSession } from '../../api/session';
import { CodeSelect, PageHeader } from '../../components/common';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';

const PAGE_SIZE = 25;
const filterNames = ['q', 'status', 'purpose', 'department', 'from', 'to', 'sort'] as const;
const sorts = ['-registeredAt', 'registeredAt', '-reportedOn', 'reportedOn', 'code', '-code'];

function useColumns(): Column<CaseListItem>[] {
  const { t } = useTranslation();
  const f = useFormat();
  return [
    { key: 'code', header: t('case.field.code'), sortBy: 'code', cell: (item) => <Anchor component={Link} to={`/cases/${item.id}`}>{item.code}</Anchor> },
    { key: 'registeredAt', header: t('case.field.registered_at'), sortBy: 'registeredAt', cell: (item) => f.day(item.registeredAt) },
    { key: 'source', header: t('case.field.source'), visibleFrom: 'sm', cell: (item) => f.code('caseSources', item.source) },
    { key: 'purposes', header: t('case.field.purposes'), cell: (item) => f.codes('purposes', item.purposes) },
    {
      key: 'victims',
      header: t('case.field.victims'),
      cell: (item) => (
        <>
          {f.number(item.victimCount)}
          {item.childVictimCount > 0 && <Badge ml={6} size="sm" color="#9a3412">{t('case.list.children', { n: item.childVictimCount })}</Badge>}
        </>
      ),
    },
    {
      key: 'palermo',
      header: t('palermo.title'),
      visibleFrom: 'sm',
      cell: (item) => (
        <Badge size="sm" variant="filled" color={item.palermo.isTrafficking ? '#1e6b34' : 'gray.7'}>
          {item.palermo.isTrafficking ? t('palermo.met') : t('palermo.not_met')}
        </Badge>
      ),
    },
    { key: 'status', header: t('case.field.status'), cell: (item) => f.code('caseStatuses', item.status) },
  ];
}

export default function CaseListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const columns = useColumns();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const filters = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? undefined])) as Record<(typeof filterNames)[number], string | undefined>;
  const sort = filters.sort ?? '-registeredAt';
  const query = useQuery({
    queryKey: ['cases', filters, page],
    // The URL's values as typed; the server checks them against the contract (a bad one is a 400 shown here).
    queryFn: () => api.cases.list({ ...(filters as object), page, pageSize: PAGE_SIZE, sort }),
    placeholderData: keepPreviousData,
  });
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('case.list.title')}
        actions={can('case.create') && <Button component={Link} to="/cases/new">{t('nav.register_case')}</Button>}
      />
      <form role="search" aria-label={t('case.list.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mb="md">
          <TextInput label={t('case.list.search')} placeholder="RETA-2026-" defaultValue={filters.q} onChange={(e) => set('q', e.currentTarget.value)} />
          <CodeSelect list="caseStatuses" label={t('case.field.status')} value={filters.status ?? null} onChange={(v) => set('status', v)} clearable />
          <CodeSelect list="purposes" label={t('case.field.purpose')} value={filters.purpose ?? null} onChange={(v) => set('purpose', v)} clearable />
          <Select label={t('stats.department.case_list')} data={peruDepartments.map((d) => ({ value: d.code, label: d.name }))} value={filters.department ?? null} onChange={(v) => set('department', v)} clearable searchable />
          <TextInput type="date" label={t('case.list.from')} value={filters.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
          <TextInput type="date" label={t('case.list.to')} value={filters.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
          <Select label={t('common.sort')} value={sort} onChange={(v) => set('sort', v)} data={sorts.map((s) => ({ value: s, label: t(`case.list.sort.${s}`) }))} />
        </SimpleGrid>
      </form>
      <RecordTable
        testId="case-table"
        columns={columns}
        rows={query.data?.items}
        rowKey={(item) => item.id}
        query={query}
        empty={t('case.list.empty')}
        sort={sort}
        onSort={(next) => set('sort', next)}
        striped
        highlightOnHover
        verticalSpacing="xs"
        paging={query.data && { kind: 'offset', page, pageSize: PAGE_SIZE, total: query.data.total, onChange: (p) => { const next = new URLSearchParams(params); next.set('page', String(p)); setParams(next); } }}
      />
    </>
  );
}
