import { Anchor, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/endpoints';
import { useSession } from '../../api/session';
import { useAccessReasonLabel } from '../../components/AccessReason';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';

interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}
const PAGE_SIZE = 50;
/** Catalogue keys cannot hold dots (they nest): `case.create` is labelled under `case__create`. */
const actionKey = (action: string) => action.replace(/\./g, '__');

/** Where a record of the log can be opened: the case itself, or the case a record belongs to. */
function recordLink(e: AuditEntry): string | null {
  if (e.entityType === 'case' && e.entityId) return `/cases/${e.entityId}`;
  const caseId = e.details.caseId;
  return typeof caseId === 'string' && /^[0-9a-f-]{36}$/.test(caseId) ? `/cases/${caseId}` : null;
}

/** The record an entry is about, with a link to open it when it is (or belongs to) a case. */
function EntityCell({ entry, label }: { entry: AuditEntry; label: string }) {
  const { t } = useTranslation();
  const link = recordLink(entry);
  return (
    <>
      {label}
      {link && (
        <>
          {' · '}
          <Anchor component={Link} to={link} size="sm">
            {t('audit_log.open')}
          </Anchor>
        </>
      )}
      {entry.entityId && !link && <Text span size="xs" c="dark.4">{` ${entry.entityId.slice(0, 8)}`}</Text>}
    </>
  );
}

/** The audit log as people read it: who, what, which record (with a link), why — filtered by user, action and date. */
export default function AuditAdmin() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const reasonLabel = useAccessReasonLabel();
  const [filters, setFilters] = useState({ action: '', actorId: '', from: '', to: '' });
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => api.get<{ items: AuditEntry[]; total: number }>('/api/v1/audit', { query: { ...filters, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const users = useQuery({
    queryKey: ['users', 'audit-picker'],
    queryFn: () => api.admin.users.list(),
    enabled: can('admin.users.manage'),
  });
  const change = (name: keyof typeof filters, value: string | null) => {
    setFilters({ ...filters, [name]: value ?? '' });
    setPage(1);
  };
  // The catalogue is flat (`audit_log.actions.case__create`): every action it labels is an option.
  const prefix = 'audit_log.actions.';
  const bundle = (i18n.getResourceBundle(i18n.language, 'ui') ?? i18n.getResourceBundle('es', 'ui') ?? {}) as Record<string, string>;
  const actionOptions = Object.entries(bundle)
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, label]) => ({ value: key.slice(prefix.length).replace(/__/g, '.'), label }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const actionLabel = (action: string) => t(`audit_log.actions.${actionKey(action)}`, { defaultValue: action });
  const entityLabel = (type: string) => t(`audit_log.entities.${type}`, { defaultValue: type });
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('admin.audit.at'), cell: (e) => new Date(e.at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }) },
    { key: 'actor', header: t('admin.audit.actor'), cell: (e) => e.actorName ?? t('audit_log.system') },
    {
      key: 'action',
      header: t('admin.audit.action'),
      cell: (e) => `${actionLabel(e.action)}${typeof e.details.hits === 'number' ? ` · ${f.number(e.details.hits)} ${t('audit_log.hits')}` : ''}`,
    },
    { key: 'entity', header: t('admin.audit.entity'), cell: (e) => <EntityCell entry={e} label={e.entityType ? entityLabel(e.entityType) : '—'} /> },
    { key: 'reason', header: t('admin.audit.reason'), cell: (e) => (e.reason ? reasonLabel(e.reason) : '—') },
  ];
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
        {can('admin.users.manage') && (
          <Select
            label={t('audit_log.person')}
            placeholder={t('audit_log.person_any')}
            data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            value={filters.actorId || null}
            onChange={(v) => change('actorId', v)}
            searchable
            clearable
          />
        )}
        <Select label={t('admin.audit.action')} placeholder={t('audit_log.action_any')} data={actionOptions} value={filters.action || null} onChange={(v) => change('action', v)} searchable clearable />
        <TextInput type="date" label={t('admin.audit.from')} value={filters.from} onChange={(e) => change('from', e.currentTarget.value)} />
        <TextInput type="date" label={t('admin.audit.to')} value={filters.to} onChange={(e) => change('to', e.currentTarget.value)} />
      </SimpleGrid>
      <RecordTable
        testId="audit-table"
        striped
        columns={columns}
        rows={query.data?.items}
        rowKey={(e) => String(e.id)}
        query={query}
        empty={t('admin.audit.empty')}
        paging={query.data && { kind: 'offset', page, pageSize: PAGE_SIZE, total: query.data.total, onChange: setPage }}
      />
    </Stack>
  );
}
