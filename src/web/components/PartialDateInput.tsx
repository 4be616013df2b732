import { Group, Input, Select, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Controller, useFormContext, type FieldValues, type Path } from 'react-hook-form';
import { errorAt } from '../api/forms';

/** `2016`, `2016-05` or `2016-05-12` split into its parts; anything else keeps what was typed in the year. */
export function splitPartialDate(value: string | null | undefined): { year: string; month: string; day: string } {
  const match = /^(\d{0,4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value ?? '');
  if (!match) return { year: value ?? '', month: '', day: '' };
  return { year: match[1] ?? '', month: match[2] ?? '', day: match[3] ?? '' };
}

/** The parts back as one partial date: the day only with a month, the month only with a year. */
export function joinPartialDate(parts: { year: string; month: string; day: string }): string {
  const year = parts.year.trim();
  if (!year) return '';
  if (!parts.month) return year;
  return parts.day ? `${year}-${parts.month}-${parts.day}` : `${year}-${parts.month}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

interface PartialDateInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: string;
}

/**
 * An approximate date as people know it — a year, a month of a year, or a day — chosen with a year box and
 * month and day pickers (month names in the reader's language), never typed as `2016-05`.
 */
export function PartialDateInput({ label, value, onChange, error, description }: PartialDateInputProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const parts = splitPartialDate(value);
  const monthName = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'es-PE', { month: 'long', timeZone: 'UTC' });
  const months = Array.from({ length: 12 }, (_, i) => ({ value: pad(i + 1), label: monthName.format(new Date(Date.UTC(2000, i, 1))) }));
  const daysInMonth = parts.year.length === 4 && parts.month ? new Date(Date.UTC(Number(parts.year), Number(parts.month), 0)).getUTCDate() : 31;
  const days = Array.from({ length: daysInMonth }, (_, i) => ({ value: pad(i + 1), label: String(i + 1) }));
  const set = (change: Partial<typeof parts>) => {
    const next = { ...parts, ...change };
    if (!next.month) next.day = '';
    if (Number(next.day) > daysInMonth) next.day = '';
    onChange(joinPartialDate(next));
  };
  return (
    <Input.Wrapper label={label} description={description} error={error} id={id} labelElement="div">
      <Group gap="xs" wrap="nowrap" role="group" aria-label={label} mt={4}>
        <TextInput aria-label={`${label}: ${t('date.year')}`} placeholder={t('date.year')} inputMode="numeric" maxLength={4} w={80}
          value={parts.year} onChange={(e) => set({ year: e.currentTarget.value.replace(/\D/g, '') })} error={Boolean(error)} />
        <Select aria-label={`${label}: ${t('date.month')}`} placeholder={t('date.any_month')} data={months} value={parts.month || null}
          onChange={(month) => set({ month: month ?? '' })} clearable disabled={parts.year.length !== 4} w={150} comboboxProps={{ withinPortal: true }} />
        <Select aria-label={`${label}: ${t('date.day')}`} placeholder={t('date.any_day')} data={days} value={parts.day || null}
          onChange={(day) => set({ day: day ?? '' })} clearable disabled={!parts.month} w={100} comboboxProps={{ withinPortal: true }} />
      </Group>
    </Input.Wrapper>
  );
}

/** The same bound to a react-hook-form field of the surrounding FormProvider (a string holding the partial date). */
export function PartialDateField<T extends FieldValues>({ name, label, description }: { name: Path<T>; label: string; description?: string }) {
  const form = useFormContext<T>();
  return (
    <Controller control={form.control} name={name} render={({ field }) => (
      <PartialDateInput label={label} description={description} value={(field.value as string | null) ?? ''} onChange={field.onChange} error={errorAt(form.formState.errors, name)} />
    )} />
  );
}
