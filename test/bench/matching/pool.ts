import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Job } from './worker';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export type JobAnswer<T> = { status: 'done'; result: T } | { status: 'hang'; built: boolean } | { status: 'crash'; built: boolean; detail: string };

/** One worker process at a time per engine; a job over the limit kills it (a fresh one starts for the next job). */
export class WorkerPool {
  #child: ChildProcessWithoutNullStreams | null = null;
  #listeners = new Map<number, (message: { phase?: string; result?: unknown }) => void>();
  #exit: ((detail: string) => void) | null = null;
  #stderr = '';

  #start(): ChildProcessWithoutNullStreams {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', WORKER], { stdio: 'pipe' });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as { id: number; phase?: string; result?: unknown };
      this.#listeners.get(message.id)?.(message);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-2000);
    });
    child.on('exit', (code, signal) => {
      if (this.#child !== child) return; // killed by us after a timeout: already reported
      this.#child = null;
      this.#exit?.(`exit ${code ?? signal}: ${this.#stderr.trim().split('\n').slice(-2).join(' ')}`);
    });
    return child;
  }

  /** `limitMs` for the engine call; building the engine's input gets `buildLimitMs` before that. */
  run<T>(job: Job, limitMs: number, buildLimitMs = limitMs): Promise<JobAnswer<T>> {
    const child = (this.#child ??= this.#start());
    return new Promise((resolve) => {
      let built = false;
      const finish = (answer: JobAnswer<T>): void => {
        clearTimeout(timer);
        this.#listeners.delete(job.id);
        this.#exit = null;
        resolve(answer);
      };
      const kill = (): void => {
        this.#child = null;
        child.kill('SIGKILL');
        finish({ status: 'hang', built });
      };
      let timer = setTimeout(kill, buildLimitMs);
      this.#exit = (detail) => finish({ status: 'crash', built, detail });
      this.#listeners.set(job.id, (message) => {
        if (message.phase === 'built') {
          built = true;
          clearTimeout(timer);
          timer = setTimeout(kill, limitMs);
        }
        if (message.result !== undefined) finish({ status: 'done', result: message.result as T });
      });
      child.stdin.write(`${JSON.stringify(job)}\n`);
    });
  }

  close(): void {
    this.#child?.kill('SIGKILL');
    this.#child = null;
  }
}
