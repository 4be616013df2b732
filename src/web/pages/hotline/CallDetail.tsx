import { Alert, Button, Card, Drawer, Group, Loader, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CallView } from '../../../contracts/hotline';
import { callCloseReasons } from '../../../core/hotline/call-status';
import { api, ApiError, errorMessage } from '../../api/client';
import { useSession } from '../../api/session';
import { AccessReasonModal } from '../../components/AccessReason';
import { CodeSelect, ErrorAlert } from '../../components/common';
import { useFormat } from '../../i18n/format';
import { useUnits } from '../admin/admin-data';
import { Field } from '../cases/CaseSummary';

type Post = (path: string, body: Record<string, unknown>) => void;
const failureText = (error: unknown, conflict: string) => (error instanceof ApiError && error.status === 409 ? conflict : errorMessage(error));

/** Manual referral of the tip to a chosen police unit (the server checks it is one). */
function Referral({ call, post, pending }: { call: CallView; post: Post; pending: boolean }) {
  const { t } = useTranslation();
  const units = useUnits();
  const [unitId, setUnitId] = useState<string | null>(call.referral?.unitId ?? null);
  const options = (units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} · ${u.name}` }));
  return (
    <Group align="flex-end">
      <Select label={t('hotline.detail.refer_to')} data={options} value={unitId} onChange={setUnitId} searchable comboboxProps={{ withinPortal: true }} style={{ flex: 1 }} />
      <Button disabled={!unitId || unitId === call.referral?.unitId} loading={pending} onClick={() => post('referral', { unitId })}>{t('hotline.detail.refer')}</Button>
    </Group>
  );
}

/**
 * Links the case the tip led to by its code: the server finds it among the cases the user may link (for the
 * hotline operator, those held by the unit she referred the call to) without showing anything else.
 */
function CaseLink({ post, pending, error }: { post: Post; pending: boolean; error: unknown }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <Group align="flex-end">
      <TextInput label={t('hotline.detail.case_code')} placeholder="RETA-2026-000123" value={code} onChange={(e) => setCode(e.currentTarget.value)} error={missing ? t('hotline.detail.case_not_found') : undefined} style={{ flex: 1 }} />
      <Button disabled={!code.trim()} loading={pending} onClick={() => post('case-link', { caseCode: code.trim() })}>{t('hotline.detail.link_case')}</Button>
    </Group>
  );
}

/** Arrests made and/or why the call was closed. */
function Outcome({ call, post, pending }: { call: CallView; post: Post; pending: boolean }) {
  const { t } = useTranslation();
  const [arrests, setArrests] = useState<number | string>(call.arrests ?? '');
  const [closedReason, setClosedReason] = useState<string | null>(call.closedReason);
  const body = { arrests: arrests === '' ? undefined : Number(arrests), closedReason: closedReason ?? undefined };
  return (
    <Group align="flex-end">
      <NumberInput label={t('hotline.detail.arrests')} value={arrests} onChange={setArrests} min={0} allowDecimal={false} w={140} />
      <CodeSelect list="callCloseReasons" values={callCloseReasons} label={t('hotline.detail.closed_reason')} value={closedReason} onChange={setClosedReason} clearable style={{ flex: 1 }} />
      <Button disabled={body.arrests === undefined && !body.closedReason} loading={pending} onClick={() => post('outcome', body)}>{t('hotline.detail.record_outcome')}</Button>
    </Group>
  );
}

/** One call: its data, the summary after stating a reason, and the follow-up actions this user may take. */
export function CallDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const client = useQueryClient();
  const [reason, setReason] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const query = useQuery({
    queryKey: ['call', id, reason],
    queryFn: () => api.get<CallView>(`/api/v1/hotline/calls/${id}`, { accessReason: reason ?? undefined }),
    enabled: Boolean(id),
    // Giving a reason asks again for the same call: it stays on screen meanwhile, with what is being typed
    // in its forms (never another call's data).
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });
  const action = useMutation({
    mutationFn: ({ path, body }: { path: string; body: Record<string, unknown> }) =>
      api.post<CallView>(`/api/v1/hotline/calls/${id}/${path}`, { ...body, version: query.data?.version }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['call', id] });
      void client.invalidateQueries({ queryKey: ['calls'] });
    },
  });
  const post: Post = (path, body) => action.mutate({ path, body });
  const close = () => {
    setReason(null);
    action.reset();
    onClose();
  };
  const c = query.data;
  const followUp = can('hotline.write') || can('case.update');
  return (
    <Drawer opened={Boolean(id)} onClose={close} position="right" size="lg" title={t('hotline.detail.title')}>
      {query.isLoading && <Loader aria-label={t('common.loading')} />}
      <ErrorAlert error={query.error} />
      {c && (
        <Stack data-testid="call-detail">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Field label={t('hotline.received_at')}>{f.date(c.receivedAt)}</Field>
            <Field label={t('hotline.classification')}>{f.code('hotlineClassifications', c.classification)}</Field>
            <Field label={t('hotline.channel')}>{f.code('callChannels', c.channel)}</Field>
            <Field label={t('hotline.caller_type')}>{f.code('callerTypes', c.callerType)}</Field>
            <Field label={t('hotline.status')}>{f.code('callStatuses', c.status)}</Field>
            <Field label={t('hotline.outcome')}>{f.code('callOutcomes', c.outcome)}</Field>
            <Field label={t('hotline.referred_to')}>{c.referral ? `${c.referral.unitCode ?? ''} ${c.referral.unitName ?? ''}`.trim() : '—'}</Field>
            <Field label={t('hotline.detail.linked_case')}>{c.linkedCase ? <Link to={`/cases/${c.linkedCase.id}`}>{c.linkedCase.code ?? c.linkedCase.id}</Link> : '—'}</Field>
          </SimpleGrid>
          <Title order={3} size="h5">{t('hotline.summary')}</Title>
          {c.summary !== null ? (
            <Card withBorder bg="yellow.0" p="xs" data-testid="call-summary"><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</Text></Card>
          ) : c.hasSummary ? (
            <Group>
              <Button variant="light" onClick={() => setAsking(true)} data-testid="show-summary">{t('hotline.detail.show_summary')}</Button>
              <Text size="xs" c="dark.4">{t('access.recorded_short')}</Text>
            </Group>
          ) : (
            <Text size="sm" c="dark.4">{t('hotline.detail.no_summary')}</Text>
          )}
          {reason && c.summary === null && c.hasSummary && <Text size="sm" c="dark.4">{t('hotline.detail.summary_not_allowed')}</Text>}
          <AccessReasonModal opened={asking} onClose={() => setAsking(false)} onConfirm={(r) => { setReason(r); setAsking(false); }} />
          {followUp && (
            <Stack gap="sm">
              <Title order={3} size="h5">{t('hotline.follow_up')}</Title>
              {action.error && <Alert color="red" role="alert">{failureText(action.error, t('common.version_conflict'))}</Alert>}
              {action.isSuccess && <Alert color="green" role="status">{t('common.saved')}</Alert>}
              {/* Each form starts again from the call when what it records has changed, not at every new version:
                  saving one must not wipe what is being typed in another when the call is read again. */}
              {can('hotline.write') && <Referral key={`r${c.referral?.unitId ?? ''}`} call={c} post={post} pending={action.isPending} />}
              <CaseLink key={`l${c.linkedCase?.id ?? ''}`} post={post} pending={action.isPending} error={action.variables?.path === 'case-link' ? action.error : null} />
              <Outcome key={`o${c.arrests ?? ''}:${c.closedReason ?? ''}`} call={c} post={post} pending={action.isPending} />
            </Stack>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
