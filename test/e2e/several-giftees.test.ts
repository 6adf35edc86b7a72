import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/chromium';
import { ensureBuilt, ROOT, type ServeProcess, startServe } from '../support/serve-process';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * A participant with two giftees (issue #19 item 4) in real Chromium at phone size, against
 * `npm run serve` sending real mail: the link in the match email opens a page naming both giftees
 * with each one's ideas — the same two the email names. Screenshots: test-results/e2e-giftees/.
 */
const SHOTS = join(ROOT, 'test-results', 'e2e-giftees');
const PEOPLE = ['Ann', 'Bob', 'Cy', 'Dee', 'Eve'];

let dir: string;
let sink: SmtpSink;
let server: ServeProcess;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'sk-e2e-giftees-'));
  ensureBuilt();
  sink = await startSmtpSink();
  server = await startServe(['--data-dir', join(dir, 'data'), '--host', '127.0.0.1']);
  await server.ok('smtp.set', sinkSmtpSettings(sink, { fromAddress: 'santa@example.test' }));
  await server.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@example.com' } });
  context = await launchChromium(join(dir, 'chromium'), { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await server?.stop();
  await sink?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a participant with two giftees (Chromium, 390×844)', () => {
  it('opens the match email link and sees both giftees with their ideas, as the email says', async () => {
    const exchange = await server.ok<{ id: number }>('exchanges.create', { name: 'Cousins', exchangeAt: '2030-12-24T18:00', timezone: 'Europe/Berlin', giftsPerPerson: 2 });
    for (const name of PEOPLE) {
      await server.ok('participants.add', { exchangeId: exchange.id, name, email: `${name.toLowerCase()}@example.com`, giftIdeas: `${name} would like a book about birds` });
    }
    await server.ok('exchanges.transition', { exchangeId: exchange.id, action: 'open' });
    await server.ok('exchanges.transition', { exchangeId: exchange.id, action: 'close' });
    await server.ok('exchanges.draw', { exchangeId: exchange.id });

    const mail = await vi.waitFor(
      () => {
        const found = sink.messages.find((m) => m.envelopeTo.includes('ann@example.com') && /your Secret Santa match/.test(m.parsed?.subject ?? ''));
        if (!found) throw new Error('no match email to Ann yet');
        return found.parsed!;
      },
      { timeout: 30_000, interval: 50 },
    );
    const mailed = /Your giftees:\s+(\w+) and (\w+)\n/.exec(mail.text ?? '');
    expect(mailed, mail.text).not.toBeNull();
    const giftees = [mailed![1]!, mailed![2]!];

    const link = /https?:\/\/\S+\/auth\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')![0];
    await page.goto(link);
    await page.getByRole('button', { name: 'Continue to my page' }).click();
    const card = page.locator('section.giftee');
    await card.waitFor();
    expect((await card.locator('h2').innerText()).replace(/\s+/g, ' ').trim()).toBe(`Your giftees: ${giftees[0]} and ${giftees[1]}`);
    for (const name of giftees) {
      await card.getByRole('heading', { level: 3, name: `${name}’s gift ideas` }).waitFor();
      await card.getByText(`${name} would like a book about birds`).waitFor();
    }
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'me-two-giftees.png') });
    expect(problems).toEqual([]);
  });
});
