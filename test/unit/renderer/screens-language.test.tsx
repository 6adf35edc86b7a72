import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { Nav } from '../../../src-renderer/app/Nav';
import { I18nProvider } from '../../../src-renderer/lib/i18n';
import { SetupPage } from '../../../src-renderer/pages/SetupPage';
import { LanguageSection } from '../../../src-renderer/pages/settings/LanguageSection';
import { useSettings, type Settings } from '../../../src-renderer/stores/settings';

/** The organizer's language choice (issue #20): what the select offers, and screens that follow it. */

function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    organizer: null,
    timezone: 'Europe/Madrid',
    currency: 'EUR',
    reminderDays: [7, 3, 1],
    retentionDays: 30,
    publicBaseUrl: null,
    setupComplete: false,
    launchAtLogin: false,
    notifications: { registrations: true, draws: true, failures: true },
    signupNotices: 'each',
    language: 'auto',
    locale: 'de',
    systemLocale: 'de',
    ...overrides,
  };
}

/**
 * Renders on the server (no DOM here): zustand then reads the store's initial state (its server
 * snapshot), so the settings are put there for the test and taken out after it.
 */
function render(node: React.ReactNode, with_: Settings): string {
  useSettings.setState({ settings: with_ });
  useSettings.getInitialState().settings = with_;
  return renderToStaticMarkup(<I18nProvider>{node}</I18nProvider>);
}

/** The options of the first select, as [value, label]. */
function options(html: string): Array<[string, string]> {
  return [...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1]!, m[2]!]);
}

afterEach(() => {
  useSettings.getInitialState().settings = null;
  useSettings.setState({ settings: null });
});

describe('Settings → Language', () => {
  it('offers the computer’s language, then the four languages each named in itself', () => {
    const current = settings({ language: 'auto', locale: 'de', systemLocale: 'de' });
    const html = render(<LanguageSection settings={current} />, current);
    expect(options(html)).toEqual([
      ['auto', 'Wie dieser Computer (Deutsch)'],
      ['en', 'English'],
      ['de', 'Deutsch'],
      ['fr', 'Français'],
      ['es', 'Español'],
    ]);
    expect(html).toContain('Sprache dieser Ansicht');
    expect(html).toMatch(/<option value="auto" selected="">/);
  });

  it('shows the chosen language selected, worded in it', () => {
    const current = settings({ language: 'fr', locale: 'fr', systemLocale: 'en' });
    const html = render(<LanguageSection settings={current} />, current);
    expect(options(html)[0]).toEqual(['auto', 'Comme cet ordinateur (English)']);
    expect(html).toMatch(/<option value="fr" selected="">Français/);
    expect(html).toContain('Langue de ces écrans');
  });

  it('is part of the first step of the first-run setup', () => {
    const current = settings({ language: 'es', locale: 'es', systemLocale: 'en' });
    const html = render(<SetupPage />, current);
    expect(html).toContain('Te damos la bienvenida a Sneaky Klaus');
    expect(html).toContain('Idioma de estas pantallas');
    expect(html.indexOf('Idioma de estas pantallas')).toBeLessThan(html.indexOf('Continuar'));
  });
});

describe('the navigation follows the language', () => {
  it('names the four places and the failed count in Spanish', () => {
    const current = settings({ language: 'es', locale: 'es' });
    const html = render(<Nav route={{ page: 'outbox' }} failedEmails={2} version={null} />, current);
    for (const label of ['Intercambios', 'Bandeja de salida', 'Tareas', 'Ajustes', 'fallidos', 'Funciona en este ordenador']) expect(html).toContain(label);
    expect(html).toContain('aria-label="Menú principal"');
  });

  it('stays English by default', () => {
    const current = settings({ language: 'en', locale: 'en' });
    const html = render(<Nav route={{ page: 'exchanges' }} failedEmails={1} version="1.2.3" />, current);
    for (const label of ['Exchanges', 'Outbox', 'Jobs', 'Settings', 'failed', 'Version 1.2.3']) expect(html).toContain(label);
  });
});
