import AxeBuilder from '@axe-core/playwright';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_E2E_PASSWORD, newPage, pick, screenshot, signIn, startDemoHarness, type Harness } from './harness';
import type { DemoSummary } from '../src/server/demo/generator';

/**
 * Training mode as a trainer and a trainee meet it, on a fresh default demo (the real generator, the
 * options of `npm run demo`: 3,000 victims, seed 1, history up to today).
 */
describe('training mode on a fresh default demo', () => {
  let h: Harness & { demo: DemoSummary };
  let generated: Set<string>;
  let caseUrl = '';
  const codes = async () =>
    new Set(((await h.registry.deps.db.execute(sql`select code from cases`)) as unknown as { rows: Array<{ code: string }> }).rows.map((r) => r.code));

  beforeAll(async () => {
    h = await startDemoHarness();
    generated = await codes();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it('demo-registrar registers a case through the form and sees it saved, with a code of its own', async () => {
    expect(h.demo.rows.case_victims).toBe(3000);
    expect(generated.has(`RETA-${new Date().getUTCFullYear()}-000001`)).toBe(true);
    const { context, page } = await newPage(h);
    await signIn(page, h, { username: 'demo-registrar', password: DEMO_E2E_PASSWORD }, '/cases/new');
    await page.getByTestId('training-banner').waitFor();
    await page.getByRole('heading', { name: 'Registrar un caso' }).waitFor();
    await pick(page, page, 'Origen', 'Denuncia');
    await page.getByLabel('Fecha de los hechos', { exact: true }).fill('2025-11-03');
    await page.getByRole('checkbox', { name: 'Captación' }).check();
    await page.getByRole('checkbox', { name: 'Explotación sexual' }).check();
    await pick(page, page.getByTestId('place-0'), 'Departamento', 'Madre de Dios (17)');
    await pick(page, page.getByTestId('victim-0'), 'Sexo', 'Mujer');
    await page.getByRole('button', { name: 'Registrar caso' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/).catch(async (error) => {
      await screenshot(page, 'demo-register-failed');
      throw new Error(`registration did not complete: ${await page.getByRole('alert').allTextContents()}`, { cause: error });
    });
    const saved = await page.getByText(/Se registró el caso RETA-\d{4}-\d{6}/).textContent();
    const code = /RETA-\d{4}-\d{6}/.exec(saved ?? '')![0];
    expect(generated.has(code), code).toBe(false);
    caseUrl = page.url();
    // The case page opens on its own, from the address, with the same code.
    await page.goto(caseUrl);
    await page.getByRole('heading', { name: `Caso ${code}` }).waitFor();
    await screenshot(page, 'demo-case-registered');
    await context.close();
  });

  it('the training banner reads well (WCAG AA contrast) and stays compact (two lines at most) on a 360 px phone', async () => {
    for (const width of [1280, 360]) {
      const { context, page } = await newPage(h, { width });
      await page.goto(`${h.baseUrl}/login`);
      const banner = page.getByTestId('training-banner');
      await banner.waitFor();
      const contrast = await new AxeBuilder({ page }).include('[data-testid="training-banner"]').withRules(['color-contrast']).analyze();
      expect(contrast.violations.map((v) => `${width}px ${v.id}: ${v.nodes[0]?.any[0]?.message}`)).toEqual([]);
      expect(contrast.passes.length).toBeGreaterThan(0); // the rule did look at the banner's text
      if (width === 360) {
        expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(64);
        expect(await banner.textContent()).toContain('Modo de entrenamiento');
        await screenshot(page, 'training-banner-phone');
      }
      await context.close();
    }
  });

  it('demo-administrator resets the training data from the admin page, after confirming, and stays signed in', async () => {
    expect(caseUrl).not.toBe('');
    const { context, page } = await newPage(h);
    await signIn(page, h, { username: 'demo-administrator', password: DEMO_E2E_PASSWORD }, '/admin/training');
    await page.getByRole('tab', { name: 'Capacitación' }).waitFor();
    await page.getByTestId('training-options').getByText(/semilla 1, 3[.,\u00a0\u202f]?000 víctimas/).waitFor();
    await page.getByRole('button', { name: 'Reiniciar los datos de capacitación' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Reiniciar los datos de capacitación?' });
    await dialog.getByText('No se puede deshacer', { exact: false }).waitFor();
    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Reiniciar los datos de capacitación' }).click();
    await dialog.getByRole('button', { name: 'Sí, reiniciar' }).click();
    // Progress shows while the reset runs (a loaded CI machine may take a while to start it).
    await page.getByTestId('training-progress').or(page.getByTestId('training-done')).waitFor({ timeout: 60_000 });
    await screenshot(page, 'demo-reset-running');
    const done = page.getByTestId('training-done');
    await done.waitFor({ timeout: 120_000 });
    expect(await done.textContent()).toMatch(/Datos de capacitación regenerados.*3[.,\u00a0\u202f]?000 víctimas/);
    await screenshot(page, 'demo-reset-done');
    // Same options, same codes; the trainee's case is gone.
    expect(await codes()).toEqual(generated);
    await page.goto(caseUrl);
    await page.getByRole('heading', { name: /Caso RETA/ }).waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    expect(await page.getByRole('heading', { name: /Caso RETA/ }).count()).toBe(0);
    expect(new URL(page.url()).pathname).not.toBe('/login');
    await context.close();
  });
});
