/**
 * A backup of the database on a worker thread (`createBackup`): SQLite's backup ends by syncing
 * the whole new file to disk, tens of milliseconds for a big folder, which on the main thread
 * would hold every page and the organizer's screens. Its own read-only connection copies one
 * consistent snapshot in a single step (WAL: the app's writes go on meanwhile; a step-by-step copy
 * would restart whenever another connection writes).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { source, destination, nativeBinding } = workerData as { source: string; destination: string; nativeBinding?: string };

/** `open`: this thread could not open the database (the caller backs up on its own thread); `copy`: the copy failed. */
export type BackupAnswer = { ok: true } | { ok: false; stage: 'open' | 'copy'; message: string };
const failed = (stage: 'open' | 'copy', error: unknown): BackupAnswer => ({ ok: false, stage, message: error instanceof Error ? error.message : String(error) });

async function run(): Promise<BackupAnswer> {
  let db: Database.Database;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true, ...(nativeBinding !== undefined && { nativeBinding }) });
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    return failed('open', error);
  }
  try {
    await db.backup(destination, { progress: () => 0x7fffffff });
    return { ok: true };
  } catch (error) {
    return failed('copy', error);
  } finally {
    db.close();
  }
}

void run().then((answer) => parentPort!.postMessage(answer));
