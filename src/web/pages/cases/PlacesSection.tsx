import { Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { Controller, useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorAt } from '../../api/forms';
import { CountrySelect } from '../../components/CountrySelect';
import { UbigeoPicker } from '../../components/UbigeoPicker';
import { emptyPlace, type CaseFormValues } from './case-form';
import { CodeSelectField } from '../../components/fields';

function PlaceRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const { control, formState } = useFormContext<CaseFormValues>();
  const abroad = useWatch({ control, name: `places.${index}.abroad` });
  const base = `places.${index}`;
  return (
    <Card withBorder padding="sm" data-testid={`place-${index}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <CodeSelectField name={`${base}.kind`} list="placeKinds" label={t('place.kind')} clearable={false} />
          <Controller
            control={control}
            name={`places.${index}.abroad`}
            render={({ field }) => (
              <SegmentedControl
                aria-label={t('place.where')}
                value={field.value ? 'abroad' : 'peru'}
                onChange={(v) => field.onChange(v === 'abroad')}
                data={[
                  { value: 'peru', label: t('place.in_peru') },
                  { value: 'abroad', label: t('place.abroad') },
                ]}
              />
            )}
          />
          <Button variant="subtle" color="#b42318" size="xs" onClick={onRemove}>
            {t('place.remove', { n: index + 1 })}
          </Button>
        </Group>
        {abroad ? (
          <Controller
            control={control}
            name={`places.${index}.country`}
            render={({ field }) => (
              <CountrySelect label={t('place.country')} value={field.value} onChange={field.onChange} error={errorAt(formState.errors, `${base}.country`)} maw={360} />
            )}
          />
        ) : (
          <Controller
            control={control}
            name={`places.${index}.ubigeo`}
            render={({ field }) => (
              <UbigeoPicker name={`place-${index}`} value={field.value} onChange={field.onChange} error={errorAt(formState.errors, `${base}.ubigeo`)} />
            )}
          />
        )}
      </Stack>
    </Card>
  );
}

export function PlacesSection() {
  const { t } = useTranslation();
  const { control } = useFormContext<CaseFormValues>();
  const places = useFieldArray({ control, name: 'places' });
  return (
    <Stack gap="xs">
      <Text size="sm" c="dark.4">
        {t('place.help')}
      </Text>
      {places.fields.map((field, index) => (
        <PlaceRow key={field.id} index={index} onRemove={() => places.remove(index)} />
      ))}
      <Button variant="light" w="fit-content" onClick={() => places.append(emptyPlace(null))}>
        {t('place.add')}
      </Button>
    </Stack>
  );
}
