import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDraw } from '../../../../scripts/draw';

const dir = mkdtempSync(join(tmpdir(), 'sk-draw-giftees-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function draw(input: unknown, ...flags: string[]): { status: number; stdout: string; stderr: string } {
  const file = join(dir, `input-${files++}.json`);
  writeFileSync(file, JSON.stringify(input));
  const out: string[] = [];
  const err: string[] = [];
  const status = runDraw([...flags, file], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

const people = ['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay'];

describe('npm run draw with "giftsPerPerson"', () => {
  it('prints k lines per giver, each to a different person; --json gives each pair its loop', () => {
    const out = draw({ people, giftsPerPerson: 2, groups: [['Ann', 'Bob']] });
    expect(out.status).toBe(0);
    const pairs = out.stdout.split('\n').map((line) => line.split(' → ') as [string, string]);
    expect(pairs).toHaveLength(12);
    for (const name of people) {
      const giftees = pairs.filter(([g]) => g === name).map(([, r]) => r);
      expect(new Set(giftees).size).toBe(2);
      expect(giftees).not.toContain(name);
      expect(pairs.filter(([, r]) => r === name)).toHaveLength(2);
    }
    expect(pairs).not.toContainEqual(['Ann', 'Bob']);

    const json = draw({ people, giftsPerPerson: 2 }, '--json');
    const result = JSON.parse(json.stdout) as { giftsPerPerson: number; pairs: Array<{ giver: string; receiver: string; round: number }> };
    expect(result.giftsPerPerson).toBe(2);
    // Single-loop (the default): each round is one loop through all six.
    for (const round of [1, 2]) {
      const next = new Map(result.pairs.filter((p) => p.round === round).map((p) => [p.giver, p.receiver]));
      let at = 'Ann';
      const seen = new Set<string>();
      for (let i = 0; i < 6; i++) at = (seen.add(at), next.get(at)!);
      expect(seen.size).toBe(6);
      expect(at).toBe('Ann');
    }
  });

  it('explains a group too small for the giftees asked for, and refuses 4', () => {
    const small = draw({ people: people.slice(0, 4), giftsPerPerson: 2, mode: 'no-mutual' });
    expect(small.status).toBe(1);
    expect(small.stdout).toMatch(/^At least 5 people are needed for 2 giftees each/);
    expect(small.stdout).toContain('A draw is possible with "mode": "single-loop" or "any".');
    const four = draw({ people, giftsPerPerson: 4 });
    expect(four.status).toBe(2);
    expect(four.stderr).toBe(`draw: ${join(dir, `input-${files - 1}.json`)}: giftsPerPerson: must be 1, 2 or 3`);
  });
});
