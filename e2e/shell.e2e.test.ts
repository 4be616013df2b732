import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstitution, createUser, newPage, screenshot, signIn, startHarness, type Harness } from './harness';

describe('sign-in and session', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a new user signs in, must change the first password, then lands on the home page', async () => {
    const police = await createInstitution(h.admin, 'police');
    const user = await createUser(h, ['registrar'], police, { keepFirstPassword: true });
    const { context, page } = await newPage(h);
    await page.goto(`${h.baseUrl}/`);
    await page.waitForURL(/\/login/);
    await screenshot(page, 'login');
    await signIn(page, h, user);
    await page.waitForURL(/\/password/);
    await page.getByRole('heading', { name: 'Cambiar contraseña' }).waitFor();
    expect(await page.getByRole('alert').or(page.getByRole('status')).first().textContent()).toContain('Debe cambiar su contraseña');
    await page.getByLabel('Contraseña actual').fill(user.password);
    await page.getByLabel('Nueva contraseña').fill('Otra-Clave-Segura-2026');
    await screenshot(page, 'password-forced');
    await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: /^Hola/ }).waitFor();
    await screenshot(page, 'home-registrar');
    await context.close();
  });

  it('a wrong password shows the catalogue message', async () => {
    const { context, page } = await newPage(h);
    await page.goto(`${h.baseUrl}/login`);
    await page.getByLabel('Usuario').fill('nobody');
    await page.getByLabel('Contraseña').fill('wrong-password');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Usuario o contraseña incorrectos');
    await context.close();
  });
});
