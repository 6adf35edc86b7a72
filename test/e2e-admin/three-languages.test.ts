import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { ParsedMail } from 'mailparser';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CATALOGUES, translator, type Locale, type MessageKey } from '../../src-main/i18n';
import { launchChromium } from '../support/chromium';
import { englishLeft } from '../support/english-left';
import { localInDays } from '../support/serve-process';
import { pageText } from './support/admin';
import { startAdminStage, type AdminStage } from './support/stage';

/**
 * Issue #20 done: one exchange, end to end, with three languages at once. The organizer works in
 * Spanish; Anna signs up from a German browser and Bruno from a French one; Carla, added by the
 * organizer, follows the exchange (Spanish). Each reads their pages and every email (welcome,
 * match, "the party moved") in their own language, with the budget and the date worded the same on
 * the page and in the email; Anna's change to French on her page reaches her next email. The
 * organizer's screens, emails and the API's refusals are Spanish.
 * Selectors come from the catalogues, so a reworded translation does not break the story.
 */
const EXCHANGE = 'Navidad en familia';
const ZONE = 'Europe/Madrid';
const BUDGET = { amount: '25', currency: 'EUR' };
const PEOPLE = {
  anna: { name: 'Anna Schmidt', email: 'anna@example.com', locale: 'de' as Locale, accept: 'de-DE,de;q=0.9,en;q=0.5', browser: 'de-DE' },
  bruno: { name: 'Bruno Lefèvre', email: 'bruno@example.com', locale: 'fr' as Locale, accept: 'fr-FR,fr;q=0.9', browser: 'fr-FR' },
  carla: { name: 'Carla Ruiz', email: 'carla@example.com', locale: 'es' as Locale },
};
const NAMES = [EXCHANGE, 'Sneaky Klaus', ZONE, 'Olga Ortega', ...Object.values(PEOPLE).flatMap((p) => [p.name, p.email]), 'Casa de la abuela', 'Casa de los abuelos'];

let stage: AdminStage;
let exchange: { id: number; inviteCode: string; exchangeAtUtc: number };
const contexts: BrowserContext[] = [];
const dirs: string[] = [];
/** Mail may carry a non-breaking space ("25 €", "tu participes !") as a plain one: compare without. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const say = (locale: Locale, key: MessageKey, values?: Record<string, string | number>) => translator(locale).t(key, values);

/** The latest email to `address` whose subject starts as the catalogue's subject does in `locale`. */
function mailTo(address: string, locale: Locale, key: MessageKey, values: Record<string, string> = {}): Promise<ParsedMail> {
  const marker = '\u0001';
  const prefix = plain(say(locale, key, { exchange: EXCHANGE, when: marker, name: marker, count: 1, ...values }).split(marker)[0]!);
  return vi.waitFor(
    () => {
      const found = stage.sink!.messages.filter((m) => m.envelopeTo.includes(address) && plain(m.parsed?.subject ?? '').startsWith(prefix)).at(-1);
      if (!found) throw new Error(`no "${prefix}" email to ${address} yet; got: ${stage.sink!.messages.map((m) => m.parsed?.subject).join(' | ')}`);
      return found.parsed!;
    },
    { timeout: 30_000, interval: 100 },
  );
}

/** Subject, text and HTML of an email carry no English for its reader, and say the page's `html lang`. */
function expectWorded(mail: ParsedMail, locale: Locale, what: string): void {
  const text = `${mail.subject}\n${mail.text}`;
  expect(englishLeft(locale, text, NAMES), `${what}:\n${text}`).toEqual([]);
  expect(String(mail.html), what).toContain(`lang="${locale}"`);
}

async function phone(locale: string, accept: string): Promise<Page> {
  const dir = mkdtempSync(join(tmpdir(), 'sk-chromium-lang-'));
  dirs.push(dir);
  const context = await launchChromium(dir, { viewport: { width: 390, height: 844 }, locale, extraHTTPHeaders: { 'Accept-Language': accept } });
  contexts.push(context);
  return context.pages()[0] ?? context.newPage();
}

/** Visible text without English, the right `html lang`, and nothing for axe. */
async function expectPage(page: Page, locale: Locale, where: string): Promise<string> {
  await page.locator(`html[lang="${locale}"]`).waitFor();
  const text = await page.evaluate(() => `${document.title}\n${document.body.innerText}`);
  expect(englishLeft(locale, text, NAMES), `${where}:\n${text}`).toEqual([]);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.help}`),
    where,
  ).toEqual([]);
  return text;
}

/** Signs up with the invite link in the browser's language, then opens the page from the welcome email. */
async function signUp(person: (typeof PEOPLE)['anna'] | (typeof PEOPLE)['bruno']): Promise<Page> {
  const page = await phone(person.browser, person.accept);
  const c = CATALOGUES[person.locale];
  await page.goto(`${stage.serve.participantUrl}/i/${exchange.inviteCode}`);
  await expectPage(page, person.locale, `${person.name}: invite`);
  await page.getByLabel(c['page.field.name.label'], { exact: true }).fill(person.name);
  await page.getByLabel(c['page.field.email.label'], { exact: true }).fill(person.email);
  await page.getByRole('button', { name: say(person.locale, 'page.invite.submit', { exchange: EXCHANGE }) }).click();
  await page.getByRole('heading', { name: c['page.checkInbox.title'] }).waitFor();

  const welcome = await mailTo(person.email, person.locale, 'mail.welcome.subject');
  expectWorded(welcome, person.locale, `${person.name}: welcome email`);
  const link = /https?:\/\/\S+\/auth\/[A-Za-z0-9_-]+/.exec(welcome.text ?? '')![0];
  await page.goto(link);
  await page.getByRole('button', { name: c['page.continue.button'] }).click();
  await page.waitForURL(/\/me$/);
  await expectPage(page, person.locale, `${person.name}: own page`);
  return page;
}

beforeAll(async () => {
  stage = await startAdminStage({ name: 'three-languages', timezoneId: ZONE, smtp: { fromAddress: 'santa@example.test' } });
  await stage.rpc('settings.update', { organizer: { name: 'Olga Ortega', email: 'olga@example.com' }, language: 'es' });
  exchange = await stage.rpc('exchanges.create', { name: EXCHANGE, location: 'Casa de la abuela', exchangeAt: localInDays(20), timezone: ZONE, budget: BUDGET });
  await stage.rpc('participants.add', { exchangeId: exchange.id, name: PEOPLE.carla.name, email: PEOPLE.carla.email });
  await stage.rpc('exchanges.transition', { exchangeId: exchange.id, action: 'open' });
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await stage?.close();
});

describe('one exchange in German, French and Spanish at once', () => {
  it('a new exchange starts in the organizer’s language', async () => {
    expect(await stage.rpc<{ locale: string }>('exchanges.get', { exchangeId: exchange.id })).toMatchObject({ locale: 'es' });
  });

  it('runs end to end, everyone in their own language', async () => {
    const anna = await signUp(PEOPLE.anna);
    const bruno = await signUp(PEOPLE.bruno);
    const people = await stage.rpc<Array<{ name: string; locale: string | null }>>('participants.list', { exchangeId: exchange.id });
    expect(Object.fromEntries(people.map((p) => [p.name, p.locale]))).toEqual({ [PEOPLE.anna.name]: 'de', [PEOPLE.bruno.name]: 'fr', [PEOPLE.carla.name]: null });

    // The organizer was told of each sign-up, in Spanish.
    expectWorded(await mailTo('olga@example.com', 'es', 'mail.newSignup.subject', { name: PEOPLE.bruno.name }), 'es', 'sign-up notice to the organizer');

    // The organizer's screens, in Spanish.
    const { page } = stage;
    await page.goto(stage.adminUrl());
    await page.getByRole('link', { name: EXCHANGE }).click();
    await page.getByRole('heading', { level: 1, name: EXCHANGE }).waitFor();
    await expectPage(page, 'es', 'organizer: the exchange');
    expect(englishLeft('es', await pageText(page), NAMES)).toEqual([]);

    // A refusal of the API, in Spanish, with the same code as in English.
    const twice = await stage.serve.rpc('participants.add', { exchangeId: exchange.id, name: PEOPLE.carla.name, email: PEOPLE.carla.email });
    expect(twice.body.ok).toBe(false);
    const refusal = twice.body.error!;
    expect(refusal.code).toBe('conflict');
    expect(englishLeft('es', refusal.message, NAMES), refusal.message).toEqual([]);
    expect(refusal.message).toContain(PEOPLE.carla.name);

    await stage.rpc('exchanges.transition', { exchangeId: exchange.id, action: 'close' });
    await stage.rpc('exchanges.draw', { exchangeId: exchange.id });

    for (const [who, page] of [
      [PEOPLE.anna, anna],
      [PEOPLE.bruno, bruno],
    ] as const) {
      const t = translator(who.locale);
      const match = await mailTo(who.email, who.locale, 'mail.match.subject');
      expectWorded(match, who.locale, `${who.name}: match email`);
      // The same budget and date, worded the same, on the page and in the email.
      const money = plain(t.money(BUDGET));
      const date = plain(t.date(exchange.exchangeAtUtc, ZONE));
      expect(plain(match.text ?? '')).toContain(money);
      expect(plain(match.text ?? '')).toContain(date);
      await page.reload();
      const text = plain(await expectPage(page, who.locale, `${who.name}: page after the draw`));
      expect(text).toContain(money);
      expect(text).toContain(date);
      // The calendar file speaks the reader's language too.
      const ics = match.attachments.find((a) => a.filename?.endsWith('.ics'));
      const calendar = plain((ics?.content.toString('utf8') ?? '').replace(/\r\n[ \t]/g, ''));
      expect(calendar).toContain(`SUMMARY:${plain(say(who.locale, 'mail.ics.summary', { exchange: EXCHANGE }))}`);
    }
    const carlaMatch = await mailTo(PEOPLE.carla.email, 'es', 'mail.match.subject');
    expectWorded(carlaMatch, 'es', 'Carla: match email');
    expect(plain(carlaMatch.text ?? '')).toContain(plain(translator('es').money(BUDGET)));

    // Anna changes her page to French: the page answers in French at once, and later emails follow.
    await anna.getByLabel(CATALOGUES.de['page.language.label']).selectOption({ label: 'Français' });
    await anna.getByRole('button', { name: CATALOGUES.de['page.language.save'] }).click();
    await expectPage(anna, 'fr', 'Anna: page after choosing French');
    // The organizer moves the party: everyone is told, each in their own language. (Reminders,
    // which need days to pass, are followed per language in test/integration/mail/languages.test.ts.)
    await stage.rpc('exchanges.update', { exchangeId: exchange.id, patch: { location: 'Casa de los abuelos' } });
    for (const [who, locale] of [
      [PEOPLE.anna, 'fr'],
      [PEOPLE.bruno, 'fr'],
      [PEOPLE.carla, 'es'],
    ] as const) {
      const moved = await mailTo(who.email, locale, 'mail.updated.subject');
      expectWorded(moved, locale, `${who.name}: the party moved`);
      expect(moved.text).toContain('Casa de los abuelos');
    }

    expect(stage.pageErrors).toEqual([]);
  });
});
