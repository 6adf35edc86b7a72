import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_NAMES, translator, type Locale } from '../../src-main/i18n';
import { englishLeft } from '../support/english-left';
import { ROOT } from '../support/serve-process';
import { startAdminStage, type AdminStage } from './support/stage';

/**
 * The organizer's screens in Spanish (issue #20), in Chromium against `npm run serve`: the language
 * is chosen in Settings, every screen then speaks it (`html[lang=es]`, no English word anywhere a
 * person can read, names and data aside), axe finds nothing, and "Same as this computer" goes back.
 */

/** Data of the story, allowed in any language. */
const EXCHANGE = 'Navidad en familia';
const PEOPLE = ['Ana García', 'Luis Pérez', 'Marta Ruiz', 'Pablo Sanz'];

const SHOTS = join(ROOT, 'docs/languages');

let stage: AdminStage;
let exchangeId: number;

beforeAll(async () => {
  stage = await startAdminStage({ name: 'languages', timezoneId: 'Europe/Madrid' });
  await stage.rpc('settings.update', { organizer: { name: 'Carmen', email: 'carmen@example.test' }, timezone: 'Europe/Madrid', setupComplete: true });
  const exchange = await stage.rpc<{ id: number }>('exchanges.create', { name: EXCHANGE, exchangeAt: '2030-12-24T18:00', timezone: 'Europe/Madrid' });
  exchangeId = exchange.id;
  for (const name of PEOPLE) await stage.rpc('participants.add', { exchangeId, name, email: `${name.split(' ')[0]!.toLowerCase()}@example.test` });
});

afterAll(async () => {
  await stage?.close();
});

/** What a person can read on the screen: its text and the accessible names of its lists and sections. */
async function screenTexts(): Promise<string> {
  return stage.page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label') ?? '');
    return [document.title, document.body.innerText, ...labels].join('\n');
  });
}

function english(text: string): string[] {
  // Product names (the mail presets) and file paths (where the password is kept) are not English prose.
  const prose = text.replace(/\S*\/\S*/g, '');
  return englishLeft('es', prose, [...PEOPLE, EXCHANGE, 'Carmen', 'carmen@example.test', 'Europe/Madrid', 'iCloud Mail', 'Yahoo Mail']);
}

async function axeViolations(): Promise<string[]> {
  const results = await new AxeBuilder({ page: stage.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Opens a screen by its address and waits for its heading. */
async function open(hash: string, heading: string): Promise<void> {
  await stage.page.evaluate((h) => (window.location.hash = h), hash);
  await stage.page.getByRole('heading', { level: 1, name: heading }).waitFor();
  // Lists and cards arrive after the heading; the text is judged once the network is quiet.
  await stage.page.waitForLoadState('networkidle');
}

const es = translator('es');

describe('the organizer screens in Spanish (real browser, npm run serve)', () => {
  it('switches at once when Español is chosen in Settings', async () => {
    const { page } = stage;
    await page.goto(stage.adminUrl());
    await page.getByRole('link', { name: translator('en').t('admin.nav.settings') }).click();
    const select = page.getByLabel(translator('en').t('admin.settings.language'));
    await select.selectOption('es');
    await page.getByRole('heading', { level: 1, name: es.t('admin.settings.title') }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect((await stage.rpc<{ language: string }>('settings.get')).language).toBe('es');
    // The language choices are named in themselves, whatever the screens' language.
    const options = await page.getByLabel(es.t('admin.settings.language')).locator('option').allTextContents();
    expect(options.slice(1)).toEqual(['English', 'Deutsch', 'Français', 'Español']);
  });

  const screens: Array<{ name: string; hash: () => string; heading: () => string; shot?: string }> = [
    { name: 'exchanges', hash: () => '#/exchanges', heading: () => es.t('admin.exchanges.title') },
    { name: 'new exchange', hash: () => '#/exchanges/new', heading: () => es.t('admin.newExchange.title') },
    { name: 'exchange overview', hash: () => `#/exchanges/${exchangeId}`, heading: () => EXCHANGE },
    { name: 'exchange participants', hash: () => `#/exchanges/${exchangeId}/participants`, heading: () => EXCHANGE, shot: 'es-participants' },
    { name: 'exchange exclusions', hash: () => `#/exchanges/${exchangeId}/rules`, heading: () => EXCHANGE },
    { name: 'exchange draw', hash: () => `#/exchanges/${exchangeId}/draw`, heading: () => EXCHANGE },
    { name: 'exchange cards and table', hash: () => `#/exchanges/${exchangeId}/everyone`, heading: () => EXCHANGE },
    { name: 'outbox', hash: () => '#/outbox', heading: () => es.t('admin.outbox.title') },
    { name: 'jobs', hash: () => '#/jobs', heading: () => es.t('admin.jobs.title') },
    { name: 'settings', hash: () => '#/settings', heading: () => es.t('admin.settings.title'), shot: 'es-settings' },
  ];
  for (const screen of screens) {
    it(`words the ${screen.name} screen in Spanish, with no axe violation`, async () => {
      await open(screen.hash(), screen.heading());
      expect(await stage.page.locator('html').getAttribute('lang')).toBe('es');
      const text = await screenTexts();
      expect(english(text), text).toEqual([]);
      expect(await axeViolations()).toEqual([]);
      if (screen.shot) {
        mkdirSync(SHOTS, { recursive: true });
        await stage.page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
        await stage.page.screenshot({ path: join(SHOTS, `${screen.shot}.png`) });
      }
    });
  }

  it('the tabs and the page title follow the language too', async () => {
    await open(`#/exchanges/${exchangeId}/participants`, EXCHANGE);
    const tabs = stage.page.getByRole('navigation', { name: es.t('admin.exchange.tabs') });
    await tabs.getByRole('link', { name: es.t('admin.exchange.tabParticipants', { count: PEOPLE.length }) }).waitFor();
    await stage.page.getByText(es.t('admin.exchange.participantCount', { count: PEOPLE.length })).waitFor();
  });

  it('goes back to the computer’s language with "Same as this computer"', async () => {
    const { page } = stage;
    await open('#/settings', es.t('admin.settings.title'));
    const { systemLocale } = await stage.rpc<{ systemLocale: Locale }>('settings.get');
    const auto = es.t('admin.settings.languageAuto', { language: LOCALE_NAMES[systemLocale] });
    await page.getByLabel(es.t('admin.settings.language')).selectOption({ label: auto });
    const back = translator(systemLocale);
    await page.getByRole('heading', { level: 1, name: back.t('admin.settings.title') }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(systemLocale);
    const settings = await stage.rpc<{ language: string; locale: string }>('settings.get');
    expect(settings).toMatchObject({ language: 'auto', locale: systemLocale });
    expect(stage.pageErrors).toEqual([]);
  });
});
