import { CATALOGUES, DEFAULT_LOCALE, INTL_LOCALE, matchLocale, translator, type Locale, type Translator } from '@i18n';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { useSettings } from '../stores/settings';

/**
 * The organizer's screens speak the language chosen in Settings (`settings.locale`: the choice, or
 * the computer's). Until the settings arrive, the browser's language. Components word things with
 * `useT()`; stores and helpers outside React with `currentT()`. Rich text (a link or bold inside a
 * sentence) uses react-intl's `<FormattedMessage>`, under the same provider and catalogue.
 */

function browserLocale(): Locale {
  return (typeof navigator !== 'undefined' && matchLocale(navigator.language ?? '')) || DEFAULT_LOCALE;
}

function screenLocale(settingsLocale: Locale | undefined): Locale {
  return settingsLocale ?? browserLocale();
}

const TranslatorContext = createContext<Translator>(translator(DEFAULT_LOCALE));

function onError(error: unknown): void {
  console.error('[i18n]', error instanceof Error ? error.message : error);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = screenLocale(useSettings((s) => s.settings?.locale));
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <TranslatorContext.Provider value={translator(locale)}>
      <IntlProvider locale={INTL_LOCALE[locale]} messages={CATALOGUES[locale]} onError={onError}>
        {children}
      </IntlProvider>
    </TranslatorContext.Provider>
  );
}

/** The screens' translator: `t(key, values)`, money, dates, lists in the organizer's language. */
export function useT(): Translator {
  return useContext(TranslatorContext);
}

/** The same, outside React (stores, helpers): read when called, so it follows a change of language. */
export function currentT(): Translator {
  return translator(screenLocale(useSettings.getState().settings?.locale));
}
