import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The built admin UI (`out/renderer`), found from the bundle or from the sources; null if not built. */
export function rendererDir(): string | null {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [join(here, '../renderer'), join(here, '../../renderer'), join(here, '../../../out/renderer'), join(here, '../../out/renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** Reads one file of the renderer build; refuses anything outside it. */
export function rendererFile(dir: string, urlPath: string): { body: Buffer; type: string; immutable: boolean } | null {
  let relative: string;
  try {
    relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return null; // not decodable: no file has that name
  }
  const full = normalize(join(dir, relative));
  if (!full.startsWith(normalize(dir) + sep) && full !== normalize(join(dir, 'index.html'))) return null;
  const type = TYPES[extname(full)];
  if (!type || !existsSync(full) || !statSync(full).isFile()) return null;
  return { body: readFileSync(full), type, immutable: relative.startsWith('assets/') };
}
