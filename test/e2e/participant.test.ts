import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/chromium';
import { ensureBuilt, localInDays, ROOT, type ServeProcess, startServe } from '../support/serve-process';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * One participant's whole journey in real Chromium at phone size, against `npm run serve` as a
 * child process sending real mail to a local SMTP sink. Screenshots: test-results/e2e/.
 */
const SHOTS = join(ROOT, 'test-results', 'e2e');
const ORGANIZER = { name: 'Olga Organizer', email: 'olga@example.com' };
const PERSON = { name: 'Maya Lindqvist', email: 'maya@example.com' };

let dir: string;
let sink: SmtpSink;
let server: ServeProcess;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

/** Waits until the page's heading says this (after a navigation). */
async function heading(text: string): Promise<void> {
  try {
    await page.locator('h1', { hasText: text }).waitFor({ timeout: 10_000 });
  } catch (error) {
    await shot('failure');
    throw new Error(
      `expected the heading "${text}" at ${page.url()}; the page says:\n${(
        await page
          .locator('main')
          .innerText()
          .catch(() => '')
      ).slice(0, 800)}`,
      { cause: error },
    );
  }
}

/** A phone-screen shot of what is in view; long pages also get a whole-page `-full` shot. */
async function shot(name: string, full = false): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  if (full) await page.screenshot({ path: join(SHOTS, `${name}-full.png`), fullPage: true });
}

/** The newest mail to an address whose subject matches, waiting for it to arrive. */
async function mailTo(address: string, subject: RegExp, timeoutMs = 15_000) {
  // Polls the sink's list (a state), bounded only against a hang.
  return vi.waitFor(
    () => {
      const found = sink.messages.filter((m) => m.envelopeTo.includes(address) && subject.test(m.parsed?.subject ?? '')).at(-1);
      if (!found) throw new Error(`no mail to ${address} matching ${subject}; got ${sink.messages.map((m) => `${m.envelopeTo} "${m.parsed?.subject}"`).join(', ')}`);
      return found.parsed!;
    },
    { timeout: timeoutMs, interval: 50 },
  );
}

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'sk-e2e-'));
  ensureBuilt();
  sink = await startSmtpSink();
  server = await startServe(['--data-dir', join(dir, 'data'), '--host', '127.0.0.1']);
  await server.ok('smtp.set', sinkSmtpSettings(sink, { fromAddress: 'santa@example.test' }));
  await server.ok('settings.update', { organizer: ORGANIZER });
  context = await launchChromium(join(dir, 'chromium'), {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
}, 180_000);

afterAll(async () => {
  await context?.close();
  const code = await server?.stop();
  await sink?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe('a participant in Chromium (390×844)', () => {
  it('registers, signs in from the welcome email, edits ideas, and sees their giftee after the draw', async () => {
    const exchange = await server.ok<{ id: number; inviteCode: string }>('exchanges.create', {
      name: 'Lindqvist Family Christmas',
      description: 'Dinner at Grandma’s, gifts after dessert.',
      location: 'Grandma’s house',
      exchangeAt: localInDays(30),
      registrationDeadline: localInDays(20),
      timezone: 'Europe/Berlin',
      budget: { amount: '25', currency: 'EUR' },
    });
    await server.ok('exchanges.transition', { exchangeId: exchange.id, action: 'open' });

    await page.goto(`${server.participantUrl}/i/${exchange.inviteCode}`);
    await heading('Lindqvist Family Christmas');
    await shot('01-invite', true);
    await page.getByLabel('Your name').fill(PERSON.name);
    await page.getByLabel('Your email', { exact: true }).fill(PERSON.email);
    await page.getByLabel('Gift ideas').fill('Wool socks\nhttps://example.com/a-good-book');
    await page.getByRole('button', { name: /^Join/ }).click();
    await heading('Check your inbox');
    await shot('02-check-inbox');

    const welcome = await mailTo(PERSON.email, /you're in/);
    const link = /https?:\/\/\S+\/auth\/[A-Za-z0-9_-]+/.exec(welcome.text ?? '')?.[0];
    expect(link, welcome.text).toBeDefined();
    expect(new URL(link!).port).toBe(new URL(server.participantUrl).port);
    await mailTo(ORGANIZER.email, /Maya Lindqvist signed up/);

    await page.goto(link!);
    await page.getByRole('button', { name: 'Continue to my page' }).waitFor();
    await shot('03-continue');
    await page.getByRole('button', { name: 'Continue to my page' }).click();
    await page.waitForURL(/\/me$/);
    expect(await page.locator('.eyebrow').textContent()).toBe(`Hello, ${PERSON.name}`);
    await page.getByText('Names haven’t been drawn yet').waitFor();
    await shot('04-me-before-draw', true);

    await page.getByLabel('Ideas for your Secret Santa').fill('Wool socks (size 39)\nA puzzle with 1000 pieces');
    await page.getByRole('button', { name: 'Save gift ideas' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Your gift ideas were saved.');
    expect(await page.getByLabel('Ideas for your Secret Santa').inputValue()).toBe('Wool socks (size 39)\nA puzzle with 1000 pieces');
    await shot('05-me-ideas-saved', true);

    const others = ['Johan', 'Astrid', 'Nils'];
    for (const name of others) {
      await server.ok('participants.add', { exchangeId: exchange.id, name: `${name} Lindqvist`, email: `${name.toLowerCase()}@example.com`, giftIdeas: `Something for ${name}` });
    }
    await server.ok('exchanges.transition', { exchangeId: exchange.id, action: 'close' });
    await server.ok('exchanges.draw', { exchangeId: exchange.id });

    await page.goto(new URL('/me', page.url()).href); // the host of the emailed link, where the cookie is
    const giftee = (await page.locator('.giftee-name').textContent())!;
    expect(others.map((n) => `${n} Lindqvist`)).toContain(giftee);
    await page.getByText(`Something for ${giftee.split(' ')[0]}`).waitFor();
    // The budget is shown once, in the exchange's details, not repeated on the giftee card.
    await page.getByText('€25').first().waitFor();
    expect(await page.getByText('€25').count()).toBe(1);
    await shot('06-me-after-draw', true);
    const match = await mailTo(PERSON.email, /your Secret Santa match/);
    expect(match.subject).not.toContain(giftee);
    expect(match.text).toContain(giftee);
    expect(match.text).toContain(`Something for ${giftee.split(' ')[0]}`);

    // The used welcome link says so at once (no Continue button that would only fail), and offers a fresh one.
    await page.goto(link!);
    await heading('This link was already used');
    expect(await page.getByRole('button', { name: 'Continue to my page' }).count()).toBe(0);
    await shot('07-link-used');
    await page.getByRole('link', { name: 'Email me a new link' }).click();
    await heading('Email me a login link');
    await shot('08-login');

    const listed = await server.ok<Array<{ name: string; emailConfirmed: boolean; assignmentViewed: boolean }>>('participants.list', { exchangeId: exchange.id });
    expect(listed.find((p) => p.name === PERSON.name)).toMatchObject({ emailConfirmed: true, assignmentViewed: true });
    // The only failed load is the deliberate one: the used link answers 410 Gone.
    expect(problems).toEqual(['console error: Failed to load resource: the server responded with a status of 410 (Gone)']);
  });
});
