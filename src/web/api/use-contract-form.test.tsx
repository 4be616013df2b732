import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorSummary } from '../components/ErrorSummary';
import { CodeField, DateField, FieldIdScope } from '../components/fields';
import { renderWithProviders } from '../test-utils';
import { ApiError } from './client';
import { useContractForm } from './use-contract-form';

afterEach(() => cleanup());

const contract = z.strictObject({ reportedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), source: z.enum(['police', 'hotline']) });
type Values = { reportedOn: string; source?: string };

/** A form whose save answers with `refusal`. */
function Form({ refusal, source }: { refusal: unknown; source?: string }) {
  const { form, submit, fail, summary } = useContractForm<Values>({ schema: contract, defaultValues: { reportedOn: '', source }, knownFields: ['reportedOn', 'source'] });
  return (
    <>
      <ErrorSummary {...summary} />
      <form onSubmit={submit(() => fail(refusal))} noValidate>
        <DateField control={form.control} errors={form.formState.errors} name="reportedOn" label="Fecha de denuncia" />
        <CodeField control={form.control} errors={form.formState.errors} name="source" list="caseSources" values={['police', 'hotline']} label="Origen" />
        <button type="submit">Guardar</button>
      </form>
    </>
  );
}

/** The same form twice on a page (one per card), each with its id scope. */
function ScopedForm({ scope }: { scope: string }) {
  const { form, submit, summary } = useContractForm<Values>({ schema: contract, defaultValues: { reportedOn: '', source: 'police' }, idScope: scope });
  return (
    <section aria-label={scope}>
      <ErrorSummary {...summary} />
      <FieldIdScope value={scope}>
        <form onSubmit={submit(() => {})} noValidate>
          <DateField control={form.control} errors={form.formState.errors} name="reportedOn" label="Fecha de denuncia" />
          <button type="submit">Guardar</button>
        </form>
      </FieldIdScope>
    </section>
  );
}

describe('a form bound to a contract', { timeout: 30_000 }, () => {
  it('gives the fields of a form open twice on a page ids of their own: each summary links to its own field', async () => {
    renderWithProviders(<><ScopedForm scope="r1" /><ScopedForm scope="r2" /></>);
    const second = screen.getByRole('region', { name: 'r2' });
    const first = screen.getByRole('region', { name: 'r1' });
    expect(within(first).getByLabelText('Fecha de denuncia').id).not.toBe(within(second).getByLabelText('Fecha de denuncia').id);
    fireEvent.click(within(second).getByRole('button', { name: 'Guardar' }));
    const summary = await within(second).findByTestId('error-summary');
    const link = within(summary).getAllByRole('link').find((a) => a.textContent?.startsWith('Fecha de denuncia: '));
    expect(link).toBeTruthy();
    fireEvent.click(link!);
    expect(document.activeElement).toBe(within(second).getByLabelText('Fecha de denuncia'));
  });

  it('a failed check shows the summary, focused, with each field named by its label; a link focuses the field', async () => {
    renderWithProviders(<Form refusal={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const link = screen.getAllByRole('link').find((a) => a.textContent?.startsWith('Fecha de denuncia: '));
    expect(link).toBeTruthy();
    expect(screen.getAllByRole('link').some((a) => a.textContent?.startsWith('Origen: '))).toBe(true);
    fireEvent.click(link!);
    expect(document.activeElement).toBe(screen.getByLabelText('Fecha de denuncia'));
  });

  it('a refusal from the server puts its field messages on the fields and the rest in the summary', async () => {
    const refusal = new ApiError(400, 'validation.failed', 'No', { reportedOn: 'Fecha futura', 'victims.0.ageYears': 'Edad no válida' });
    renderWithProviders(<Form refusal={refusal} source="police" />);
    fireEvent.change(screen.getByLabelText('Fecha de denuncia'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(summary.textContent).toContain('Fecha de denuncia: Fecha futura'));
    // Not a field of this form: said in the summary, not lost.
    expect(summary.textContent).toContain('Edad no válida');
    expect(screen.getByLabelText('Fecha de denuncia').getAttribute('aria-invalid')).toBe('true');
  });
});
