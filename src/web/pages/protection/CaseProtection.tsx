import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseView, VictimView } from '../../../contracts/cases';
import { referralCreate, type ReferralView } from '../../../contracts/protection';
import { serviceTypes } from '../../../core/codes';
import { api } from '../../api/client';
import { useIdempotencyKey } from '../../api/idempotency';
import { useContractForm } from '../../api/use-contract-form';
import { useSession, useUser } from '../../api/session';
import { EmptyState, ErrorAlert } from '../../components/common';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, CodeField, FieldIdScope, SelectField } from '../../components/fields';
import { useFormat } from '../../i18n/format';
import { useInstitutions } from '../admin/admin-data';
import { ReferralCard } from './ReferralCard';

interface Values {
  victimId: string;
  toInstitutionId: string | null;
  serviceType: string | null;
  consentGiven: boolean;
}

function ReferralForm({ victim, onDone }: { victim: VictimView; onDone: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const client = useQueryClient();
  const institutions = useInstitutions();
  // One form per victim of the case: its fields' ids are the victim's own.
  const { form, submit, fail, summary } = useContractForm<Values>({ schema: referralCreate, idScope: victim.id, defaultValues: { victimId: victim.id, toInstitutionId: null, serviceType: null, consentGiven: Boolean(victim.consentToServices) } });
  // One key per form until it is saved: a retry after a lost answer is the same record.
  const idem = useIdempotencyKey();
  const save = useMutation({
    mutationFn: (v: Values) => api.post<ReferralView>('/api/v1/referrals', v, { idempotencyKey: idem.current() }),
    onSuccess: () => { idem.renew(); void client.invalidateQueries({ queryKey: ['referrals'] }); onDone(); },
    onError: fail,
  });
  const targets = (institutions.data ?? []).filter((i) => i.id !== user.institutionId);
  return (
    <FormProvider {...form}>
      <FieldIdScope value={victim.id}>
        <form onSubmit={submit((v) => save.mutate(v))} noValidate data-testid="referral-form">
          <Stack gap="xs">
            <ErrorSummary {...summary} />
            <Group align="flex-end" wrap="wrap">
              <SelectField<Values> name="toInstitutionId" label={t('protection.to_institution')} data={targets.map((i) => ({ value: i.id, label: i.name }))} clearable={false} />
              <CodeField<Values> name="serviceType" list="serviceTypes" values={serviceTypes} label={t('protection.service_type')} />
            </Group>
            <CheckboxField name="consentGiven" label={t('protection.consent_given')} description={t('protection.consent_help')} />
            <Group>
              <Button type="submit" loading={save.isPending}>{t('protection.refer')}</Button>
              <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
            </Group>
          </Stack>
        </form>
      </FieldIdScope>
    </FormProvider>
  );
}

function VictimProtection({ victim, n, referrals }: { victim: VictimView; n: number; referrals: ReferralView[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const [referring, setReferring] = useState(false);
  return (
    <Card withBorder padding="md" data-testid={`protection-victim-${n}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">{t('victim.title', { n })}</Title>
          <Badge variant="filled" color="indigo.8">{f.code('identificationStatuses', victim.identificationStatus)}</Badge>
        </Group>
        {referrals.length === 0 ? <EmptyState>{t('protection.no_referrals')}</EmptyState> : referrals.map((r) => <ReferralCard key={r.id} referral={r} />)}
        {can('protection.write') && !referring && <Button variant="light" w="fit-content" onClick={() => setReferring(true)}>{t('protection.new_referral')}</Button>}
        {referring && <ReferralForm victim={victim} onDone={() => setReferring(false)} />}
      </Stack>
    </Card>
  );
}

/** Referrals and services per victim of the case. */
export default function CaseProtection({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['referrals', 'case', c.id],
    queryFn: () => api.get<{ items: ReferralView[] }>('/api/v1/referrals', { query: { caseId: c.id, pageSize: 200 } }),
  });
  return (
    <Stack gap="md">
      <ErrorAlert error={query.error} />
      {c.victims.length === 0 && <Text size="sm">{t('case.page.no_victims')}</Text>}
      {c.victims.map((v, i) => (
        <VictimProtection key={v.id} victim={v} n={i + 1} referrals={(query.data?.items ?? []).filter((r) => r.victimId === v.id)} />
      ))}
    </Stack>
  );
}
