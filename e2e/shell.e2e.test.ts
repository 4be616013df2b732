import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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

  it('the sign-in screen needs at most 300 KB of gzipped JavaScript; charts and administration are not loaded', async () => {
    const { context, page } = await newPage(h);
    const scripts = new Set<string>();
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.add(new URL(r.url()).pathname);
    });
    await page.goto(`${h.baseUrl}/login`);
    await page.getByRole('button', { name: 'Ingresar' }).waitFor();
    const sizes = [...scripts].map((path) => ({ path, gzip: gzipSync(readFileSync(join(process.cwd(), 'dist/web', path))).length }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.log(`sign-in screen JS: ${(total / 1024).toFixed(1)} KB gzipped in ${sizes.length} files`);
    expect(total).toBeLessThanOrEqual(300 * 1024);
    expect(sizes.some((s) => /echarts|AdminPage/.test(s.path))).toBe(false);
    await context.close();
  });

  it('when the session expires the user is told so, and unsaved registration work is restored after signing in again', async () => {
    const police = await createInstitution(h.admin, 'police');
    const user = await createUser(h, ['registrar'], police);
    const { context, page } = await newPage(h);
    await signIn(page, h, user, '/cases/new');
    await page.getByRole('checkbox', { name: 'Captación' }).check();
    await page.getByRole('checkbox', { name: 'Trabajo forzoso' }).check();
    await page.waitForTimeout(800); // the draft is saved 400 ms after the last change
    await context.clearCookies(); // the server no longer knows this browser: as after an expiry
    await page.getByRole('link', { name: 'Casos', exact: true }).click();
    await page.waitForURL(/\/login\?.*expired=1/);
    await page.getByText('Su sesión expiró por inactividad').waitFor();
    await screenshot(page, 'session-expired');
    await page.getByLabel('Usuario').fill(user.username);
    await page.getByLabel('Contraseña').fill(user.password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.waitForURL((url) => url.pathname === '/cases');
    await page.goto(`${h.baseUrl}/cases/new`);
    await page.getByText('Se recuperó un registro sin enviar').waitFor();
    expect(await page.getByRole('checkbox', { name: 'Captación' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Trabajo forzoso' }).isChecked()).toBe(true);
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
