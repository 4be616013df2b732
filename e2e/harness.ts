import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loginAs, type ApiClient } from '../test/api-client';
import { uniqueCode } from '../test/factories';
import { createTestRegistry, TEST_ADMIN_PASSWORD, type TestRegistry } from '../test/registry';
import { buildApp } from '../src/server/app';
import type { Config } from '../src/server/config';
import { generateDemoData, type DemoSummary } from '../src/server/demo/generator';
import { createJobHandlers } from '../src/server/jobs/job.handlers';
import { createJobRunner } from '../src/server/jobs/job.runner';
import type { App } from '../src/server/http/types';

export const CHROMIUM_PATH = process.env.RETA_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

export interface Harness {
  baseUrl: string;
  registry: TestRegistry;
  /** The built-in administrator, signed in through the API. */
  admin: ApiClient;
  browser: Browser;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Settings on top of the test registry's (e.g. training mode). */
  config?: Partial<Config>;
  /** Runs on the fresh database before the server listens (e.g. generating a demo). */
  prepare?: (registry: TestRegistry) => Promise<void>;
}

/**
 * The real server (real bootstrap, fresh PGlite database from the migrated template, its background job
 * runner) serving the built web app on a random port, and a headless Chromium. Nothing is mocked.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (or set RETA_CHROMIUM_PATH).`);
  }
  if (!existsSync(join(process.cwd(), 'dist/web/index.html'))) {
    throw new Error('The web app is not built (dist/web/index.html is missing): run `npm run test:e2e`, which builds it first, or `npx vite build`.');
  }
  // PGlite on its worker thread, as `reta serve` opens it: the browser's requests meet the production setup.
  const registry = await createTestRegistry({ webDir: join(process.cwd(), 'dist/web'), ...options.config }, { pgliteThread: 'worker' });
  await options.prepare?.(registry);
  const web: App = await buildApp(registry.deps, { serveWeb: true });
  await web.listen({ host: '127.0.0.1', port: 0 });
  // The server's job runner with every kind of job (imports, reports, exports), as `reta serve` starts it.
  const jobs = createJobRunner(registry.deps, createJobHandlers(registry.deps), { pollMs: 200 });
  jobs.start();
  const address = web.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const admin = await loginAs(registry.app, 'admin', TEST_ADMIN_PASSWORD);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    registry,
    admin,
    browser,
    async close() {
      await browser.close();
      await jobs.stop();
      await web.close();
      await registry.close();
    },
  };
}

export const E2E_PASSWORD = 'Quipu-Andino-Lucuma-77';

/** The demo accounts' password in browser tests: `RETA_DEMO_PASSWORD` when set, as for `reta demo`. */
export const DEMO_E2E_PASSWORD = process.env.RETA_DEMO_PASSWORD || 'Demo-E2E-Training-2026';

/**
 * The server in training mode on a freshly generated demo, made by the real generator with the options of
 * `npm run demo` unless told otherwise (3,000 victims, seed 1, history up to today: about 10 s on PGlite).
 */
export async function startDemoHarness(options: { victims?: number; seed?: number } = {}): Promise<Harness & { demo: DemoSummary }> {
  let demo: DemoSummary | undefined;
  const h = await startHarness({
    config: { demoMode: true, demoPassword: DEMO_E2E_PASSWORD },
    prepare: async (registry) => {
      demo = await generateDemoData(registry.deps, { victims: options.victims ?? 3000, seed: options.seed ?? 1, password: DEMO_E2E_PASSWORD });
    },
  });
  return Object.assign(h, { demo: demo! });
}

export async function createInstitution(admin: ApiClient, kind: string, ubigeo = '15') {
  const code = uniqueCode(kind.toUpperCase());
  const institution = await admin.post('/api/v1/institutions', { code, name: `${code} institución`, kind, ubigeo });
  if (institution.status !== 201) throw new Error(`institution: ${institution.status} ${JSON.stringify(institution.body)}`);
  const unit = await admin.post('/api/v1/units', { institutionId: institution.body.id, code: uniqueCode('U'), name: `Unidad ${code}`, ubigeo });
  if (unit.status !== 201) throw new Error(`unit: ${unit.status} ${JSON.stringify(unit.body)}`);
  return { institutionId: institution.body.id as string, unitId: unit.body.id as string };
}

/** A user made through the admin API; the first password is then changed through the API too. */
export async function createUser(h: Harness, roles: string[], where: { institutionId: string; unitId: string }, options: { national?: boolean; keepFirstPassword?: boolean } = {}) {
  const username = uniqueCode(roles[0]!).toLowerCase().replace(/[^a-z0-9_.-]/g, '');
  const first = 'First-Password-2026-x';
  const created = await h.admin.post('/api/v1/users', {
    username, displayName: `${roles[0]} ${username.slice(-4)}`, ...where, roles,
    scope: { national: options.national ?? false, departments: options.national ? [] : ['15'] }, password: first,
  });
  if (created.status !== 201) throw new Error(`user: ${created.status} ${JSON.stringify(created.body)}`);
  if (options.keepFirstPassword) return { username, password: first };
  const client = await loginAs(h.registry.app, username, first);
  const changed = await client.post('/api/v1/auth/password', { currentPassword: first, newPassword: E2E_PASSWORD });
  if (changed.status !== 204) throw new Error(`password: ${changed.status} ${JSON.stringify(changed.body)}`);
  return { username, password: E2E_PASSWORD };
}

/**
 * A fresh browser context and page. Service workers are blocked unless asked for: installing one makes every
 * new context download the whole precache (every bundle of the app) and warm the user's places, work that
 * only the offline tests are about.
 */
export async function newPage(h: Harness, options: { width?: number; locale?: string; serviceWorkers?: 'allow' | 'block' } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: options.locale ?? 'es-PE', serviceWorkers: options.serviceWorkers ?? 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export async function signIn(page: Page, h: Harness, user: { username: string; password: string }, path = '/') {
  await page.goto(`${h.baseUrl}/login?next=${encodeURIComponent(path)}`);
  await page.getByLabel(/^(Usuario|Username)/).fill(user.username);
  await page.getByLabel(/^(Contraseña|Password)/).fill(user.password);
  await page.getByRole('button', { name: /^(Ingresar|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Opens a Mantine Select/MultiSelect by its label and picks an option by its visible text. */
export async function pick(page: Page, scope: Page | ReturnType<Page['locator']>, label: string | RegExp, option: string | RegExp) {
  const input = scope.getByLabel(label, { exact: typeof label === 'string' }).first();
  await input.click();
  if (typeof option === 'string' && (await input.isEditable())) await input.fill(option);
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).first().click();
  // A multi-select keeps its list open: leave the field so the list does not cover the next ones.
  if (await page.getByRole('listbox').isVisible().catch(() => false)) await input.press('Tab');
}
