import { personKey } from '../../contract/values';
import { keyedHash } from '../../core/tokens';
import { yearIn } from '../../core/time';
import type { ExchangeState } from '../../core/exchange-state';
import type { Exchange, Participant } from '../../core/types';
import { listExchanges } from '../../db/repos/exchanges';
import { findPairHistory, type PairHistoryRow } from '../../db/repos/matches';
import type { Deps } from '../common/deps';
import { eachSlice, mapInSlices, nextTurn } from '../common/slices';
import { installationSecret } from '../organizer/settings';

/** The pair-history key of a person: a keyed hash of the normalised email, so history survives the purge without naming anyone. */
export function personHash(secret: string, email: string): string {
  return keyedHash(secret, `person:${email}`);
}

/**
 * The pair-history key of an exchange: opaque like the person keys. Made from the exchange's
 * random history key, not its id, because SQLite may hand a purged exchange's id to a new one.
 */
export function exchangeKey(secret: string, exchange: Pick<Exchange, 'historyKey'>): string {
  return keyedHash(secret, `exchange:${exchange.historyKey}`);
}

type Person = Pick<Participant, 'id' | 'name' | 'email'>;

/**
 * Who a person is across exchanges, for pair history: their email address, or for someone without
 * one their name (everyone without email would otherwise be one and the same person).
 */
export function historyIdentity(p: Pick<Participant, 'name' | 'email'>): string {
  return p.email !== '' ? p.email : personKey(p.name, '');
}

/**
 * What a big draw works out ahead, in slices that yield to the event loop (10 000 keyed hashes
 * and their history lookups take longer than the pages may wait): every person's key (`historyIdentity`),
 * and the history rows of those people from before the exchange.
 */
export interface HistoryPrep {
  hashes: ReadonlyMap<string, string>;
  rows: PairHistoryRow[];
}

export async function prepareHistory(deps: Deps, exchange: Exchange, people: readonly Person[]): Promise<HistoryPrep> {
  const secret = installationSecret(deps);
  const keys = await mapInSlices(people, (p) => personHash(secret, historyIdentity(p)));
  const rows: PairHistoryRow[] = [];
  if (exchange.avoidPastExchanges > 0 && people.length >= 2) {
    await eachSlice(keys, (chunk) => rows.push(...findPairHistory(deps.db, chunk, exchange.exchangeAt)), 500);
  }
  return { hashes: new Map(people.map((p, i) => [historyIdentity(p), keys[i]!])), rows };
}

/** Pair-history rows for an assignment (hashes only). */
export function historyRows(
  deps: Deps,
  exchange: Exchange,
  people: readonly Person[],
  assignment: ReadonlyArray<readonly [number, number]>,
  known?: HistoryPrep,
): PairHistoryRow[] {
  const { pairs, row } = historyRowMaker(deps, exchange, people, assignment, known);
  return pairs.map(row);
}

/**
 * historyRows for a big draw, made in slices that yield to the event loop (10 000 rows take longer
 * than the pages may wait), in the order they are written: by the giver's key, so each write
 * fills neighbouring index pages.
 */
export async function historyRowsInSlices(
  deps: Deps,
  exchange: Exchange,
  people: readonly Person[],
  assignment: ReadonlyArray<readonly [number, number]>,
  known: HistoryPrep,
): Promise<PairHistoryRow[]> {
  const { pairs, row } = historyRowMaker(deps, exchange, people, assignment, known);
  const rows = await mapInSlices(pairs, row);
  await nextTurn();
  return rows.sort((a, b) => (a.giverHash < b.giverHash ? -1 : a.giverHash > b.giverHash ? 1 : 0));
}

function historyRowMaker(deps: Deps, exchange: Exchange, people: readonly Person[], assignment: ReadonlyArray<readonly [number, number]>, known?: HistoryPrep) {
  const secret = installationSecret(deps);
  const hash = (identity: string) => known?.hashes.get(identity) ?? personHash(secret, identity);
  const identityOf = new Map(people.map((p) => [p.id, historyIdentity(p)]));
  const key = exchangeKey(secret, exchange);
  const year = yearIn(exchange.exchangeAt, exchange.timezone);
  return {
    pairs: assignment.filter(([g, r]) => identityOf.has(g) && identityOf.has(r)),
    row: ([g, r]: readonly [number, number]): PairHistoryRow => ({
      giverHash: hash(identityOf.get(g)!),
      receiverHash: hash(identityOf.get(r)!),
      year,
      exchangeKey: key,
      exchangeAt: exchange.exchangeAt,
    }),
  };
}

/** States in which an exchange has no draw (yet): its matches and history rows, if any, are a draw under way. */
export const NOT_DRAWN: ReadonlySet<ExchangeState> = new Set<ExchangeState>(['draft', 'registration_open', 'registration_closed']);

/** An earlier exchange whose pairs this exchange avoids. */
export interface PastExchange {
  /** The exchange's name, or what is still known of it once it was purged. */
  label: string;
  exchangeAt: number;
  /** Its pairs among this exchange's people, as this exchange's participant ids. */
  pairs: Array<[giver: number, receiver: number]>;
}

/**
 * The organizer's last `avoidPastExchanges` exchanges that took place before this one and paired
 * two of its people, newest first. Exchanges that paired none of them are skipped, so "the last 2"
 * of a family are not used up by an office exchange with other people.
 */
export function pastExchanges(deps: Deps, exchange: Exchange, people: readonly Person[], known?: HistoryPrep): PastExchange[] {
  if (exchange.avoidPastExchanges <= 0 || people.length < 2) return [];
  const secret = installationSecret(deps);
  const byHash = new Map(people.map((p) => [known?.hashes.get(historyIdentity(p)) ?? personHash(secret, historyIdentity(p)), p.id]));
  const own = exchangeKey(secret, exchange);
  const exchanges = listExchanges(deps.db).map((e) => ({ key: exchangeKey(secret, e), name: e.name, state: e.state }));
  // Pairs of an exchange whose draw is under way (written in slices before it commits) do not count yet.
  const undrawn = new Set(exchanges.filter((e) => NOT_DRAWN.has(e.state)).map((e) => e.key));
  const groups = new Map<string, PastExchange & { year: number }>();
  for (const row of known?.rows ?? findPairHistory(deps.db, [...byHash.keys()], exchange.exchangeAt)) {
    const giver = byHash.get(row.giverHash);
    const receiver = byHash.get(row.receiverHash);
    if (row.exchangeKey === own || undrawn.has(row.exchangeKey) || giver === undefined || receiver === undefined || giver === receiver) continue;
    let group = groups.get(row.exchangeKey);
    if (!group) groups.set(row.exchangeKey, (group = { label: row.exchangeKey, exchangeAt: row.exchangeAt, year: row.year, pairs: [] }));
    group.pairs.push([giver, receiver]);
  }
  const chosen = [...groups.values()].sort((a, b) => b.exchangeAt - a.exchangeAt || a.label.localeCompare(b.label)).slice(0, exchange.avoidPastExchanges);
  const live = new Map(exchanges.map((e) => [e.key, e.name]));
  return chosen.map(({ label: key, exchangeAt, year, pairs }) => ({
    label: live.get(key) ?? (key.startsWith('year:') ? `the pairs drawn in ${year}` : `an exchange of ${year} (deleted)`),
    exchangeAt,
    pairs,
  }));
}

/**
 * Whether the folder still holds pair history keyed by year (from before history was kept per
 * exchange): undo and re-draw then take their one-transaction paths, which remove such rows pair by pair.
 */
export function hasYearKeyedHistory(deps: Deps): boolean {
  return deps.db.prepared("select 1 from pair_history where exchange_key >= 'year:' and exchange_key < 'year;' limit 1").get() !== undefined;
}
