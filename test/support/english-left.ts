import { CATALOGUES, LOCALE_NAMES, type Locale } from '../../src-main/i18n';

/**
 * Finds English left on a page or in an email that should be in another language: the words of
 * our English catalogue that the other language's catalogue never uses ("gift", "your", "draw"…),
 * found in the text. Words both use ("Sneaky", "Klaus", "Name", German "also" and "will") do not
 * count, nor the languages' own names in a language picker ("English"), nor the `allowed` ones
 * (people's names, an exchange's name, typed gift ideas).
 */

function words(text: string): string[] {
  return (
    text
      .replace(/\{[^{}]*\}/g, ' ')
      .toLowerCase()
      .match(/\p{L}{3,}/gu) ?? []
  );
}

const cataloguesWords = new Map<Locale, Set<string>>();

function catalogueWords(locale: Locale): Set<string> {
  let found = cataloguesWords.get(locale);
  if (!found) {
    found = new Set(Object.values(CATALOGUES[locale]).flatMap(words));
    cataloguesWords.set(locale, found);
  }
  return found;
}

/** The English words in `text` that a reader of `locale` should never see (empty: none). */
export function englishLeft(locale: Locale, text: string, allowed: readonly string[] = []): string[] {
  const own = catalogueWords(locale);
  const english = catalogueWords('en');
  const allow = new Set([...Object.values(LOCALE_NAMES), ...allowed].flatMap(words));
  return [...new Set(words(text).filter((w) => english.has(w) && !own.has(w) && !allow.has(w)))];
}
