/**
 * The languages the product speaks. Adding one is one catalogue file plus a line here and in
 * `catalogues/index.ts` (docs/translating.md).
 */
export const LOCALES = ['en', 'de', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, for language pickers (a German reader looks for "Deutsch"). */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español' };

/**
 * The `Intl` locale behind each language. English dates read the British way ("Saturday 19
 * December 2026"), as they always have here; money uses the narrow symbol everywhere ("$30", "30 €").
 */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** "de-AT", "DE", "fr_CA" → the language we speak for it, or null. */
export function matchLocale(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(primary) ? primary : null;
}

/**
 * The best of our languages for an `Accept-Language` header ("de-CH,de;q=0.9,en;q=0.8"), by the
 * browser's own order of preference; null when it names none of them (or is missing or garbled).
 */
export function pickLocale(header: string | null | undefined): Locale | null {
  if (!header || header.length > 1000) return null;
  // Browsers send the same few headers on every page; reading one costs a page ~1 µs.
  let picked = picks.get(header);
  if (picked === undefined) {
    picked = readAcceptLanguage(header);
    if (picks.size >= 200) picks.clear();
    picks.set(header, picked);
  }
  return picked;
}

const picks = new Map<string, Locale | null>();

function readAcceptLanguage(header: string): Locale | null {
  let best: { locale: Locale; q: number; at: number } | null = null;
  header.split(',').forEach((part, at) => {
    const [tag = '', ...params] = part.split(';');
    const locale = matchLocale(tag);
    if (!locale) return;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) return;
    if (!best || q > best.q || (q === best.q && at < best.at)) best = { locale, q, at };
  });
  return (best as { locale: Locale } | null)?.locale ?? null;
}
