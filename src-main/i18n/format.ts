import { INTL_LOCALE, type Locale } from './locales';

/**
 * Formatting by the platform (`Intl`), the same for participant pages, emails and the organizer's
 * screens: a budget or a date reads identically wherever a person meets it. Building an `Intl`
 * formatter is costly, so each is made once per locale and option set.
 */

export interface Money {
  /** Decimal string as stored, e.g. "25" or "19.50". */
  amount: string;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

function kept<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let format = formatters.get(key) as T | undefined;
  if (!format) {
    format = make();
    if (formatters.size >= 500) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

/** "$30", "30 €", "19,50 £"; an unreadable amount or currency is shown as typed rather than failing. */
export function formatMoney(locale: Locale, money: Money): string {
  const value = Number(money.amount);
  if (money.amount.trim() === '' || !Number.isFinite(value)) return `${money.amount} ${money.currency}`.trim();
  try {
    const format = kept(
      `money|${locale}|${money.currency}`,
      () => new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency: money.currency, currencyDisplay: 'narrowSymbol', trailingZeroDisplay: 'stripIfInteger' }),
    );
    return (format as Intl.NumberFormat).format(value);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** "1,234" / "1.234" / "1 234". */
export function formatNumber(locale: Locale, value: number): string {
  return (kept(`number|${locale}`, () => new Intl.NumberFormat(INTL_LOCALE[locale])) as Intl.NumberFormat).format(value);
}

/** "Ann, Bob and Cy" / "Ann, Bob und Cy" / "Ann, Bob et Cy" / "Ann, Bob y Cy". */
export function formatList(locale: Locale, items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return (kept(`list|${locale}|${type}`, () => new Intl.ListFormat(INTL_LOCALE[locale], { style: 'long', type })) as Intl.ListFormat).format(items);
}

function zoned(locale: Locale, timezone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `date|${locale}|${timezone}|${JSON.stringify(options)}`;
  return kept(key, () => {
    try {
      return new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: timezone });
    } catch {
      // An unknown zone must not blank a page or an email: UTC, and the zone is named beside it.
      return new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: 'UTC' });
    }
  }) as Intl.DateTimeFormat;
}

/** "Saturday 19 December 2026" / "Samstag, 19. Dezember 2026" in the exchange's zone. */
export function formatDate(locale: Locale, at: number, timezone: string): string {
  return zoned(locale, timezone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

/** "18:00" / "6:00 pm" in the exchange's zone. */
export function formatTime(locale: Locale, at: number, timezone: string): string {
  return zoned(locale, timezone, { hour: '2-digit', minute: '2-digit' }).format(at);
}

/** "19 Dec 2026, 18:00": compact, for tables and lists. */
export function formatShortDateTime(locale: Locale, at: number, timezone: string): string {
  return zoned(locale, timezone, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
}
