import { open } from 'node:fs/promises';
import type { Db } from './database';

/** `PRAGMA synchronous` values (https://sqlite.org/pragma.html#pragma_synchronous). */
const FULL = 2;

export interface DeferredCommit<T> {
  result: T;
  /** Resolves once the commit is on disk (as `synchronous = FULL` would have made it before returning). */
  durable: Promise<void>;
}

/**
 * Commits `fn` without holding the event loop for the disk, and says when the commit is durable.
 *
 * With `synchronous = FULL` SQLite fsyncs the WAL inside every commit, on the main thread: the relay
 * commits every few dozen messages, and each fsync stalls the SMTP connections and every page
 * (bench:mail shows what that cost). Here the commit runs with `synchronous = NORMAL` (the WAL
 * frames reach the OS, so a crashed process loses nothing) and the WAL file is then fsynced on
 * libuv's thread pool: once `durable` resolves, the commit survives a power cut exactly as with
 * FULL. Callers wait for `durable` before anything that must not outrun the commit (sending a
 * message whose login token was just written). Inside an open transaction, or on a connection that
 * is not FULL, it is a plain transaction.
 */
export function commitDeferringSync<T>(db: Db, fn: () => T): DeferredCommit<T> {
  const sqlite = db.sqlite;
  const level = sqlite.pragma('synchronous', { simple: true }) as number;
  if (sqlite.inTransaction || level !== FULL || sqlite.memory) return { result: db.transaction(fn), durable: Promise.resolve() };
  // FULL is back before the transaction's after-commit effects run (their own writes stay FULL).
  const result = db.transaction(fn, { syncLater: true });
  return { result, durable: syncFile(`${sqlite.name}-wal`) };
}

/** fsync through a fresh descriptor: SQLite may have reset the WAL since, but never renames it. */
async function syncFile(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    // No WAL file: the connection closed (which checkpoints and syncs) or is not in WAL mode.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
