import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_NAMES, translator, type Locale } from '../../src-main/i18n';
import { ROOT } from '../support/serve-process';
import { startAdminStage, type AdminStage } from './support/stage';

/**
 * The organizer's screens in Spanish (issue #20), in Chromium against `npm run serve`: the language
 * is chosen in Settings, every screen then speaks it (`html[lang=es]`, no English words in the
 * parts the pages word themselves), axe finds nothing, and "Same as this computer" goes back.
 */

/**
 * The parts of a screen the pages word themselves: the navigation, the page title and its line,
 * the tabs, the cards' titles and intros, and the lists' names. Component-worded parts inside them
 * are left out by name (EXCLUDED) until the components are translated; then OWN can become `main, nav`.
 */
const OWN = ['nav.nav', 'h1', '.page-head__sub', 'nav.tabs', '.card__head h2', '.card__intro'];
/** Worded by components and lib helpers (another lane): the state badge and the "next step" card. */
const EXCLUDED = ['.badge', '.next-step'];

/** Frequent English words of the `admin` catalogue; none is a Spanish word. */
const ENGLISH = [
  'the',
  'your',
  'you',
  'and',
  'exchange',
  'exchanges',
  'participant',
  'participants',
  'settings',
  'save',
  'draw',
  'email',
  'emails',
  'names',
  'outbox',
  'jobs',
  'add',
  'people',
  'invite',
  'link',
  'backup',
  'backups',
  'language',
  'loading',
  'delete',
  'remove',
  'cards',
  'overview',
  'exclusions',
  'households',
  'reminders',
  'sending',
  'history',
  'maintenance',
  'now',
  'new',
  'create',
  'with',
  'this',
  'is',
  'are',
  'of',
  'for',
  'not',
  'yet',
  'nothing',
  'coming',
  'up',
  'who',
  'what',
  'when',
  'about',
  'defaults',
  'data',
  'here',
  'runs',
  'computer',
];
const ENGLISH_WORD = new RegExp(`\\b(${ENGLISH.join('|')})\\b`, 'i');

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

/** The text and the accessible names of the screen's own parts, component parts taken out. */
async function ownWords(): Promise<string[]> {
  return stage.page.evaluate(
    ({ own, excluded }) => {
      const texts: string[] = [];
      for (const el of document.querySelectorAll(own.join(','))) {
        const copy = el.cloneNode(true) as HTMLElement;
        for (const part of copy.querySelectorAll(excluded.join(','))) part.remove();
        if (el.closest(excluded.join(','))) continue;
        texts.push(copy.textContent ?? '');
        if (el.getAttribute('aria-label')) texts.push(el.getAttribute('aria-label')!);
      }
      for (const el of document.querySelectorAll('main ul[aria-label], main section[aria-label]')) texts.push(el.getAttribute('aria-label')!);
      return texts.map((t) => t.trim()).filter(Boolean);
    },
    { own: OWN, excluded: EXCLUDED },
  );
}

function english(texts: string[]): string[] {
  return texts.map((text) => PEOPLE.concat(EXCHANGE, 'Sneaky Klaus').reduce((rest, name) => rest.replaceAll(name, ''), text)).filter((text) => ENGLISH_WORD.test(text));
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
      const words = await ownWords();
      expect(words.length, 'the screen has parts of its own to check').toBeGreaterThan(2);
      expect(english(words)).toEqual([]);
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
