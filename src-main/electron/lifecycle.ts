import type { Deps } from '../services/common/deps';

/** The parts of `App` (app.ts) the shell drives. */
export interface CoreApp {
  deps: Deps;
  relay: { start(): void; stop(): Promise<void> };
  /** start() runs what is due (catch-up) and then wakes every minute; it is not awaited. */
  jobs: { start(): unknown; stop(): unknown; resume(): unknown };
  close(): void;
}

export type Dispose = () => void;

/** Each step of the desktop's start-up, as a function, so the order is tested with mocks. */
export interface StartSteps<C extends CoreApp> {
  createCore(): Promise<C>;
  /** The participants' HTTP listener; sets deps.runtime.participantUrls. */
  listenParticipants(core: C): Promise<{ close(): Promise<void> }>;
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
  listener: { close(): Promise<void> } | null;
  ipc: Dispose | null;
  /** Tray, notifications, resume listener: undone first at shutdown. */
  ui: Dispose[];
  relayStarted: boolean;
  jobsStarted: boolean;
}

interface Log {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * core → participant HTTP → IPC → window → relay → jobs → tray → notifications → resume catch-up.
 * If a step fails, what already started is stopped again and the error is rethrown.
 */
export async function startDesktop<C extends CoreApp>(steps: StartSteps<C>, log: Log): Promise<Running<C>> {
  const core = await steps.createCore();
  const running: Running<C> = { core, listener: null, ipc: null, ui: [], relayStarted: false, jobsStarted: false };
  try {
    running.listener = await steps.listenParticipants(core);
    running.ipc = steps.registerIpc(core);
    steps.openWindow();
    core.relay.start();
    running.relayStarted = true;
    running.jobsStarted = true;
    void Promise.resolve(core.jobs.start()).catch((error: unknown) => log.warn('catch-up at launch failed', { error }));
    running.ui.push(steps.startTray(core));
    running.ui.push(steps.startNotifications(core));
    // A laptop waking up: every job missed while asleep runs now (SPEC §6 catch-up).
    running.ui.push(
      steps.onResume(() => {
        void Promise.resolve()
          .then(() => core.jobs.resume())
          .catch((error: unknown) => log.warn('catch-up after sleep failed', { error }));
      }),
    );
  } catch (error) {
    await stopDesktop(running, log);
    throw error;
  }
  return running;
}

export const RELAY_STOP_TIMEOUT_MS = 10_000;

/**
 * Orderly shutdown: UI hooks off, jobs stopped, the message in flight finished (at most
 * `relayTimeoutMs`; an unfinished one is retried with the same Message-ID at next launch),
 * listeners closed, IPC removed, then the database checkpointed and closed. Each step runs even
 * if an earlier one failed.
 */
export async function stopDesktop(running: Running, log: Log, relayTimeoutMs = RELAY_STOP_TIMEOUT_MS): Promise<void> {
  const step = async (name: string, fn: () => unknown) => {
    try {
      await fn();
    } catch (error) {
      log.warn(`shutdown: ${name} failed`, { error });
    }
  };
  for (const dispose of running.ui.splice(0).reverse()) await step('ui', dispose);
  if (running.jobsStarted) await step('jobs', () => running.core.jobs.stop());
  if (running.relayStarted) await step('relay', () => withTimeout(running.core.relay.stop(), relayTimeoutMs, 'relay stop'));
  if (running.listener) await step('listener', () => running.listener?.close());
  if (running.ipc) await step('ipc', running.ipc);
  await step('database', () => running.core.close());
  running.listener = null;
  running.ipc = null;
  running.jobsStarted = false;
  running.relayStarted = false;
}

function withTimeout(promise: Promise<void>, ms: number, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
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
