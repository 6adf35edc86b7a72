import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from '../../support/serve-process';

export const SHOTS = join(ROOT, 'test-results/admin');

export interface A11yProblem {
  screen: string;
  scheme: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Screenshots a screen in light and dark (desktop size, from the top of the page or scrolled to a
 * part of it) into test-results/admin/<name>-<scheme>.png and runs axe on each (every WCAG A/AA
 * rule in light, plus visible-label-in-name; contrast again in dark); returns the serious and
 * critical violations.
 */
export async function captureScreen(page: Page, name: string, options: { scrollTo?: Locator } = {}): Promise<A11yProblem[]> {
  mkdirSync(SHOTS, { recursive: true });
  const problems: A11yProblem[] = [];
  await page.evaluate(() => window.scrollTo(0, 0));
  if (options.scrollTo) await options.scrollTo.scrollIntoViewIfNeeded();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`), fullPage: false });
    // Structure does not change with the colour scheme; contrast does.
    const axe = new AxeBuilder({ page }).exclude('.mail-frame');
    const results = await (scheme === 'light' ? axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']) : axe.withRules(['color-contrast'])).analyze();
    // Experimental in axe, so not in the tags above: a button whose spoken name does not contain
    // its visible words ("Run now" read as "Run Reminder emails now") fails voice control users.
    const names = scheme === 'light' ? (await new AxeBuilder({ page }).exclude('.mail-frame').withRules(['label-content-name-mismatch']).analyze()).violations : [];
    for (const v of [...results.violations, ...names]) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      problems.push({ screen: name, scheme, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return problems;
}
