import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceCreate, type ReferralView } from '../../../contracts/protection';
import { serviceTypes } from '../../../core/codes';
import { api } from '../../api/client';
import { useContractForm } from '../../api/use-contract-form';
import { useSession } from '../../api/session';
import { ErrorAlert } from '../../components/common';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CodeField, DateField, FieldIdScope } from '../../components/fields';
import { useFormat } from '../../i18n/format';
import { today } from '../cases/case-form';
import { StayForm } from './ShelterForms';

interface ServiceValues {
  serviceType: string | null;
  startedOn: string;
  endedOn: string;
}
const toService = (v: ServiceValues) => ({ serviceType: v.serviceType ?? undefined, startedOn: v.startedOn, endedOn: v.endedOn || undefined });

function ServiceForm({ referral, onDone }: { referral: ReferralView; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // One form per referral card: its fields' ids are the referral's own.
  const { form, submit, fail, summary } = useContractForm<ServiceValues>({ schema: serviceCreate, prepare: toService, idScope: referral.id, defaultValues: { serviceType: referral.serviceType, startedOn: today(), endedOn: '' } });
  const save = useMutation({
    mutationFn: (v: ServiceValues) => api.post(`/api/v1/referrals/${referral.id}/services`, toService(v)),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['referrals'] }); onDone(); },
    onError: fail,
  });
  const p = { control: form.control, errors: form.formState.errors };
  return (
    <FieldIdScope value={referral.id}>
      <form onSubmit={submit((v) => save.mutate(v))} noValidate data-testid="service-form">
        <Stack gap="xs">
          <ErrorSummary {...summary} />
          <Group align="flex-end" wrap="wrap">
            <CodeField {...p} name="serviceType" list="serviceTypes" values={serviceTypes} label={t('protection.service_type')} />
            <DateField {...p} name="startedOn" label={t('protection.started_on')} />
            <DateField {...p} name="endedOn" label={t('protection.ended_on')} />
            <Button type="submit" loading={save.isPending}>{t('protection.record_service')}</Button>
          </Group>
        </Stack>
      </form>
    </FieldIdScope>
  );
}

/** Puts the server's answer for one referral into every cached list that shows it (inbox, case). */
function showReferral(client: QueryClient, updated: ReferralView) {
  client.setQueriesData<{ items: ReferralView[] }>({ queryKey: ['referrals'] }, (list) =>
    list?.items?.some((r) => r.id === updated.id) ? { ...list, items: list.items.map((r) => (r.id === updated.id ? { ...r, ...updated } : r)) } : list,
  );
}

/** A referral with its status, the next steps this user may take, and the services given under it. */
export function ReferralCard({ referral, caseLink }: { referral: ReferralView; caseLink?: React.ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const client = useQueryClient();
  const [addingService, setAddingService] = useState(false);
  const [admitting, setAdmitting] = useState(false);
  const move = useMutation({
    mutationFn: (status: string) => api.post<ReferralView>(`/api/v1/referrals/${referral.id}/status`, { status, version: referral.version, ...(status === 'declined' ? { declineReason: 'other' } : {}), ...(status === 'closed' ? { outcome: 'completed' } : {}) }),
    // The answer is the referral as it now is: shown at once, so its next steps (recording the service once
    // accepted) can be taken right away, not only after the list's refetch has come back.
    onSuccess: (updated) => showReferral(client, updated),
    onSettled: () => void client.invalidateQueries({ queryKey: ['referrals'] }),
  });
  const canServe = can('protection.write') && (referral.status === 'accepted' || referral.status === 'provided');
  return (
    <Card withBorder padding="sm" data-testid="referral-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={600} size="sm">{`${f.code('serviceTypes', referral.serviceType)} → ${referral.toInstitution.name}`}</Text>
          <Badge variant="filled" color={referral.status === 'declined' ? '#b42318' : 'indigo.8'} data-testid="referral-status">{f.code('referralStatuses', referral.status)}</Badge>
        </Group>
        <Text size="xs" c="dark.4">
          {t('protection.referral_line', { from: referral.fromInstitution.name, date: f.date(referral.requestedOn), consent: t(`protection.consent_source.${referral.consentSource}`) })}
        </Text>
        {caseLink}
        {referral.services.length > 0 && (
          <Stack gap={2}>
            {referral.services.map((s) => (
              <Text size="sm" key={s.id} data-testid="service-line">
                {t('protection.service_line', { type: f.code('serviceTypes', s.serviceType), from: f.date(s.startedOn), to: s.endedOn ? f.date(s.endedOn) : t('protection.ongoing') })}
              </Text>
            ))}
          </Stack>
        )}
        {referral.admissions.map((a) => (
          <Text size="sm" key={`${a.checkInOn}-${a.shelterName ?? ''}`} data-testid="admission-line">
            {a.shelterName
              ? t('protection.admission_line', { shelter: a.shelterName, from: f.date(a.checkInOn), to: a.checkOutOn ? f.date(a.checkOutOn) : t('protection.ongoing') })
              : t('protection.admission_line_private', { from: f.date(a.checkInOn), to: a.checkOutOn ? f.date(a.checkOutOn) : t('protection.ongoing') })}
          </Text>
        ))}
        {can('protection.write') && referral.nextStatuses.length > 0 && (
          <Group gap="xs">
            {referral.nextStatuses.map((status) => (
              <Button key={status} size="xs" variant="light" onClick={() => move.mutate(status)} loading={move.isPending && move.variables === status}>
                {t(`protection.to_status.${status}`)}
              </Button>
            ))}
          </Group>
        )}
        <ErrorAlert error={move.error} />
        {canServe && !addingService && <Button size="xs" variant="subtle" w="fit-content" onClick={() => setAddingService(true)}>{t('protection.record_service')}</Button>}
        {addingService && <ServiceForm referral={referral} onDone={() => setAddingService(false)} />}
        {canServe && can('shelter.manage') && referral.serviceType === 'shelter' && !admitting && (
          <Button size="xs" variant="subtle" w="fit-content" onClick={() => setAdmitting(true)}>{t('protection.admit')}</Button>
        )}
        {admitting && <StayForm referral={referral} onDone={() => setAdmitting(false)} />}
      </Stack>
    </Card>
  );
}
