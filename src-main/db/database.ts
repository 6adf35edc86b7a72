import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable, type DatabaseConnection, type Driver } from 'kysely';
import type { Schema } from './schema';

/**
 * The database handle every repository receives.
 *
 * Kysely is used as a typed query *builder* only; queries run synchronously on better-sqlite3.
 * Why: better-sqlite3 is synchronous, and Kysely's async driver serialises everything behind one
 * connection mutex, where a stray outer query inside a transaction deadlocks. Synchronous
 * transactions (`transaction(fn)`) cannot interleave with other requests, cannot await I/O while
 * holding the write lock (better-sqlite3 refuses a function that returns a promise), and cost no
 * microtask hops.
 */
export interface Db {
  /** Query builder. Build with it, then run with all/first/run; `.execute()` throws. */
  readonly q: Kysely<Schema>;
  all<R>(query: Compilable<R>): R[];
  first<R>(query: Compilable<R>): R | undefined;
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number };
  /**
   * Runs `fn` in a `BEGIN IMMEDIATE` transaction (a savepoint when nested); throws roll back.
   * `syncLater`: the outermost commit skips its fsync (`synchronous = NORMAL` for that commit only,
   * the connection's level again before any after-commit effect runs): a crashed process loses
   * nothing, a power cut the last such commits. db/durable-commit.ts then syncs off the event loop.
   */
  transaction<T>(fn: () => T, options?: { syncLater?: boolean }): T;
  /**
   * Effects after commit: inside `transaction`, `effect` is kept until the outermost transaction
   * commits and dropped if it (or the savepoint it was raised in) rolls back; outside a
   * transaction it runs at once. Effects with the same `key` run once per transaction. This is how
   * events, relay wake-ups and re-plans wait until the data they announce is really there, and why
   * nothing talks to the network or the screens while the write lock is held.
   */
  afterCommit(effect: () => void, key?: string): void;
  /**
   * A hand-written statement, prepared once per connection (the same cache as built queries). For
   * hot paths where building the query with kysely costs more than running it.
   */
  prepared(sql: string): BetterSqlite3.Statement;
  /**
   * A number that moves whenever this connection changes a row (SQLite's `total_changes()`:
   * every INSERT, UPDATE and DELETE, in or out of `transaction`, through kysely or raw SQL). A
   * rollback moves it too, which only costs a cache a miss. Only this connection writes the file
   * while the app runs, so "same number" means "same data": caches of rendered pages key on it.
   */
  changeCount(): number;
  readonly sqlite: BetterSqlite3.Database;
  close(): void;
}

export const PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000', 'secure_delete = ON'] as const;

/**
 * Opens (or creates) a database file with the production pragmas. `:memory:` works too.
 * `nativeBinding`: path of a better_sqlite3.node built for another runtime (the Electron build).
 */
export function openSqlite(file: string, options: { readonly?: boolean; nativeBinding?: string } = {}): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding !== undefined && { nativeBinding: options.nativeBinding }),
  });
  for (const pragma of PRAGMAS) {
    if (options.readonly && pragma.startsWith('journal_mode')) continue;
    sqlite.pragma(pragma);
  }
  return sqlite;
}

export interface DbOptions {
  /** Told when an after-commit effect throws; the commit itself stands. */
  onEffectError?: (error: unknown) => void;
}

export function createDb(sqlite: BetterSqlite3.Database, options: DbOptions = {}): Db {
  const onEffectError = options.onEffectError ?? ((error: unknown) => console.error('after-commit effect failed', error));
  /** One frame of pending effects per open transaction or savepoint, outermost first. */
  const frames: Map<string, () => void>[] = [];
  let unkeyed = 0;
  const runEffects = (effects: Iterable<() => void>) => {
    for (const effect of effects) {
      try {
        effect();
      } catch (error) {
        onEffectError(error);
      }
    }
  };
  const statements = new Map<string, BetterSqlite3.Statement>();
  const cached = (sql: string): BetterSqlite3.Statement => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = sqlite.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
  let totalChanges: BetterSqlite3.Statement | undefined;
  const prepare = (query: Compilable<unknown>): { stmt: BetterSqlite3.Statement; params: unknown[] } => {
    const compiled = query.compile();
    return { stmt: cached(compiled.sql), params: compiled.parameters as unknown[] };
  };

  return {
    q: builderOnly(),
    sqlite,
    all<R>(query: Compilable<R>): R[] {
      const { stmt, params } = prepare(query);
      return stmt.all(...params) as R[];
    },
    first<R>(query: Compilable<R>): R | undefined {
      const { stmt, params } = prepare(query);
      return stmt.reader ? (stmt.get(...params) as R | undefined) : (stmt.run(...params), undefined);
    },
    run(query) {
      const { stmt, params } = prepare(query);
      const result = stmt.run(...params);
      return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
    },
    transaction<T>(fn: () => T, options?: { syncLater?: boolean }): T {
      const frame = new Map<string, () => void>();
      // Only the outermost commit syncs; a nested call is a savepoint of it.
      const level = options?.syncLater === true && frames.length === 0 ? (sqlite.pragma('synchronous', { simple: true }) as number) : null;
      frames.push(frame);
      let result: T;
      try {
        if (level !== null) sqlite.pragma('synchronous = NORMAL');
        result = sqlite.transaction(fn).immediate();
      } finally {
        if (level !== null) sqlite.pragma(`synchronous = ${level}`);
        frames.pop();
      }
      const parent = frames.at(-1);
      if (parent) {
        for (const [key, effect] of frame) if (!parent.has(key)) parent.set(key, effect);
      } else {
        runEffects(frame.values());
      }
      return result;
    },
    prepared: cached,
    changeCount() {
      totalChanges ??= sqlite.prepare('select total_changes()').pluck();
      return totalChanges.get() as number;
    },
    afterCommit(effect, key) {
      const frame = frames.at(-1);
      if (!frame) return runEffects([effect]);
      const k = key ?? `#${unkeyed++}`;
      if (!frame.has(k)) frame.set(k, effect);
    },
    close() {
      statements.clear();
      totalChanges = undefined;
      if (sqlite.open) sqlite.close();
    },
  };
}

function builderOnly(): Kysely<Schema> {
  const refuse = (): never => {
    throw new Error('Db.q builds queries only; run them with db.all/first/run.');
  };
  const connection: DatabaseConnection = { executeQuery: refuse, streamQuery: refuse };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: refuse,
    commitTransaction: refuse,
    rollbackTransaction: refuse,
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  return new Kysely<Schema>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}
