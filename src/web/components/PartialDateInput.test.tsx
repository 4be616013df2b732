import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test-utils';
import { joinPartialDate, PartialDateInput, splitPartialDate } from './PartialDateInput';

/** Mantine's Select keeps a hidden input with the same name: the one a person uses is the visible one. */
const visible = (label: string) => screen.getAllByLabelText(label).find((el) => (el as HTMLInputElement).type !== 'hidden')!;

describe('partial dates', () => {
  it('splits and joins a year, a month of a year and a day', () => {
    for (const value of ['2016', '2016-05', '2016-05-12', '']) expect(joinPartialDate(splitPartialDate(value))).toBe(value);
    expect(joinPartialDate({ year: '2016', month: '', day: '12' })).toBe('2016');
  });

  it('is entered as a year and a month picked by name, in the reader\'s language', async () => {
    let seen = '';
    function Harness() {
      const [value, setValue] = useState('');
      seen = value;
      return <PartialDateInput label="Desde" value={value} onChange={setValue} />;
    }
    renderWithProviders(<Harness />);
    expect(screen.getByRole('group', { name: 'Desde' })).toBeTruthy();
    const month = visible('Desde: Mes');
    expect((month as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Desde: Año'), { target: { value: '2016' } });
    expect(seen).toBe('2016');
    fireEvent.click(visible('Desde: Mes'));
    fireEvent.click(await screen.findByRole('option', { name: /^mayo$/i }));
    expect(seen).toBe('2016-05');
  });
});
