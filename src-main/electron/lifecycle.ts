import type { StartOptions } from '../app';
import type { Closable } from '../lifecycle';
import type { Deps } from '../services/common/deps';

export { RELAY_STOP_TIMEOUT_MS } from '../lifecycle';

/** The parts of `App` (app.ts) the shell drives: its one start and stop order. */
export interface CoreApp {
  deps: Deps;
  jobs: { resume(): unknown };
  start(options: StartOptions): Promise<void>;
  stop(relayTimeoutMs?: number): Promise<void>;
}

export type Dispose = () => void;

/** What the desktop adds to the app's start order, as functions, so the order is tested with mocks. */
export interface StartSteps<C extends CoreApp> {
  createCore(): Promise<C>;
  /** Where the participants' pages listen (all interfaces, port 4317 or the next free one). */
  participant: StartOptions['participant'];
  /** Registered before the window loads, so the renderer's first call finds its handler. */
  registerIpc(core: C): Dispose;
  openWindow(): void;
  startTray(core: C): Dispose;
  startNotifications(core: C): Dispose;
  /** powerMonitor 'resume'. */
  onResume(handler: () => void): Dispose;
}

export interface Running<C extends CoreApp = CoreApp> {
  core: C;
}

interface Log {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The app's order (participant HTTP → relay → jobs), then the desktop's front door: IPC → window →
 * tray → notifications → resume catch-up. If a step fails, the app undoes everything it started
 * (database included) and the error is rethrown.
 */
export async function startDesktop<C extends CoreApp>(steps: StartSteps<C>, log: Log): Promise<Running<C>> {
  const core = await steps.createCore();
  await core.start({ participant: steps.participant, front: () => openDesktopFront(steps, core, log) });
  return { core };
}

function openDesktopFront<C extends CoreApp>(steps: StartSteps<C>, core: C, log: Log): Closable {
  const opened: Dispose[] = [];
  const close = () => {
    for (const dispose of opened.splice(0).reverse()) {
      try {
        dispose();
      } catch (error) {
        log.warn('shutdown: desktop front failed', { error });
      }
    }
  };
  try {
    opened.push(steps.registerIpc(core));
    steps.openWindow();
    opened.push(steps.startTray(core));
    opened.push(steps.startNotifications(core));
    // A laptop waking up: every job missed while asleep runs now (catch-up).
    opened.push(
      steps.onResume(() => {
        void Promise.resolve()
          .then(() => core.jobs.resume())
          .catch((error: unknown) => log.warn('catch-up after sleep failed', { error }));
      }),
    );
  } catch (error) {
    close();
    throw error;
  }
  return { close };
}

/** Orderly shutdown in the app's reverse order (see src-main/lifecycle.ts). */
export async function stopDesktop(running: Running, _log: Log, relayTimeoutMs?: number): Promise<void> {
  await running.core.stop(relayTimeoutMs);
}

export interface QuitGuard {
  /** True from the first quit request on: closing the window then closes instead of hiding. */
  readonly quitting: boolean;
  /** app 'before-quit' listener. */
  beforeQuit(event: { preventDefault(): void }): void;
}

/**
 * Electron does not wait for async work in 'before-quit': the first quit is held back
 * (`preventDefault`), the shutdown runs, and then the app quits again, this time for real.
 */
export function quitGuard(options: { shutdown(): Promise<void>; quit(): void; log: Log }): QuitGuard {
  let quitting = false;
  let state: 'running' | 'stopping' | 'done' = 'running';
  return {
    get quitting() {
      return quitting;
    },
    beforeQuit(event) {
      quitting = true;
      if (state === 'done') return;
      event.preventDefault();
      if (state === 'stopping') return;
      state = 'stopping';
      void options
        .shutdown()
        .catch((error: unknown) => options.log.warn('shutdown failed', { error }))
        .finally(() => {
          state = 'done';
          options.quit();
        });
    },
  };
}
