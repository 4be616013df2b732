import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.1 A and AA: what every page is checked against. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Waits until no CSS transition or animation is running (a drawer sliding in, a modal fading in): axe
 * computes colours from what is painted, and a half-faded element reads as low contrast.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), undefined, { timeout: 10_000 });
}

/**
 * Every WCAG 2.1 AA violation axe finds on the page as it is now, once transitions have settled, as lines
 * naming the page, the rule, its impact and up to three elements with axe's message.
 */
export async function axeViolations(page: Page, name: string, options: { minImpact?: 'serious' } = {}): Promise<string[]> {
  await animationsSettled(page);
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const kept = options.minImpact ? result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') : result.violations;
  return kept.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join(' | ')}`);
}

/** The serious and critical violations only (none expected on any page). */
export const seriousAxeViolations = (page: Page, name: string) => axeViolations(page, name, { minImpact: 'serious' });
