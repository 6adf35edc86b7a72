import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localInDays, ROOT } from '../support/serve-process';
import { confirmDialog, openTab, pageText } from './support/admin';
import { startAdminStage, type AdminStage } from './support/stage';
import { captureScreen, SHOTS, type A11yProblem } from './support/screens';

/**
 * The organizer's side of issue #19 in a real browser: choose when participants learn their Santa,
 * press "Reveal to everyone" (which shows the organizer no pair), and see only "Address given".
 */
const PEOPLE = ['Maya Lindqvist', 'Johan Berg', 'Astrid Holm'];

let page: Page;
const problems: A11yProblem[] = [];
let pageErrors: string[] = [];
let stage: AdminStage;
const adminUrl = () => stage.adminUrl();

const rpc = <T>(name: string, input?: unknown): Promise<T> => stage.rpc<T>(name, input);

beforeAll(async () => {
  stage = await startAdminStage({ name: 'reveal', timezoneId: 'Europe/Stockholm' });
  ({ page, pageErrors } = stage);
  await rpc('settings.update', { organizer: { name: 'Olga Organizer', email: 'olga@example.com' } });
  const exchange = await rpc<{ id: number }>('exchanges.create', { name: 'Lindqvist Family Christmas', exchangeAt: localInDays(20), timezone: 'Europe/Stockholm' });
  for (const name of PEOPLE) await rpc('participants.add', { exchangeId: exchange.id, name, email: `${name.split(' ')[0]!.toLowerCase()}@example.com` });
  await rpc('exchanges.transition', { exchangeId: exchange.id, action: 'open' });
  await rpc('exchanges.transition', { exchangeId: exchange.id, action: 'close' });
  await rpc('exchanges.draw', { exchangeId: exchange.id });
});

afterAll(() => stage?.close());

describe('the Santa reveal on the organizer’s screens', () => {
  it('sets the mode, reveals to everyone without showing a pair, and lists only "Address given"', async () => {
    await page.goto(adminUrl());
    await page.getByRole('link', { name: 'Lindqvist Family Christmas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lindqvist Family Christmas' }).waitFor();

    // Overview: the setting, still editable after the draw.
    const mode = page.getByLabel('Participants learn who their Santa was');
    expect(await mode.inputValue()).toBe('never');
    await mode.selectOption('manual');
    await page.getByLabel(/Also email each participant their Santa’s name/).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await rpc<{ santaReveal: string; santaRevealEmail: boolean }>('exchanges.get', { exchangeId: 1 })).toMatchObject({ santaReveal: 'manual', santaRevealEmail: true });

    // Draw tab: the card and its button, separate from "Reveal the draw".
    await openTab(page, 'Draw');
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Who was my Santa?' }) });
    await card.getByText('When you press “Reveal to everyone”').waitFor();
    await card.getByRole('button', { name: 'Reveal to everyone' }).click();
    await confirmDialog(page, 'Reveal to everyone');
    await card.getByText(/Revealed to everyone on .+ Each also gets an email\./).waitFor();
    expect(await card.getByRole('button', { name: 'Reveal to everyone' }).count()).toBe(0);
    problems.push(...(await captureScreen(page, 'santa-reveal-organizer', { scrollTo: card })));
    copyFileSync(join(SHOTS, 'santa-reveal-organizer-light.png'), join(ROOT, 'docs', 'between-reveal-organizer.png'));
    const text = await pageText(page);
    for (const name of PEOPLE) expect(text).not.toContain(name);

    // Participants: whether an address was given, never the address.
    await openTab(page, /^Participants/);
    await page.getByRole('columnheader', { name: 'Address given' }).waitFor();
    expect(
      await page
        .getByRole('row', { name: /Maya Lindqvist/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).toContain('No');

    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
