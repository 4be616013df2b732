import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders, serveJson } from '../../test-utils';
import ImportPage from './ImportPage';

afterEach(() => cleanup());

const report = (errors: Array<{ sheet: string; line: number; column: string; message: string }>) => ({
  fileName: 'registro.xlsx', rows: 40, badRows: errors.length, entities: { cases: { rows: 40, new: 38, existing: 2 } }, errors, warnings: [],
});

async function chooseAndCheck() {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['x'], 'registro.xlsx')] } });
  fireEvent.click(await screen.findByRole('button', { name: 'Verificar (sin guardar)' }));
}

describe('import page', () => {
  it('lists every bad row of the dry run with its column and message, and keeps Import disabled until the file is clean', async () => {
    const calls = serveJson({ '/api/v1/imports/dry-run': report([{ sheet: 'casos', line: 5, column: 'fecha_denuncia', message: 'Escriba una fecha como 2026-03-08.' }]) });
    renderWithProviders(<ImportPage />);
    await chooseAndCheck();
    expect(await screen.findByText('1 de 40 filas tienen errores: corríjalas y vuelva a verificar.')).toBeTruthy();
    expect(screen.getByText('fecha_denuncia')).toBeTruthy();
    expect(screen.getByText('Escriba una fecha como 2026-03-08.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Importar' }) as HTMLButtonElement).disabled).toBe(true);
    expect(calls.some((c) => c.startsWith('/api/v1/imports/dry-run'))).toBe(true);
  });

  it('a clean file can be imported', async () => {
    serveJson({ '/api/v1/imports/dry-run': report([]) });
    renderWithProviders(<ImportPage />);
    await chooseAndCheck();
    expect(await screen.findByText('Las 40 filas son válidas: puede importar.')).toBeTruthy();
    expect(screen.getByText('Casos: 40 filas (38 nuevas, 2 ya registradas)')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Importar' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
