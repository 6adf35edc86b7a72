import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { ensureBuilt, localInDays, ROOT, type ServeProcess, startServe } from '../support/serve-process';

/**
 * The in-person draw (issue #18) in real Chromium at phone size against `npm run serve`: six
 * people without email pass one phone around; each sees only their own giftee; back, forward and
 * reload never bring a giftee back; a second look is refused. Screenshots: test-results/e2e-table/.
 */
const SHOTS = join(ROOT, 'test-results', 'e2e-table');
const NAMES = ['Grandma Ruth', 'Grandpa Joe', 'Aunt May', 'Uncle Bo', 'Cousin Lia', 'Little Tim'];

let dir: string;
let server: ServeProcess;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

async function heading(): Promise<string> {
  return (await page.locator('h1').first().innerText()).trim();
}

/** Serious or critical axe findings of the page in view (WCAG A/AA). */
async function axe(screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of results.violations) if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${screen}: ${v.id} ${v.help}`);
}

/** No giftee anywhere on the page in view. */
async function showsNoGiftee(): Promise<void> {
  expect(await page.locator('.giftee-name').count()).toBe(0);
  const text = await page.locator('main').innerText();
  expect(text).not.toContain('you are giving a gift to');
}

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'sk-e2e-table-'));
  ensureBuilt();
  server = await startServe(['--data-dir', join(dir, 'data'), '--host', '127.0.0.1']);
  context = await launchChromium(join(dir, 'chromium'), { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
}, 180_000);

afterAll(async () => {
  await context?.close();
  const code = await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe('the table draw in Chromium (390×844)', () => {
  it('six people in turn each see only their own giftee; history never shows one again; a second look is refused', async () => {
    const exchange = await server.ok<{ id: number }>('exchanges.create', {
      name: 'Table Christmas',
      location: 'Grandma’s kitchen',
      exchangeAt: localInDays(20),
      timezone: 'Europe/Berlin',
      budget: { amount: '20', currency: 'EUR' },
    });
    const ids: Record<string, number> = {};
    for (const name of NAMES)
      ids[name] = (await server.ok<{ id: number }>('participants.add', { exchangeId: exchange.id, name, delivery: 'in_person', giftIdeas: `Something for ${name}` })).id;
    await server.ok('exchanges.transition', { exchangeId: exchange.id, action: 'open' });
    await server.ok('exchanges.transition', { exchangeId: exchange.id, action: 'close' });
    await server.ok('exchanges.draw', { exchangeId: exchange.id });
    const link = await server.ok<{ url: string }>('tableDraw.open', { exchangeId: exchange.id });

    await page.goto(link.url);
    await page.screenshot({ path: join(SHOTS, '01-start.png') });
    await page.getByRole('button', { name: 'Use this device for the table draw' }).click();
    await page.waitForURL(/\/table$/);
    expect(await heading()).toBe('Who is next?');
    await axe('list');
    await page.screenshot({ path: join(SHOTS, '02-list.png'), fullPage: true });

    const seen: Record<string, string> = {};
    for (const [turn, name] of NAMES.entries()) {
      await page.getByRole('link', { name, exact: true }).click();
      expect(await heading()).toBe(`Are you ${name}?`);
      if (turn === 0) {
        await axe('confirm');
        await page.screenshot({ path: join(SHOTS, '03-confirm.png') });
      }
      await page.getByRole('button', { name: `I am ${name}` }).click();
      await page.waitForURL(/\/table\/show$/);
      seen[name] = (await page.locator('.giftee-name').innerText()).trim();
      expect(await page.locator('main').innerText()).toContain(`Something for ${seen[name]}`);
      if (turn === 0) {
        await axe('giftee');
        await page.screenshot({ path: join(SHOTS, '04-giftee.png'), fullPage: true });
      }
      await page.getByRole('button', { name: 'Hide and pass on' }).click();
      await page.waitForURL(/\/table$/);
      await showsNoGiftee();
      expect(await page.locator('.table-person-done', { hasText: name }).count()).toBe(1);

      // Back lands on the giftee page's address, which now only sends back to the list…
      await page.goBack();
      await showsNoGiftee();
      // …and one more step back is the "Are you …?" page, which now refuses.
      await page.goBack();
      await showsNoGiftee();
      expect(await page.locator('[role="alert"]').innerText()).toContain(`${name} has already looked on this device`);
      await page.goForward();
      await showsNoGiftee();
      await page.reload();
      await showsNoGiftee();
      await page.goto(new URL('/table', link.url).toString());
    }
    await page.screenshot({ path: join(SHOTS, '05-everyone-done.png'), fullPage: true });
    expect(await heading()).toBe('Who is next?');
    expect(await page.locator('main').innerText()).toContain('Everyone has seen whom they give to');

    // Each saw their own giftee: the recorded reveal (a test's check, a break-glass) agrees.
    const reveal = await server.ok<{ pairs: Array<{ giverName: string; receiverName: string }> }>('exchanges.reveal', { exchangeId: exchange.id, confirm: true });
    expect(Object.fromEntries(reveal.pairs.map((p) => [p.giverName, p.receiverName]))).toEqual(seen);

    // A second look, straight at the form, is refused too; the organizer sees everyone looked.
    await page.goto(new URL(`/table/confirm/${ids[NAMES[2]!]}`, link.url).toString());
    await showsNoGiftee();
    expect(await page.locator('[role="alert"]').innerText()).toContain(`${NAMES[2]} has already looked`);
    const status = await server.ok<{ people: Array<{ name: string; looked: boolean }> }>('tableDraw.status', { exchangeId: exchange.id });
    expect(status.people.every((p) => p.looked)).toBe(true);

    // The one-time link does not open the table on a second device (no cookie of this one).
    const second = await fetch(link.url);
    expect(second.status).toBe(410);
    expect(await second.text()).toContain('already open on another device');
    expect(problems).toEqual([]);
  });
});
