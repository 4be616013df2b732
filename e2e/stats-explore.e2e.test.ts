import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe';
import { DEMO_E2E_PASSWORD, newPage, pick, screenshot, signIn, startDemoHarness, type Harness } from './harness';
import type { DemoSummary } from '../src/server/demo/generator';

/**
 * An analyst explores the statistics of a (small) demo: the department map drawn on Peru's boundaries
 * (imported through the product's own import path), a table built by hand, a figure opened down to the
 * cases behind it, and one of those cases.
 */
async function expectNoSeriousViolations(page: Page, name: string) {
  expect(await seriousAxeViolations(page, name)).toEqual([]);
}

describe('an analyst explores the statistics', () => {
  let h: Harness & { demo: DemoSummary };

  beforeAll(async () => {
    h = await startDemoHarness({ victims: 250 });
    const departments = JSON.parse(readFileSync('/work/shared/reference/peru/geo/peru_departamentos_4dp.geojson', 'utf8'));
    const imported = await h.admin.post('/api/v1/reference/boundaries/import?source=INEI', departments);
    expect(imported.status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('builds a table, opens the cases behind a figure and reaches a case', async () => {
    const { context, page } = await newPage(h);
    await signIn(page, h, { username: 'demo-analyst', password: DEMO_E2E_PASSWORD }, '/stats');
    // The map is a choropleth on the imported boundaries, and says which department it counts.
    await page.getByTestId('choropleth-chart').locator('svg path').first().waitFor();
    expect(await page.getByTestId('choropleth-chart').getAttribute('aria-label')).toMatch(/^Víctimas por departamento de explotación\. .*Cusco/);
    await screenshot(page, 'stats-map');
    await expectNoSeriousViolations(page, 'stats dashboard');

    // A bar of a chart opens the cases behind its figure (the purpose with most victims is the first bar).
    await page.getByTestId('panel-purpose').locator('svg path[fill="#3730a3"]').first().click();
    const behindBar = page.getByTestId('figure-cases');
    await behindBar.getByRole('link', { name: /^RETA-/ }).first().waitFor();
    expect(await page.getByRole('dialog').textContent()).toMatch(/Víctimas por forma de explotación · /);
    await page.keyboard.press('Escape');
    await behindBar.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Tabla a medida' }).click();
    await pick(page, page, 'Filas', 'Sexo');
    await pick(page, page, 'Columnas', /^Grupo de edad \(RETA/);
    const table = page.getByTestId('pivot-table');
    await table.getByRole('columnheader', { name: /Total/ }).waitFor();
    await screenshot(page, 'stats-pivot');

    const figure = table.getByRole('button', { name: /^Ver los casos detrás de Mujer · / }).first();
    const label = (await figure.getAttribute('aria-label'))!;
    await figure.click();
    const list = page.getByTestId('figure-cases');
    await list.waitFor();
    expect(await page.getByRole('dialog').textContent()).toContain(label.replace(/^Ver los casos detrás de (.*): \d+$/, '$1'));
    // The table with the cases of a figure open over it (axe: both at once, to keep the journey short).
    await expectNoSeriousViolations(page, 'table builder and cases behind a figure');
    const first = list.getByRole('link').first();
    const code = (await first.textContent())!;
    expect(code).toMatch(/^RETA-/);
    await first.click();
    await page.getByRole('heading', { name: `Caso ${code}` }).waitFor();
    // The same table in English: labels, headers and the figures' names in the reader's language.
    await page.goto(`${h.baseUrl}/stats/table?indicator=victims&by=sex,ageBandReta`);
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('pivot-table').getByRole('button', { name: /^See the cases behind Female · / }).first().waitFor();
    await context.close();
  });
});
