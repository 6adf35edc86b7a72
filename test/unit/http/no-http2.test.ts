import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as shim from '../../../src-main/http/no-http2';

/**
 * The main bundle replaces `node:http2` with `src-main/http/no-http2.ts` (electron.vite.config.ts).
 * That is sound only while @hono/node-server uses it just to tell HTTP/2 requests apart and no
 * listener of ours speaks HTTP/2; these checks fail when either changes.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the node:http2 stand-in', () => {
  it('is all @hono/node-server takes from node:http2', () => {
    const entry = createRequire(join(ROOT, 'package.json')).resolve('@hono/node-server');
    const dist = dirname(entry);
    const imports = readdirSync(dist)
      .filter((f) => f.endsWith('.mjs'))
      .flatMap((f) =>
        [...readFileSync(join(dist, f), 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*["'](?:node:)?http2["']/g)].map((m) => m[1]!.split(',').map((s) => s.trim())),
      );
    expect(imports.length).toBeGreaterThan(0);
    const exported = Object.keys(shim).sort();
    for (const names of imports) expect(names.sort()).toEqual(exported);
    expect(shim.constants.NGHTTP2_NO_ERROR).toBe(0);
  });

  it('stands in for a module no source file of ours imports: every listener is HTTP/1', () => {
    const users = files(join(ROOT, 'src-main')).filter((f) => /from\s+['"](?:node:)?http2['"]|require\(['"](?:node:)?http2['"]\)/.test(readFileSync(f, 'utf8')));
    expect(users).toEqual([]);
  });
});
