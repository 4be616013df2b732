import { Anchor, Badge, Button, Group, Select, SimpleGrid, Table, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CaseListItem } from '../../../contracts/cases';
import { peruDepartments } from '../../../core/geo/departments';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { CodeSelect, EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { Pager } from '../../components/Pager';
import { useFormat } from '../../i18n/format';

const PAGE_SIZE = 25;
const filterNames = ['q', 'status', 'purpose', 'department', 'from', 'to', 'sort'] as const;

export default function CaseListPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const filters = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? undefined]));
  const query = useQuery({
    queryKey: ['cases', filters, page],
    queryFn: () => api.get<{ items: CaseListItem[]; total: number }>('/api/v1/cases', { query: { ...filters, page, pageSize: PAGE_SIZE, sort: filters.sort ?? '-registeredAt' } }),
    placeholderData: keepPreviousData,
  });
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const items = query.data?.items ?? [];

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
          <Select
            label={t('common.sort')}
            value={filters.sort ?? '-registeredAt'}
            onChange={(v) => set('sort', v)}
            data={['-registeredAt', 'registeredAt', '-reportedOn', 'reportedOn', 'code', '-code'].map((s) => ({ value: s, label: t(`case.list.sort.${s}`) }))}
          />
        </SimpleGrid>
      </form>
      <ErrorAlert error={query.error} />
      {query.data && items.length === 0 ? (
        <EmptyState>{t('case.list.empty')}</EmptyState>
      ) : (
        <div className="reta-table-wrap">
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="case-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('case.field.code')}</Table.Th>
                <Table.Th>{t('case.field.registered_at')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('case.field.source')}</Table.Th>
                <Table.Th>{t('case.field.purposes')}</Table.Th>
                <Table.Th>{t('case.field.victims')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('palermo.title')}</Table.Th>
                <Table.Th>{t('case.field.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${item.id}`}>{item.code}</Anchor>
                  </Table.Td>
                  <Table.Td>{f.date(item.registeredAt.slice(0, 10))}</Table.Td>
                  <Table.Td visibleFrom="sm">{f.code('caseSources', item.source)}</Table.Td>
                  <Table.Td>{f.codes('purposes', item.purposes)}</Table.Td>
                  <Table.Td>
                    {f.number(item.victimCount)}
                    {item.childVictimCount > 0 && <Badge ml={6} size="sm" color="#9a3412">{t('case.list.children', { n: item.childVictimCount })}</Badge>}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Badge size="sm" variant="filled" color={item.palermo.isTrafficking ? '#1e6b34' : 'gray.7'}>
                      {item.palermo.isTrafficking ? t('palermo.met') : t('palermo.not_met')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{f.code('caseStatuses', item.status)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {query.data && (
        <Group>
          <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={(p) => { const next = new URLSearchParams(params); next.set('page', String(p)); setParams(next); }} />
        </Group>
      )}
    </>
  );
}
