import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sk-draw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tsx = join(root, 'node_modules', '.bin', 'tsx'); // what `npx tsx` runs, without npm's start-up cost
let files = 0;

function draw(content: string): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, `input-${files++}.json`);
  writeFileSync(file, content);
  const run = spawnSync(tsx, ['scripts/draw.ts', file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scripts/draw.ts', () => {
  it('prints one "giver → receiver" line per person', () => {
    const people = ['Ann', 'Bob', 'Cy', 'Dee'].map((name, i) => ({ name, household: i < 2 ? 'Smith' : undefined }));
    const out = draw(JSON.stringify({ people, oneWay: [['Cy', 'Dee']] }));
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    const pairs = lines.map((l) => l.split(' → '));
    expect(pairs.map(([g]) => g).sort()).toEqual(['Ann', 'Bob', 'Cy', 'Dee']);
    expect(pairs.map(([, r]) => r).sort()).toEqual(['Ann', 'Bob', 'Cy', 'Dee']);
    expect(lines).not.toContain('Ann → Bob');
    expect(lines).not.toContain('Cy → Dee');
  });

  it('explains an impossible draw and exits with 1', () => {
    const people = [{ name: 'Ann', household: 'S' }, { name: 'Bob', household: 'S' }, { name: 'Cy' }];
    const out = draw(JSON.stringify({ people, mode: 'any' }));
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/Ann and Bob can only give to Cy/);
  });

  it('rejects malformed input with a one-line error and exit 2', () => {
    const broken = draw('{"people": [{"name": "Ann"},');
    expect(broken.status).toBe(2);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toMatch(/not valid JSON/);
    const unknown = draw(JSON.stringify({ people: [{ name: 'Ann' }, { name: 'Bob' }], exclusions: [['Ann', 'Zed']] }));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/"Zed" is not in "people"/);
  });
});
