import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { shelterCreate, shelterPopulations, type ReferralView, type ShelterView } from '../../../contracts/protection';
import { api, errorMessage } from '../../api/client';
import { applyServerErrors, contractResolver, errorAt } from '../../api/forms';
import { CodeField, NumberField, UbigeoField } from '../../components/fields';
import { today } from '../cases/case-form';

type ShelterValues = z.input<typeof shelterCreate>;

export function ShelterForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ShelterValues>({ resolver: contractResolver(shelterCreate), defaultValues: { name: '', capacityBeds: 0 } });
  const save = useMutation({
    mutationFn: (v: ShelterValues) => api.post('/api/v1/shelters', v),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['shelters'] }); onDone(); },
    onError: (error) => setFailure(applyServerErrors(error, form.setError) ?? errorMessage(error)),
  });
  const p = { control: form.control, errors: form.formState.errors };
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
        <TextInput label={t('admin.field.name')} {...form.register('name')} error={errorAt(form.formState.errors, 'name')} />
        <NumberField {...p} name="capacityBeds" label={t('protection.capacity')} />
        <CodeField {...p} name="targetPopulation" list="shelterPopulations" values={shelterPopulations} label={t('protection.population')} />
        <UbigeoField {...p} name="ubigeo" />
        <Group><Button type="submit" loading={save.isPending}>{t('common.create')}</Button></Group>
      </Stack>
    </form>
  );
}

/** Admission of a referred victim to a shelter with free beds (the stay counts in the occupancy). */
export function StayForm({ referral, onDone }: { referral: ReferralView; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const shelters = useQuery({ queryKey: ['shelters'], queryFn: () => api.get<{ items: ShelterView[] }>('/api/v1/shelters', { query: { pageSize: 200 } }) });
  const [shelterId, setShelterId] = useState<string | null>(null);
  const [checkInOn, setCheckInOn] = useState(today());
  const save = useMutation({
    mutationFn: () => api.post(`/api/v1/shelters/${shelterId}/stays`, { victimId: referral.victimId, checkInOn, referralId: referral.id }),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['shelters'] }); onDone(); },
  });
  const options = (shelters.data?.items ?? []).filter((s) => s.status === 'active').map((s) => ({ value: s.id, label: t('protection.shelter_option', { name: s.name, free: s.freeBeds }), disabled: s.freeBeds <= 0 }));
  return (
    <Stack gap="xs">
      {save.error && <Alert color="red" role="alert">{errorMessage(save.error)}</Alert>}
      <Group align="flex-end" wrap="wrap">
        <Select label={t('protection.shelter')} searchable data={options} value={shelterId} onChange={setShelterId} w={280} comboboxProps={{ withinPortal: true }} />
        <TextInput type="date" label={t('protection.check_in')} value={checkInOn} onChange={(e) => setCheckInOn(e.currentTarget.value)} />
        <Button onClick={() => save.mutate()} disabled={!shelterId} loading={save.isPending}>{t('protection.admit')}</Button>
      </Group>
    </Stack>
  );
}
