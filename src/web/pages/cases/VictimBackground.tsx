import { Fieldset, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorAt } from '../../api/forms';
import { CountrySelect } from '../../components/CountrySelect';
import { UbigeoPicker } from '../../components/UbigeoPicker';
import type { CaseFormValues } from './case-form';
import { CodeSelectField } from '../../components/fields';

/**
 * A victim's origin (UBIGEO in Peru, or a country), indigenous people, native language, education and
 * disability: not identifying, what "victims by origin", routes and vulnerability statistics count.
 */
export function VictimBackground({ index }: { index: number }) {
  const { t } = useTranslation();
  const { control, register, formState } = useFormContext<CaseFormValues>();
  const base = `victims.${index}.person` as const;
  const abroad = useWatch({ control, name: `${base}.originAbroad` });
  const err = (field: string) => errorAt(formState.errors, `${base}.${field}`);
  return (
    <Fieldset legend={t('person.background')} variant="filled" data-testid={`victim-${index}-background`}>
      <Stack gap="xs">
        <div>
          <Text size="sm" fw={500} id={`victim-${index}-origin-label`}>
            {t('person.origin')}
          </Text>
          <Controller
            control={control}
            name={`${base}.originAbroad`}
            render={({ field }) => (
              <SegmentedControl
                aria-labelledby={`victim-${index}-origin-label`}
                value={field.value ? 'abroad' : 'peru'}
                onChange={(v) => field.onChange(v === 'abroad')}
                data={[{ value: 'peru', label: t('person.origin_peru') }, { value: 'abroad', label: t('person.origin_abroad') }]}
              />
            )}
          />
        </div>
        {abroad ? (
          <Controller
            control={control}
            name={`${base}.originCountry`}
            render={({ field }) => (
              <CountrySelect label={t('person.origin_country')} value={field.value} onChange={field.onChange} error={err('originCountry')} maw={360} />
            )}
          />
        ) : (
          <Controller
            control={control}
            name={`${base}.originUbigeo`}
            render={({ field }) => <UbigeoPicker name={`victim-${index}-origin`} value={field.value} onChange={field.onChange} error={err('originUbigeo')} />}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput label={t('person.indigenous_people')} {...register(`${base}.indigenousPeople`)} error={err('indigenousPeople')} />
          <TextInput label={t('person.native_language')} {...register(`${base}.nativeLanguage`)} error={err('nativeLanguage')} />
          <CodeSelectField name={`${base}.education`} list="educationLevels" label={t('person.education')} />
          <CodeSelectField name={`${base}.disability`} list="yesNoUnknown" label={t('person.disability')} clearable={false} />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
