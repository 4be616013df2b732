import { useCallback, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type SubmitHandler, type UseFormProps } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage } from './client';
import { applyServerErrors, contractResolver, flattenErrors } from './forms';
import type { SummaryItem } from '../components/ErrorSummary';

const domSafe = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '-');

/**
 * The DOM id of a field, so the error summary can name it and move the focus to it. `scope` tells apart the
 * fields of forms that can be open more than once on a page (one per card: a referral's service form…).
 */
export const fieldDomId = (name: string, scope?: string) => `field-${scope ? `${domSafe(scope)}-` : ''}${domSafe(name)}`;

/** The field's own element (an input with its id or name, or a controller that passes its ref and id). */
export function fieldElement(path: string, scope?: string): HTMLElement | null {
  return document.getElementById(fieldDomId(path, scope)) ?? (scope ? null : document.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`));
}

/** The visible label of a field (an input's own label, or a group's legend/label), without the required mark. */
export function labelOf(element: HTMLElement | null): string | undefined {
  if (!element) return undefined;
  const labelled = element.getAttribute('aria-labelledby');
  const label = (element as HTMLInputElement).labels?.[0] ?? (labelled ? document.getElementById(labelled.split(' ')[0]!) : null) ?? element.querySelector('label, legend');
  return label?.textContent?.replace(/\s*\*\s*$/, '').trim() || undefined;
}

/** The element to focus for a field: the input itself, or the first input of a group. */
const focusable = (element: HTMLElement) => (element.matches('input, select, textarea, button') ? element : element.querySelector<HTMLElement>('input, select, textarea, button') ?? element);

export interface ContractFormOptions<T extends FieldValues> extends Omit<UseFormProps<T>, 'resolver'> {
  /** The shared contract the API validates with: the same messages before and after sending. */
  schema: z.ZodType;
  /** From the form's values to the contract's body (trimming, empty to undefined…), when they differ. */
  prepare?: (values: T) => unknown;
  defaultValues?: DefaultValues<T>;
  /** Fields the form shows: a server error on another path goes to the summary's message instead. */
  knownFields?: readonly string[];
  /**
   * For a form that can be open more than once on a page: its fields' ids carry this scope (render the fields
   * inside <FieldIdScope value={idScope}>, from components/fields), so each summary links to its own fields.
   */
  idScope?: string;
}

/**
 * A react-hook-form bound to a contract, with what every form of the app needs around it: field errors
 * from the contract and from the server (mapped to their fields), and an error summary that takes the
 * focus after each failed attempt and links to each field by its label (<ErrorSummary {...summary} />).
 */
export function useContractForm<T extends FieldValues>({ schema, prepare, knownFields, idScope, ...options }: ContractFormOptions<T>) {
  const form = useForm<T>({ shouldFocusError: false, ...options, resolver: contractResolver<T>(schema, prepare) });
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  /** Shows a form-level message (and moves the focus to the summary). */
  const showFailure = useCallback((message: string | null) => {
    setFailure(message);
    setAttempt((n) => n + 1);
  }, []);
  /** A refused save: field errors on their fields, anything else as the summary's message. */
  const fail = useCallback(
    (error: unknown) => showFailure(applyServerErrors(error, form.setError, knownFields) ?? errorMessage(error)),
    [form.setError, knownFields, showFailure],
  );
  /** The form's onSubmit: `onValid` with the contract-checked values; a failed check shows the summary. */
  const submit = (onValid: SubmitHandler<T>) =>
    form.handleSubmit(
      (values, event) => {
        setFailure(null);
        return onValid(values, event);
      },
      () => showFailure(null),
    );
  const focusField = (path: string) => {
    const element = fieldElement(path, idScope);
    if (element) {
      focusable(element).scrollIntoView({ block: 'center' });
      focusable(element).focus();
    } else form.setFocus(path as never);
  };
  const items: SummaryItem[] = flattenErrors(form.formState.errors).map((p) => ({ ...p, label: labelOf(fieldElement(p.path, idScope)) }));
  return {
    form,
    submit,
    fail,
    showFailure,
    clearFailure: () => setFailure(null),
    failure,
    summary: { items, attempt, onSelect: focusField, extra: failure },
  };
}
