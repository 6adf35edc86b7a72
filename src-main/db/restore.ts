import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupFileName } from './backup';
import { openSqlite } from './database';

export const PENDING_RESTORE = 'restore-pending.sqlite3';

/** Marks a backup to replace the database at the next launch (a running app keeps its file open). */
export function scheduleRestore(dataDir: string, backupPath: string): void {
  copyFileSync(backupPath, join(dataDir, `${PENDING_RESTORE}.tmp`));
  renameSync(join(dataDir, `${PENDING_RESTORE}.tmp`), join(dataDir, PENDING_RESTORE));
}

/**
 * At launch, before opening: if a restore is pending, keep an online backup of the current
 * database, then put the chosen one in its place (and drop the old WAL, which belongs to the old file).
 */
export async function applyPendingRestore(dataDir: string, databaseFile: string, backupDir: string, now: number): Promise<boolean> {
  const pending = join(dataDir, PENDING_RESTORE);
  if (!existsSync(pending)) return false;
  if (existsSync(databaseFile)) {
    mkdirSync(backupDir, { recursive: true });
    const current = openSqlite(databaseFile);
    await current.backup(join(backupDir, backupFileName('before-restore', now)));
    current.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
  renameSync(pending, databaseFile);
  return true;
}
