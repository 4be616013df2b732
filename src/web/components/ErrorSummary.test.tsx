import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders, serveJson } from '../test-utils';
import { ErrorSummary, type SummaryItem } from './ErrorSummary';

afterEach(() => cleanup());

/** A form stand-in: "send" is a failed submit. */
function Host({ items, extra, onSelect }: { items: SummaryItem[]; extra?: string; onSelect: (path: string) => void }) {
  const [attempt, setAttempt] = useState(0);
  return (
    <>
      <ErrorSummary items={attempt ? items : []} attempt={attempt} onSelect={onSelect} extra={attempt ? extra : null} />
      <button type="button" onClick={() => setAttempt((n) => n + 1)}>send</button>
    </>
  );
}

describe('error summary', () => {
  it('takes focus after a failed submit and links to each field by its label', () => {
    serveJson({});
    const selected: string[] = [];
    const items = [{ path: 'source', message: 'Elija uno de los valores de la lista.', label: 'Origen' }, { path: 'victims.0.ageYears', message: 'Debe ser 120 o menos.' }];
    renderWithProviders(<Host items={items} onSelect={(p) => selected.push(p)} />);
    expect(screen.queryByTestId('error-summary')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'send' }));
    expect(document.activeElement?.getAttribute('data-testid')).toBe('error-summary');
    expect(screen.getByText('Corrija antes de guardar (2)')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Origen: Elija uno de los valores de la lista.' }));
    fireEvent.click(screen.getByRole('link', { name: 'Debe ser 120 o menos.' }));
    expect(selected).toEqual(['source', 'victims.0.ageYears']);
  });

  it('a form-level message alone (e.g. offline) is shown and focused too', () => {
    serveJson({});
    renderWithProviders(<Host items={[]} extra="Sin conexión" onSelect={() => {}} />);
    expect(screen.queryByTestId('error-summary')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'send' }));
    expect(screen.getByTestId('error-summary').textContent).toContain('Sin conexión');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('error-summary');
  });
});
