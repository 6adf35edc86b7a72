import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../locales';
import type { Catalogue } from './types';

/**
 * `./load.ts` in the main-process bundle only (electron.vite.config.ts writes `catalogues/<locale>.json`
 * beside the bundle from the same modules). JSON parses several times faster than V8 compiles
 * the same object literal, and a language nobody speaks is never read.
 */
const loaded = new Map<Locale, Catalogue>();
let folder: string | undefined;

function catalogueFolder(): string {
  if (folder) return folder;
  // This module lands in an entry file (out/main) or in a shared chunk (out/main/chunks).
  const here = dirname(fileURLToPath(import.meta.url));
  folder = [join(here, 'catalogues'), join(here, '..', 'catalogues')].find((candidate) => existsSync(candidate));
  if (!folder) throw new Error(`The message catalogues are missing beside ${here}: rebuild with npm run build.`);
  return folder;
}

export function catalogue(locale: Locale): Catalogue {
  let found = loaded.get(locale);
  if (!found) {
    found = Object.freeze(JSON.parse(readFileSync(join(catalogueFolder(), `${locale}.json`), 'utf8')) as Catalogue);
    loaded.set(locale, found);
  }
  return found;
}
