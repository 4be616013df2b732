import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../src/db/schema';
import { loginAs } from '../test/api-client';
import { seriousAxeViolations } from './axe';
import { createInstitution, createUser, newPage, screenshot, signIn, startHarness, type Harness } from './harness';

/** Issue 13, the offline field kit: installable app, encrypted device store, queued work, field-level merge. */
describe('offline work', () => {
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

  /** The service worker has the shell and controls the page: a reload with no connection opens the app. */
  const ready = (page: Page) => page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
  /** Everything the browser keeps for the app, as raw text: IndexedDB (ciphertext as bytes), localStorage, caches. */
  const storageDump = (page: Page) =>
    page.evaluate(async () => {
      const bytes = (v: unknown): unknown =>
        v instanceof ArrayBuffer || ArrayBuffer.isView(v)
          ? new TextDecoder('latin1').decode(v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array((v as ArrayBufferView).buffer))
          : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bytes(x)])) : v;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('reta-device');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const all = (store: string) => new Promise<unknown[]>((resolve) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
      });
      const items = await all('items');
      const meta = await all('meta');
      db.close();
      let cached = '';
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) if (request.url.includes('/api/')) cached += await (await cache.match(request))!.text();
      }
      return { items: items.length, meta: meta.length, text: JSON.stringify([items.map(bytes), meta.map(bytes), { ...localStorage }, cached]) };
    });
  /** Serious or critical WCAG 2.1 AA violations on the page as it is now (none expected). */
  const axe = (page: Page) => seriousAxeViolations(page, 'offline');
  const queued = (page: Page) => page.getByTestId('offline-status').getAttribute('data-queued').then(Number);
  const waitSynced = (page: Page) => page.waitForFunction(() => document.querySelector('[data-testid="offline-status"]')?.getAttribute('data-queued') === '0', undefined, { timeout: 30_000 });

  it('registers a case offline, keeps it encrypted through an offline reload, sends it once when back online; sign-out wipes the device', async () => {
    const { context, page } = await newPage(h, { width: 360, serviceWorkers: 'allow' });
    await signIn(page, h, registrar, '/cases/new');
    await page.getByRole('heading', { name: 'Registrar un caso' }).waitFor();
    await ready(page);
    // The shell is kept whole, and only real files: no script is the index page served in its place.
    const shell = await page.evaluate(async () => {
      const name = (await caches.keys()).find((n) => n.startsWith('reta-shell-'))!;
      const cache = await caches.open(name);
      const kept = await Promise.all((await cache.keys()).map(async (r) => ({ url: new URL(r.url).pathname, type: (await cache.match(r))!.headers.get('content-type') ?? '' })));
      return { count: kept.length, wrong: kept.filter((k) => k.url.startsWith('/assets/') && /html/.test(k.type)).map((k) => k.url) };
    });
    expect(shell.count).toBeGreaterThan(20);
    expect(shell.wrong).toEqual([]);
    await context.setOffline(true);
    await page.waitForFunction(() => document.querySelector('[data-testid="offline-status"]')?.getAttribute('data-online') === 'false');
    await page.getByRole('combobox', { name: 'Origen' }).click();
    await page.getByRole('option', { name: 'Denuncia', exact: true }).click();
    await page.getByLabel('Calificación legal inicial').fill('Offline-Art-153');
    await page.getByTestId('victim-0').getByLabel('Nombres').fill('Rosalinda');
    await page.getByTestId('victim-0').getByLabel('Apellidos').fill('Huamanchumo');
    await page.getByRole('button', { name: 'Registrar caso' }).click();
    await page.getByTestId('queued-notice').waitFor();
    expect(await queued(page)).toBe(1);
    await screenshot(page, 'offline-queued-360');

    // Nothing identifying can be read from the browser's storage without the key.
    const dump = await storageDump(page);
    expect(dump.items).toBeGreaterThan(0);
    expect(dump.text).not.toMatch(/Rosalinda|Huamanchumo|Offline-Art-153/);

    // A reload with no connection opens the app; the password opens the device store; the work is still there.
    await page.reload();
    await page.getByRole('heading', { name: 'Sin conexión' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Contraseña').fill(registrar.password);
    await page.getByRole('button', { name: 'Abrir' }).click();
    await page.getByTestId('queued-item').getByText(/Caso nuevo \(víctimas: 1/).waitFor();
    expect(await queued(page)).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);

    await context.setOffline(false);
    await waitSynced(page);
    await page.getByTestId('offline-empty').waitFor();
    const made = await h.registry.deps.db.select({ id: cases.id }).from(cases).where(eq(cases.initialLegalQualification, 'Offline-Art-153'));
    expect(made).toHaveLength(1);

    // Sign-out (with a draft on the device) wipes the device store.
    await page.goto(`${h.baseUrl}/cases/new`);
    await page.getByLabel('Calificación legal inicial').fill('draft to be wiped');
    await page.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('reta-device'); r.onsuccess = () => resolve(r.result); });
      const n = await new Promise<number>((resolve) => { const r = db.transaction('items').objectStore('items').index('kind').count('draft'); r.onsuccess = () => resolve(r.result); });
      db.close();
      return n === 1;
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    const after = await storageDump(page);
    expect(after.items).toBe(0);
    expect(after.meta).toBe(0);
    await context.close();
  });

  it('two devices edit a kept case offline: different fields both land; the same field is a conflict chosen on screen; disabling the account wipes the device', async () => {
    const api = await loginAs(h.registry.app, registrar.username, registrar.password);
    const made = await api.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-02-01' });
    expect(made.status).toBe(201);
    const caseId = made.body.id as string;
    const devices: Array<{ context: BrowserContext; page: Page }> = [];
    for (let i = 0; i < 2; i++) {
      const device = await newPage(h, { serviceWorkers: 'allow' });
      await signIn(device.page, h, registrar, `/cases/${caseId}`);
      await ready(device.page);
      devices.push(device);
    }
    const [a, b] = devices as [{ context: BrowserContext; page: Page }, { context: BrowserContext; page: Page }];
    const keepAndGoOffline = async (d: { context: BrowserContext; page: Page }) => {
      await d.page.reload();
      await d.page.getByTestId('case-edit').waitFor();
      if (await d.page.getByTestId('keep-case').isVisible()) await d.page.getByTestId('keep-case').click();
      await d.page.getByTestId('forget-case').waitFor();
      await d.context.setOffline(true);
    };
    const edit = async (page: Page, change: (form: ReturnType<Page['getByTestId']>) => Promise<void>) => {
      await page.getByTestId('case-edit').click();
      const form = page.getByTestId('edit-case-form');
      await change(form);
      await form.getByRole('button', { name: 'Guardar' }).click();
      await page.getByTestId('queued-notice').waitFor();
      await page.goBack();
      await page.getByTestId('case-edit').waitFor();
    };
    const online = async (page: Page, context: BrowserContext) => {
      await context.setOffline(false);
      await waitSynced(page);
    };

    // Different fields, both offline on the same version: both land.
    await keepAndGoOffline(a);
    await keepAndGoOffline(b);
    await edit(a.page, (form) => form.getByLabel('Crimen organizado').check());
    await edit(b.page, (form) => form.getByLabel('Calificación legal inicial').fill('Art. 129-A'));
    await online(a.page, a.context);
    await online(b.page, b.context);
    let now = (await api.get(`/api/v1/cases/${caseId}`)).body;
    expect(now.organisedCrime).toBe(true);
    expect(now.initialLegalQualification).toBe('Art. 129-A');

    // The same field on both: the first lands, the second waits on a conflict screen with both values.
    await keepAndGoOffline(a);
    await keepAndGoOffline(b);
    await edit(a.page, (form) => form.getByLabel('Calificación legal inicial').fill('Art. 153'));
    await edit(b.page, (form) => form.getByLabel('Calificación legal inicial').fill('Art. 153-A'));
    await online(a.page, a.context);
    await b.context.setOffline(false);
    await b.page.goto(`${h.baseUrl}/offline`);
    const card = b.page.getByTestId('conflict-card');
    await card.waitFor({ timeout: 30_000 });
    await card.getByText('Art. 153', { exact: false }).first().waitFor();
    await screenshot(b.page, 'offline-conflict');
    expect(await axe(b.page)).toEqual([]);
    now = (await api.get(`/api/v1/cases/${caseId}`)).body;
    expect(now.initialLegalQualification).toBe('Art. 153');
    await card.getByLabel(/^Mi valor: Art\. 153-A/).check();
    await card.getByRole('button', { name: 'Guardar mi elección' }).click();
    await waitSynced(b.page);
    now = (await api.get(`/api/v1/cases/${caseId}`)).body;
    expect(now.initialLegalQualification).toBe('Art. 153-A');
    expect(now.organisedCrime).toBe(true);

    // The account is disabled: at its next contact the device learns it and wipes what it keeps.
    const users = (await h.admin.get('/api/v1/users')).body.items as Array<{ id: string; username: string; version: number }>;
    const account = users.find((u) => u.username === registrar.username)!;
    expect((await h.admin.patch(`/api/v1/users/${account.id}`, { disabled: true, version: account.version })).status).toBe(200);
    expect((await storageDump(a.page)).items).toBeGreaterThan(0);
    await a.page.reload();
    await a.page.waitForURL((url) => url.pathname === '/login');
    await a.page.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('reta-device'); r.onsuccess = () => resolve(r.result); });
      const n = await new Promise<number>((resolve) => { const r = db.transaction('items').objectStore('items').count(); r.onsuccess = () => resolve(r.result); });
      db.close();
      return n === 0;
    });
    for (const d of devices) await d.context.close();
  });
});
