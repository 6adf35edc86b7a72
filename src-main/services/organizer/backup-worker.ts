/**
 * A backup of the database on a worker thread (`createBackup`): SQLite's backup ends by syncing
 * the whole new file to disk, tens of milliseconds for a big folder, which on the main thread
 * would hold every page and the organizer's screens. Its own read-only connection copies one
 * consistent snapshot in a single step (WAL: the app's writes go on meanwhile; a step-by-step copy
 * would restart whenever another connection writes).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { source, destination } = workerData as { source: string; destination: string };

async function run(): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
}

run().then(
  () => parentPort!.postMessage({ ok: true }),
  (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
