import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstitution, createUser, newPage, pick, screenshot, signIn, startHarness, type Harness } from './harness';

describe('a case from registration to the case page', () => {
  let h: Harness;
  let police: { institutionId: string; unitId: string };
  let caseUrl = '';
  beforeAll(async () => {
    h = await startHarness();
    police = await createInstitution(h.admin, 'police');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a registrar registers a case with two victims and a suspect, guided by the live Palermo test', async () => {
    const registrar = await createUser(h, ['registrar'], police);
    const { context, page } = await newPage(h);
    await signIn(page, h, registrar, '/cases/new');
    await page.getByRole('heading', { name: 'Registrar un caso' }).waitFor();
    expect(await page.getByTestId('palermo-result').textContent()).toBe('Faltan elementos');

    await pick(page, page, 'Origen', 'Denuncia');
    await page.getByLabel('Fecha de los hechos', { exact: true }).fill('2025-11-03');
    await page.getByRole('checkbox', { name: 'Captación' }).check();
    await page.getByRole('checkbox', { name: 'Explotación sexual' }).check();
    await pick(page, page.getByTestId('place-0'), 'Departamento', 'Madre de Dios (17)');

    const first = page.getByTestId('victim-0');
    await pick(page, first, 'Sexo', 'Mujer');
    await first.getByText('Estimada', { exact: true }).click();
    await first.getByLabel('Edad estimada (años)').fill('16');
    await first.getByTestId('victim-0-age-group').getByText('Presunta menor de edad').waitFor();
    // A presumed child makes means unnecessary: the test is met with act + purpose alone.
    await page.getByTestId('palermo-result').getByText('Cumple los elementos de trata').waitFor();
    await first.getByLabel('Nombres').fill('Rosa');
    await first.getByLabel('Apellidos').fill('Quispe Mamani');
    await pick(page, first, '¿Tiene documento de identidad?', 'No');
    await first.getByTestId('no-document-note').waitFor();

    await page.getByRole('button', { name: 'Agregar víctima' }).click();
    const second = page.getByTestId('victim-1');
    await pick(page, second, 'Sexo', 'Mujer');
    await second.getByText('Exacta', { exact: true }).click();
    await second.getByLabel('Edad (años)').fill('24');
    await second.getByLabel('Edad verificada con documento').check();
    await second.getByTestId('victim-1-age-group').getByText('Persona adulta').waitFor();

    await page.getByRole('button', { name: 'Agregar presunto tratante' }).click();
    const suspect = page.getByTestId('suspect-0');
    await pick(page, suspect, 'Sexo', 'Hombre');
    await suspect.getByRole('checkbox', { name: 'Captador' }).check();
    await suspect.getByLabel('Nombres').fill('Julio');
    await suspect.getByLabel('Apellidos').fill('Paredes');
    await screenshot(page, 'case-register');

    await page.getByRole('button', { name: 'Registrar caso' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/).catch(async (error) => {
      await screenshot(page, 'case-register-failed');
      throw new Error(`registration did not complete: ${await page.getByRole('alert').allTextContents()}`, { cause: error });
    });
    await page.getByText(/Se registró el caso RETA-\d{4}-\d+/).waitFor();
    caseUrl = page.url();
    expect(await page.getByTestId('case-palermo').textContent()).toBe('Cumple los elementos de trata');
    await screenshot(page, 'case-page');

    await page.getByRole('tab', { name: /Personas/ }).click();
    expect(await page.getByTestId('victim-item').count()).toBe(2);
    expect(await page.getByTestId('suspect-item').count()).toBe(1);
    expect(await page.getByTestId('identity-block').count()).toBe(0);
    // Identity needs a reason, which is recorded.
    await page.getByTestId('show-identity').click();
    await page.getByRole('dialog').getByText('queda registrado').first().waitFor();
    await page.getByLabel('Motivo', { exact: true }).fill('Citación a declarar');
    await page.getByRole('dialog').getByRole('button', { name: 'Ver datos de identidad' }).click();
    await page.getByText('Rosa Quispe Mamani').waitFor();
    await screenshot(page, 'case-people-identity');

    await page.goto(`${h.baseUrl}/cases`);
    await page.getByTestId('case-table').getByRole('link', { name: /RETA-/ }).first().waitFor();
    await screenshot(page, 'case-list');
    await context.close();
  });

  it('a user of another institution cannot open the case', async () => {
    expect(caseUrl).not.toBe('');
    const other = await createInstitution(h.admin, 'police');
    const outsider = await createUser(h, ['registrar'], other);
    const { context, page } = await newPage(h);
    await signIn(page, h, outsider, new URL(caseUrl).pathname);
    await page.getByTestId('case-not-found').waitFor();
    expect(await page.getByText('Rosa').count()).toBe(0);
    await context.close();
  });
});
