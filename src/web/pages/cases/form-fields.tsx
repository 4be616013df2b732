import { Checkbox, SimpleGrid, Text } from '@mantine/core';
import { Controller, useFormContext, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorAt } from '../../api/forms';
import { CodeMultiSelect, CodeSelect, useCodeOptions } from '../../components/common';

/** The DOM id of a controlled field, so the error summary can name and focus it. */
export const fieldDomId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** A code list as checkboxes (short lists, where seeing every option helps), bound to the form. */
export function CodeCheckboxes({ name, list, label, description, cols = 3 }: { name: string; list: string; label: string; description?: string; cols?: number }) {
  const { control, formState } = useFormContext();
  const options = useCodeOptions(list);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox.Group id={fieldDomId(name)} label={label} description={description} value={field.value ?? []} onChange={field.onChange} error={errorAt(formState.errors, name)}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: cols }} spacing="xs" mt="xs">
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )}
    />
  );
}

export function CodeMultiField({ name, list, label, description }: { name: string; list: string; label: string; description?: string }) {
  const { control, formState } = useFormContext();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <CodeMultiSelect ref={field.ref} id={fieldDomId(name)} list={list} label={label} description={description} value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} error={errorAt(formState.errors, name)} />
      )}
    />
  );
}

export function CodeSelectField({ name, list, label, values, clearable = true, description }: { name: string; list: string; label: string; values?: readonly string[]; clearable?: boolean; description?: string }) {
  const { control, formState } = useFormContext();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <CodeSelect ref={field.ref} id={fieldDomId(name)} list={list} values={values} label={label} description={description} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} clearable={clearable} error={errorAt(formState.errors, name)} />
      )}
    />
  );
}

export function CheckboxField({ name, label, description }: { name: string; label: string; description?: string }) {
  const { control } = useFormContext<FieldValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <Checkbox ref={field.ref} id={fieldDomId(name)} label={label} description={description} checked={Boolean(field.value)} onChange={(e) => field.onChange(e.currentTarget.checked)} />}
    />
  );
}

export function Help({ children }: { children: string }) {
  return (
    <Text size="xs" c="dark.4">
      {children}
    </Text>
  );
}

export function useFieldError(name: string) {
  const { formState } = useFormContext();
  const { t } = useTranslation();
  const message = errorAt(formState.errors, name);
  return message ? t(message, { ns: 'validation', defaultValue: message }) : undefined;
}
