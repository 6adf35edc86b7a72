import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpSink } from '../support/smtp-sink';
import { confirmDialog, openTab } from './support/admin';
import { startAdminStage, type AdminStage } from './support/stage';
import { captureScreen, type A11yProblem } from './support/screens';

/**
 * Two giftees each (issue #19 item 4), in real Chromium against `npm run serve` with a real SMTP
 * sink: the setting on the exchange form, the draw, each match email naming two giftees, and the
 * organizer's reveal listing both per Secret Santa — the same pairs as the emails.
 */
const PEOPLE: Record<string, string> = {
  'ann@example.test': 'Ann',
  'bob@example.test': 'Bob',
  'cy@example.test': 'Cy',
  'dee@example.test': 'Dee',
  'eve@example.test': 'Eve',
  'fay@example.test': 'Fay',
};

let sink: SmtpSink;
let page: Page;
const problems: A11yProblem[] = [];
let pageErrors: string[] = [];
let stage: AdminStage;

async function shot(name: string, scrollTo?: Locator): Promise<void> {
  problems.push(...(await captureScreen(page, name, scrollTo ? { scrollTo } : {})));
}

const rpc = <T>(name: string, input?: unknown): Promise<T> => stage.rpc<T>(name, input);

const adminUrl = () => stage.adminUrl();

/** Each match email's giver (its recipient) and the giftees it names after "Your giftees:". */
function pairsFromMail(): Array<{ giver: string; giftees: string[] }> {
  return sink.messages
    .filter((m) => m.parsed?.subject?.endsWith('your Secret Santa match'))
    .map((m) => {
      const text = m.parsed?.text ?? '';
      const line = /Your giftees:\s+([^\n]+)\n/.exec(text)?.[1] ?? '';
      return { giver: PEOPLE[m.envelopeTo[0] ?? ''] ?? '?', giftees: line.split(/,\s*|\s+and\s+/).map((s) => s.trim()) };
    });
}

beforeAll(async () => {
  stage = await startAdminStage({ name: 'giftees', timezoneId: 'Europe/Berlin', smtp: {} });
  ({ page, pageErrors } = stage);
  sink = stage.sink!;
  await rpc('settings.update', { organizer: { name: 'Olga', email: 'olga@example.test' }, timezone: 'Europe/Berlin', setupComplete: true });
});

afterAll(() => stage?.close());

describe('two giftees each in the admin UI (real browser, npm run serve)', () => {
  it('is chosen on the exchange form, drawn, mailed with both names, and revealed with both per person', async () => {
    await page.goto(adminUrl());
    await page.getByRole('link', { name: 'Create your first exchange' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Cousins');
    await page.getByLabel('Date and time of the exchange').fill('2030-12-24T18:00');
    await page.getByLabel('Gifts per person').selectOption('2');
    await shot('exchange-new-two-giftees', page.getByLabel('Gifts per person'));
    await page.getByRole('button', { name: 'Create exchange' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cousins' }).waitFor();

    const [exchange] = await rpc<Array<{ id: number }>>('exchanges.list');
    expect((await rpc<{ giftsPerPerson: number }>('exchanges.get', { exchangeId: exchange!.id })).giftsPerPerson).toBe(2);
    for (const [email, name] of Object.entries(PEOPLE)) await rpc('participants.add', { exchangeId: exchange!.id, name, email, giftIdeas: `Ideas of ${name}` });
    await rpc('exchanges.transition', { exchangeId: exchange!.id, action: 'open' });
    await rpc('exchanges.transition', { exchangeId: exchange!.id, action: 'close' });

    await page.reload();
    await openTab(page, 'Draw');
    await page.getByRole('button', { name: 'Draw names', exact: true }).click();
    await confirmDialog(page, 'Draw names');
    await page.getByText(/Names are drawn for 6 people/).waitFor();

    await expect.poll(() => pairsFromMail().length, { timeout: 30_000 }).toBe(6);
    const mailed = pairsFromMail();
    for (const { giver, giftees } of mailed) {
      expect(giftees).toHaveLength(2);
      expect(new Set(giftees).size).toBe(2);
      expect(giftees).not.toContain(giver);
    }
    // Everyone receives two gifts.
    const received = mailed.flatMap((m) => m.giftees);
    for (const name of Object.values(PEOPLE)) expect(received.filter((r) => r === name)).toHaveLength(2);

    await page.getByRole('button', { name: 'Reveal the draw' }).click();
    await confirmDialog(page, 'Reveal');
    const table = page.getByRole('table', { name: 'The draw, revealed' });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
    await table.getByRole('columnheader', { name: 'Buys presents for' }).waitFor();
    const revealed = (await rows.allInnerTexts()).map((row) => row.split('\t').map((cell) => cell.trim()));
    const fromTable = new Set(revealed.flatMap(([giver, giftees]) => giftees!.split(' and ').map((g) => `${giver}>${g}`)));
    expect(fromTable).toEqual(new Set(mailed.flatMap((m) => m.giftees.map((g) => `${m.giver}>${g}`))));
    await shot('reveal-two-giftees', table);

    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
