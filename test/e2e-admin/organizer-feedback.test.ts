import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, localInDays, type ServeProcess, startServe } from '../support/serve-process';
import { addParticipant } from './support/admin';
import { launchBrowser, type Browser } from './support/browser';
import { captureScreen, type A11yProblem } from './support/screens';

/**
 * The organizer's feedback in a real browser (issue #17): all form mistakes at once and gone when
 * fixed, answers next to the action, honest job wording, who can open the links, readable danger
 * buttons, and no wizard when something is already set up. The server listens on loopback only,
 * so its links cannot work from another device.
 */
const ZONE = 'America/Chicago';

let dir: string;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
const problems: A11yProblem[] = [];
const pageErrors: string[] = [];

async function shot(name: string, scrollTo?: Locator): Promise<void> {
  problems.push(...(await captureScreen(page, name, scrollTo ? { scrollTo } : {})));
}

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sk-e2e-feedback-'));
  serve = await startServe(['--data-dir', join(dir, 'data'), '--host', '127.0.0.1']);
  // An exchange made through the API; setup was never marked complete and no organizer is saved.
  const created = await serve.rpc('exchanges.create', { name: 'Office party', exchangeAt: localInDays(30), timezone: 'Europe/Berlin' });
  expect(created.body.ok, JSON.stringify(created.body)).toBe(true);
  browser = await launchBrowser({ timezoneId: ZONE });
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const adminUrl = () => serve.output().match(/Organizer screens:\s+(\S+)/)?.[1] ?? '';
const field = (label: string) => page.getByLabel(label, { exact: true });

describe('organizer feedback (real browser, npm run serve on loopback)', () => {
  it('opens on the exchanges, not the setup wizard, when an exchange exists', async () => {
    await page.goto(adminUrl());
    await page.getByRole('heading', { level: 1, name: 'Exchanges' }).waitFor();
    await page.getByRole('link', { name: 'Office party' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Welcome to Sneaky Klaus' }).count()).toBe(0);
    await shot('exchanges-existing');
  });

  it('names every mistake of the new-exchange form in one submit, and drops each as it is fixed', async () => {
    await page.getByRole('link', { name: 'New exchange' }).click();
    await page.getByRole('heading', { level: 1, name: 'New exchange' }).waitFor();
    expect(await field('Timezone').inputValue()).toBe(ZONE);

    await field('Date and time of the exchange').fill('2020-01-01T10:00');
    await field('Budget').fill('lots');
    await field('Reminders (days before)').fill('7, 0');
    await page.getByRole('button', { name: 'Create exchange' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please fix the 4 fields marked below.' }).waitFor();
    const invalid = ['Name', 'Date and time of the exchange', 'Budget', 'Reminders (days before)'];
    for (const label of invalid) expect(await field(label).getAttribute('aria-invalid'), label).toBe('true');
    expect(await page.getByText('Give the exchange a name.').count()).toBe(1);
    expect(await page.getByText('The exchange date is in the past.').count()).toBe(1);
    await shot('exchange-new-errors');

    await field('Name').fill('Family Christmas');
    await page.getByText('Give the exchange a name.').waitFor({ state: 'detached' });
    expect(await field('Name').getAttribute('aria-invalid')).toBeNull();
    expect(await field('Budget').getAttribute('aria-invalid')).toBe('true');

    await field('Date and time of the exchange').fill(localInDays(40));
    await field('Budget').fill('25');
    await field('Reminders (days before)').fill('7, 1');
    await page.getByRole('alert').filter({ hasText: 'marked below' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Create exchange' }).click();
    await page.getByRole('heading', { level: 1, name: 'Family Christmas' }).waitFor();
    await page.locator('.facts').getByText(ZONE).waitFor();
  });

  it('opens a personal link right under its person, and says what the way back keeps', async () => {
    await page.getByRole('button', { name: 'Add participant' }).click();
    await addParticipant(page, 'Ann', 'ann@example.test');
    await addParticipant(page, 'Bob', 'bob@example.test');
    await page.getByRole('button', { name: 'Personal link for Bob' }).click();
    // Making a personal link is a recorded peek the person is told of: the organizer confirms first.
    const ask = page.getByRole('dialog');
    await ask.getByText('Bob is told by email').waitFor();
    await ask.getByRole('button', { name: 'Make the link' }).click();
    const link = page.getByRole('textbox', { name: 'Personal link for Bob', exact: true });
    await link.waitFor();
    const placement = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('.ptable tbody tr')];
      const bob = rows.findIndex((row) => row.textContent?.includes('bob@example.test'));
      return { bob, linkRow: rows.findIndex((row) => row.classList.contains('ptable__detail') && row.querySelector('input') !== null) };
    });
    expect(placement.bob).toBeGreaterThanOrEqual(0);
    expect(placement.linkRow).toBe(placement.bob + 1);
    await shot('participants-link', link);

    await page.getByRole('button', { name: 'Cancel exchange' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Keep exchange', exact: true }).waitFor();
    const confirm = dialog.getByRole('button', { name: 'Cancel exchange', exact: true });
    await confirm.hover();
    // Hovered, the red button stays readable: its text against its own background.
    await expect.poll(() => confirm.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(240, 237, 230)');
    const contrast = await confirm.evaluate((el) => {
      const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const lum = (css: string) => {
        const [r, g, b] = rgb(css).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const style = getComputedStyle(el);
      const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
      return (a! + 0.05) / (b! + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(4.5);
    await shot('cancel-dialog-hover');
    await dialog.getByRole('button', { name: 'Keep exchange', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('words job runs from what they did, next to the button that ran them', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    const runCard = page.locator('section', { has: page.getByRole('heading', { name: 'Run a job now' }) });
    await runCard.getByLabel('Job').selectOption('reminders');
    await runCard.getByRole('button', { name: 'Run now', exact: true }).click();
    await runCard.getByRole('status').filter({ hasText: 'Reminder emails: No reminder is due right now' }).waitFor();
    expect(await page.getByText(/Reminder emails ran/).count()).toBe(0);

    await runCard.getByLabel('Job').selectOption('token-cleanup');
    await runCard.getByRole('button', { name: 'Run now', exact: true }).click();
    await runCard.getByRole('status').filter({ hasText: 'Clean up login links: no expired login links to remove.' }).waitFor();
    await page.getByRole('table', { name: 'Job runs' }).getByText('No expired login links to remove.').first().waitFor();
    await shot('jobs-run-now', runCard);
    // Each upcoming button is named by its visible words first (axe checks this too, above).
    const upcoming = page.getByRole('list', { name: 'Maintenance' }).getByRole('button');
    expect(await upcoming.count()).toBeGreaterThan(0);
    for (const name of await upcoming.evaluateAll((buttons) => buttons.map((b) => b.textContent ?? ''))) expect(name).toMatch(/^Run now: /);
  });

  it('warns that loopback links cannot open on another device, and explains the ways out', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const warning = page.getByRole('status').filter({ hasText: 'These links only open on this computer.' });
    await warning.waitFor();
    expect(await page.getByRole('heading', { name: 'How will people open their links?' }).count()).toBe(1);
    await page.getByText('Recommended', { exact: true }).waitFor();
    const home = page.getByRole('list', { name: 'Addresses on this network' });
    expect(await home.count()).toBe(0);
    await shot('settings-network', warning);
  });

  it('has no serious accessibility problem on any screen it visited, light or dark', () => {
    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
