import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class InstanceLockedError extends Error {
  constructor(
    readonly pid: number,
    dataDir: string,
  ) {
    super(`Sneaky Klaus is already running with this data folder (${dataDir}, process ${pid}). Close it first, or use its window.`);
    this.name = 'InstanceLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Lock files this process holds right now. Our own pid in a lock file is a live holder only if it
 * is one of these: otherwise it is stale, left by an earlier life that had the same pid (a
 * container restarted after a crash often gets the same pid again).
 */
const heldHere = new Set<string>();

/**
 * Makes this process the only owner of the data folder: a lock file holding our pid, created
 * exclusively. A lock whose process is gone (a crash, kill -9) is taken over; a live one is
 * refused with a clear message. Being the only owner is what lets the relay take back, at once,
 * every message a previous run left "sending".
 */
export function acquireInstanceLock(dataDir: string): { release(): void } {
  const file = join(dataDir, 'sneaky-klaus.lock');
  for (let tries = 0; tries < 3; tries++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(file);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(file);
          try {
            if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = NaN;
      try {
        holder = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      } catch {
        // Removed between our open and read: try again.
      }
      const live = holder === process.pid ? heldHere.has(file) : alive(holder);
      if (Number.isSafeInteger(holder) && holder > 0 && live) throw new InstanceLockedError(holder, dataDir);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on the data folder ${dataDir}.`);
}
