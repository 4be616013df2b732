/**
 * How much work registering the walk's case is in the browser: a registrar registers a case with 2 victims
 * (a girl of 16 and a woman of 19), 1 suspect (a man, recruiter) and 2 places (recruitment in Loreto,
 * exploitation in Madre de Dios), with the facts' date, act, means and purpose — the way a person does it
 * (mouse for choices, keyboard for typing a date, an age or a few letters to filter a list). Counts the
 * real (trusted) clicks and key presses the page receives, and the form's length in screens (1366 × 768).
 *
 *   npx tsx bench/click-count.ts                 # own server on a fresh PGlite database
 *   npx tsx bench/click-count.ts --width 360 --height 740
 *
 * Builds the web app first when it is stale (scripts/ensure-web-build.mjs). A measurement, never a test.
 */
import { randomBytes } from 'node:crypto';
import { chromium, type Locator, type Page } from 'playwright-core';
import { loginAs } from '../test/api-client';
import { startBenchWebServer } from './web-server';

const CHROMIUM_PATH = process.env.RETA_CHROMIUM_PATH ?? '/usr/bin/chromium';
const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const width = Number(flag('width', '1366'));
const height = Number(flag('height', '768'));
const PASSWORD = `Bench-Clicks-${randomBytes(6).toString('base64url')}-26`;

/** A server of its own (fresh PGlite in the temp folder) with a police unit and a registrar. */
function startServer() {
  return startBenchWebServer('click-count', async (app, adminPassword) => {
    const admin = await loginAs(app, 'admin', adminPassword);
    const institution = await admin.post('/api/v1/institutions', { code: 'PNP-BENCH', name: 'Policía — unidad de prueba', kind: 'police', ubigeo: '15' });
    const unit = await admin.post('/api/v1/units', { institutionId: institution.body.id, code: 'PNP-BENCH-15', name: 'Unidad de prueba', ubigeo: '15' });
    const first = 'First-Password-2026-x';
    const user = await admin.post('/api/v1/users', {
      username: 'registrador', displayName: 'Registrador', institutionId: institution.body.id, unitId: unit.body.id, roles: ['registrar'],
      scope: { national: false, departments: ['15'] }, password: first,
    });
    if (user.status !== 201) throw new Error(`user: ${user.status} ${JSON.stringify(user.body)}`);
    const registrar = await loginAs(app, 'registrador', first);
    await registrar.post('/api/v1/auth/password', { currentPassword: first, newPassword: PASSWORD });
  });
}

/** A select or multi-select: click it, type a few letters when it filters, click the option. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string | RegExp, letters = '') {
  const input = scope.getByLabel(label, { exact: true }).first();
  await input.click();
  if (letters) await input.pressSequentially(letters);
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).first().click();
  if (await page.getByRole('listbox').isVisible().catch(() => false)) await page.keyboard.press('Escape');
}

async function type(field: Locator, text: string) {
  await field.click();
  await field.pressSequentially(text);
}

async function main() {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const counts = { clicks: 0, keys: 0 };
  try {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'es-PE', timezoneId: 'America/Lima' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/login?next=${encodeURIComponent('/cases/new')}`);
    await page.getByLabel(/^Usuario/).fill('registrador');
    await page.getByLabel(/^Contraseña/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { name: 'Registrar un caso' }).waitFor();
    // From here on, every trusted click and key press the page receives is counted.
    await page.exposeFunction('__retaCount', (kind: 'clicks' | 'keys') => { counts[kind] += 1; });
    await page.evaluate(() => {
      const count = (window as unknown as { __retaCount: (k: string) => void }).__retaCount;
      document.addEventListener('pointerdown', (e) => e.isTrusted && count('clicks'), true);
      document.addEventListener('keydown', (e) => e.isTrusted && count('keys'), true);
    });

    await choose(page, page, 'Origen', 'Denuncia');
    await type(page.getByLabel('Fecha de los hechos', { exact: true }), '03112025');
    await page.getByRole('checkbox', { name: 'Captación' }).click();
    await page.getByRole('checkbox', { name: 'Explotación sexual' }).click();
    await choose(page, page, 'Medios', /^Engaño/, 'eng');

    const firstPlace = page.getByTestId('place-0');
    await choose(page, firstPlace, 'Departamento', 'Madre de Dios (17)', 'madre');
    await page.getByRole('button', { name: 'Agregar lugar' }).click();
    const secondPlace = page.getByTestId('place-1');
    await choose(page, secondPlace, 'Tipo de lugar', 'Captación');
    await choose(page, secondPlace, 'Departamento', 'Loreto (16)', 'lor');

    const first = page.getByTestId('victim-0');
    await choose(page, first, 'Sexo', 'Mujer');
    await first.getByText('Estimada', { exact: true }).click();
    await type(first.getByLabel('Edad estimada (años)', { exact: true }), '16');
    await page.getByRole('button', { name: 'Agregar víctima' }).click();
    const second = page.getByTestId('victim-1');
    await choose(page, second, 'Sexo', 'Mujer');
    await second.getByText('Estimada', { exact: true }).click();
    await type(second.getByLabel('Edad estimada (años)', { exact: true }), '19');

    await page.getByRole('button', { name: 'Agregar presunto tratante' }).click();
    const suspect = page.getByTestId('suspect-0');
    await choose(page, suspect, 'Sexo', 'Hombre');
    await suspect.getByRole('checkbox', { name: 'Captador' }).click();

    const screens = await page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
    await page.getByRole('button', { name: 'Registrar caso' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/).catch(async (error) => {
      throw new Error(`registration did not complete: ${await page.getByRole('alert').allTextContents()}`, { cause: error });
    });
    const code = /RETA-\d{4}-\d+/.exec((await page.getByText(/Se registró el caso RETA-/).textContent()) ?? '')?.[0];
    console.log(`registered ${code}: 2 victims, 1 suspect, 2 places (${width}×${height})`);
    console.log(`clicks ${counts.clicks}, keys ${counts.keys}, form length ${screens.toFixed(1)} screens (1 page)`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
