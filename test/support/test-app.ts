import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src-main/app';
import type { Result } from '../../src-main/contract/envelope';
import { operations, type OperationInput, type OperationName, type OperationOutput } from '../../src-main/contract/operations';
import { ManualClock } from '../../src-main/core/clock';
import { seededRandom } from '../../src-main/core/random';
import { silentLogger, type Logger } from '../../src-main/log';
import { dispatch } from '../../src-main/rpc/dispatch';
import type { Deps } from '../../src-main/services/common/deps';
import type { SecretStore } from '../../src-main/services/common/secrets';

export const START = '2026-11-01T09:00:00Z';

export interface TestApp {
  app: App;
  deps: Deps;
  clock: ManualClock;
  dir: string;
  /** Dispatch and check the output against the operation's output schema. */
  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<Result<OperationOutput<N>>>;
  /** Dispatch and return the value, failing the test with the error message otherwise. */
  ok<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>>;
  close(): void;
}

/** A real app on a real SQLite file in a fresh temp folder, with a manual clock and seeded randomness. */
export async function createTestApp(options: { start?: string; seed?: number; dir?: string; smtpPassword?: SecretStore; log?: Logger } = {}): Promise<TestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'sk-test-'));
  const clock = new ManualClock(options.start ?? START);
  const app = await createApp({
    dataDir: dir,
    clock,
    random: seededRandom(options.seed ?? 1),
    log: options.log ?? silentLogger,
    smtpPassword: options.smtpPassword,
    // Tests open one folder twice on purpose (to look at it while a child process delivers).
    singleInstance: false,
  });
  const call = async <N extends OperationName>(name: N, input: OperationInput<N>) => {
    const result = (await dispatch(app.deps, name, input)) as Result<OperationOutput<N>>;
    if (result.ok) assertDeclared(name, result.value, operations[name].output.parse(result.value));
    return result;
  };
  return {
    app,
    deps: app.deps,
    clock,
    dir,
    call,
    async ok(name, input) {
      const result = await call(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    close() {
      app.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid exchange input, a month after START, with overrides. */
export function exchangeInput(overrides: Partial<OperationInput<'exchanges.create'>> = {}): OperationInput<'exchanges.create'> {
  return {
    name: 'Family Christmas 2026',
    exchangeAt: '2026-12-24T18:00',
    registrationDeadline: '2026-12-10T20:00',
    timezone: 'Europe/Berlin',
    budget: { amount: '30', currency: 'EUR' },
    ...overrides,
  };
}

/**
 * Parsing drops keys a schema does not declare, so a leaked field would pass unseen: every key of
 * the raw answer must survive parsing, at every depth.
 */
export function assertDeclared(operation: string, raw: unknown, parsed: unknown, path = ''): void {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    raw.forEach((item, i) => assertDeclared(operation, item, parsed[i], `${path}[${i}]`));
    return;
  }
  if (raw === null || typeof raw !== 'object' || parsed === null || typeof parsed !== 'object') return;
  for (const key of Object.keys(raw)) {
    if (!(key in parsed)) throw new Error(`${operation} answered a key its contract does not declare: ${path}${path ? '.' : ''}${key}`);
    assertDeclared(operation, (raw as Record<string, unknown>)[key], (parsed as Record<string, unknown>)[key], `${path}${path ? '.' : ''}${key}`);
  }
}
