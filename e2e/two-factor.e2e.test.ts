import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_ADMIN_PASSWORD } from '../test/registry';
import { createInstitution, createUser, newPage, screenshot, signIn, startHarness, type Harness } from './harness';

/** The code an authenticator app shows, computed with the same library the server uses. */
const codeOf = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

async function passwordStep(page: Page, h: Harness, user: { username: string; password: string }) {
  await page.goto(`${h.baseUrl}/login`);
  await page.getByLabel(/^Usuario/).fill(user.username);
  await page.getByLabel(/^Contraseña/).fill(user.password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
}

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
  await page.waitForURL(/\/login/);
}

describe('two-factor sign-in (TOTP)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { twoFactorRoles: ['supervisor'] } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a supervisor enrols with the QR code’s key, signs in with a code and with a recovery code; the administrator resets it', async () => {
    const police = await createInstitution(h.admin, 'police');
    const supervisor = await createUser(h, ['supervisor'], police);
    const { context, page } = await newPage(h);

    // Forced enrolment at the first sign-in, like the forced password change.
    await signIn(page, h, supervisor);
    await page.waitForURL(/\/account\/security/);
    await page.getByRole('heading', { name: 'Ingreso en dos pasos' }).waitFor();
    await page.getByRole('button', { name: 'Configurar el ingreso en dos pasos' }).click();
    await page.getByRole('img', { name: 'Código QR para la aplicación de autenticación' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'two-factor-enrol');
    await page.getByLabel(/Ingrese el código de 6 dígitos/).fill(codeOf(secret));
    await page.getByRole('button', { name: 'Confirmar' }).click();
    const list = page.getByTestId('recovery-codes');
    await list.waitFor();
    const recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    await page.getByRole('button', { name: 'Ya los guardé' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: /^Hola/ }).waitFor();
    await signOut(page);

    // Password, then a code from the app (the next step: the enrolment used the current one).
    await passwordStep(page, h, supervisor);
    await page.getByLabel('Código de su aplicación de autenticación').fill(codeOf(secret, 1));
    await screenshot(page, 'two-factor-code');
    await page.getByRole('button', { name: 'Verificar' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: /^Hola/ }).waitFor();
    await signOut(page);

    // Password, then a recovery code instead.
    await passwordStep(page, h, supervisor);
    await page.getByRole('button', { name: 'Usar un código de recuperación' }).click();
    await page.getByLabel('Código de recuperación').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Verificar' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${h.baseUrl}/account/security`);
    await expect.poll(() => page.getByText('Códigos de recuperación sin usar: 9.').count()).toBe(1);

    // The administrator resets the second factor from the users page (lost phone).
    const admin = await newPage(h);
    await signIn(admin.page, h, { username: 'admin', password: TEST_ADMIN_PASSWORD }, '/admin/users');
    const row = admin.page.getByTestId('users-table').getByRole('row').filter({ hasText: supervisor.username });
    await row.getByRole('button', { name: 'Restablecer dos pasos' }).click();
    await row.getByRole('button', { name: 'Confirmar el restablecimiento del ingreso en dos pasos' }).click();
    await row.getByRole('status').waitFor();
    await screenshot(admin.page, 'two-factor-admin-reset');
    await admin.context.close();

    // The supervisor's session ended; at the next sign-in they must enrol again.
    await page.reload();
    await page.waitForURL(/\/login/);
    await signIn(page, h, supervisor);
    await page.waitForURL(/\/account\/security/);
    await page.getByText('Su rol exige el ingreso en dos pasos y aún no está configurado.').waitFor();
    await context.close();
  });
});
