import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackupAnswer } from './backup-worker';
import { DAY_MS } from '../../core/schedule';
import { backupFileName } from '../../db/backup';
import { DomainError, notFound } from '../../core/errors';
import { organizerTranslator } from './settings';
import { scheduleRestore } from '../../db/restore';
import type { Deps } from '../common/deps';
import { workerScript } from '../common/worker-script';

export interface BackupFile {
  name: string;
  path: string;
  sizeBytes: number;
  /** From the file name (UTC), not the file system: copies keep their meaning. */
  createdAt: number;
  reason: string;
}

const NAME = /^sneaky-klaus-([a-z-]+)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.sqlite3$/;

export function listBackups(deps: Deps): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(deps.paths.backupDir);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const path = join(deps.paths.backupDir, name);
    out.push({
      name,
      path,
      sizeBytes: statSync(path).size,
      createdAt: Date.UTC(+m[2]!, +m[3]! - 1, +m[4]!, +m[5]!, +m[6]!, +m[7]!),
      reason: m[1]!,
    });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

/** An online backup (SQLite's backup API, on a worker thread): consistent even while the app writes. */
export async function createBackup(deps: Deps, reason: 'daily' | 'manual' | 'after-purge'): Promise<BackupFile> {
  const now = deps.clock.now();
  const path = join(deps.paths.backupDir, backupFileName(reason, now));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(deps.paths.backupDir, { recursive: true, mode: 0o700 });
  await backupOffThread(deps, path);
  return listBackups(deps).find((b) => b.path === path)!;
}

/**
 * The copy on a worker thread (backup-worker.ts). On this thread when no worker can do it: a
 * database in memory, a packaging without the worker, a worker that cannot start or open the file.
 */
async function backupOffThread(deps: Deps, destination: string): Promise<void> {
  const sqlite = deps.db.sqlite;
  const worker = sqlite.memory ? null : workerScript(import.meta.url, 'backup-worker');
  const onThisThread = async (why: unknown) => {
    if (why !== null) deps.log.warn('backing up on the main thread: the backup worker could not', { error: why });
    removePartial(destination);
    await sqlite.backup(destination);
  };
  if (!worker) return onThisThread(null);
  let answer: BackupAnswer;
  try {
    answer = await new Promise<BackupAnswer>((resolve, reject) => {
      const thread = new Worker(worker.script, { eval: worker.eval, workerData: { source: sqlite.name, destination, nativeBinding: deps.paths.sqliteBinding } });
      thread.once('message', (message: BackupAnswer) => {
        resolve(message);
        void thread.terminate();
      });
      thread.once('error', reject);
      thread.once('exit', (code) => reject(new Error(`the backup worker stopped (exit code ${code})`)));
    });
  } catch (error) {
    return onThisThread(error);
  }
  if (answer.ok) return;
  if (answer.stage === 'open') return onThisThread(new Error(answer.message));
  // No half-written file left to be mistaken for a backup.
  removePartial(destination);
  throw new DomainError('unavailable', { key: 'error.backup.notWritten', values: { reason: answer.message } });
}

function removePartial(destination: string): void {
  if (statSync(destination, { throwIfNoEntry: false })?.isFile()) rmSync(destination, { force: true });
}

/**
 * Retention: the 7 newest daily backups, and nothing older than the data-retention promise allows
 * (retention days + 7), so "deleted after 30 days" stays true of every file the app keeps.
 */
export function pruneBackups(deps: Deps, now: number, retentionDays: number): { deleted: number } {
  const backups = listBackups(deps);
  const dailies = backups.filter((b) => b.reason === 'daily');
  const keepDaily = new Set(dailies.slice(0, 7).map((b) => b.path));
  const oldest = now - (retentionDays + 7) * DAY_MS;
  let deleted = 0;
  for (const b of backups) {
    const tooOld = b.createdAt < oldest;
    const extraDaily = b.reason === 'daily' && !keepDaily.has(b.path);
    if (tooOld || extraDaily) {
      rmSync(b.path, { force: true });
      deleted++;
    }
  }
  return { deleted };
}

/** After a purge every earlier backup may still hold the purged people: remove them all. */
export function deleteBackupsBefore(deps: Deps, instant: number): { deleted: number } {
  let deleted = 0;
  for (const b of listBackups(deps)) {
    if (b.createdAt <= instant) {
      rmSync(b.path, { force: true });
      deleted++;
    }
  }
  return { deleted };
}

/**
 * After people were deleted (purge, or an exchange deleted by hand), no backup the app keeps may
 * still hold them: every earlier backup goes and a fresh one is taken from the scrubbed database.
 */
export async function replaceBackupsAfterDeletion(deps: Deps): Promise<{ deleted: number }> {
  const { deleted } = deleteBackupsBefore(deps, deps.clock.now());
  await createBackup(deps, 'after-purge');
  return { deleted };
}

/** Restores at the next launch; the current data is backed up first (see db/restore). */
export function restoreBackup(deps: Deps, name: string): { pending: true; message: string } {
  const backup = listBackups(deps).find((b) => b.name === name);
  if (!backup) throw notFound('backup');
  scheduleRestore(deps.paths.dataDir, backup.path);
  return { pending: true, message: organizerTranslator(deps).t('error.backup.restorePending') };
}
