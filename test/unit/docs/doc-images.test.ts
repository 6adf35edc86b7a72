import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { cleanPng, spellsStray } from '../../support/doc-images';

/** The screenshots in docs/ spell no stray word in their bytes, and cleaning keeps every pixel. */
const DOCS = fileURLToPath(new URL('../../../docs', import.meta.url));

function pngs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pngs(path) : name.endsWith('.png') ? [path] : [];
  });
}

describe('screenshots in docs/', () => {
  it('none spells a stray word in its bytes', () => {
    const files = pngs(DOCS);
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((file) => spellsStray(readFileSync(file))).map((file) => file.slice(DOCS.length + 1))).toEqual([]);
  });

  it('cleaning keeps the pixels and removes a word the bytes spelled', () => {
    const image = new PNG({ width: 16, height: 16 });
    const word = Buffer.from('fixme', 'latin1');
    for (let i = 0; i < image.data.length; i++) image.data[i] = word[i % word.length]!;
    // Stored without compression or filtering, the pixels' bytes spell the word.
    const spelled = PNG.sync.write(image, { deflateLevel: 0, filterType: 0 });
    expect(spellsStray(spelled)).toBe(true);
    const cleaned = cleanPng(spelled);
    expect(spellsStray(cleaned)).toBe(false);
    expect(PNG.sync.read(cleaned).data.equals(image.data)).toBe(true);
  });
});
