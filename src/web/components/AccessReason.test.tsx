import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders, serveJson } from '../test-utils';
import { AccessReasonModal } from './AccessReason';

afterEach(() => cleanup());

/** The text input of a Mantine select (its list box carries the same label). */
const inputLabelled = (label: RegExp) => screen.getAllByLabelText(label).find((el) => el.tagName === 'INPUT') as HTMLInputElement;

function open() {
  serveJson({});
  const confirmed: string[] = [];
  renderWithProviders(<AccessReasonModal opened onClose={() => {}} onConfirm={(r) => confirmed.push(r)} />);
  return confirmed;
}

describe('access reason dialog', () => {
  it('asks for a reason from the list and sends its code, with the optional details', async () => {
    const confirmed = open();
    fireEvent.click(inputLabelled(/^Motivo/));
    fireEvent.click(await screen.findByRole('option', { name: 'Investigación fiscal' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ver datos de identidad' }));
    expect(confirmed).toEqual(['prosecution']);
    fireEvent.change(screen.getByLabelText(/^Detalle/), { target: { value: '  audiencia   del 12 de mayo ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ver datos de identidad' }));
    expect(confirmed).toEqual(['prosecution', 'prosecution: audiencia del 12 de mayo']);
  });

  it('refuses to go on without a reason from the list', async () => {
    const confirmed = open();
    fireEvent.change(screen.getByLabelText(/^Detalle/), { target: { value: 'solo texto libre' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ver datos de identidad' }));
    expect(await screen.findByText('Este dato es obligatorio.')).toBeTruthy();
    expect(confirmed).toEqual([]);
  });

  it('requires a description for "other" and never sends free text as the reason', async () => {
    const confirmed = open();
    fireEvent.click(inputLabelled(/^Motivo/));
    fireEvent.click(await screen.findByRole('option', { name: 'Otro (describa)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ver datos de identidad' }));
    expect(confirmed).toEqual([]);
    expect(await screen.findByText('Describa el motivo (al menos 3 caracteres).')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Detalle/), { target: { value: 'llamada de la fiscalía' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ver datos de identidad' }));
    expect(confirmed).toEqual(['other: llamada de la fiscalía']);
  });
});
