import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../src/i18n/translate';
import { caseHeaders, caseRow, victimHeaders, victimRow, workbook } from '../src/server/imports/import.test-helpers';
import { loginAs } from '../test/api-client';
import { createInstitution, createUser, newPage, screenshot, signIn, startHarness, type Harness } from './harness';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Issue 12, "a browser journey uploads, dry-runs, fixes and imports": the import page in Spanish, a workbook
 * with planted errors, the per-row report, the corrected file, the import job and its counts, and the imported
 * case found in the case list.
 */
describe('importing a workbook in the browser', () => {
  let h: Harness;
  let registrar: { username: string; password: string };

  beforeAll(async () => {
    h = await startHarness();
    const police = await createInstitution(h.admin, 'police');
    registrar = await createUser(h, ['registrar'], police);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('template, a file with errors reported per row and column in Spanish, the corrected file dry-runs clean and imports; the case is then listed', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, h, registrar, '/imports');
    await page.getByRole('heading', { name: 'Importar datos' }).waitFor();

    // The template the page offers is a real workbook.
    const href = await page.getByRole('link', { name: 'Plantilla XLSX' }).getAttribute('href');
    const template = await page.request.get(`${h.baseUrl}${href}`);
    expect(template.status()).toBe(200);
    expect(template.headers()['content-type']).toContain(XLSX);

    // A file with two planted errors: a source not on the list, a victim pointing at a case not in the file.
    const bad = await workbook({
      casos: [caseHeaders, caseRow('LIMA-001'), ['LIMA-002', 'rumor', '2026-01-15', 'recruitment', 'forced_labour', 'no']],
      victimas: [victimHeaders, victimRow('V-001', 'LIMA-001', 17), victimRow('V-002', 'LIMA-999', 22)],
    });
    const fileInput = page.locator('input[type="file"]');
    await fileInput.setInputFiles({ name: 'registro.xlsx', mimeType: XLSX, buffer: bad });
    await page.getByRole('button', { name: 'Verificar (sin guardar)' }).click();
    await page.getByText('2 de 4 filas tienen errores: corríjalas y vuelva a verificar.').waitFor();
    const errors = page.getByRole('table').filter({ has: page.getByText('Errores') });
    const rows = errors.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual(['casos', '3', 'fuente', expect.any(String)]);
    expect(await rows.nth(1).locator('td').allTextContents()).toEqual(['victimas', '3', 'id_externo_caso', translate('es', 'errors', 'import.case_not_found', { id: 'LIMA-999' })!]);
    expect(await rows.nth(0).locator('td').nth(3).textContent()).not.toMatch(/^[a-z_.]+$/); // a sentence, not a code
    expect(await page.getByRole('button', { name: 'Importar', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'import-dry-run-errors');

    // The corrected file: checked again, clean, then imported.
    const fixed = await workbook({
      casos: [caseHeaders, caseRow('LIMA-001'), caseRow('LIMA-002')],
      victimas: [victimHeaders, victimRow('V-001', 'LIMA-001', 17), victimRow('V-002', 'LIMA-002', 22)],
    });
    await fileInput.setInputFiles({ name: 'registro-corregido.xlsx', mimeType: XLSX, buffer: fixed });
    await page.getByRole('button', { name: 'Verificar (sin guardar)' }).click();
    await page.getByText('Las 4 filas son válidas: puede importar.').waitFor();
    await page.getByText('Casos: 2 filas (2 nuevas, 0 ya registradas)').waitFor();
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByRole('heading', { name: 'Importación', exact: true }).waitFor();
    await page.getByText('Importación terminada.').waitFor({ timeout: 30_000 });
    await page.getByText('Casos: 2 creados, 0 actualizados, 0 sin cambios, 0 en conflicto, 0 rechazados').waitFor();
    await page.getByText('Víctimas: 2 creados, 0 actualizados, 0 sin cambios, 0 en conflicto, 0 rechazados').waitFor();
    await page.getByRole('link', { name: 'Descargar el informe' }).waitFor();
    await screenshot(page, 'import-done');

    // The imported case is in the registry: found in the case list by its code.
    const api = await loginAs(h.registry.app, registrar.username, registrar.password);
    const listed = await api.get('/api/v1/cases?limit=50');
    const views = await Promise.all(listed.body.items.map((c: { id: string }) => api.get(`/api/v1/cases/${c.id}`)));
    const imported = views.map((v) => v.body).find((c: { externalId: string | null }) => c.externalId === 'LIMA-002');
    expect(imported).toBeDefined();
    await page.goto(`${h.baseUrl}/cases`);
    await page.getByLabel('Código del caso').fill(imported.code);
    await page.getByRole('link', { name: imported.code }).first().waitFor();
    await context.close();
  });
});
