import { count } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../src/db/schema';
import { loginAs } from '../test/api-client';
import { createInstitution, createUser, newPage, pick, screenshot, signIn, startHarness, type Harness } from './harness';

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
    const complaint = page.getByRole('option', { name: 'Denuncia', exact: true });
    await complaint.waitFor();
    // Mantine highlights the first option on the ArrowDown that opens the list only when the list was already in
    // the page; otherwise none is highlighted and Enter does nothing — a keyboard user then presses ArrowDown again.
    if ((await complaint.getAttribute('data-combobox-selected')) !== 'true') await page.keyboard.press('ArrowDown');
    await expect.poll(() => complaint.getAttribute('data-combobox-selected')).toBe('true');
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

  it('the victim’s origin and characteristics are recorded; means and forms come from the case; the confirmation shows what she typed; suspects read PT1 · …', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, h, registrar, '/cases/new');
    await page.getByRole('heading', { name: 'Registrar un caso' }).waitFor();
    await pick(page, page, 'Origen', 'Denuncia');
    await page.getByRole('checkbox', { name: 'Captación' }).check();
    await page.getByRole('checkbox', { name: 'Explotación sexual' }).check();
    await pick(page, page, 'Medios', 'Engaño (incluye ofertas de trabajo falsas)');
    const victim = page.getByTestId('victim-0');
    // Asked once: the case's means and purposes are the victim's until changed there.
    await victim.getByText('Engaño (incluye ofertas de trabajo falsas)').waitFor();
    await victim.getByText('Explotación sexual').waitFor();
    await pick(page, victim, 'Sexo', 'Mujer');
    await victim.getByLabel('Nombres').fill('Rosa');
    await victim.getByLabel('Apellidos').fill('Quispe');
    await victim.getByLabel('Domicilio (residencia)').fill('Jr. Loreto 120');
    const background = page.getByTestId('victim-0-background');
    await pick(page, background, 'Departamento', 'Loreto (16)');
    await background.getByLabel('Pueblo indígena u originario').fill('Shipibo-Konibo');
    await background.getByLabel('Lengua materna').fill('Shipibo');
    await pick(page, background, 'Nivel educativo', 'Primaria');
    await pick(page, background, '¿Tiene alguna discapacidad?', 'No');
    await page.getByRole('button', { name: 'Agregar presunto tratante' }).click();
    const suspect = page.getByTestId('suspect-0');
    await pick(page, suspect, 'Sexo', 'Hombre');
    await suspect.getByRole('checkbox', { name: 'Captador' }).check();
    await suspect.getByLabel('Nombres').fill('Julio');
    await page.getByRole('button', { name: 'Registrar caso' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const summary = page.getByTestId('entered-summary');
    await summary.getByText('Víctima 1: Rosa Quispe · Jr. Loreto 120').waitFor();
    await summary.getByText('PT1: Julio').waitFor();
    expect(await page.getByTestId('show-identity').isVisible()).toBe(true); // the server's copy still needs a reason
    await screenshot(page, 'registration-entered');
    await page.getByRole('tab', { name: /Personas/ }).click();
    expect(await page.getByTestId('suspect-label').textContent()).toBe('PT1 · hombre · captador');
    // Shown once: after a reload the typed names are gone from the page.
    await page.reload();
    await page.getByTestId('case-palermo').waitFor();
    expect(await page.getByTestId('entered-summary').count()).toBe(0);

    const client = await loginAs(h.registry.app, registrar.username, registrar.password);
    const saved = await client.get(new URL(page.url()).pathname.replace('/cases/', '/api/v1/cases/'));
    expect(saved.body.victims[0]).toMatchObject({ means: ['deception'], exploitationForms: ['sexual_exploitation'] });
    expect(saved.body.victims[0].person).toMatchObject({ originUbigeo: '16', originCountry: 'PER', indigenousPeople: 'Shipibo-Konibo', nativeLanguage: 'Shipibo', education: 'isced_1', disability: false });
    await context.close();
  });
});
