import { createFormatters, createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './catalogues';
import { catalogue } from './catalogues/load';
import { formatDate, formatList, formatMoney, formatNumber, formatShortDateTime, formatTime, type Money } from './format';
import { INTL_LOCALE, type Locale } from './locales';

/** Values a message may take: ICU formats numbers (plurals) and dates itself. */
export type MessageValues = Readonly<Record<string, string | number | Date | null | undefined>>;

/** A text to show later, in whichever language the reader has: a key and its values. */
export interface Text {
  key: MessageKey;
  values?: MessageValues;
}

/** Everything that words or formats something for a reader in one language. */
export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, values?: MessageValues): string;
  /** A `Text` made elsewhere (a refusal from a service, a notice), in this language. */
  text(text: Text): string;
  money(money: Money): string;
  number(value: number): string;
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  date(at: number, timezone: string): string;
  time(at: number, timezone: string): string;
  /** "Saturday 19 December 2026 at 18:00 (Europe/Berlin)", worded by the language. */
  dateTime(at: number, timezone: string): string;
  shortDateTime(at: number, timezone: string): string;
  /** The underlying formatjs object, for what the helpers above do not cover (react-intl shares it). */
  readonly intl: IntlShape<string>;
}

/**
 * A message that cannot be formatted (a value missing at the call site) is a bug: tests fail on it;
 * a user sees the message's source text rather than a broken page.
 */
function onError(error: unknown): void {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (env?.VITEST) throw error;
  console.error('[i18n]', error instanceof Error ? error.message : error);
}

/**
 * Our locales are fixed (INTL_LOCALE) and all in the ICU Node and Electron ship. intl-messageformat
 * asks ICU, for every message it parses, which of them it has number data for, and that first
 * question loads the data (~20 ms on a slow machine) before a launch's first page, which formats
 * no number. The answer is known: the locale itself.
 */
IntlMessageFormat.resolveLocale = (locales) => new Intl.Locale(Array.isArray(locales) ? locales[0]! : locales);

const cache = createIntlCache();
const translators = new Map<Locale, Translator>();

function makeTranslator(locale: Locale): Translator {
  const messages = catalogue(locale);
  const intlLocale = INTL_LOCALE[locale];
  const formatters = createFormatters(cache);
  // The formatjs object is made on first use: `createIntl` too asks ICU about number data (see
  // above). It shares the cache.
  let intl: IntlShape<string> | undefined;
  // Each message parsed once and kept by key: `intl.formatMessage` would look it up again on every
  // call through a cache keyed by serialising its arguments, a good part of an email's rendering.
  const parsed = new Map<MessageKey, ReturnType<typeof formatters.getMessageFormat>>();
  const t = (key: MessageKey, values?: MessageValues): string => {
    const source = messages[key] as string | undefined;
    try {
      if (source === undefined) throw new Error(`No message "${key}" in the ${locale} catalogue.`);
      let format = parsed.get(key);
      if (!format) {
        format = formatters.getMessageFormat(source, intlLocale, {}, { formatters });
        parsed.set(key, format);
      }
      const out = format.format(values as Record<string, string | number | Date>);
      return typeof out === 'string' ? out : Array.isArray(out) ? out.join('') : String(out);
    } catch (error) {
      onError(error);
      return source ?? key;
    }
  };
  return {
    locale,
    get intl() {
      return (intl ??= createIntl({ locale: intlLocale, messages, onError }, cache));
    },
    t,
    text: (text) => t(text.key, text.values),
    money: (money) => formatMoney(locale, money),
    number: (value) => formatNumber(locale, value),
    list: (items, type) => formatList(locale, items, type),
    date: (at, timezone) => formatDate(locale, at, timezone),
    time: (at, timezone) => formatTime(locale, at, timezone),
    dateTime: (at, timezone) => t('common.dateTimeInZone', { date: formatDate(locale, at, timezone), time: formatTime(locale, at, timezone), zone: timezone }),
    shortDateTime: (at, timezone) => formatShortDateTime(locale, at, timezone),
  };
}

/** The translator for a language: made once, kept (with each message it has parsed). */
export function translator(locale: Locale): Translator {
  let found = translators.get(locale);
  if (!found) {
    found = makeTranslator(locale);
    translators.set(locale, found);
  }
  return found;
}

/** Whether a string is one of our message keys (every catalogue has the same keys as English's). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogue('en'), key);
}
