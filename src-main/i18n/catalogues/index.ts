import type { Locale } from '../locales';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import type { Catalogue } from './types';

export type { Catalogue, MessageKey } from './types';

/** Every language's messages. Registering a language: its file, a line here and in `../locales.ts`. */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, de, fr, es };
