import type { Logger } from './log';

export interface Closable {
  close(): Promise<void> | void;
}

/** The participants' listener; `firstAnswer` settles once it has answered its first request. */
export interface ParticipantListener extends Closable {
  firstAnswer?: Promise<void>;
}

/** The parts the app starts and stops, in this order (and the reverse). */
export interface LifecycleParts {
  /** The participants' pages; first, so links work as soon as anything can send one. */
  listenParticipants(): Promise<ParticipantListener>;
  relay: { start(): void; stop(): Promise<void> };
  /** start() runs what is due (catch-up) and then wakes every minute; it is not awaited. */
  jobs: { start(): Promise<unknown>; stop(): Promise<unknown> };
  /** The organizer's way in: the admin listener (headless) or IPC, window and tray (desktop). */
  openFront?(): Promise<Closable> | Closable;
  /** Stops the tunnel, checkpoints the WAL and closes the database. */
  closeDatabase(): void;
  log: Pick<Logger, 'warn'>;
}

export const RELAY_STOP_TIMEOUT_MS = 10_000;
/**
 * How long the catch-up and the front door wait for the participants' first page once the listener
 * is up: a link opened at launch (or a phone retrying) is answered before that work takes the CPU.
 */
export const FIRST_PAGE_GRACE_MS = 50;

const TRACE_LAUNCH = process.env.SNEAKY_KLAUS_LAUNCH_TRACE === '1';

/**
 * `npm run bench:launch` sets SNEAKY_KLAUS_LAUNCH_TRACE=1 and reads these lines from stderr: a
 * phase of the launch, the ms since the process started, that start (epoch ms) and the CPU ms used.
 */
export function launchMark(phase: string): void {
  if (!TRACE_LAUNCH) return;
  const cpu = process.cpuUsage();
  process.stderr.write(`sk-launch ${phase} ${performance.now().toFixed(1)} ${performance.timeOrigin.toFixed(1)} ${((cpu.user + cpu.system) / 1000).toFixed(1)}\n`);
}

/**
 * One start and stop order for both shells (the database is already open and migrated):
 * participant listener → relay → (its first answer, or FIRST_PAGE_GRACE_MS) → jobs (catch-up in
 * the background, never delaying the pages) → front door. A failing step undoes every step before it, database included, and rethrows.
 */
export class Lifecycle {
  readonly #parts: LifecycleParts;
  #listener: Closable | null = null;
  #front: Closable | null = null;
  #relay = false;
  #jobs = false;
  #state: 'new' | 'starting' | 'running' | 'stopped' = 'new';

  constructor(parts: LifecycleParts) {
    this.#parts = parts;
  }

  get running(): boolean {
    return this.#state === 'running';
  }

  async start(): Promise<void> {
    if (this.#state !== 'new') throw new Error(`The app cannot start twice (it is ${this.#state}).`);
    this.#state = 'starting';
    const parts = this.#parts;
    try {
      const listener = await parts.listenParticipants();
      this.#listener = listener;
      parts.relay.start();
      this.#relay = true;
      if (listener.firstAnswer) await firstAnswerOrGrace(listener.firstAnswer);
      this.#jobs = true;
      void parts.jobs
        .start()
        .catch((error: unknown) => parts.log.warn('catch-up at launch failed', { error }))
        .finally(() => launchMark('caught-up'));
      if (parts.openFront) this.#front = await parts.openFront();
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.#state = 'running';
  }

  /**
   * Front door closed, jobs stopped, the message being sent finished (at most `relayTimeoutMs`;
   * an unfinished one is sent again with the same Message-ID at next launch), listener closed,
   * then the database checkpointed. Each step runs even if an earlier one failed.
   */
  async stop(relayTimeoutMs = RELAY_STOP_TIMEOUT_MS): Promise<void> {
    if (this.#state === 'stopped') return;
    this.#state = 'stopped';
    const parts = this.#parts;
    const step = async (name: string, fn: () => unknown) => {
      try {
        await fn();
      } catch (error) {
        parts.log.warn(`shutdown: ${name} failed`, { error });
      }
    };
    const front = this.#front;
    const listener = this.#listener;
    this.#front = null;
    this.#listener = null;
    if (front) await step('front', () => front.close());
    if (this.#jobs) await step('jobs', () => parts.jobs.stop());
    if (this.#relay) await step('relay', () => withTimeout(parts.relay.stop(), relayTimeoutMs, 'relay stop'));
    if (listener) await step('listener', () => listener.close());
    this.#jobs = false;
    this.#relay = false;
    await step('database', () => parts.closeDatabase());
  }
}

/** The first answer, or FIRST_PAGE_GRACE_MS if nobody asks that soon. */
function firstAnswerOrGrace(firstAnswer: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, FIRST_PAGE_GRACE_MS);
  });
  return Promise.race([firstAnswer, grace]).finally(() => clearTimeout(timer));
}

function withTimeout(promise: Promise<void>, ms: number, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
