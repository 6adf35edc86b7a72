import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runDraw } from '../../../../scripts/draw';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sk-draw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tsx = join(root, 'node_modules', '.bin', 'tsx'); // what `npx tsx` runs, without npm's start-up cost
let files = 0;

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

function inputFile(content: string): string {
  const file = join(dir, `input-${files++}.json`);
  writeFileSync(file, content);
  return file;
}

/** The command run in this process (runDraw): what `npm run draw` prints and exits with. */
function draw(content: string, ...flags: string[]): Outcome {
  const out: string[] = [];
  const err: string[] = [];
  const status = runDraw([...flags, inputFile(content)], { out: (line) => out.push(line), err: (line) => err.push(line) });
  const text = (lines: string[]) => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  return { status, stdout: text(out), stderr: text(err) };
}

/** The real command in its own process, once per kind of outcome: the entry's wiring. */
function drawProcess(content: string, ...flags: string[]): Outcome {
  // The timeout only bounds a hang; tsx starts slowly on a busy machine.
  const run = spawnSync(tsx, ['scripts/draw.ts', ...flags, inputFile(content)], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scripts/draw.ts', () => {
  it('prints one "giver → receiver" line per person', () => {
    const people = ['Ann', 'Bob', 'Cy', 'Dee'].map((name, i) => ({ name, household: i < 2 ? 'Smith' : undefined }));
    const out = drawProcess(JSON.stringify({ people, oneWay: [['Cy', 'Dee']] }));
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    const pairs = lines.map((l) => l.split(' → '));
    expect(pairs.map(([g]) => g).sort()).toEqual(['Ann', 'Bob', 'Cy', 'Dee']);
    expect(pairs.map(([, r]) => r).sort()).toEqual(['Ann', 'Bob', 'Cy', 'Dee']);
    expect(lines).not.toContain('Ann → Bob');
    expect(lines).not.toContain('Cy → Dee');
  }, 150_000);

  it('explains an impossible draw and exits with 1', () => {
    const people = [{ name: 'Ann', household: 'S' }, { name: 'Bob', household: 'S' }, { name: 'Cy' }];
    const out = draw(JSON.stringify({ people, mode: 'any' }));
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/Ann and Bob can only give to Cy/);
  });

  it('rejects malformed input with a one-line error and exit 2', () => {
    const broken = drawProcess('{"people": [{"name": "Ann"},');
    expect(broken.status).toBe(2);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toMatch(/not valid JSON/);
    const unknown = draw(JSON.stringify({ people: [{ name: 'Ann' }, { name: 'Bob' }], exclusions: [['Ann', 'Zed']] }));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/"Zed" is not in "people"/);
  }, 150_000);

  it('--json prints one object with names, the method and overridden history', () => {
    const input = { people: ['Ann', 'Bob', 'Cy', 'Dee'], mustDraw: [['Ann', 'Bob']], avoid: [['Ann', 'Bob']] };
    const out = draw(JSON.stringify(input), '--json');
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout) as { ok: boolean; method: string; pairs: Array<{ giver: string; receiver: string }>; overriddenHistory: unknown };
    expect(result.ok).toBe(true);
    expect(['exact-rejection', 'exact-count']).toContain(result.method);
    expect(result.pairs).toContainEqual({ giver: 'Ann', receiver: 'Bob' });
    expect(result.overriddenHistory).toEqual([{ giver: 'Ann', receiver: 'Bob' }]);
    const impossible = draw(JSON.stringify({ people: ['Ann', 'Bob'], mode: 'no-mutual' }), '--json');
    expect(impossible.status).toBe(1);
    expect(JSON.parse(impossible.stdout)).toMatchObject({ ok: false, reason: 'too-few' });
  });

  it('refuses names that would make the output ambiguous, naming the person on one line', () => {
    for (const name of ['Ann → Bob', 'Ann -> Bob', 'Ann\nBob', 'Ann\u0007', 'Ann\u2028Bob']) {
      const out = draw(JSON.stringify({ people: [name, 'Cy', 'Dee'] }));
      expect(out.status, name).toBe(2);
      expect(out.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(out.stderr, name).toMatch(/person 1 \(".*"\): a name cannot contain line breaks, control characters or arrows/);
    }
  });

  it('trims names the same way in people, pairs, groups and lists', () => {
    const input = {
      people: [' Ann ', { name: 'Bob  ' }, 'Cy', 'Dee', 'Eve'],
      oneWay: [[' Ann', 'Bob ']],
      groups: [['Cy ', ' Dee']],
      forbidden: { ' Eve ': [' Ann '] },
    };
    const out = draw(JSON.stringify(input), '--json');
    expect(out.status, out.stderr).toBe(0);
    const pairs = (JSON.parse(out.stdout) as { pairs: Array<{ giver: string; receiver: string }> }).pairs;
    expect(pairs.map((p) => p.giver).sort()).toEqual(['Ann', 'Bob', 'Cy', 'Dee', 'Eve']);
    for (const banned of [
      ['Ann', 'Bob'],
      ['Cy', 'Dee'],
      ['Dee', 'Cy'],
      ['Eve', 'Ann'],
    ]) {
      expect(pairs).not.toContainEqual({ giver: banned[0], receiver: banned[1] });
    }
  });

  it('compact lists: numbered rows and base64 bitmaps, forbidden or allowed', () => {
    const n = 2000;
    // Person i may not give to the 1000 people after them (mod n): 50 % exclusions as bitmaps.
    const rows = Array.from({ length: n }, (_, i) => {
      const bits = Buffer.alloc(n / 8);
      for (let k = 1; k <= n / 2; k++) {
        const j = (i + k) % n;
        bits[j >> 3] = bits[j >> 3]! | (1 << (j & 7));
      }
      return `base64:${bits.toString('base64')}`;
    });
    const people = Array.from({ length: n }, (_, i) => `P${i}`);
    const out = draw(JSON.stringify({ people, forbidden: rows, mode: 'any' }), '--json');
    expect(out.status, out.stderr).toBe(0);
    const pairs = (JSON.parse(out.stdout) as { pairs: Array<{ giver: string; receiver: string }> }).pairs;
    expect(pairs).toHaveLength(n);
    for (const { giver, receiver } of pairs) {
      const ahead = (Number(receiver.slice(1)) - Number(giver.slice(1)) + n) % n;
      expect(ahead === 0 || ahead > n / 2).toBe(true);
    }
    const allowed = draw(JSON.stringify({ people: ['A', 'B', 'C'], allowed: [[1], [2], [0]] }));
    expect(allowed.status).toBe(0);
    expect(allowed.stdout.trim().split('\n').sort()).toEqual(['A → B', 'B → C', 'C → A']);
    const short = draw(JSON.stringify({ people: ['A', 'B', 'C'], forbidden: [[1], [2]] }));
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/"forbidden": 2 rows for 3 people/);
  });
});
