import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/chromium';
import { ensureBuilt, localInDays, ROOT, type ServeProcess, startServe } from '../support/serve-process';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * Between a Santa and their giftee (issue #19) in real Chromium against `npm run serve`: a Santa on
 * a phone and their giftee on a desktop write to each other, the giftee gives a private address,
 * and the organizer's "Reveal to everyone" names the Santa. Screenshots go to docs/ (for the
 * README) and test-results/e2e-between/.
 */
const SHOTS = join(ROOT, 'test-results', 'e2e-between');
const DOCS = join(ROOT, 'docs');
const PEOPLE = ['Maya Lindqvist', 'Johan Berg', 'Astrid Holm'];
const emailOf = (name: string) => `${name.split(' ')[0]!.toLowerCase()}@example.com`;
const QUESTION = 'Do you prefer wool or cotton socks? And what size?';
const ANSWER = 'Wool, please! Size 39.';
const ADDRESS = 'Astrid Holm\nStrandvägen 7\n114 56 Stockholm';

let dir: string;
let sink: SmtpSink;
let server: ServeProcess;
let phone: BrowserContext;
let desktop: BrowserContext;
const problems: string[] = [];

async function mailTo(address: string, subject: RegExp) {
  return vi.waitFor(
    () => {
      const found = sink.messages.filter((m) => m.envelopeTo.includes(address) && subject.test(m.parsed?.subject ?? '')).at(-1);
      if (!found) throw new Error(`no mail to ${address} matching ${subject}; got ${sink.messages.map((m) => `${m.envelopeTo} "${m.parsed?.subject}"`).join(', ')}`);
      return found.parsed!;
    },
    { timeout: 15_000, interval: 50 },
  );
}

function watch(page: Page): Page {
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return page;
}

/** Opens the person's match email link and continues to their page. */
async function signIn(context: BrowserContext, name: string): Promise<Page> {
  const mail = await mailTo(emailOf(name), /your Secret Santa match/);
  const link = /https?:\/\/\S+\/auth\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')![0];
  const page = watch(context.pages()[0] ?? (await context.newPage()));
  await page.goto(link);
  await page.getByRole('button', { name: 'Continue to my page' }).click();
  await page.waitForURL(/\/me$/);
  return page;
}

async function send(page: Page, label: string, text: string): Promise<void> {
  const form = page.locator('form', { has: page.getByLabel(label) });
  await form.getByLabel(label).fill(text);
  await form.getByRole('button', { name: 'Send message' }).click();
  await page.getByRole('status').filter({ hasText: 'Your message was sent.' }).waitFor();
}

async function docShot(page: Page, selector: string, name: string): Promise<void> {
  await page
    .locator(selector)
    .first()
    .screenshot({ path: join(DOCS, `${name}.png`) });
}

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'sk-e2e-between-'));
  ensureBuilt();
  sink = await startSmtpSink();
  server = await startServe(['--data-dir', join(dir, 'data'), '--host', '127.0.0.1']);
  await server.ok('smtp.set', sinkSmtpSettings(sink, { fromAddress: 'santa@example.test' }));
  await server.ok('settings.update', { organizer: { name: 'Olga Organizer', email: 'olga@example.com' } });
  phone = await launchChromium(join(dir, 'phone'), { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  desktop = await launchChromium(join(dir, 'desktop'), { viewport: { width: 1280, height: 900 } });
}, 180_000);

afterAll(async () => {
  await phone?.close();
  await desktop?.close();
  const code = await server?.stop();
  await sink?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe('between a Santa and their giftee, in Chromium', () => {
  it('messages both ways, a private address, and the reveal to everyone', async () => {
    const exchange = await server.ok<{ id: number }>('exchanges.create', {
      name: 'Lindqvist Family Christmas',
      exchangeAt: localInDays(20),
      registrationDeadline: localInDays(10),
      timezone: 'Europe/Stockholm',
      budget: { amount: '300', currency: 'SEK' },
      santaReveal: 'manual',
      santaRevealEmail: true,
    });
    for (const name of PEOPLE) await server.ok('participants.add', { exchangeId: exchange.id, name, email: emailOf(name), giftIdeas: `Something cosy for ${name.split(' ')[0]}` });
    await server.ok('exchanges.transition', { exchangeId: exchange.id, action: 'open' });
    await server.ok('exchanges.transition', { exchangeId: exchange.id, action: 'close' });
    await server.ok('exchanges.draw', { exchangeId: exchange.id });

    // The Santa, on a phone, learns their giftee.
    const santaName = PEOPLE[0]!;
    const santa = await signIn(phone, santaName);
    const gifteeName = (await santa.locator('.giftee-name').textContent())!;
    expect(PEOPLE).toContain(gifteeName);
    // The giftee, on a desktop, gives an address only their Santa will see.
    const giftee = await signIn(desktop, gifteeName);
    await giftee.getByLabel('Address for your Secret Santa').fill(ADDRESS);
    await giftee.getByLabel('Also put it in my Santa’s match email').check();
    await giftee.getByRole('button', { name: 'Save address' }).click();
    await giftee.getByRole('status').filter({ hasText: 'Your address was saved.' }).waitFor();
    await giftee.screenshot({ path: join(SHOTS, 'giftee-address-saved.png'), fullPage: true });

    // The Santa asks a question without giving themselves away.
    await santa.reload();
    await santa.getByRole('heading', { name: 'Where to send the gift' }).waitFor();
    expect(await santa.locator('.postal').innerText()).toBe(ADDRESS);
    await send(santa, `Your message to ${gifteeName}`, QUESTION);

    // The giftee is told by an email that names nobody and quotes nothing.
    const notice = await mailTo(emailOf(gifteeName), /you have a new message/);
    for (const secret of [...PEOPLE, 'wool', 'cotton', 'socks', 'Size 39']) {
      expect(notice.text ?? '').not.toContain(secret);
      expect(String(notice.html ?? '')).not.toContain(secret);
    }
    const noticeLink = /https?:\/\/\S+\/auth\/[A-Za-z0-9_-]+/.exec(notice.text ?? '')![0];
    await giftee.goto(noticeLink);
    await giftee.getByRole('button', { name: 'Continue to my page' }).click();
    await giftee.waitForURL(/\/me$/);
    const fromSanta = giftee.locator('.message-theirs');
    expect(await fromSanta.innerText()).toContain(QUESTION);
    expect(await fromSanta.innerText()).toContain('Your Secret Santa');
    expect(await giftee.locator('main').innerText()).not.toContain(santaName);
    await send(giftee, 'Your message to your Secret Santa', ANSWER);
    await mailTo(emailOf(santaName), /you have a new message/);

    // The Santa reads the answer, under the giftee's name, after the question.
    await santa.reload();
    const thread = santa.locator('.thread', { hasText: `Ask ${gifteeName}` });
    expect(await thread.locator('.message').allInnerTexts()).toEqual([expect.stringContaining(QUESTION), expect.stringContaining(ANSWER)]);
    expect(await thread.locator('.message-theirs').innerText()).toContain(gifteeName);
    await santa.screenshot({ path: join(SHOTS, 'santa-phone.png'), fullPage: true });
    await docShot(santa, '#messages', 'between-messages-phone');
    await docShot(santa, 'section[aria-labelledby="giftee-address-title"]', 'between-address-phone');
    await giftee.locator('#messages').scrollIntoViewIfNeeded();
    await giftee.screenshot({ path: join(DOCS, 'between-messages-desktop.png') });

    // After the party the organizer reveals the Santas to everyone: the giftee's page names theirs.
    const before = await giftee.locator('main').innerText();
    expect(before).not.toContain('Your Secret Santa was');
    await server.ok('exchanges.revealSantas', { exchangeId: exchange.id });
    await giftee.reload();
    const reveal = giftee.locator('.reveal');
    expect(await reveal.innerText()).toMatch(new RegExp(`Your Secret Santa was\\s+${santaName}`));
    await docShot(giftee, '.reveal', 'between-reveal-desktop');
    await santa.reload();
    await docShot(santa, '.reveal', 'between-reveal-phone');
    const revealMail = await mailTo(emailOf(gifteeName), /who was your Secret Santa/);
    expect(revealMail.text).toContain(santaName);
    expect(revealMail.subject).not.toContain(santaName);

    expect(problems).toEqual([]);
  });
});
