import { DateTime } from 'luxon';

/** `sneaky-klaus-<reason>-20261127T124000Z.sqlite3`: sortable, and says why it exists. */
export function backupFileName(reason: string, now: number): string {
  const stamp = DateTime.fromMillis(now, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'");
  return `sneaky-klaus-${reason}-${stamp}.sqlite3`;
}
