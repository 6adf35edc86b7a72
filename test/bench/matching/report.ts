import type { MatchMode } from '../../../src-main/core/matching';
import type { EngineName } from './engines';
import type { FairnessResult } from './fairness';
import type { InstanceKind } from './instances';

export type RunStatus = 'valid' | 'invalid' | 'impossible' | 'hang' | 'crash';

export interface RunRecord {
  seed: number;
  status: RunStatus;
  ms: number;
  detail: string;
  reasonHolds: boolean | null;
  built: boolean;
}

export interface Cell {
  runs: RunRecord[];
  skipped: string;
}

export type Truth = 'feasible' | 'infeasible' | 'unknown';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const fmtMs = (ms: number): string => (Number.isNaN(ms) ? '–' : ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

/** A run is a success when it is a valid draw, or a correct "impossible" on an instance that has none. */
export function succeeded(run: RunRecord, truth: Truth): boolean {
  return run.status === 'valid' || (run.status === 'impossible' && truth === 'infeasible');
}

export function cellText(cell: Cell | undefined, truthOf: (seed: number) => Truth, explain: boolean): string {
  // explain: list the reasons / error texts given for "impossible" answers.
  if (cell === undefined) return '';
  if (cell.skipped !== '') return `skip (${cell.skipped})`;
  const done = cell.runs.filter((r) => r.status !== 'hang' && r.status !== 'crash');
  const ok = cell.runs.filter((r) => succeeded(r, truthOf(r.seed))).length;
  const parts = [`${fmtMs(median(done.map((r) => r.ms)))} ms`, `${ok}/${cell.runs.length}`];
  const hangs = cell.runs.filter((r) => r.status === 'hang');
  if (hangs.length > 0) parts.push(`**${hangs.length} hang${hangs.some((h) => !h.built) ? ' (building input)' : ''}**`);
  const crashes = cell.runs.filter((r) => r.status === 'crash').length;
  if (crashes > 0) parts.push(`**${crashes} crash**`);
  const invalid = cell.runs.filter((r) => r.status === 'invalid').length;
  if (invalid > 0) parts.push(`**${invalid} INVALID**`);
  const wrong = cell.runs.filter((r) => r.status === 'impossible' && truthOf(r.seed) === 'feasible').length;
  if (wrong > 0) parts.push(`${wrong} wrongly "impossible"`);
  if (explain) {
    const reasons = [...new Set(cell.runs.filter((r) => r.status === 'impossible').map((r) => r.detail))];
    if (reasons.length > 0) parts.push(`(${reasons.join(', ')})`);
  }
  return parts.join(' · ');
}

export function table(
  mode: MatchMode,
  engines: readonly EngineName[],
  rows: ReadonlyArray<{ n: number; kind: InstanceKind }>,
  cellOf: (engine: EngineName, kind: InstanceKind, n: number) => Cell | undefined,
  truthOf: (kind: InstanceKind, n: number, seed: number) => Truth,
): string {
  const head = `| n | instance | ${engines.join(' | ')} |\n|---|---|${engines.map(() => '---').join('|')}|`;
  const lines = rows.map(({ n, kind }) => {
    const cells = engines.map((e) => cellText(cellOf(e, kind, n), (seed) => truthOf(kind, n, seed), true));
    return `| ${n} | ${kind} | ${cells.join(' | ')} |`;
  });
  return `#### mode: ${mode}\n\n${head}\n${lines.join('\n')}\n`;
}

/** Expected TV distance of an exact uniform sampler with K outcomes and N draws (the noise floor). */
export function noiseFloor(outcomes: number, draws: number): number {
  const p = 1 / outcomes;
  return 0.5 * outcomes * Math.sqrt((2 * p * (1 - p)) / (Math.PI * draws));
}

export function fairnessTable(results: ReadonlyArray<{ engine: EngineName; mode: MatchMode; result: FairnessResult | string }>): string {
  const lines = results.map(({ engine, mode, result }) => {
    if (typeof result === 'string') return `| ${mode} | ${engine} | – | – | ${result} |`;
    const floor = noiseFloor(result.outcomes, result.draws);
    const note = [result.invalid > 0 ? `${result.invalid} invalid` : '', result.failures > 0 ? `${result.failures} failed` : ''].filter(Boolean).join(', ');
    return `| ${mode} | ${engine} | ${result.outcomes} | ${result.draws} | ${result.tv.toFixed(4)} (noise ≈ ${floor.toFixed(4)}) ${note} |`;
  });
  return `| mode | engine | valid draws (K) | draws | TV distance to uniform |\n|---|---|---|---|---|\n${lines.join('\n')}\n`;
}
