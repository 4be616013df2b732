import { Checkbox, MultiSelect, NumberInput, PasswordInput, Select, SimpleGrid, Text, TextInput, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { createContext, useContext } from 'react';
import { Controller, useFormContext, type Control, type FieldErrors, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorAt } from '../api/forms';
import { fieldDomId } from '../api/use-contract-form';
import { CodeMultiSelect, CodeSelect, useCodeOptions } from './common';
import { UbigeoPicker } from './UbigeoPicker';

export { fieldDomId };

/**
 * The one library of form fields: Mantine inputs bound to react-hook-form. Each field takes the form
 * from `control`/`errors` props or, inside a <FormProvider>, from the context; each carries the DOM id
 * the error summary links to (fieldDomId).
 */
interface Base<T extends FieldValues> {
  control?: Control<T>;
  name: Path<T>;
  label: string;
  errors?: FieldErrors<T>;
  description?: string;
}

/**
 * The id scope of the fields inside (useContractForm's `idScope`): a form that can be open more than once on a
 * page gives its fields ids of their own.
 */
const FieldIdScopeContext = createContext<string | undefined>(undefined);
export const FieldIdScope = FieldIdScopeContext.Provider;

/** The form of a field: from its props, else from the surrounding FormProvider; and the field's DOM id. */
function useBinding<T extends FieldValues>(control: Control<T> | undefined, errors: FieldErrors<T> | undefined, name: string) {
  const context = useFormContext<T>() as ReturnType<typeof useFormContext<T>> | null;
  const scope = useContext(FieldIdScopeContext);
  const bound = control ?? context?.control;
  if (!bound) throw new Error(`field ${name} has no form: pass control or render it inside a FormProvider`);
  return { control: bound, error: errorAt((errors ?? context?.formState.errors ?? {}) as FieldErrors, name), id: fieldDomId(name, scope) };
}

export function TextField<T extends FieldValues>({ control, name, label, errors, description }: Base<T>) {
  const bind = useBinding(control, errors, name);
  return (
    <Controller control={bind.control} name={name} render={({ field }) => (
      <TextInput ref={field.ref} id={bind.id} name={name} label={label} description={description} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={bind.error} />
    )} />
  );
}

export function NumberField<T extends FieldValues>({ control, name, label, errors, description }: Base<T>) {
  const bind = useBinding(control, errors, name);
  return (
    <Controller control={bind.control} name={name} render={({ field }) => (
      <NumberInput ref={field.ref} id={bind.id} label={label} description={description} value={field.value ?? ''} onChange={(v) => field.onChange(v === '' ? undefined : Number(v))} onBlur={field.onBlur} min={0} allowDecimal={false} error={bind.error} />
    )} />
  );
}

export function CodeField<T extends FieldValues>({ control, name, label, errors, list, values, description, clearable }: Base<T> & { list: string; values?: readonly string[]; clearable?: boolean }) {
  const bind = useBinding(control, errors, name);
  return (
    <Controller control={bind.control} name={name} render={({ field }) => (
      <CodeSelect ref={field.ref} id={bind.id} list={list} values={values} label={label} description={description} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} clearable={clearable} error={bind.error} />
    )} />
  );
}

export function CodesField<T extends FieldValues>({ control, name, label, errors, list, values, description }: Base<T> & { list: string; values?: readonly string[] }) {
  const bind = useBinding(control, errors, name);
  return (
    <Controller control={bind.control} name={name} render={({ field }) => (
      <CodeMultiSelect ref={field.ref} id={bind.id} list={list} values={values} label={label} description={description} value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} error={bind.error} />
    )} />
  );
}

export function UbigeoField<T extends FieldValues>({ control, name, errors, depth }: Omit<Base<T>, 'label'> & { depth?: 2 | 4 | 6 }) {
  const bind = useBinding(control, errors, name);
  return (
    <Controller control={bind.control} name={name} render={({ field }) => (
      <UbigeoPicker name={String(name)} value={field.value ?? null} onChange={field.onChange} error={bind.error} depth={depth} />
    )} />
  );
}

export function SelectField<T extends FieldValues>({ control, name, label, errors, data, description, clearable = true, disabled }: Base<T> & { data: SelectProps['data']; clearable?: boolean; disabled?: boolean }) {
  const bind = useBinding(control, errors, name);
  return (
    <Controller control={bind.control} name={name} render={({ field }) => (
      <Select ref={field.ref} id={bind.id} label={label} description={description} data={data} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} searchable clearable={clearable} disabled={disabled} error={bind.error} comboboxProps={{ withinPortal: true }} />
    )} />
  );
}

/** Several values of a list the page provides (not a code list), in a searchable multi-select. */
export function MultiSelectField<T extends FieldValues>({ control, name, label, errors, data, description }: Base<T> & { data: MultiSelectProps['data'] }) {
  const bind = useBinding(control, errors, name);
  return (
    <Controller control={bind.control} name={name} render={({ field }) => (
      <MultiSelect ref={field.ref} id={bind.id} label={label} description={description} data={data} value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} searchable error={bind.error} comboboxProps={{ withinPortal: true }} />
    )} />
  );
}

export function PasswordField<T extends FieldValues>({ control, name, label, errors, description, autoComplete = 'new-password' }: Base<T> & { autoComplete?: string }) {
  const bind = useBinding(control, errors, name);
  return (
    <Controller control={bind.control} name={name} render={({ field }) => (
      <PasswordInput ref={field.ref} id={bind.id} name={name} label={label} description={description} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} autoComplete={autoComplete} error={bind.error} />
    )} />
  );
}

export function DateField<T extends FieldValues>({ control, name, label, errors, type = 'date' }: Base<T> & { type?: 'date' | 'datetime-local' }) {
  const bind = useBinding(control, errors, name);
  return (
    <Controller control={bind.control} name={name} render={({ field }) => (
      <TextInput ref={field.ref} id={bind.id} type={type} label={label} value={field.value ?? ''} onChange={(e) => field.onChange(e.currentTarget.value)} onBlur={field.onBlur} error={bind.error} />
    )} />
  );
}

/** A code list as checkboxes (short lists, where seeing every option helps). */
export function CodeCheckboxes({ name, list, label, description, cols = 3 }: { name: string; list: string; label: string; description?: string; cols?: number }) {
  const bind = useBinding<FieldValues>(undefined, undefined, name);
  const options = useCodeOptions(list);
  return (
    <Controller
      control={bind.control}
      name={name}
      render={({ field }) => (
        <Checkbox.Group id={bind.id} label={label} description={description} value={field.value ?? []} onChange={field.onChange} error={bind.error}>
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

/** Several codes of a list, in a searchable multi-select (long lists). */
export function CodeMultiField({ name, list, label, description }: { name: string; list: string; label: string; description?: string }) {
  return <CodesField<FieldValues> name={name} list={list} label={label} description={description} />;
}

/** One code of a list (clearable unless the contract requires it). */
export function CodeSelectField({ name, list, label, values, clearable = true, description }: { name: string; list: string; label: string; values?: readonly string[]; clearable?: boolean; description?: string }) {
  return <CodeField<FieldValues> name={name} list={list} values={values} label={label} description={description} clearable={clearable} />;
}

export function CheckboxField({ name, label, description }: { name: string; label: string; description?: string }) {
  const bind = useBinding<FieldValues>(undefined, undefined, name);
  return (
    <Controller
      control={bind.control}
      name={name}
      render={({ field }) => <Checkbox ref={field.ref} id={bind.id} label={label} description={description} checked={Boolean(field.value)} onChange={(e) => field.onChange(e.currentTarget.checked)} />}
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

/** The message of a field's error in the current language (contract messages are catalogue keys or text). */
export function useFieldError(name: string) {
  const { formState } = useFormContext();
  const { t } = useTranslation();
  const message = errorAt(formState.errors, name);
  return message ? t(message, { ns: 'validation', defaultValue: message }) : undefined;
}
