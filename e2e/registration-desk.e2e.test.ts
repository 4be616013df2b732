import { count } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../src/db/schema';
import { createInstitution, createUser, newPage, screenshot, signIn, startHarness, type Harness } from './harness';

/** Issue 10, "Registering a case": the registration desk by keyboard, without accidental submits or duplicates. */
describe('the registration desk', () => {
  let h: Harness;
  let registrar: { username: string; password: string };
  const caseCount = async () => Number((await h.registry.deps.db.select({ n: count() }).from(cases))[0]!.n);
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return { tag: el?.tagName ?? '', label: el?.labels?.[0]?.textContent?.trim() ?? el?.getAttribute('aria-label') ?? '', testid: el?.getAttribute('data-testid') ?? '', text: el?.textContent?.trim() ?? '' };
    });
  /** Presses Tab (only Tab) until the focused element's label starts with `label`. */
  const tabTo = async (page: Page, label: RegExp) => {
    for (let i = 0; i < 250; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (label.test(now.label) || label.test(now.text)) return;
    }
    throw new Error(`Tab never reached ${label}`);
  };

  beforeAll(async () => {
    h = await startHarness();
    const police = await createInstitution(h.admin, 'police');
    registrar = await createUser(h, ['registrar'], police);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('Enter in a text field does not send the case; a failed submit focuses an error summary whose links focus each field', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, h, registrar, '/cases/new');
    await page.getByRole('heading', { name: 'Registrar un caso' }).waitFor();
    const before = await caseCount();
    // With a source the form is valid: on the old form, Enter in any text field registered the case.
    await page.getByRole('combobox', { name: 'Origen' }).click();
    await page.getByRole('option', { name: 'Denuncia', exact: true }).click();
    const qualification = page.getByLabel('Calificación legal inicial');
    await qualification.fill('Art. 153');
    await qualification.press('Enter');
    await page.getByTestId('victim-0').getByLabel('Nombres').fill('Rosa');
    await page.getByTestId('victim-0').getByLabel('Nombres').press('Enter');
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/cases/new');
    expect(await page.getByTestId('error-summary').count()).toBe(0);
    expect(await caseCount()).toBe(before);

    // Sent without a source (a new form): the summary takes focus and lists the field.
    await page.reload();
    await page.getByText('Se recuperó un registro sin enviar').waitFor();
    await page.getByRole('button', { name: 'Descartar y empezar de nuevo' }).click();
    await page.getByRole('button', { name: 'Registrar caso' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect((await focused(page)).testid).toBe('error-summary');
    const link = summary.getByRole('link', { name: /^Origen/ });
    await link.waitFor();
    await screenshot(page, 'registration-error-summary');
    await link.click();
    expect((await focused(page)).label).toMatch(/^Origen/);
    expect(await caseCount()).toBe(before);
    await context.close();
  });

  it('a registrar registers a case with the keyboard alone (Enter only on the submit button), without a place', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, h, registrar, '/cases/new');
    await page.getByRole('heading', { name: 'Registrar un caso' }).waitFor();
    const before = await caseCount();
    await tabTo(page, /^Origen/);
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Denuncia', exact: true }).waitFor();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('combobox', { name: 'Origen' }).inputValue()).toBe('Denuncia');
    await tabTo(page, /^Captación/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Explotación sexual/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Edad|^Sexo/);
    await tabTo(page, /^Registrar caso/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/).catch(async (error) => {
      await screenshot(page, 'registration-keyboard-failed');
      throw new Error(`keyboard registration did not complete: ${await page.getByRole('alert').allTextContents()}`, { cause: error });
    });
    await page.getByText(/Se registró el caso RETA-\d{4}-\d+/).waitFor();
    expect(await caseCount()).toBe(before + 1);
    await context.close();
  });

  it('a lost answer: the UI says the work is kept; sending again registers the case once', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, h, registrar, '/cases/new');
    await page.getByRole('heading', { name: 'Registrar un caso' }).waitFor();
    const before = await caseCount();
    let processed = 0;
    // The server registers the case, then the answer is lost on the way back.
    await page.route('**/api/v1/cases', async (route) => {
      if (route.request().method() !== 'POST' || processed > 0) return route.continue();
      const answer = await route.fetch();
      processed = answer.status();
      await route.abort('connectionreset');
    });
    await page.getByRole('combobox', { name: 'Origen' }).click();
    await page.getByRole('option', { name: 'Denuncia', exact: true }).click();
    await page.getByTestId('victim-0').getByLabel('Nombres').fill('Carmen');
    await page.getByRole('button', { name: 'Registrar caso' }).click();
    await page.getByText(/Sin conexión: puede que el caso aún no esté guardado/).first().waitFor();
    expect(processed).toBe(201);
    expect(await caseCount()).toBe(before + 1);
    expect(new URL(page.url()).pathname).toBe('/cases/new');
    expect(await page.getByTestId('victim-0').getByLabel('Nombres').inputValue()).toBe('Carmen');
    await screenshot(page, 'registration-offline');

    await page.unroute('**/api/v1/cases');
    await page.getByRole('button', { name: 'Registrar caso' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByText(/Se registró el caso RETA-\d{4}-\d+/).waitFor();
    expect(await caseCount()).toBe(before + 1);
    // The draft and its key are gone: the next registration is a new case.
    await page.goto(`${h.baseUrl}/cases/new`);
    await page.getByRole('heading', { name: 'Registrar un caso' }).waitFor();
    expect(await page.getByText('Se recuperó un registro sin enviar').count()).toBe(0);
    await context.close();
  });
});
