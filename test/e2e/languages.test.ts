import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../src-main/i18n';
import { launchChromium } from '../support/chromium';
import { cleanPng } from '../support/doc-images';
import { englishLeft } from '../support/english-left';
import { ensureBuilt, localInDays, ROOT, type ServeProcess, startServe } from '../support/serve-process';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * A German browser in real Chromium at phone size: it registers with the invite link of an
 * English exchange, opens its page, adds gift ideas, and meets no English on the way (names
 * aside: the words of our English catalogue that the German one never uses); axe finds nothing. Then it switches the page to Français. Screenshots of the German
 * invite and /me and the French /me go to docs/languages/.
 */
const DOCS = join(ROOT, 'docs', 'languages');
const GERMAN = 'de-DE,de;q=0.9';

let dir: string;
let sink: SmtpSink;
let server: ServeProcess;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

/** The visible text has no English, `<html lang>` is right and axe finds no violation at all. */
async function check(where: string, locale: string, names: readonly string[]): Promise<void> {
  await page.locator(`html[lang="${locale}"]`).waitFor();
  const text = await page.evaluate(() => `${document.title}\n${document.body.innerText}`);
  expect(englishLeft(locale as Locale, text, names), `${where}:\n${text}`).toEqual([]);
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help}`),
    where,
  ).toEqual([]);
}

/** A phone-width shot of the whole page into docs/languages/, encoded so its bytes spell no stray word. */
async function docShot(name: string): Promise<void> {
  writeFileSync(join(DOCS, `${name}.png`), cleanPng(await page.screenshot({ fullPage: true })));
}

async function mailTo(address: string) {
  return vi.waitFor(
    () => {
      const found = sink.messages.filter((m) => m.envelopeTo.includes(address) && /\/auth\//.test(m.parsed?.text ?? '')).at(-1);
      if (!found) throw new Error(`no link mailed to ${address}`);
      return found.parsed!;
    },
    { timeout: 15_000, interval: 50 },
  );
}

beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'sk-e2e-lang-'));
  ensureBuilt();
  sink = await startSmtpSink();
  server = await startServe(['--data-dir', join(dir, 'data'), '--host', '127.0.0.1']);
  await server.ok('smtp.set', sinkSmtpSettings(sink, { fromAddress: 'santa@example.test' }));
  await server.ok('settings.update', { organizer: { name: 'Olga Organizer', email: 'olga@example.com' } });
  context = await launchChromium(join(dir, 'chromium'), {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'de-DE',
    extraHTTPHeaders: { 'Accept-Language': GERMAN },
  });
  page = context.pages()[0] ?? (await context.newPage());
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

describe('a German browser on an English exchange (Chromium, 390 px)', () => {
  it('the English-word check finds English, and passes German and names', () => {
    expect(englishLeft('de', 'Save your gift ideas for Greta', ['Greta'])).toEqual(expect.arrayContaining(['save', 'your', 'gift', 'ideas']));
    expect(englishLeft('de', 'Speichere deine Geschenkideen für Greta Berger', ['Greta Berger'])).toEqual([]);
  });

  it('registers, opens its page and adds gift ideas in German, then switches to French', async () => {
    const exchangeName = 'Weihnachten bei Familie Berger';
    const person = 'Greta Berger';
    const exchange = await server.ok<{ id: number; inviteCode: string }>('exchanges.create', {
      name: exchangeName,
      location: 'Bei Oma',
      exchangeAt: localInDays(30),
      registrationDeadline: localInDays(20),
      timezone: 'Europe/Berlin',
      budget: { amount: '25', currency: 'EUR' },
      locale: 'en',
    });
    await server.ok('exchanges.transition', { exchangeId: exchange.id, action: 'open' });
    const names = [exchangeName, person, 'Bei Oma', 'Sneaky Klaus', 'Europe/Berlin', 'greta@example.com'];

    await page.goto(`${server.participantUrl}/i/${exchange.inviteCode}`);
    await page.getByText('Du bist zum Wichteln eingeladen').waitFor();
    await check('invite', 'de', names);
    await docShot('de-invite');
    await page.getByLabel('Dein Name').fill(person);
    await page.getByLabel('Deine E-Mail-Adresse').fill('greta@example.com');
    await page.getByLabel('Geschenkideen').fill('Wollsocken');
    expect(await page.getByLabel('Sprache dieser Seite und deiner E-Mails').inputValue()).toBe('de');
    await page.getByRole('button', { name: `Bei ${exchangeName} mitmachen` }).click();
    await page.getByRole('heading', { name: 'Schau in dein Postfach' }).waitFor();
    await check('check inbox', 'de', names);

    const welcome = await mailTo('greta@example.com');
    const link = /https?:\/\/\S+\/auth\/[A-Za-z0-9_-]+/.exec(welcome.text ?? '')![0];
    await page.goto(link);
    await page.getByRole('button', { name: 'Weiter zu meiner Seite' }).waitFor();
    await check('continue', 'de', names);
    await page.getByRole('button', { name: 'Weiter zu meiner Seite' }).click();
    await page.waitForURL(/\/me$/);
    expect(await page.locator('.eyebrow').textContent()).toBe(`Hallo, ${person}`);
    await check('me', 'de', names);

    await page.getByLabel('Ideen für deinen Wichtel').fill('Wollsocken (Größe 39)\nEin Puzzle mit 1000 Teilen');
    await page.getByRole('button', { name: 'Geschenkideen speichern' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Deine Geschenkideen sind gespeichert.');
    await check('me after saving ideas', 'de', [...names, 'Wollsocken', 'Puzzle']);
    await page.goto(new URL('/me', page.url()).href);
    await docShot('de-me');

    await page.getByLabel('Sprache dieser Seite und deiner E-Mails').selectOption({ label: 'Français' });
    await page.getByRole('button', { name: 'Sprache ändern' }).click();
    await page.locator('html[lang="fr"]').waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Ta langue est enregistrée. Ta page et tes e-mails sont désormais en français.');
    expect(await page.locator('.eyebrow').textContent()).toBe(`Bonjour ${person}`);
    await page.getByText('Tes idées de cadeaux', { exact: true }).waitFor();
    expect(await page.getByLabel('Langue de cette page et de tes e-mails').inputValue()).toBe('fr');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.goto(new URL('/me', page.url()).href);
    await docShot('fr-me');

    const listed = await server.ok<Array<{ name: string; locale: string | null }>>('participants.list', { exchangeId: exchange.id });
    expect(listed.find((p) => p.name === person)?.locale).toBe('fr');
    expect(problems).toEqual([]);
  });
});
