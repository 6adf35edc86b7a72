import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, localInDays, type ServeProcess, startServe } from '../support/serve-process';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { launchBrowser, type Browser } from './support/browser';
import { captureScreen, type A11yProblem } from './support/screens';

/**
 * What the Outbox tells the organizer about mail that did not simply go out (issue #12): a
 * temporary refusal shows when it will be retried and that nothing needs doing; a message whose
 * reason was gone by its turn shows why it was withdrawn. Real SMTP server on 127.0.0.1 (it
 * greylists one address), real `npm run serve`, real Chromium.
 */
const PEOPLE = [
  { name: 'Ann', email: 'ann@example.test' },
  { name: 'Bob', email: 'bob@example.test' },
  { name: 'Cy', email: 'cy@example.test' },
];
const GREYLISTED = PEOPLE[0]!.email;

let dir: string;
let sink: SmtpSink;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let exchangeId: number;
const problems: A11yProblem[] = [];
const pageErrors: string[] = [];

async function ok<T>(name: string, input: unknown): Promise<T> {
  const { body } = await serve.rpc(name, input);
  expect(body.ok, `${name}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value as T;
}

interface Row {
  id: number;
  to: string;
  kind: string;
  status: string;
  retryAt: number | null;
  withdrawnReason: string | null;
}

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sk-e2e-outbox-'));
  sink = await startSmtpSink();
  // 451 at RCPT, the usual greylisting answer, for longer than this test runs.
  sink.failRecipient(GREYLISTED, 451, 1000);
  serve = await startServe(['--data-dir', join(dir, 'data'), '--host', '127.0.0.1']);
  await ok('settings.update', { organizer: { name: 'Olga', email: 'olga@example.test' }, setupComplete: true });
  await ok('smtp.set', sinkSmtpSettings(sink));
  const exchange = await ok<{ id: number }>('exchanges.create', { name: 'Family 2026', exchangeAt: localInDays(20), timezone: 'Europe/Berlin' });
  exchangeId = exchange.id;
  for (const p of PEOPLE) await ok('participants.add', { exchangeId, ...p });
  await ok('exchanges.transition', { exchangeId, action: 'open' });
  await ok('exchanges.transition', { exchangeId, action: 'close' });
  await ok('exchanges.draw', { exchangeId });
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

const adminUrl = () => serve.output().match(/Organizer screens:\s+(\S+)/)?.[1] ?? '';
const matchRow = async (email: string) => (await ok<Row[]>('outbox.list', { kind: 'match' })).find((row) => row.to === email)!;

describe('the Outbox explains retries and withdrawals (real SMTP, serve and Chromium)', () => {
  it('shows a greylisted match email as retrying at a time, with nothing to do', async () => {
    // The two others arrive; the greylisted one waits for its retry (a minute later).
    const matchesTo = (email: string) => sink.messages.filter((m) => m.envelopeTo[0] === email && m.parsed?.subject?.endsWith('your Secret Santa match'));
    await expect.poll(() => PEOPLE.map((p) => matchesTo(p.email).length), { timeout: 60_000 }).toEqual([0, 1, 1]);
    await expect.poll(async () => (await matchRow(GREYLISTED)).retryAt, { timeout: 60_000 }).not.toBeNull();
    const row = await matchRow(GREYLISTED);
    expect(row.status).toBe('queued');
    const retryAt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(
      new Date(row.retryAt!),
    );

    await page.goto(adminUrl());
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Outbox/ })
      .click();
    const item = page.getByRole('button', { name: new RegExp(GREYLISTED) });
    await item.getByText(`Will retry at ${retryAt}`).waitFor();
    await item.click();
    await page.getByText('Will retry', { exact: true }).waitFor();
    await page.getByText('the mail server had temporary trouble; nothing to do').waitFor();
    await page.getByText(/451/).first().waitFor();
    problems.push(...(await captureScreen(page, 'outbox-retrying')));
  });

  it('shows why an email was withdrawn when its reason was gone at its turn', async () => {
    await ok('exchanges.transition', { exchangeId, action: 'cancel' });
    // The screen follows by itself: the email waiting for its retry is withdrawn, with the reason.
    await page.getByText('It was withdrawn because the exchange was cancelled.').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Try now' }).count()).toBe(0);
    expect(await page.getByText('The mail server said').count()).toBe(0);
    await page.locator('.mail-meta').getByText('Family 2026: your Secret Santa match').waitFor();
    const row = await matchRow(GREYLISTED);
    expect(row).toMatchObject({ status: 'cancelled', withdrawnReason: 'the exchange was cancelled' });
    await page
      .getByRole('button', { name: new RegExp(GREYLISTED) })
      .first()
      .getByText('Withdrawn: the exchange was cancelled')
      .waitFor();
    // Nothing of the cancelled exchange's draw went out after the cancellation.
    expect(sink.messages.filter((m) => m.envelopeTo[0] === GREYLISTED && m.parsed?.subject?.endsWith('your Secret Santa match'))).toEqual([]);
    problems.push(...(await captureScreen(page, 'outbox-withdrawn')));
  });

  it('has no serious accessibility problem there, and no script error', () => {
    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
