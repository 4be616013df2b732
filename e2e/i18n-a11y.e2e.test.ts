import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import enCodes from '../src/i18n/en/codes';
import enUi from '../src/i18n/en/ui';
import esCodes from '../src/i18n/es/codes';
import esUi from '../src/i18n/es/ui';
import { flatten } from '../src/web/i18n/flatten';
import { loginAs } from '../test/api-client';
import { axeViolations, seriousAxeViolations } from './axe';
import { createInstitution, createUser, newPage, pick, screenshot, signIn, startHarness, type Harness } from './harness';

/** Spanish catalogue texts that differ from their English counterpart (words a switch must replace). */
function spanishOnlyTexts(): string[] {
  const pairs: Array<[Record<string, string>, Record<string, string>]> = [
    [flatten(esUi as never), flatten(enUi as never)],
    [flatten(esCodes as never), flatten(enCodes as never)],
  ];
  const texts = new Set<string>();
  for (const [es, en] of pairs) {
    for (const [key, value] of Object.entries(es)) {
      const fixed = value.split(/\{\{\w+\}\}/).map((part) => part.trim()).filter((part) => part.length >= 5);
      for (const part of fixed) if (part !== en[key] && !(en[key] ?? '').includes(part)) texts.add(part);
    }
  }
  return [...texts];
}

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [placeholder], [title]')].map((el) =>
      [el.getAttribute('aria-label'), el.getAttribute('placeholder'), el.getAttribute('title')].filter(Boolean).join(' '));
    return `${document.body.innerText}\n${labels.join('\n')}`;
  });
}

async function expectNoSeriousViolations(page: Page, name: string) {
  expect(await seriousAxeViolations(page, name)).toEqual([]);
}

/** Every violation axe finds (any impact), as lines naming the page: a whole tour is reported at once. */
const violations = (page: Page, name: string) => axeViolations(page, name);

describe('language switch and accessibility', () => {
  let h: Harness;
  let registrar: { username: string; password: string };
  let caseId = '';
  beforeAll(async () => {
    h = await startHarness();
    const police = await createInstitution(h.admin, 'police');
    registrar = await createUser(h, ['registrar', 'supervisor'], police);
    const client = await loginAs(h.registry.app, registrar.username, registrar.password);
    const created = await client.post('/api/v1/cases', {
      source: 'complaint', reportedOn: '2026-01-10', factsDateFrom: '2025-12', acts: ['recruitment'], means: ['deception'], purposes: ['forced_labour'],
      sectors: ['mining'], places: [{ kind: 'exploitation', ubigeo: '17' }], victims: [{ person: { sex: 'male' }, ageYears: 15, ageEstimated: true }],
      suspects: [{ person: { sex: 'male' }, roles: ['recruiter'] }],
    });
    expect(created.status).toBe(201);
    caseId = created.body.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('switching to English replaces every Spanish label on the page, and back', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, h, registrar, '/cases/new');
    await page.getByRole('heading', { name: 'Registrar un caso' }).waitFor();
    const spanish = spanishOnlyTexts();
    // The check can fail: in Spanish, many catalogue texts are on the page.
    const before = await visibleText(page);
    expect(spanish.filter((s) => before.includes(s)).length).toBeGreaterThan(20);
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('heading', { name: 'Register a case' }).waitFor();
    for (const path of ['/cases/new', '/cases', '/', `/cases/${caseId}`]) {
      await page.goto(`${h.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const text = await visibleText(page);
      const left = spanish.filter((s) => text.includes(s));
      expect(left, `Spanish text left on ${path}`).toEqual([]);
    }
    await screenshot(page, 'case-page-english');
    await page.getByTestId('language-switch').getByText('ES').click();
    await page.getByRole('tab', { name: 'Resumen' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await context.close();
  });

  // The router's routes (src/web/App.tsx), the admin sections and the statistics sub-pages, for one user who holds every role.
  const everyPage = () => [
    '/', '/cases', '/cases/new', `/cases/${caseId}`, '/search?q=RETA', '/justice', '/protection', '/hotline', '/operations', '/prevention',
    '/stats', '/stats/table', '/reports', '/releases', '/quality', '/reconciliation', '/imports', '/duplicates', '/offline',
    '/account/security', '/password', '/admin/institutions', '/admin/units', '/admin/users', '/admin/tokens', '/admin/webhooks',
    '/admin/reference', '/admin/legal', '/admin/audit', '/admin/backups', '/no-such-page',
  ];
  let everyone: { username: string; password: string } | undefined;
  for (const language of ['es', 'en'] as const) {
    it(`every page of the web app passes axe (${language})`, async () => {
      everyone ??= await createUser(h, ['administrator', 'supervisor', 'analyst', 'registrar', 'prosecutor', 'social_worker', 'hotline_operator'], await createInstitution(h.admin, 'police'), { national: true });
      const { context, page } = await newPage(h, { locale: language === 'es' ? 'es-PE' : 'en-GB' });
      const found: string[] = [];
      const check = async (name: string) => {
        const lines = await violations(page, `${name} (${language})`);
        if (lines.length) console.log(lines.join('\n'));
        found.push(...lines);
      };
      await page.goto(`${h.baseUrl}/open-data`);
      if (language === 'en') await page.getByTestId('language-switch').getByText('EN').click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await check('/open-data');
      await page.goto(`${h.baseUrl}/login`);
      await page.getByRole('button', { name: language === 'es' ? 'Ingresar' : 'Sign in' }).waitFor();
      await check('/login');
      await signIn(page, h, everyone, '/');
      for (const path of everyPage()) {
        await page.goto(`${h.baseUrl}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.lang), path).toBe(language);
        await check(path);
      }
      expect(found).toEqual([]);
      await context.close();
    }, 900_000);
  }

  it('a supervisor sees who read identity data of the case and why', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, h, registrar, `/cases/${caseId}`);
    await page.getByTestId('show-identity').click();
    await pick(page, page.getByRole('dialog'), /^Motivo/, 'Supervisión o auditoría');
    await page.getByRole('dialog').getByLabel(/^Detalle/).fill('Revisión de supervisión');
    await page.getByRole('dialog').getByRole('button', { name: 'Ver datos de identidad' }).click();
    await page.getByText('Motivo registrado: Supervisión o auditoría — Revisión de supervisión').waitFor();
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByTestId('access-log').getByRole('cell', { name: 'Supervisión o auditoría — Revisión de supervisión' }).first().waitFor();
    await screenshot(page, 'case-history-access-log');
    await context.close();
  });

  it('a suspected duplicate (same document in two cases) shows on the home page and can be confirmed', async () => {
    const client = await loginAs(h.registry.app, registrar.username, registrar.password);
    const victim = { person: { sex: 'female', hasIdentityDocument: 'yes', identity: { givenNames: 'Lucía', familyNames: 'Huamán', document: { type: 'dni', number: '40112233' } } }, ageYears: 19 };
    for (const reportedOn of ['2026-02-01', '2026-03-01']) {
      const created = await client.post('/api/v1/cases', { source: 'complaint', reportedOn, acts: ['recruitment'], purposes: ['forced_labour'], victims: [victim] });
      expect(created.status).toBe(201);
    }
    const { context, page } = await newPage(h);
    await signIn(page, h, registrar, '/');
    const card = page.getByTestId('home-duplicates');
    await card.getByText(/coincide por documento/).waitFor();
    await screenshot(page, 'home-duplicates');
    await page.getByTestId('home-open_cases').getByRole('link', { name: /RETA-/ }).first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    const confirm = card.getByRole('button', { name: 'Es la misma persona' });
    const before = await confirm.count();
    await confirm.first().click();
    await expect.poll(() => confirm.count(), { timeout: 10_000 }).toBeLessThan(before);
    await context.close();
  });

  it('works on a 360 px wide phone', async () => {
    const { context, page } = await newPage(h, { width: 360 });
    await signIn(page, h, registrar, `/cases/${caseId}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'case-page-phone');
    await page.getByRole('button', { name: 'Abrir o cerrar el menú' }).click();
    await page.getByRole('link', { name: 'Registrar caso' }).click();
    await page.getByRole('heading', { name: 'Registrar un caso' }).waitFor();
    await screenshot(page, 'case-register-phone');
    await context.close();
  });

  it('at 360 px the duplicates status tabs fit the screen, nothing is clipped', async () => {
    const { context, page } = await newPage(h, { width: 360 });
    await signIn(page, h, registrar, '/duplicates');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByRole('radio', { name: 'Todos' }).waitFor({ state: 'attached' });
    expect(await clippedSegmentedControls(page)).toEqual([]);
    await screenshot(page, 'duplicates-phone');
    await context.close();
  });

  it('the keyboard focus is visible (a 2 px ring) and never hidden under the sticky header', async () => {
    const { context, page } = await newPage(h, { width: 360 });
    await page.goto(`${h.baseUrl}/login`);
    await page.getByRole('button', { name: 'Ingresar' }).waitFor();
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 12; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return focusRing(page);
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    for (const selector of ['input[autocomplete="username"]', 'input[autocomplete="current-password"]', 'button[type="submit"]']) {
      const ring = await tabTo(selector);
      expect(ring.style, selector).toBe('solid');
      expect(ring.width, selector).toBeGreaterThanOrEqual(2);
    }

    await signIn(page, h, registrar, '/cases/new');
    await page.getByRole('heading', { name: 'Registrar un caso' }).waitFor();
    // Scrolled to the end, the focus goes back to a field near the top (as Shift+Tab or an error link does).
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const field = page.getByRole('main').getByRole('textbox').first();
    await field.focus();
    const [fieldTop, headerBottom] = await page.evaluate(() => {
      const focused = document.activeElement!.getBoundingClientRect();
      const header = document.querySelector('header')!.getBoundingClientRect();
      return [focused.top, header.bottom];
    });
    expect(fieldTop).toBeGreaterThanOrEqual(headerBottom);
    await context.close();
  });

  it('sign-in messages (field errors, an expired session) pass axe, colour contrast included, in both languages', async () => {
    const { context, page } = await newPage(h);
    await page.goto(`${h.baseUrl}/login?expired=1`);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByText('Su sesión expiró por inactividad').waitFor();
    await page.locator('.mantine-InputWrapper-error').first().waitFor();
    await expectNoSeriousViolations(page, 'login errors es');
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.mantine-InputWrapper-error').first().waitFor();
    await expectNoSeriousViolations(page, 'login errors en');
    await context.close();
  });
});

/** Segmented controls that stick out of the viewport or clip their own options. */
async function clippedSegmentedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-SegmentedControl-root')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.getAttribute('aria-label') ?? el.textContent}: ${el.scrollWidth} px in ${el.clientWidth} px`),
  );
}

async function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
}
