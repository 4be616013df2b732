import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { renderWithProviders, serveJson } from '../test-utils';
import { UbigeoPicker } from './UbigeoPicker';

function Harness({ initial = null as string | null, onValue = (_: string | null) => {} }) {
  const [value, setValue] = useState<string | null>(initial);
  return <UbigeoPicker name="t" value={value} onChange={(v) => { setValue(v); onValue(v); }} />;
}

afterEach(() => cleanup());

/** The text input of a Mantine select (its list box carries the same label). */
const inputLabelled = (label: string) => screen.getAllByLabelText(label).find((el) => el.tagName === 'INPUT') as HTMLInputElement;

describe('UBIGEO picker', () => {
  it('offers the built-in departments, searchable by name, and reports the chosen code', async () => {
    serveJson({});
    const values: Array<string | null> = [];
    renderWithProviders(<Harness onValue={(v) => values.push(v)} />);
    const department = inputLabelled('Departamento');
    fireEvent.click(department);
    fireEvent.change(department, { target: { value: 'madre' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Madre de Dios (17)' }));
    expect(values).toEqual(['17']);
    expect(screen.getByText('UBIGEO elegido: 17')).toBeTruthy();
  });

  it('loads the provinces of the chosen department once one is chosen, and the districts of a chosen province', async () => {
    const calls = serveJson({
      '/api/v1/reference/ubigeo?parent=17': { items: [{ code: '1701', level: 2, name: 'Tambopata', parentCode: '17', departmentCode: '17' }] },
      '/api/v1/reference/ubigeo?parent=1701': { items: [{ code: '170101', level: 3, name: 'Tambopata', parentCode: '1701', departmentCode: '17' }] },
    });
    renderWithProviders(<Harness initial="1701" />);
    await waitFor(() => expect(inputLabelled('Distrito').disabled).toBe(false));
    expect(inputLabelled('Provincia').value).toBe('Tambopata (1701)');
    expect(calls.filter((c) => c.includes('/reference/ubigeo')).map((c) => c.split('?')[1]).sort()).toEqual(['parent=17', 'parent=1701']);
    expect(screen.getByText('UBIGEO elegido: 1701')).toBeTruthy();
  });

  it('without provinces loaded, the department alone is enough and says so', async () => {
    serveJson({ '/api/v1/reference/ubigeo?parent=15': { items: [] } });
    renderWithProviders(<Harness initial="15" />);
    await screen.findByPlaceholderText('Sin provincias cargadas; basta el departamento');
  });
});
