import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { shelterCreate, shelterPopulations, type ReferralView } from '../../../contracts/protection';
import { ApiError, errorMessage } from '../../api/client';
import { api } from '../../api/endpoints';
import { useContractForm } from '../../api/use-contract-form';
import { peruDepartments } from '../../../core/geo/departments';
import { CodeSelect } from '../../components/common';
import { useFormat } from '../../i18n/format';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CodeField, NumberField, TextField, UbigeoField } from '../../components/fields';
import { today } from '../cases/case-form';

type ShelterValues = z.input<typeof shelterCreate>;

export function ShelterForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { form, submit, fail, summary } = useContractForm<ShelterValues>({ schema: shelterCreate, defaultValues: { name: '', capacityBeds: 0 } });
  const save = useMutation({
    mutationFn: (v: ShelterValues) => api.post('/api/v1/shelters', v),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['shelters'] }); onDone(); },
    onError: fail,
  });
  const p = { control: form.control, errors: form.formState.errors };
  return (
    <form onSubmit={submit((v) => save.mutate(v))} noValidate>
      <Stack>
        <ErrorSummary {...summary} />
        <TextField {...p} name="name" label={t('admin.field.name')} />
        <NumberField {...p} name="capacityBeds" label={t('protection.capacity')} />
        <CodeField {...p} name="targetPopulation" list="shelterPopulations" values={shelterPopulations} label={t('protection.population')} />
        <UbigeoField {...p} name="ubigeo" />
        <Group><Button type="submit" loading={save.isPending}>{t('common.create')}</Button></Group>
      </Stack>
    </form>
  );
}

/** The warning code the server answers until the person admitting confirms a placement that does not fit. */
const PLACEMENT_WARNING = 'stay.placement_warning';

/**
 * Admission of a referred victim to a shelter: the shelters listed with the population they serve, their
 * department and free beds, filterable by both; a placement that does not fit (a child in an adult shelter…)
 * is shown as a warning to confirm, never admitted silently.
 */
export function StayForm({ referral, onDone }: { referral: ReferralView; onDone: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  // The same list (and cache entry) as the shelters tab.
  const shelters = useQuery({ queryKey: ['shelters'], queryFn: () => api.shelters.list({ pageSize: 200 }) });
  const [shelterId, setShelterId] = useState<string | null>(null);
  const [population, setPopulation] = useState<string | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [checkInOn, setCheckInOn] = useState(today());
  const save = useMutation({
    mutationFn: (confirmWarnings: boolean) =>
      api.post(`/api/v1/shelters/${shelterId}/stays`, { victimId: referral.victimId, checkInOn, referralId: referral.id, ...(confirmWarnings ? { confirmWarnings } : {}) }),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['shelters'] }); void client.invalidateQueries({ queryKey: ['referrals'] }); onDone(); },
  });
  const warning = save.error instanceof ApiError && save.error.code === PLACEMENT_WARNING ? save.error : null;
  const active = (shelters.data?.items ?? []).filter((s) => s.status === 'active');
  const departmentName = (code: string | null) => peruDepartments.find((d) => d.code === code)?.name ?? t('protection.no_department');
  const options = active
    .filter((s) => (!population || s.targetPopulation === population) && (!department || s.departmentCode === department))
    .map((s) => ({
      value: s.id,
      label: t('protection.shelter_option_full', { name: s.name, population: f.code('shelterPopulations', s.targetPopulation), department: departmentName(s.departmentCode), free: s.freeBeds }),
      disabled: s.freeBeds <= 0,
    }));
  const departmentsWithShelters = [...new Set(active.map((s) => s.departmentCode).filter((c): c is string => Boolean(c)))].sort();
  const choose = (setter: (v: string | null) => void) => (value: string | null) => { setter(value); save.reset(); };
  return (
    <Stack gap="xs" data-testid="stay-form">
      {save.error && !warning && <Alert color="red" role="alert">{errorMessage(save.error)}</Alert>}
      <Group align="flex-end" wrap="wrap">
        <CodeSelect list="shelterPopulations" values={shelterPopulations} label={t('protection.filter_population')} value={population} onChange={choose(setPopulation)} clearable w={200} />
        <Select label={t('protection.filter_department')} data={departmentsWithShelters.map((code) => ({ value: code, label: departmentName(code) }))} value={department} onChange={choose(setDepartment)} clearable searchable w={200} comboboxProps={{ withinPortal: true }} />
      </Group>
      <Group align="flex-end" wrap="wrap">
        <Select label={t('protection.shelter')} searchable data={options} value={shelterId} onChange={choose(setShelterId)} w={360} nothingFoundMessage={t('protection.no_shelter_matches')} comboboxProps={{ withinPortal: true }} />
        <TextInput type="date" label={t('protection.check_in')} value={checkInOn} onChange={(e) => { setCheckInOn(e.currentTarget.value); save.reset(); }} />
        {!warning && <Button onClick={() => save.mutate(false)} disabled={!shelterId} loading={save.isPending}>{t('protection.admit')}</Button>}
      </Group>
      {warning && (
        <Alert color="yellow" role="alert" title={t('protection.placement_warning_title')} data-testid="placement-warning">
          <Stack gap="xs">
            <Text size="sm">{Object.values(warning.fields)[0] ?? warning.message}</Text>
            <Text size="sm">{warning.message}</Text>
            <Group gap="xs">
              <Button color="yellow.9" onClick={() => save.mutate(true)} loading={save.isPending}>{t('protection.confirm_admission')}</Button>
              <Button variant="default" onClick={() => save.reset()}>{t('protection.choose_other_shelter')}</Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
