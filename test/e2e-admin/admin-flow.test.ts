import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startServe, type ServeProcess } from '../support/serve-process';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { addParticipant, blindViolations, confirmDialog, openTab, pageText, type Pair } from './support/admin';
import { launchBrowser, type Browser } from './support/browser';
import { captureScreen, type A11yProblem } from './support/screens';

const PEOPLE: Record<string, string> = {
  'ann@example.test': 'Ann',
  'bob@example.test': 'Bob',
  'cy@example.test': 'Cy',
  'dee@example.test': 'Dee',
  'eve@example.test': 'Eve',
  'fay@example.test': 'Fay',
  'gus@example.test': 'Gus',
};
const CSV_WITH_BAD_ROW = 'name,email,gift ideas\nCy,cy@example.test,Jigsaw puzzles\nDee,dee@example.test,\nEve,eve@example.test,Tea\nFay,fay-at-example.test,Socks\n';

let dir: string;
let sink: SmtpSink;
let serve: ServeProcess;
let browser: Browser;
const problems: A11yProblem[] = [];

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sk-e2e-admin-'));
  sink = await startSmtpSink();
  serve = await startServe(['--data-dir', join(dir, 'data')]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await sink?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function shot(page: Page, name: string, scrollTo?: Locator): Promise<void> {
  problems.push(...(await captureScreen(page, name, scrollTo ? { scrollTo } : {})));
}

/** Reads each match email from the sink: its recipient is the giver, its highlight the receiver. */
function pairsFromMail(): Pair[] {
  return sink.messages
    .filter((m) => m.parsed?.subject?.endsWith('your Secret Santa match'))
    .map((m) => {
      const giver = PEOPLE[m.envelopeTo[0] ?? ''] ?? '?';
      const text = m.parsed?.text ?? '';
      const after = text.slice(text.indexOf('Secret Santa for'));
      const receiver = Object.values(PEOPLE)
        .map((name) => ({ name, at: after.search(new RegExp(`\\b${name}\\b`)) }))
        .filter((x) => x.at >= 0)
        .sort((a, b) => a.at - b.at)[0]?.name;
      return { giver, receiver: receiver ?? '?' };
    });
}

describe('the organizer runs an exchange in the admin UI (real browser, npm run serve)', () => {
  it('goes from first-run setup to a blind draw, with participants joining live', async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // The one expected error: the first screen is opened without the secret on purpose.
      if (message.type() === 'error' && !message.text().includes('401')) pageErrors.push(message.text());
    });
    const adminUrl = serve.output().match(/Organizer screens:\s+(\S+)/)?.[1];
    expect(adminUrl, serve.output()).toBeTruthy();

    // Without the secret: a clear way in, not a broken screen.
    await page.goto(serve.adminUrl);
    await page.getByRole('heading', { name: 'Open the address printed by npm run serve' }).waitFor();
    await shot(page, 'unauthorized');

    // First-run setup.
    await page.goto(adminUrl!);
    await page.getByRole('heading', { level: 1, name: 'Welcome to Sneaky Klaus' }).waitFor();
    expect(page.url()).not.toContain('secret=');
    await shot(page, 'setup-1-about-you');
    await page.getByLabel('Your name').fill('Olivia Organizer');
    await page.getByLabel('Your email', { exact: true }).fill('olivia@example.test');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Set up email now').check();
    await page.getByLabel('Email provider').selectOption('custom');
    await page.getByLabel('Mail server').fill('127.0.0.1');
    await page.getByLabel('Port').fill(String(sink.port));
    await page.getByLabel('Encryption').selectOption('none');
    await page.getByLabel('User name').fill('');
    await page.getByLabel('Sender address').fill('santa@example.test');
    await page.getByRole('button', { name: 'Save mail settings' }).click();
    await page.getByText('Mail settings saved.').waitFor();
    await page.getByRole('button', { name: 'Send test email' }).click();
    await page.getByText('The test email was sent.').waitFor();
    await shot(page, 'setup-2-email', page.getByRole('button', { name: 'Save mail settings' }));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Links in emails start with').waitFor();
    await shot(page, 'setup-3-network');
    await page.getByRole('button', { name: 'Finish setup' }).click();

    // Empty state → create the first exchange.
    await page.getByRole('heading', { name: 'Create your first exchange' }).waitFor();
    await shot(page, 'exchanges-empty');
    await page.getByRole('link', { name: 'Create your first exchange' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Family Christmas');
    await page.getByLabel('Date and time of the exchange').fill('2030-12-24T18:00');
    await page.getByLabel('Budget', { exact: true }).fill('25');
    await shot(page, 'exchange-new');
    await page.getByRole('button', { name: 'Create exchange' }).click();

    // Participants by hand and by CSV (one bad row named, fixed in place).
    await page.getByRole('heading', { level: 1, name: 'Family Christmas' }).waitFor();
    await page.getByRole('button', { name: 'Add participant' }).click();
    await addParticipant(page, 'Ann', 'ann@example.test');
    await addParticipant(page, 'Bob', 'bob@example.test');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await page.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV_WITH_BAD_ROW) });
    const pasted = page.getByLabel(/Or paste the rows here/);
    await expect.poll(() => pasted.inputValue()).toContain('Cy,cy@example.test');
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByText('1 row needs fixing before anyone is added: line 5.').waitFor();
    expect(await page.getByRole('button', { name: /^Add (people|\d)/ }).isDisabled()).toBe(true);
    await shot(page, 'participants-import');
    await pasted.fill(CSV_WITH_BAD_ROW.replace('fay-at-example.test', 'fay@example.test'));
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByRole('button', { name: 'Add 4 people' }).click();
    await page.getByText('Added 4 people from the file.').waitFor();

    // A household, with the live check.
    await openTab(page, 'Exclusions');
    await page.getByLabel('Household name').fill('Millers');
    await page.getByRole('group', { name: 'Members' }).getByLabel('Ann').check();
    await page.getByRole('group', { name: 'Members' }).getByLabel('Bob').check();
    await page.getByRole('button', { name: 'Create household' }).click();
    await page.getByRole('list', { name: 'Households' }).getByText('Millers').waitFor();
    await page.getByText('Names can be drawn with these rules.').first().waitFor();

    // Open registration; a participant joins through the invite link in another browser context.
    await page.getByRole('button', { name: 'Open registration' }).click();
    await confirmDialog(page, 'Open registration');
    await page.locator('.facts').getByText('Registration open').waitFor();
    await openTab(page, 'Overview');
    const invite = await page.getByLabel('Invite link', { exact: true }).inputValue();
    await shot(page, 'exchange-overview');
    await openTab(page, /^Participants/);
    await page.getByRole('cell', { name: 'Fay', exact: false }).first().waitFor();
    await shot(page, 'exchange-participants');

    const guest = (await browser.context.browser()?.newContext()) ?? (await browser.context.newPage()).context();
    const participantPage = await guest.newPage();
    await participantPage.goto(`${serve.participantUrl}${new URL(invite).pathname}`);
    await participantPage.getByLabel('Your name').fill('Gus');
    await participantPage.getByLabel('Your email', { exact: true }).fill('gus@example.test');
    await participantPage.getByRole('button', { name: /^Join/ }).click();
    await participantPage.getByText(/inbox/i).first().waitFor();
    await participantPage.close();

    // The organizer sees Gus appear without reloading.
    await page.locator('.ptable').getByText('Gus', { exact: true }).waitFor({ timeout: 10_000 });
    await page.getByRole('link', { name: 'Participants (7)' }).waitFor();

    // Close registration; an impossible set of rules is explained by name, then fixed.
    await page.getByRole('button', { name: 'Close registration' }).click();
    await confirmDialog(page, 'Close registration');
    await openTab(page, 'Exclusions');
    await page.getByLabel('Household name').fill('Big house');
    for (const name of ['Cy', 'Dee', 'Eve', 'Fay']) await page.getByRole('group', { name: 'Members' }).getByLabel(name).check();
    await page.getByRole('button', { name: 'Create household' }).click();
    const blocked = page.getByRole('alert').filter({ hasText: 'Names cannot be drawn yet.' });
    await blocked.waitFor();
    const reason = await blocked.innerText();
    expect(reason.split('\n').filter((line) => ['Cy', 'Dee', 'Eve', 'Fay'].includes(line.trim())).length).toBeGreaterThanOrEqual(2);
    await shot(page, 'exchange-rules-infeasible', blocked);
    await page.getByRole('button', { name: 'Dissolve household Big house' }).click();
    await page.getByText('Names can be drawn with these rules.').first().waitFor();

    // Draw (mode offered, blind result).
    await openTab(page, 'Draw');
    await page.getByRole('group', { name: 'How should names be drawn?' }).waitFor();
    await shot(page, 'exchange-draw');
    await page.getByRole('button', { name: 'Draw names', exact: true }).click();
    await confirmDialog(page, 'Draw names');
    await page.getByText(/Names are drawn for 7 people/).waitFor();
    await page.getByRole('heading', { name: 'The draw is secret' }).waitFor();
    await shot(page, 'exchange-drawn');

    await expect.poll(() => pairsFromMail().length, { timeout: 20_000 }).toBe(7);
    const pairs = pairsFromMail();
    expect(pairs.every((p) => p.receiver !== '?' && p.giver !== p.receiver)).toBe(true);
    const leaks: string[] = [];
    const check = async (where: string) => leaks.push(...blindViolations(await pageText(page), pairs).map((v) => `${where}: ${v}`));
    for (const tab of ['Overview', /^Participants/, 'Exclusions', 'Draw'] as const) {
      await openTab(page, tab);
      // The tab is shown and has its data: nothing on screen is still loading.
      await page.getByRole('navigation', { name: 'Exchange sections' }).locator('[aria-current="page"]').filter({ hasText: tab }).waitFor();
      await expect.poll(() => page.getByText(/Loading/).count()).toBe(0);
      await check(`exchange ${String(tab)}`);
    }

    // Outbox: the match emails are there; their text stays hidden, and they show no links (a live
    // sign-in link or the giftee's wish-list URLs would give the draw away).
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Outbox/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    const matchItems = page.getByRole('list', { name: 'Emails' }).getByRole('button').filter({ hasText: 'your Secret Santa match' });
    await expect.poll(() => matchItems.count()).toBe(7);
    await matchItems.first().click();
    await page.getByText('This email names a giftee.').waitFor();
    expect(await page.getByRole('heading', { name: 'Links in this email' }).count()).toBe(0);
    await check('outbox');
    await shot(page, 'outbox');

    // Jobs: the reminders are scheduled.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    // Listed first, under "Coming up"; the housekeeping has its own "Maintenance" list.
    await page.getByRole('list', { name: 'Coming up' }).getByText('Reminder emails').first().waitFor();
    await page.getByRole('list', { name: 'Maintenance' }).getByText('Clean up login links', { exact: true }).waitFor();
    await check('jobs');
    await shot(page, 'jobs');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exchanges' }).click();
    await page.getByRole('list', { name: 'Your exchanges' }).getByText('Names drawn').waitFor();
    await check('exchanges');
    await shot(page, 'exchanges');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Backups' }).waitFor();
    await shot(page, 'settings');

    expect(leaks).toEqual([]);
    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);

    // Only an explicit, confirmed reveal shows the pairs, and they are the ones that were emailed.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exchanges' }).click();
    await page.getByRole('link', { name: 'Family Christmas' }).click();
    await openTab(page, 'Draw');
    await page.getByRole('button', { name: 'Reveal the draw' }).click();
    await confirmDialog(page, 'Reveal');
    const rows = page.getByRole('table', { name: 'The draw, revealed' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(7);
    const revealed = (await rows.allInnerTexts()).map((row) => row.split('\t').map((cell) => cell.trim()));
    expect(new Set(revealed.map(([giver, receiver]) => `${giver}>${receiver}`))).toEqual(new Set(pairs.map((p) => `${p.giver}>${p.receiver}`)));
  });
});
