import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rendererFile } from '../../../src-main/http/admin/static';

const root = mkdtempSync(join(tmpdir(), 'sk-static-'));
const dir = join(root, 'renderer');
mkdirSync(join(dir, 'assets'), { recursive: true });
writeFileSync(join(dir, 'index.html'), '<!doctype html>');
writeFileSync(join(dir, 'assets', 'app.js'), 'export {}');
writeFileSync(join(root, 'secret.txt'), 'no');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('rendererFile', () => {
  it('serves files of the build with their type', () => {
    expect(rendererFile(dir, '/')?.type).toBe('text/html; charset=utf-8');
    expect(rendererFile(dir, '/assets/app.js')).toMatchObject({ type: 'text/javascript; charset=utf-8', immutable: true });
  });

  it('a path that does not percent-decode is no file (it used to throw: a 500 with a stack trace)', () => {
    for (const path of ['/%E0%A4%A', '/%', '/assets/%ff.js']) expect(rendererFile(dir, path)).toBeNull();
  });

  it('nothing outside the build', () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) expect(rendererFile(dir, path)).toBeNull();
  });
});
