import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startServe, type ServeProcess } from '../support/serve-process';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { confirmDialog, openTab, pageText } from './support/admin';
import { launchBrowser, type Browser } from './support/browser';
import { captureScreen, type A11yProblem } from './support/screens';

/**
 * An organizer who types in (or imports) the whole list (issue #17): invites the people before the
 * draw so they can add gift ideas, then draws without ever opening registration. Real Chromium
 * against `npm run serve`, a real SMTP sink, axe on every screen touched.
 */
const CSV = 'name,email,gift ideas\nAnn,ann@example.test,\nBob,bob@example.test,Books about trains\nCy,cy@example.test,\n';

let dir: string;
let sink: SmtpSink;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let family = 0;
const problems: A11yProblem[] = [];
const pageErrors: string[] = [];

async function shot(name: string, scrollTo?: Locator): Promise<void> {
  problems.push(...(await captureScreen(page, name, scrollTo ? { scrollTo } : {})));
}

async function rpc<T>(name: string, input: unknown = {}): Promise<T> {
  const answer = await serve.rpc(name, input);
  expect(answer.body.ok, `${name}: ${JSON.stringify(answer.body)}`).toBe(true);
  return answer.body.value as T;
}

const welcomeRows = async () => (await rpc<Array<{ to: string; status: string }>>('outbox.list', { kind: 'welcome' })).map((m) => m.to).sort();
const adminUrl = () => serve.output().match(/Organizer screens:\s+(\S+)/)?.[1] ?? '';
const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
const row = (name: string) => page.locator('.ptable tbody tr').filter({ has: page.locator('.ptable__name', { hasText: new RegExp(`^${name}$`) }) });

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sk-e2e-hand-made-'));
  sink = await startSmtpSink();
  serve = await startServe(['--data-dir', join(dir, 'data'), '--host', '127.0.0.1']);
  await rpc('settings.update', { organizer: { name: 'Olga', email: 'olga@example.test' }, timezone: 'Europe/Berlin', setupComplete: true });
  family = (await rpc<{ id: number }>('exchanges.create', { name: 'Family Christmas', exchangeAt: '2030-12-24T18:00', timezone: 'Europe/Berlin' })).id;
  browser = await launchBrowser({ timezoneId: 'Europe/Berlin' });
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await sink?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a hand-made list in the admin UI (real browser, npm run serve)', () => {
  it('invites imported people: a double click sends once, the screen says the emails wait as previews, the links work', async () => {
    await page.goto(adminUrl());
    await page.getByRole('link', { name: 'Family Christmas' }).click();
    await openTab(page, /^Participants/);
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await page.getByLabel(/Or paste the rows here/).fill(CSV);
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByRole('button', { name: 'Add 3 people' }).click();
    await page.getByText('Added 3 people from the file.').waitFor();
    for (const name of ['Ann', 'Bob', 'Cy']) await row(name).getByText('Not invited').waitFor();
    await shot('participants-not-invited');

    await page.getByRole('button', { name: 'Invite these people' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Invite 3 people by email?' }).waitFor();
    await shot('participants-invite-dialog');
    // An impatient double click on the confirmation: one request id, one email each.
    await dialog.getByRole('button', { name: 'Send the invitations', exact: true }).dblclick();
    await status(/^Invited 3 people: each gets a welcome email with their own link/).waitFor();
    await status(/Mail is not set up yet, so the emails wait in the outbox as previews/).waitFor();
    expect(await welcomeRows()).toEqual(['ann@example.test', 'bob@example.test', 'cy@example.test']);
    for (const name of ['Ann', 'Bob', 'Cy']) await row(name).getByText('Invited', { exact: true }).waitFor();
    // Everyone is invited: the button for everyone is gone; each row offers to invite again.
    expect(await page.getByRole('button', { name: 'Invite these people' }).count()).toBe(0);
    await row('Ann').getByRole('button', { name: 'Invite again: Ann' }).waitFor();
    await shot('participants-invited');

    // Mail is set up: the waiting invitations go out, with links that open each person's page.
    await rpc('smtp.set', sinkSmtpSettings(sink));
    await sink.waitForMessages(3, 30_000);
    const ann = sink.messages.find((m) => m.envelopeTo.includes('ann@example.test'))!;
    const bob = sink.messages.find((m) => m.envelopeTo.includes('bob@example.test'))!;
    expect(ann.parsed!.text).toContain('Olga added you to Family Christmas.');
    expect(ann.parsed!.text).toMatch(/add a few gift ideas on your page/);
    expect(bob.parsed!.text).not.toMatch(/add a few gift ideas/);
    const link = /https?:\/\/\S+\/auth\/[\w-]+/.exec(ann.parsed!.text ?? '')![0];
    const guest = await browser.context.newPage();
    await guest.goto(link);
    await guest.getByRole('button', { name: 'Continue to my page' }).click();
    await guest.getByRole('heading', { name: 'Your gift ideas' }).waitFor();
    await guest.getByLabel('Ideas for your Secret Santa').fill('A warm scarf');
    await guest.getByRole('button', { name: 'Save gift ideas' }).click();
    await guest.waitForURL(/done=ideas/);
    await guest.close();
    // The organizer sees Ann confirmed, with her ideas, without reloading.
    await row('Ann').getByText('A warm scarf').waitFor({ timeout: 10_000 });

    // Ann alone, again, on purpose: one more email (now mail is set up, no preview sentence).
    await row('Ann').getByRole('button', { name: 'Invite again: Ann' }).click();
    await confirmDialog(page, 'Send the invitation');
    await status(/^Invited 1 person:/).waitFor();
    expect(await status(/previews/).count()).toBe(0);
    await sink.waitForMessages(4, 30_000);
    expect(sink.messages.filter((m) => m.envelopeTo.includes('ann@example.test'))).toHaveLength(2);
  });

  it('draws the hand-made list straight from the draft; nothing points to a button that is not there; undo closes registration', async () => {
    await openTab(page, 'Overview');
    await page.getByText('Next: open registration, or draw names').waitFor();
    expect(await pageText(page)).not.toMatch(/close registration/i);
    // The header offers the draw in the draft; it leads to the Draw tab.
    await page.getByRole('button', { name: 'Draw names…' }).click();
    await page.getByRole('group', { name: 'How should names be drawn?' }).waitFor();
    await page.getByText('Names can be drawn with these rules.').first().waitFor();
    expect(await pageText(page)).not.toMatch(/close registration/i);
    await shot('draw-from-draft');
    await page.getByRole('button', { name: 'Draw names', exact: true }).click();
    await confirmDialog(page, 'Draw names');
    await page.getByText(/Names are drawn for 3 people/).waitFor();
    await page.locator('.facts').getByText('Names drawn').waitFor();

    // Mail is set up, so the three match emails go out; once they have, an undo asks again.
    await expect.poll(() => sink.messages.filter((m) => m.parsed?.subject?.endsWith('your Secret Santa match')).length, { timeout: 30_000 }).toBe(3);
    await page.getByRole('button', { name: 'Undo the draw' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Undo the draw', exact: true }).click();
    await page.getByRole('dialog').filter({ hasText: 'People were already told' }).waitFor();
    await confirmDialog(page, 'Undo anyway');
    await page.locator('.facts').getByText('Registration closed').waitFor();
  });

  it('draws while registration is open, saying that the draw closes it', async () => {
    const office = await rpc<{ id: number }>('exchanges.create', { name: 'Office party', exchangeAt: '2030-12-18T17:00', timezone: 'Europe/Berlin' });
    for (const name of ['Dee', 'Eve', 'Fay']) await rpc('participants.add', { exchangeId: office.id, name, email: `${name.toLowerCase()}@example.test` });
    await rpc('exchanges.transition', { exchangeId: office.id, action: 'open' });
    await page.goto(`${adminUrl().split('#')[0]}#/exchanges/${office.id}/draw`);
    await page.getByRole('heading', { level: 1, name: 'Office party' }).waitFor();
    await status('Registration is still open.').waitFor();
    await page.getByText('Names can be drawn with these rules.').first().waitFor();
    await shot('draw-while-open');
    await page.getByRole('button', { name: 'Draw names', exact: true }).click();
    await page.getByRole('dialog').getByText('Registration closes now, so nobody else can sign up.').waitFor();
    await confirmDialog(page, 'Draw names');
    await page.locator('.facts').getByText('Names drawn').waitFor();
    expect((await rpc<{ state: string }>('exchanges.get', { exchangeId: office.id })).state).toBe('matched');
    expect(family).toBeGreaterThan(0);
  });

  it('lets the organizer choose a daily digest of sign-ups in Settings, kept after a reload', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const group = page.getByRole('group', { name: 'When people sign up' });
    await group.waitFor();
    expect(await group.getByLabel('One email for each sign-up').isChecked()).toBe(true);
    await group.getByLabel('One digest a day').check();
    await status('Saved.').first().waitFor();
    expect((await rpc<{ signupNotices: string }>('settings.get')).signupNotices).toBe('daily');
    await page.reload();
    await page.getByRole('group', { name: 'When people sign up' }).getByLabel('One digest a day').waitFor();
    expect(await page.getByRole('group', { name: 'When people sign up' }).getByLabel('One digest a day').isChecked()).toBe(true);
    await shot('settings-signup-emails', page.getByRole('group', { name: 'When people sign up' }));
  });

  it('shows who shares an email address (a family may), and refuses the same person twice', async () => {
    const cousins = await rpc<{ id: number }>('exchanges.create', { name: 'Cousins', exchangeAt: '2030-12-26T15:00', timezone: 'Europe/Berlin' });
    for (const name of ['Lena', 'Mia', 'Tom']) await rpc('participants.add', { exchangeId: cousins.id, name, email: name === 'Tom' ? 'tom@example.test' : 'family@example.test' });
    await page.goto(`${adminUrl().split('#')[0]}#/exchanges/${cousins.id}/participants`);
    await row('Lena').getByText('Shares this address with Mia').waitFor();
    await row('Mia').getByText('Shares this address with Lena').waitFor();
    expect(
      await row('Tom')
        .getByText(/Shares this address/)
        .count(),
    ).toBe(0);
    await shot('participants-shared-address');
    const again = await serve.rpc('participants.add', { exchangeId: cousins.id, name: 'mia', email: 'FAMILY@example.test' });
    expect(again.body).toMatchObject({ ok: false, error: { code: 'conflict', message: 'mia <family@example.test> is already taking part in this exchange.' } });

    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
