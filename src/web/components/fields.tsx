import { NumberInput, Select, TextInput, type SelectProps } from '@mantine/core';
import { Controller, type Control, type FieldErrors, type FieldValues, type Path } from 'react-hook-form';
import { errorAt } from '../api/forms';
import { CodeMultiSelect, CodeSelect } from './common';
import { UbigeoPicker } from './UbigeoPicker';

/** Small bindings of Mantine inputs to react-hook-form, for the record screens. */
interface Base<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: string;
  errors: FieldErrors<T>;
}

export function NumberField<T extends FieldValues>({ control, name, label, errors }: Base<T>) {
  return (
    <Controller control={control} name={name} render={({ field }) => (
      <NumberInput label={label} value={field.value ?? ''} onChange={(v) => field.onChange(v === '' ? undefined : Number(v))} min={0} allowDecimal={false} error={errorAt(errors, name)} />
    )} />
  );
}

export function CodeField<T extends FieldValues>({ control, name, label, errors, list, values }: Base<T> & { list: string; values?: readonly string[] }) {
  return (
    <Controller control={control} name={name} render={({ field }) => (
      <CodeSelect list={list} values={values} label={label} value={field.value ?? null} onChange={field.onChange} error={errorAt(errors, name)} />
    )} />
  );
}

export function CodesField<T extends FieldValues>({ control, name, label, errors, list, values }: Base<T> & { list: string; values?: readonly string[] }) {
  return (
    <Controller control={control} name={name} render={({ field }) => (
      <CodeMultiSelect list={list} values={values} label={label} value={field.value ?? []} onChange={field.onChange} error={errorAt(errors, name)} />
    )} />
  );
}

export function UbigeoField<T extends FieldValues>({ control, name, errors, depth }: Omit<Base<T>, 'label'> & { depth?: 2 | 4 | 6 }) {
  return (
    <Controller control={control} name={name} render={({ field }) => (
      <UbigeoPicker name={String(name)} value={field.value ?? null} onChange={field.onChange} error={errorAt(errors, name)} depth={depth} />
    )} />
  );
}

export function SelectField<T extends FieldValues>({ control, name, label, errors, data }: Base<T> & { data: SelectProps['data'] }) {
  return (
    <Controller control={control} name={name} render={({ field }) => (
      <Select label={label} data={data} value={field.value ?? null} onChange={field.onChange} searchable clearable error={errorAt(errors, name)} comboboxProps={{ withinPortal: true }} />
    )} />
  );
}

export function DateField<T extends FieldValues>({ control, name, label, errors, type = 'date' }: Base<T> & { type?: 'date' | 'datetime-local' }) {
  return (
    <Controller control={control} name={name} render={({ field }) => (
      <TextInput type={type} label={label} value={field.value ?? ''} onChange={(e) => field.onChange(e.currentTarget.value)} error={errorAt(errors, name)} />
    )} />
  );
}
