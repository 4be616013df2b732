import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../test/api-client';
import { countryToday } from '../src/core/country-date';
import type { DemoSummary } from '../src/server/demo/generator';
import { DEMO_E2E_PASSWORD, newPage, pick, screenshot, signIn, startDemoHarness, type Harness } from './harness';

/**
 * A normal day for each user of product.md not followed elsewhere on the demo, on ONE fresh default demo
 * (`npm run demo`'s options) shared by every test of the file: the demo accounts as a trainee meets them.
 */
const demoUser = (role: string) => ({ username: `demo-${role.replace(/_/g, '-')}`, password: DEMO_E2E_PASSWORD });

describe('a normal day for each role, on a fresh default demo', () => {
  let h: Harness & { demo: DemoSummary };
  let registrar: ApiClient;
  const institutionId = async (code: string) =>
    ((await h.registry.deps.db.execute(sql`select id from institutions where code = ${code}`)) as unknown as { rows: Array<{ id: string }> }).rows[0]!.id;

  beforeAll(async () => {
    h = await startDemoHarness();
    registrar = await loginAs(h.registry.app, 'demo-registrar', DEMO_E2E_PASSWORD);
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  /** A case the police registered today: a 16-year-old victim and one suspect. */
  async function policeCase() {
    const created = await registrar.post('/api/v1/cases', {
      source: 'complaint', reportedOn: countryToday(), factsDateFrom: '2026-05', acts: ['recruitment'], means: ['deception'],
      purposes: ['sexual_exploitation'], places: [{ kind: 'exploitation', ubigeo: '17' }],
      victims: [{ person: { sex: 'female' }, ageYears: 16 }], suspects: [{ person: { sex: 'male' }, roles: ['recruiter'] }],
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; code: string; victims: Array<{ id: string }>; suspects: Array<{ id: string }> };
  }

  /** Opens the case of `code` from the user's justice inbox (searched by its code, as an office does). */
  async function openFromJusticeInbox(page: Page, code: string) {
    await page.goto(`${h.baseUrl}/justice`);
    await page.getByTestId('inbox-search').fill(code);
    await page.getByTestId('justice-inbox').getByRole('link', { name: code }).first().click();
    await page.getByRole('heading', { name: `Caso ${code}` }).waitFor();
  }

  async function recordEvent(page: Page, type: string, fill: () => Promise<void>) {
    await page.getByRole('tab', { name: 'Justicia' }).click();
    await page.getByTestId('defendant-1').getByRole('button', { name: 'Registrar actuación' }).click();
    const form = page.getByTestId('event-form');
    await pick(page, form, 'Actuación', type);
    await fill();
    await form.getByRole('button', { name: 'Registrar actuación' }).click();
  }

  it('a prosecutor charges the case the police sent; the court clerk records the conviction and a sentence (warned: below the minimum)', async () => {
    const found = await policeCase();
    const sent = await registrar.post(`/api/v1/cases/${found.id}/suspects/${found.suspects[0]!.id}/events`, {
      type: 'police_report_sent', occurredOn: countryToday(), receivingInstitutionId: await institutionId('DEMO-MP'),
    });
    expect(sent.status).toBe(201);

    const office = await newPage(h);
    await signIn(office.page, h, demoUser('prosecutor'), '/');
    // The home card counts what was sent to this office, not every open case of the registry.
    await office.page.getByTestId('home-justice_cases').waitFor();
    await openFromJusticeInbox(office.page, found.code);
    await recordEvent(office.page, 'Acusación presentada', async () => {
      const form = office.page.getByTestId('event-form');
      await form.getByLabel('Artículos', { exact: true }).fill('129-A');
      await form.getByLabel('Artículos', { exact: true }).press('Enter');
      await pick(office.page, form, 'Institución que recibe', /^Poder Judicial/);
    });
    await office.page.getByTestId('defendant-1').getByText('Acusación presentada', { exact: true }).waitFor();
    await office.context.close();

    const court = await newPage(h);
    await signIn(court.page, h, demoUser('court_clerk'), '/');
    await openFromJusticeInbox(court.page, found.code);
    await recordEvent(court.page, 'Sentencia (fallo)', async () => {
      const form = court.page.getByTestId('event-form');
      await pick(court.page, form, 'Fallo', 'Condena');
      await form.getByLabel('Artículos', { exact: true }).fill('129-A');
      await form.getByLabel('Artículos', { exact: true }).press('Enter');
    });
    await court.page.getByTestId('defendant-1').getByText('Sentencia (fallo)', { exact: true }).waitFor();
    await recordEvent(court.page, 'Pena impuesta', async () => {
      const form = court.page.getByTestId('event-form');
      await form.getByLabel('Años de pena').fill('5');
      await form.getByLabel('Reparación civil (S/)').fill('15000');
    });
    const warning = court.page.getByTestId('event-form').getByTestId('sentence-warning');
    await warning.getByText(/artículo 129-A: mínimo/).waitFor();
    await warning.getByRole('button', { name: 'El juzgado la impuso así: guardar' }).click();
    await court.page.getByTestId('defendant-1').getByText('Pena impuesta', { exact: true }).waitFor();
    expect(await court.page.getByTestId('defendant-1').getByTestId('defendant-outcome').textContent()).toBe('Condenado');
    await screenshot(court.page, 'roles-court-clerk');
    await court.context.close();
  });

  it('a social worker finds the referral from the home page, accepts it and records the service given', async () => {
    const found = await policeCase();
    const referral = await registrar.post('/api/v1/referrals', {
      victimId: found.victims[0]!.id, toInstitutionId: await institutionId('DEMO-MIMP'), serviceType: 'psychological', consentGiven: true,
    });
    expect(referral.status).toBe(201);
    const { context, page } = await newPage(h);
    await signIn(page, h, demoUser('social_worker'), '/');
    const card = page.getByTestId('home-referral_inbox');
    await card.getByRole('link', { name: new RegExp(found.code) }).click();
    await page.getByRole('heading', { name: `Caso ${found.code}` }).waitFor();
    await page.goto(`${h.baseUrl}/protection`);
    await page.getByTestId('inbox-search').fill(found.code);
    const inbox = page.getByTestId('referral-inbox');
    await inbox.getByRole('button', { name: 'Aceptar' }).first().click();
    await inbox.getByTestId('referral-status').getByText('Aceptada').first().waitFor();
    await inbox.getByRole('button', { name: 'Registrar servicio prestado' }).first().click();
    await inbox.getByTestId('service-form').getByRole('button', { name: 'Registrar servicio prestado' }).click();
    await inbox.getByTestId('service-line').getByText(/^Atención psicológica/).first().waitFor();
    await screenshot(page, 'roles-social-worker');
    await context.close();
  });

  it('a hotline operator takes a call that needs action; it goes to the nearest police unit and waits in her follow-up', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, h, demoUser('hotline_operator'), '/hotline');
    const intake = page.getByTestId('call-intake');
    await pick(page, intake, 'Clasificación', 'Denuncia que requiere acción');
    await pick(page, intake, 'Departamento', 'Madre de Dios (17)');
    await intake.getByRole('button', { name: 'Guardar llamada' }).click();
    await intake.getByText(/^Llamada registrada y derivada a .*Madre de Dios/).waitFor();
    await page.getByRole('tab', { name: 'Seguimiento' }).click();
    await page.getByTestId('follow-up-table').getByText('Denuncia que requiere acción').first().waitFor();
    await screenshot(page, 'roles-hotline');
    await context.close();
  });

  it('a labour inspector records an inspection that found minors at work', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, h, demoUser('labour_inspector'), '/operations');
    await page.getByRole('button', { name: 'Registrar operativo' }).click();
    const drawer = page.getByRole('dialog');
    await pick(page, drawer, 'Tipo', 'Inspección laboral');
    await pick(page, drawer, 'Departamento', 'Cusco (08)');
    await drawer.getByLabel('Personas halladas').fill('9');
    await drawer.getByLabel('Menores hallados').fill('4');
    await drawer.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('cell', { name: 'Inspección laboral' }).first().waitFor();
    await screenshot(page, 'roles-labour-inspector');
    await context.close();
  });

  it('a supervisor reads data quality by unit and the audit log; an administrator creates a user; the public reads open data', async () => {
    const sup = await newPage(h);
    await signIn(sup.page, h, demoUser('supervisor'), '/quality');
    await sup.page.getByRole('heading', { name: 'Calidad de datos' }).waitFor();
    await sup.page.getByRole('cell', { name: /Policía Nacional/ }).first().waitFor();
    await sup.page.goto(`${h.baseUrl}/admin`);
    await sup.page.getByRole('tab', { name: 'Registro de auditoría' }).click();
    await sup.page.getByTestId('audit-table').getByText('Inicio de sesión').first().waitFor();
    await sup.context.close();

    const adm = await newPage(h);
    await signIn(adm.page, h, demoUser('administrator'), '/admin');
    await adm.page.getByRole('tab', { name: 'Usuarios y funciones' }).click();
    await adm.page.getByRole('button', { name: 'Nuevo usuario' }).click();
    const form = adm.page.getByRole('dialog');
    await form.getByLabel('Usuario', { exact: true }).fill('rosa.mamani');
    await form.getByLabel('Nombre visible').fill('Rosa Mamani');
    await pick(adm.page, form, 'Institución', /^Inspección del Trabajo/);
    await pick(adm.page, form, 'Funciones', 'Inspector laboral');
    await form.getByLabel('Alcance nacional').check();
    await form.getByLabel('Contraseña inicial').fill('Primera-Clave-Segura-26');
    await form.getByRole('button', { name: 'Crear' }).click();
    await adm.page.getByTestId('users-table').getByRole('cell', { name: 'rosa.mamani' }).waitFor();
    await adm.context.close();

    const visitor = await newPage(h);
    await visitor.page.goto(`${h.baseUrl}/open-data`);
    await visitor.page.getByRole('heading', { name: 'Datos abiertos de RETA' }).waitFor();
    await visitor.page.waitForLoadState('networkidle');
    await visitor.context.close();
  });
});
