/**
 * The counting tables of the last group drawn, one per kind: organizers re-draw the same group
 * (and the fairness tests draw it thousands of times), and building the table is the expensive
 * part while sampling from it is cheap. Tables are a pure function of the key, so reuse cannot
 * change a draw; only small tables are kept so that memory is not held between draws.
 */
const last = new Map<string, { key: string; table: unknown }>();

export const MEMO_MAX_ENTRIES = 1 << 20;

export function memoized<T>(kind: string, key: string, size: number, build: () => T | null): T | null {
  const hit = last.get(kind);
  if (hit !== undefined && hit.key === key) return hit.table as T;
  const table = build();
  if (table !== null && size <= MEMO_MAX_ENTRIES) last.set(kind, { key, table });
  else last.delete(kind);
  return table;
}
