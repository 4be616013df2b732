import { Alert, Badge, Button, Card, Checkbox, Fieldset, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { victimAgeBands } from '../../../contracts/cases';
import { ageGroupOf } from '../../../core/age';
import { errorAt } from '../../api/forms';
import { CountryMultiSelect } from '../../components/CountrySelect';
import type { CaseFormValues, VictimValues } from './case-form';
import { victimAge } from './case-form';
import { CheckboxField, CodeCheckboxes, CodeMultiField, CodeSelectField, Help } from '../../components/fields';
import { VictimBackground } from './VictimBackground';

/** Names, document, birth date: shown only to roles with identity.write; "no document" hides the document. */
function IdentityFields({ base }: { base: string }) {
  const { t } = useTranslation();
  const { register, formState, control } = useFormContext<CaseFormValues>();
  const hasDocument = useWatch({ control, name: `${base}.hasIdentityDocument` as never }) as string;
  const err = (path: string) => errorAt(formState.errors, `${base}.identity.${path}`);
  return (
    <Fieldset legend={t('person.identity.legend')} variant="filled">
      <Text size="xs" c="dark.4" mb="xs">
        {t('person.identity.protected')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TextInput label={t('person.identity.given_names')} {...register(`${base}.identity.givenNames` as never)} error={err('givenNames')} />
        <TextInput label={t('person.identity.family_names')} {...register(`${base}.identity.familyNames` as never)} error={err('familyNames')} />
        <TextInput type="date" label={t('person.identity.birth_date')} {...register(`${base}.identity.birthDate` as never)} error={err('birthDate')} />
        <TextInput label={t('person.identity.address')} {...register(`${base}.identity.address` as never)} error={err('address')} />
      </SimpleGrid>
      {hasDocument === 'no' ? (
        <Text size="sm" mt="xs" data-testid="no-document-note">
          {t('person.identity.no_document_note')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
          <CodeSelectField name={`${base}.identity.document.type`} list="documentTypes" label={t('person.identity.document_type')} />
          <TextInput label={t('person.identity.document_number')} {...register(`${base}.identity.document.number` as never)} error={err('document.number') ?? err('document')} />
        </SimpleGrid>
      )}
    </Fieldset>
  );
}

function PersonAttributes({ base, withIdentity }: { base: string; withIdentity: boolean }) {
  const { t } = useTranslation();
  const { control, formState } = useFormContext<CaseFormValues>();
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <CodeSelectField name={`${base}.sex`} list="sexes" label={t('person.sex')} />
        <CodeSelectField name={`${base}.hasIdentityDocument`} list="yesNoUnknown" label={t('person.has_document')} clearable={false} description={t('person.has_document_help')} />
        <Controller
          control={control}
          name={`${base}.nationalities` as never}
          render={({ field }) => (
            <CountryMultiSelect label={t('person.nationalities')} value={(field.value as string[]) ?? []} onChange={field.onChange} error={errorAt(formState.errors, `${base}.nationalities`)} />
          )}
        />
      </SimpleGrid>
      {withIdentity && <IdentityFields base={base} />}
    </Stack>
  );
}

/** Exact, estimated, by band or unknown; the presumption of minority (domain rule 2) is shown live. */
function VictimAge({ index }: { index: number }) {
  const { t } = useTranslation();
  const { control, formState, register } = useFormContext<CaseFormValues>();
  const victim = useWatch({ control, name: `victims.${index}` }) as VictimValues;
  const group = ageGroupOf(victimAge(victim));
  const base = `victims.${index}`;
  // Four choices side by side do not fit a 360 px phone: stacked there.
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <Stack gap="xs">
      <Controller
        control={control}
        name={`victims.${index}.ageMode`}
        render={({ field }) => (
          <div>
            <Text size="sm" fw={500} id={`${base}-age-mode`}>
              {t('victim.age_mode.label')}
            </Text>
            <SegmentedControl
              aria-labelledby={`${base}-age-mode`}
              value={field.value}
              onChange={field.onChange}
              data={(['exact', 'estimated', 'band', 'unknown'] as const).map((m) => ({ value: m, label: t(`victim.age_mode.${m}`) }))}
              orientation={narrow ? 'vertical' : 'horizontal'}
              fullWidth
            />
          </div>
        )}
      />
      {(victim.ageMode === 'exact' || victim.ageMode === 'estimated') && (
        <Group align="flex-end">
          <Controller
            control={control}
            name={`victims.${index}.ageYears`}
            render={({ field }) => (
              <NumberInput
                label={victim.ageMode === 'estimated' ? t('victim.estimated_age') : t('victim.age_years')}
                description={t('victim.age_at_exploitation')}
                value={field.value}
                onChange={field.onChange}
                min={0}
                max={120}
                allowDecimal={false}
                w={220}
                error={errorAt(formState.errors, `${base}.ageYears`)}
              />
            )}
          />
          {victim.ageMode === 'exact' && <Checkbox label={t('victim.age_verified')} {...register(`victims.${index}.ageVerified`)} mb={8} />}
        </Group>
      )}
      {victim.ageMode === 'band' && <CodeSelectField name={`${base}.ageBand`} list="victimAgeBands" values={victimAgeBands} label={t('victim.age_band')} />}
      <Group gap="xs" data-testid={`victim-${index}-age-group`}>
        <Badge color={group === 'adult' ? 'gray.7' : '#9a3412'} variant="filled">
          {t(`ageGroups.${group}`, { ns: 'codes' })}
        </Badge>
        {group === 'presumed_child' && <Text size="xs">{t('victim.presumed_child_help')}</Text>}
      </Group>
    </Stack>
  );
}

export function VictimCard({ index, withIdentity, onRemove }: { index: number; withIdentity: boolean; onRemove?: () => void }) {
  const { t } = useTranslation();
  const base = `victims.${index}`;
  return (
    <Card withBorder padding="sm" data-testid={`victim-${index}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('victim.title', { n: index + 1 })}
        </Title>
        {onRemove && (
          <Button variant="subtle" color="#b42318" size="xs" onClick={onRemove}>
            {t('victim.remove', { n: index + 1 })}
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        <PersonAttributes base={`${base}.person`} withIdentity={withIdentity} />
        <VictimAge index={index} />
        <VictimBackground index={index} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <CodeSelectField name={`${base}.identificationStatus`} list="identificationStatuses" label={t('victim.identification_status')} clearable={false} />
          <CodeSelectField name={`${base}.relationshipToRecruiter`} list="relationships" label={t('victim.relationship')} />
          <CodeSelectField name={`${base}.housedOnIdentification`} list="housingOnIdentification" label={t('victim.housed_on_identification')} />
        </SimpleGrid>
        <CodeMultiField name={`${base}.exploitationForms`} list="purposes" label={t('victim.exploitation_forms')} />
        <CodeMultiField name={`${base}.means`} list="means" label={t('victim.means')} description={t('victim.means_help')} />
        <CheckboxField name={`${base}.deathOrSeriousInjury`} label={t('victim.death_or_serious_injury')} />
      </Stack>
    </Card>
  );
}

export function SuspectCard({ index, withIdentity, onRemove }: { index: number; withIdentity: boolean; onRemove?: () => void }) {
  const { t } = useTranslation();
  const { control, register } = useFormContext<CaseFormValues>();
  const isOfficial = useWatch({ control, name: `suspects.${index}.isPublicOfficial` });
  const base = `suspects.${index}`;
  return (
    <Card withBorder padding="sm" data-testid={`suspect-${index}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('suspect.title', { n: index + 1 })}
        </Title>
        {onRemove && (
          <Button variant="subtle" color="#b42318" size="xs" onClick={onRemove}>
            {t('suspect.remove', { n: index + 1 })}
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        <PersonAttributes base={`${base}.person`} withIdentity={withIdentity} />
        <CodeCheckboxes name={`${base}.roles`} list="suspectRoles" label={t('suspect.roles')} cols={4} />
        <CodeSelectField name={`${base}.relationshipToVictims`} list="relationships" label={t('suspect.relationship')} />
        <Group>
          <CheckboxField name={`${base}.isPublicOfficial`} label={t('suspect.public_official')} />
          <CheckboxField name={`${base}.organisedGroupMember`} label={t('suspect.organised_group')} />
        </Group>
        {isOfficial && <TextInput label={t('suspect.official_institution')} {...register(`suspects.${index}.officialInstitution`)} />}
        {!withIdentity && (
          <Alert color="gray" p="xs">
            <Help>{t('person.identity.not_allowed')}</Help>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
