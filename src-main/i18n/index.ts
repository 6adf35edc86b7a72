/**
 * Languages: the catalogues, choosing a language, and wording and formatting for a reader. A leaf
 * room: it imports nothing of ours, and everything (the renderer too, as `@i18n`) may import it.
 */
export { CATALOGUES, type Catalogue, type MessageKey } from './catalogues';
export { formatDate, formatList, formatMoney, formatNumber, formatShortDateTime, formatTime, type Money } from './format';
export { DEFAULT_LOCALE, INTL_LOCALE, isLocale, LOCALE_NAMES, LOCALES, matchLocale, pickLocale, type Locale } from './locales';
export { isMessageKey, translator, type MessageValues, type Text, type Translator } from './translate';
