import type { Locale } from '../locales';
import { CATALOGUES } from './index';
import type { Catalogue } from './types';

/**
 * One language's messages, for the translator. Here all four are modules; the main-process bundle
 * swaps this file for `./from-files.ts` (electron.vite.config.ts), which parses a language's JSON
 * on first use: a launch then reads only the languages it speaks, not ~540 KB of source.
 */
export function catalogue(locale: Locale): Catalogue {
  return CATALOGUES[locale];
}
