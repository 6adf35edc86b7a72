import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localInDays } from '../support/serve-process';
import { openTab } from './support/admin';
import { captureScreen, type A11yProblem } from './support/screens';
import { startAdminStage, type AdminStage } from './support/stage';

/**
 * A family with awkward rules whose check takes seconds (two clans of 11 who never draw across but
 * for one couple: every draw exists, no single loop does), in real Chromium against `npm run serve`.
 * A rule is saved at once; while its check runs the screens say they are checking instead of
 * showing the answer for the rules before, and Draw waits for the answer.
 */
let stage: AdminStage;
let page: Page;
const problems: A11yProblem[] = [];

async function shot(name: string, scrollTo?: Locator): Promise<void> {
  problems.push(...(await captureScreen(page, name, scrollTo ? { scrollTo } : {})));
}

const CHECKING = 'Checking whether names can be drawn…';
const NOT_YET = 'Names cannot be drawn yet.';

beforeAll(async () => {
  stage = await startAdminStage({ name: 'slow-check', timezoneId: 'Europe/Berlin' });
  page = stage.page;
  await stage.rpc('settings.update', { organizer: { name: 'Olga', email: 'olga@example.test' }, timezone: 'Europe/Berlin', setupComplete: true });
});

afterAll(() => stage?.close());

describe('a check that takes seconds (real browser, npm run serve)', () => {
  it('a rule is saved at once, the screens say "checking" until the answer, and Draw waits for it', async () => {
    const { rpc } = stage;
    const { id: exchangeId } = await rpc<{ id: number }>('exchanges.create', {
      name: 'Two clans',
      exchangeAt: localInDays(30),
      registrationDeadline: null,
      timezone: 'Europe/Berlin',
      matchMode: 'single-loop',
    });
    await rpc('exchanges.transition', { exchangeId, action: 'open' });
    const csv = ['name,email', ...Array.from({ length: 22 }, (_, i) => `Person ${i},p${i}@example.test`)].join('\n');
    await rpc('participants.import', { exchangeId, csv, dryRun: false });
    const listed = await rpc<Array<{ id: number; name: string }>>('participants.list', { exchangeId });
    const names = new Map(listed.map((p) => [p.id, p.name]));
    const people = listed.map((p) => p.id).sort((a, b) => a - b);
    const [first, second] = [people.slice(0, 11), people.slice(11)];
    for (const a of first) {
      for (const b of second) {
        if (a !== first[0] || b !== second[0]) await rpc('rules.addExclusion', { exchangeId, kind: 'pair', giverId: a, receiverId: b });
      }
    }
    await rpc('exchanges.transition', { exchangeId, action: 'close' });

    await page.goto(stage.adminUrl());
    await page
      .getByRole('link', { name: /Two clans/ })
      .first()
      .waitFor();
    await page.goto(`${stage.adminUrl().split('#')[0]}#/exchanges/${exchangeId}/draw`);
    const drawButton = page.getByRole('button', { name: 'Draw names', exact: true });
    await page.getByText(NOT_YET).first().waitFor({ timeout: 60_000 });
    expect(await drawButton.isDisabled()).toBe(true);
    await page
      .getByText(/It would work as/)
      .first()
      .waitFor();

    // A rule inside one clan: saved at once (listed, the form free again) while its check still runs.
    await openTab(page, 'Exclusions');
    await page.getByText(NOT_YET).first().waitFor({ timeout: 60_000 });
    const exclusions = page.locator('section', { has: page.getByRole('heading', { name: 'Never draw each other' }) });
    const [a, b] = [names.get(first[1]!)!, names.get(first[2]!)!];
    await exclusions.getByLabel('Person', { exact: true }).selectOption({ label: a });
    await exclusions.getByLabel('Other person', { exact: true }).selectOption({ label: b });
    await exclusions.getByRole('button', { name: 'Add', exact: true }).click();
    await exclusions.getByText(new RegExp(`^${a} and ${b}`)).waitFor();
    // The answer for the rules before gives way to "checking" while the new check runs.
    await page.getByText(CHECKING).first().waitFor({ timeout: 10_000 });
    expect(await page.getByText(NOT_YET).count()).toBe(0);
    await shot('rules-checking', page.getByText(CHECKING).last());
    await page.getByText(NOT_YET).first().waitFor({ timeout: 60_000 });
    expect(await page.getByText(CHECKING).count()).toBe(0);

    // Drawn without the single loop, it works, and the Draw button is there for it.
    await openTab(page, 'Draw');
    await page.getByRole('radio', { name: /Anything goes/ }).check();
    await page.getByText('Names can be drawn with these rules.').waitFor({ timeout: 60_000 });
    expect(await drawButton.isEnabled()).toBe(true);
    await shot('draw-after-slow-check');

    expect(problems).toEqual([]);
    expect(stage.pageErrors).toEqual([]);
  }, 240_000);
});
