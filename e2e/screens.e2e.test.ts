import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe';
import { createInstitution, createUser, newPage, pick, screenshot, signIn, startHarness, type Harness } from './harness';

const seriousViolations = (page: Page) => seriousAxeViolations(page, 'screen');

describe('administration, hotline, operations, prevention, quality and open data screens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an administrator creates an institution and a user, and reads the legal framework and the audit log', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, h, { username: 'admin', password: 'Test-Admin-Password-2026' }, '/admin/institutions');
    await page.getByRole('button', { name: 'Nueva institución' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Código').fill('MIMP-LIMA');
    await drawer.getByLabel('Nombre', { exact: true }).fill('Ministerio de la Mujer — Lima');
    await pick(page, drawer, 'Tipo', 'Servicios sociales');
    await drawer.getByRole('button', { name: 'Crear' }).click();
    await page.getByRole('cell', { name: 'Ministerio de la Mujer — Lima' }).waitFor();
    await screenshot(page, 'admin-institutions');

    await page.getByRole('tab', { name: 'Usuarios y funciones' }).click();
    await page.getByRole('button', { name: 'Nuevo usuario' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Usuario', { exact: true }).fill('ana.quispe');
    await form.getByLabel('Nombre visible').fill('Ana Quispe');
    await pick(page, form, 'Institución', 'Ministerio de la Mujer — Lima');
    await pick(page, form, 'Funciones', 'Trabajador social');
    await form.getByLabel('Alcance nacional').check();
    await form.getByLabel('Contraseña inicial').fill('short');
    await form.getByRole('button', { name: 'Crear' }).click();
    // The server's password policy message lands on the field (the error summary names it too, after the field's label).
    await form.getByText('La contraseña debe tener al menos 12 caracteres.', { exact: true }).waitFor();
    await form.getByTestId('error-summary').getByRole('link', { name: 'Contraseña inicial: La contraseña debe tener al menos 12 caracteres.' }).waitFor();
    await form.getByLabel('Contraseña inicial').fill('Primera-Clave-Segura-26');
    await form.getByRole('button', { name: 'Crear' }).click();
    await page.getByTestId('users-table').getByRole('cell', { name: 'ana.quispe' }).waitFor();
    await screenshot(page, 'admin-users');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Marco legal' }).click();
    await page.getByTestId('legal-table').getByRole('cell', { name: '129-A' }).first().waitFor();
    await screenshot(page, 'admin-legal');
    await page.getByRole('tab', { name: 'Registro de auditoría' }).click();
    // The log reads in words, not internal codes: "Usuario creado", never `user.create` or raw JSON.
    const log = page.getByTestId('audit-table');
    await log.getByText('Usuario creado').first().waitFor();
    await pick(page, page, 'Acción', 'Usuario creado');
    // Every sign-in row goes once the filtered page has come (there are two: the API's and the browser's; a
    // strict waitFor on them failed whenever the check ran before the answer).
    await expect.poll(() => log.getByText('Inicio de sesión', { exact: true }).count(), { timeout: 15_000 }).toBe(0);
    expect(await log.textContent()).not.toMatch(/user\.create|\{"/);
    await screenshot(page, 'admin-audit');
    await page.getByRole('tab', { name: 'Datos de referencia' }).click();
    await screenshot(page, 'admin-reference');
    await context.close();
  });

  it('a hotline operator records a call; police record an operation and a prevention activity; a supervisor reads data quality', async () => {
    const hotline = await createInstitution(h.admin, 'hotline');
    const operator = await createUser(h, ['hotline_operator'], hotline);
    const op = await newPage(h);
    await signIn(op.page, h, operator, '/hotline');
    const intake = op.page.getByTestId('call-intake');
    await pick(op.page, intake, 'Clasificación', 'Pedido de información');
    await intake.getByRole('button', { name: 'Guardar llamada' }).click();
    await intake.getByText('Llamada registrada.').waitFor();
    await screenshot(op.page, 'hotline-intake');
    await op.page.getByRole('tab', { name: 'Llamadas', exact: true }).click();
    await op.page.getByTestId('calls-table').getByText('Pedido de información').waitFor();
    await op.context.close();

    const police = await createInstitution(h.admin, 'police');
    const investigator = await createUser(h, ['investigator', 'supervisor'], police);
    const inv = await newPage(h);
    await signIn(inv.page, h, investigator, '/operations');
    await inv.page.getByRole('button', { name: 'Registrar operativo' }).click();
    const drawer = inv.page.getByRole('dialog');
    await pick(inv.page, drawer, 'Tipo', 'Rescate');
    await pick(inv.page, drawer, 'Departamento', 'Puno (21)');
    await drawer.getByLabel('Personas halladas').fill('7');
    await drawer.getByLabel('Menores hallados').fill('3');
    await drawer.getByRole('button', { name: 'Guardar' }).click();
    await inv.page.getByRole('cell', { name: 'Rescate' }).waitFor();
    await screenshot(inv.page, 'operations');
    await inv.page.goto(`${h.baseUrl}/prevention`);
    await inv.page.getByRole('heading', { name: 'Prevención' }).waitFor();
    await screenshot(inv.page, 'prevention');
    await inv.page.goto(`${h.baseUrl}/quality`);
    await inv.page.getByRole('heading', { name: 'Calidad de datos' }).waitFor();
    await inv.page.waitForLoadState('networkidle');
    await screenshot(inv.page, 'quality');
    expect(await seriousViolations(inv.page)).toEqual([]);
    await inv.context.close();
  });

  it('an analyst generates the annual report, finds its files and publishes the open data of the year', async () => {
    const other = await createInstitution(h.admin, 'other');
    const analyst = await createUser(h, ['analyst'], other, { national: true });
    const { context, page } = await newPage(h);
    await signIn(page, h, analyst, '/reports');
    await page.getByLabel('Año', { exact: true }).fill('2025');
    await page.getByRole('button', { name: 'Generar informe anual' }).click();
    // The report is built as a background job: its file is offered for download in "my jobs" when ready,
    // and the year's snapshot is listed with a button per format to build that file again.
    await page.getByTestId('my-jobs').getByRole('link', { name: /^Descargar/ }).first().waitFor({ timeout: 60_000 });
    await page.getByTestId('reports-table').getByRole('cell', { name: '2025' }).waitFor();
    expect(await page.getByTestId('reports-table').getByRole('button', { name: 'Archivo PDF de este informe' }).count()).toBe(1);
    await screenshot(page, 'reports');
    expect(await seriousViolations(page)).toEqual([]);

    // Publishing the open data of 2025: preview, confirm, and the public page serves that release.
    await page.getByRole('link', { name: 'Publicaciones' }).click();
    await page.getByLabel('Año', { exact: true }).fill('2025');
    await page.getByRole('button', { name: 'Vista previa' }).click();
    await page.getByTestId('release-preview').waitFor();
    await page.getByRole('button', { name: 'Publicar', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sí, publicar' }).click();
    await page.getByTestId('releases-table').getByRole('cell', { name: '2025' }).waitFor();
    await screenshot(page, 'releases');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const visitor = await newPage(h);
    await visitor.page.goto(`${h.baseUrl}/open-data`);
    await visitor.page.getByTestId('release-info').getByText('Revisión 1').waitFor();
    await visitor.page.getByTestId('public-victims-by-department').waitFor();
    expect(await seriousViolations(visitor.page)).toEqual([]);
    await visitor.context.close();
  });

  it('anyone can read the open data without signing in', async () => {
    const { context, page } = await newPage(h);
    await page.goto(`${h.baseUrl}/open-data`);
    await page.getByRole('heading', { name: 'Datos abiertos de RETA' }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'open-data');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
