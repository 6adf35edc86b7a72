import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { DomainError, notFound } from '../../core/errors';
import { nextState, type ExchangeState } from '../../core/exchange-state';
import { solve, type DrawMethod, type MatchMode } from '../../core/matching';
import { randomToken } from '../../core/tokens';
import type { Exchange } from '../../core/types';
import { findExchange, getExchange, updateExchange } from '../../db/repos/exchanges';
import {
  countMatches,
  currentDraw,
  deleteMatches,
  deletePairHistory,
  deleteSomeMatches,
  deleteSomePairHistory,
  gifteesKeys,
  hideHistoryKey,
  insertMatches,
  insertPairHistory,
  insertPairHistoryRows,
  loadMatches,
  matchedGivers,
  replaceMatches,
  rosterFingerprint,
  switchDraw,
  unhideHistoryKey,
} from '../../db/repos/matches';
import { drawPeople, listParticipants } from '../../db/repos/participants';
import { commitDeferringSync, type DeferredCommit } from '../../db/durable-commit';
import type { Deps } from '../common/deps';
import { eachSlice, nextTurn, sliceTransaction, SLICE_ROWS } from '../common/slices';
import { trackProgress } from '../common/progress';
import { installationSecret } from '../organizer/settings';
import { viewExchange } from '../exchanges/exchanges';
import { recordOrganizerAccess } from '../organizer/break-glass';
import {
  countSentMatchMail,
  enqueueDrawDoneNotice,
  enqueueMatchMail,
  matchMailInFlight,
  notifyDrawUndone,
  toldBeforeRedraw,
  withdrawBeforeRedraw,
  withdrawDrawNews,
  withdrawSomeReplacedMatchMail,
} from '../mail/match-mail';
import { MATCH_KINDS } from '../mail/kinds';
import { withdrawSomeUnsent } from '../mail/outbox';
import { endSomeConversationsOfUndoneDraw, pairsChanged } from '../between/pairs-changed';
import { revokeOrganizerHeldLinks } from '../portal/revoke';
import { claimDraw, isDrawing } from './claims';
import { finishToldNotices } from './told-notices';
import { sweepReplaced } from './replaced';
import { clearMailPending, markMailPending, parsePending, pendingMarker } from '../mail/pending-mail';
import { exchangeKey, hasYearKeyedHistory, historyRows, historyRowsInSlices, NOT_DRAWN, prepareHistory } from './history';
import { solveOffThread } from './solve-off-thread';
import { activeParticipants, buildProblem, infeasible } from './problem';

function withRelease<T>(release: () => void, fn: () => T): T {
  try {
    return fn();
  } finally {
    release();
  }
}

/** Solves, stores matches and pair history, and queues one match email per person, atomically (re-draw). */
interface Assigned {
  count: number;
  queued: number;
  method: DrawMethod;
  notes: string[];
}

/** `told`: who was told a giftee and who of them was still to hear of a change (`withdrawBeforeRedraw`). */
function assign(deps: Deps, exchange: Exchange, mode: MatchMode, told: { told: ReadonlySet<number>; unsettled: ReadonlySet<number> }): Assigned {
  const people = activeParticipants(deps, exchange.id);
  const result = solve(buildProblem(deps, exchange, people, mode), { random: deps.random });
  if (!result.ok) throw infeasible(deps, result.reason, people);
  deps.log.info('names drawn', { exchangeId: exchange.id, mode, method: result.method, people: people.length });
  const now = deps.clock.now();
  const previous = loadMatches(deps.db, exchange.id);
  deletePairHistory(deps.db, historyRows(deps, exchange, listParticipants(deps.db, exchange.id), previous));
  replaceMatches(deps.db, exchange.id, result.assignment, now, result.slots);
  pairsChanged(deps, exchange.id, 'whole-draw');
  insertPairHistory(deps.db, historyRows(deps, exchange, people, result.assignment), now);
  const byId = new Map(people.map((p) => [p.id, p]));
  const before = gifteesByGiver(previous);
  const generation = randomToken(deps.random, 6);
  let queued = 0;
  // One email per giver, listing all of their giftees; a giver already told hears only of a change.
  for (const [giver, receivers] of gifteesByGiver(result.assignment)) {
    const wasTold = told.told.has(giver);
    if (wasTold && before.get(giver) === receivers && !told.unsettled.has(giver)) continue;
    enqueueMatchMail(deps, exchange, byId.get(giver)!, { generation, changed: wasTold });
    queued++;
  }
  enqueueDrawDoneNotice(deps, exchange, generation, people.length);
  // A must-draw pair the organizer set wins over "avoid earlier pairs": say so, naming only pairs
  // the organizer chose themselves.
  const notes = result.overriddenHistory.map(
    ([giver, receiver]) => `${byId.get(giver)?.name ?? 'Someone'} gives to ${byId.get(receiver)?.name ?? 'someone'} again, as you asked, although they were paired before.`,
  );
  return { count: people.length, queued, method: result.method, notes };
}

/**
 * Queues the emails of a committed draw in slices, each its own short transaction that checks the
 * draw still stands (not undone, re-drawn or deleted meanwhile: its "emails pending" row is still
 * `marker`) and reads the givers as they are then. The last slice clears that row; a crash before
 * that leaves it, and `resumeMatchMail` finishes the job (the outbox keys make repeats no-ops).
 */
async function queueMatchMail(deps: Deps, exchangeId: number, marker: string): Promise<number> {
  const mail = parsePending(marker);
  if (mail === null) return 0;
  // First, after a re-draw, the replaced draw's unsent match mail (the relay would withdraw each at
  // sending anyway); after a first draw there is none.
  const stillThis = () => pendingMarker(deps, exchangeId) === marker;
  while (sliceTransaction(deps.db, () => (stillThis() ? withdrawSomeReplacedMatchMail(deps, exchangeId, mail.inFlightRows, SLICE_ROWS * 2) : 0)) > 0) await nextTurn();
  const { generation, skip, changed } = mail;
  let queued = 0;
  let after = 0;
  const progress = trackProgress(deps, 'match-mail', exchangeId, countMatches(deps.db, exchangeId));
  let seen = 0;
  for (;;) {
    progress.update(seen);
    await nextTurn();
    const page = sliceTransaction(deps.db, () => {
      // A newer draw owns the row now; or this draw no longer stands (cancelled, completed):
      // nothing of it is to be sent, and the row is forgotten rather than read on every jobs pass.
      if (pendingMarker(deps, exchangeId) !== marker) return null;
      const exchange = findExchange(deps.db, exchangeId);
      if (exchange?.state !== 'matched') {
        clearMailPending(deps, exchangeId);
        return null;
      }
      const givers = matchedGivers(deps.db, exchangeId, after, SLICE_ROWS);
      // Read once a slice, not once an email.
      const draw = currentDraw(deps.db, exchangeId);
      for (const giver of givers) {
        const told = changed.has(giver.id);
        if ((told || !skip.has(giver.id)) && enqueueMatchMail(deps, exchange, giver, { generation, changed: told, draw }) !== null) queued++;
      }
      if (givers.length < SLICE_ROWS) clearMailPending(deps, exchangeId);
      return givers;
    });
    if (page === null || page.length < SLICE_ROWS) {
      progress.finish(seen + (page?.length ?? 0));
      return queued;
    }
    seen += page.length;
    after = page[page.length - 1]!.id;
  }
}

/**
 * Draws whose match emails a crash left half-queued: queued now (the jobs' pass calls this).
 * Null, at once, when there are none.
 */
export function resumeMatchMail(deps: Deps): Promise<number> | null {
  const pending = deps.db.all(deps.db.q.selectFrom('job_state').select(['exchange_id', 'last_outcome']).where('job', '=', 'match-mail'));
  return pending.length === 0 ? null : resumePending(deps, pending);
}

async function resumePending(deps: Deps, pending: Array<{ exchange_id: number | null; last_outcome: string | null }>): Promise<number> {
  let queued = 0;
  for (const { exchange_id: exchangeId, last_outcome: marker } of pending) {
    if (exchangeId === null || marker === null) continue;
    if (isDrawing(deps, exchangeId)) continue;
    const release = claimDraw(deps, exchangeId);
    try {
      queued += await queueMatchMail(deps, exchangeId, marker);
    } finally {
      release();
    }
  }
  return queued;
}

/**
 * Removes, in slices, what a draw leaves behind once the exchange is not drawn (a draw that did not
 * commit, or an undone one): its matches and pair history, unsent match mail and open
 * conversations. None of it is read while the exchange is not drawn (the relay withdraws such mail
 * itself, threads need a drawn exchange), and every draw runs this before writing its own.
 */
export async function dropStaged(deps: Deps, exchangeId: number, historyKey: string): Promise<void> {
  const state = () => findExchange(deps.db, exchangeId)?.state;
  const limit = SLICE_ROWS * 2;
  for (;;) {
    await nextTurn();
    const current = state();
    if (current === undefined || !NOT_DRAWN.has(current)) return;
    const removed = sliceTransaction(
      deps.db,
      () =>
        deleteSomeMatches(deps.db, exchangeId, limit) +
        deleteSomePairHistory(deps.db, historyKey, limit) +
        withdrawSomeUnsent(deps, exchangeId, MATCH_KINDS, 'the draw was undone', limit) +
        endSomeConversationsOfUndoneDraw(deps, exchangeId, limit),
    );
    if (removed === 0) break;
  }
  // And what a re-draw of it left hidden (its replaced pairs, should a crash have cut their removal short).
  await sweepReplaced(deps, exchangeId);
}

/**
 * Draws names for an exchange of any size without freezing the app, all or nothing:
 *
 * 1. reads the people and rules, works out their history keys in slices, and solves on a worker
 *    thread (big groups);
 * 2. writes the matches and pair history in slices of a few hundred rows while the exchange is
 *    still "registration closed", where they are shown and used nowhere;
 * 3. commits in one short transaction: checks that nobody joined or left and no rule changed
 *    meanwhile, moves the exchange to "matched", and records that its match emails are due;
 * 4. queues the match emails in slices (resumed after a crash, see `queueMatchMail`).
 *
 * A failure before the commit leaves the exchange as it was and queues no mail (what step 2 wrote
 * is removed, and is invisible until then). A second draw of the same exchange meanwhile is refused.
 */
export async function draw(deps: Deps, input: ParsedInput<'exchanges.draw'>): Promise<OperationOutput<'exchanges.draw'>> {
  const release = claimDraw(deps, input.exchangeId);
  const progress = trackProgress(deps, 'draw', input.exchangeId, 0);
  try {
    // Refused at once if it cannot be drawn; then an undo's notices cut off half-way go out before this draw's match emails.
    nextState(getExchange(deps.db, input.exchangeId).state, 'draw');
    const finishing = finishToldNotices(deps, input.exchangeId);
    if (finishing) await finishing;
    const exchange = getExchange(deps.db, input.exchangeId);
    const state = nextState(exchange.state, 'draw');
    const mode = input.mode ?? exchange.matchMode;
    const before = rosterFingerprint(deps.db, exchange.id);
    const people = drawPeople(deps.db, exchange.id);
    const hashes = await prepareHistory(deps, exchange, people);
    await nextTurn();
    const result = await solveOffThread(buildProblem(deps, exchange, people, mode, hashes), deps.random, deps.log);
    if (!result.ok) throw infeasible(deps, result.reason, people);
    deps.log.info('names drawn', { exchangeId: exchange.id, mode, method: result.method, people: people.length });
    const historyKey = exchangeKey(installationSecret(deps), exchange);
    const history = await historyRowsInSlices(deps, exchange, people, result.assignment, hashes);
    const now = deps.clock.now();
    const generation = randomToken(deps.random, 6);
    let committed: { durable: Promise<void> } | undefined;
    let marker = generation;
    try {
      await dropStaged(deps, exchange.id, historyKey);
      // In key order, so each slice fills neighbouring index pages instead of touching pages all over.
      const pairs = result.assignment.map(([giver, receiver], e) => [giver, receiver, result.slots?.[e] ?? 0] as const).sort((a, b) => a[0] - b[0] || a[2] - b[2]);
      const changedMeanwhile = () => changedSince(deps, exchange, before);
      try {
        const drawNo = currentDraw(deps.db, exchange.id);
        await eachSlice(pairs, (slice) => sliceTransaction(deps.db, () => insertMatches(deps.db, exchange.id, slice, now, drawNo)), SLICE_ROWS, progress);
        await eachSlice(history, (rows) => sliceTransaction(deps.db, () => insertPairHistoryRows(deps.db, rows, now)));
      } catch (error) {
        // Someone removed meanwhile: their pair no longer fits (a foreign key); say what happened.
        if (!(error instanceof DomainError) && changedMeanwhile()) throw drawChanged();
        throw error;
      }
      await nextTurn();
      // The final commit syncs every slice's rows to disk: on the thread pool, not the loop (db/durable-commit.ts).
      committed = commitDeferringSync(deps.db, () => {
        if (changedMeanwhile() || countMatches(deps.db, exchange.id) !== result.assignment.length) throw drawChanged();
        updateExchange(deps.db, exchange.id, { state, matchMode: mode, drawnAt: now, drawMethod: result.method, updatedAt: now });
        revokeOrganizerHeldLinks(deps, exchange.id);
        marker = markMailPending(deps, exchange.id, generation);
        enqueueDrawDoneNotice(deps, exchange, generation, people.length);
        deps.events.emit({ type: 'exchange.changed', exchangeId: exchange.id });
      });
    } catch (error) {
      await dropStaged(deps, exchange.id, historyKey).catch((cleanup: unknown) => deps.log.warn('removing an unfinished draw failed', { error: cleanup }));
      throw error;
    }
    progress.finish();
    let queued = 0;
    try {
      // No match email before the draw is on disk.
      await committed?.durable;
      queued = await queueMatchMail(deps, exchange.id, marker);
    } catch (error) {
      // The draw stands; its "emails pending" row stays, and the next jobs pass queues the rest.
      deps.log.error('queueing the match emails stopped half-way; the next jobs pass finishes it', { exchangeId: exchange.id, error });
    }
    const byId = new Map(people.map((p) => [p.id, p]));
    // A must-draw pair the organizer set wins over "avoid earlier pairs": say so, naming only pairs
    // the organizer chose themselves.
    const notes = result.overriddenHistory.map(
      ([giver, receiver]) => `${byId.get(giver)?.name ?? 'Someone'} gives to ${byId.get(receiver)?.name ?? 'someone'} again, as you asked, although they were paired before.`,
    );
    return { exchange: viewExchange(deps, exchange.id), participantCount: people.length, emailsQueued: queued, method: result.method, notes };
  } finally {
    progress.finish();
    release();
  }
}

/**
 * Everyone gets a new draw; people already told get an "assignment changed" email if theirs
 * changed, the others their match email. Without freezing the app, all or nothing for what anyone
 * sees (migration 0013):
 *
 * 1. the engine runs on a worker thread for big groups;
 * 2. the new matches are written beside the draw that counts, as the exchange's next draw number,
 *    and the new pair history under a new, hidden history key, in slices: pages show the old draw;
 * 3. one short commit checks that nothing changed meanwhile, reads who was told what, and
 *    switches: the new draw number counts, the new key is shown, the old one hidden;
 * 4. in slices after it (resumed after a crash): the old draw's unsent match mail is withdrawn (the
 *    relay withdraws one that comes up before, `ofReplacedDraw`), the match emails of people not
 *    told yet are queued like a draw's, and the old draw's rows are removed (`sweepReplaced`;
 *    after a crash, by the next re-draw or the jobs pass).
 *
 * A folder that still holds year-keyed pair history takes the one-transaction path.
 */
export async function redraw(deps: Deps, input: ParsedInput<'exchanges.redraw'>): Promise<OperationOutput<'exchanges.redraw'>> {
  if (hasYearKeyedHistory(deps)) return redrawAtOnce(deps, input);
  const release = claimDraw(deps, input.exchangeId);
  try {
    const exchange = getExchange(deps.db, input.exchangeId);
    if (exchange.state !== 'matched') throw new DomainError('invalid_state', { key: 'error.draw.redrawUndrawn' });
    const mode = input.mode ?? exchange.matchMode;
    const before = rosterFingerprint(deps.db, exchange.id);
    // Only what the draw needs of each person: 10 000 whole rows took longer than the pages may wait.
    const people = drawPeople(deps.db, exchange.id);
    const prep = await prepareHistory(deps, exchange, people);
    await nextTurn();
    const result = await solveOffThread(buildProblem(deps, exchange, people, mode, prep), deps.random, deps.log);
    if (!result.ok) throw infeasible(deps, result.reason, people);
    const secret = installationSecret(deps);
    const oldKey = exchangeKey(secret, exchange);
    // A new history key: the new pairs are written beside the old ones, hidden until the commit.
    const redrawn: Exchange = { ...exchange, historyKey: randomToken(deps.random, 16) };
    const newKey = exchangeKey(secret, redrawn);
    const history = await historyRowsInSlices(deps, redrawn, people, result.assignment, prep);
    await nextTurn();
    // In key order, as a draw writes them: neighbouring index pages instead of pages all over.
    const pairs = result.assignment.map(([giver, receiver], e) => [giver, receiver, result.slots?.[e] ?? 0] as const).sort((a, b) => a[0] - b[0] || a[2] - b[2]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const generation = randomToken(deps.random, 6);
    const changedMeanwhile = () => changedSince(deps, exchange, before);
    let commit: DeferredCommit<string>;
    try {
      // What an earlier re-draw cut short by a crash left, first.
      await sweepReplaced(deps, exchange.id);
      const drawNo = currentDraw(deps.db, exchange.id) + 1;
      const now = deps.clock.now();
      sliceTransaction(deps.db, () => hideHistoryKey(deps.db, newKey, exchange.id, now));
      try {
        await eachSlice(pairs, (slice) => sliceTransaction(deps.db, () => insertMatches(deps.db, exchange.id, slice, now, drawNo)), SLICE_ROWS);
        await eachSlice(history, (rows) => sliceTransaction(deps.db, () => insertPairHistoryRows(deps.db, rows, now)));
      } catch (error) {
        // Someone removed meanwhile: their pair no longer fits (a foreign key); say what happened.
        if (!(error instanceof DomainError) && changedMeanwhile()) throw drawChanged();
        throw error;
      }
      // Read before the commit, which checks that nobody joined or left meanwhile (a splice would have).
      const earlier = gifteesKeys(deps.db, exchange.id);
      await nextTurn();
      const next = gifteesByGiver(result.assignment);
      await nextTurn();
      // Committed without holding the loop for the disk (db/durable-commit.ts); no email is queued before it is durable.
      commit = commitDeferringSync(deps.db, () => {
        if (changedMeanwhile() || currentDraw(deps.db, exchange.id) !== drawNo - 1 || countMatches(deps.db, exchange.id, drawNo) !== pairs.length) throw drawChanged();
        // Who knows what; the replaced draw's unsent mail is withdrawn after the commit (queueMatchMail),
        // but not what is being sent now: its people count as told, and a retry of it still goes.
        const { told, unsettled } = toldBeforeRedraw(deps, exchange.id);
        const inFlightRows = matchMailInFlight(deps, exchange.id);
        // A re-draw whose news a cut-off left unqueued: the people it changed still have to hear.
        for (const giver of parsePending(pendingMarker(deps, exchange.id))?.changed ?? []) if (told.has(giver)) unsettled.add(giver);
        switchDraw(deps.db, exchange.id, drawNo);
        unhideHistoryKey(deps.db, newKey);
        hideHistoryKey(deps.db, oldKey, exchange.id, now);
        revokeOrganizerHeldLinks(deps, exchange.id);
        pairsChanged(deps, exchange.id, 'whole-draw');
        // People already told hear only of a change; everyone else gets their match email. Both are
        // queued after the commit, in slices (10 000 "changed" emails here held the loop ~0.3 s).
        const changed = new Set([...told].filter((giver) => byId.has(giver) && next.has(giver) && (unsettled.has(giver) || next.get(giver) !== earlier.get(giver))));
        updateExchange(deps.db, exchange.id, { historyKey: redrawn.historyKey, matchMode: mode, drawnAt: now, drawMethod: result.method, updatedAt: now });
        const marker = markMailPending(deps, exchange.id, generation, { skip: told, changed, inFlightRows });
        enqueueDrawDoneNotice(deps, exchange, generation, people.length);
        return marker;
      });
    } catch (error) {
      await sweepReplaced(deps, exchange.id).catch((cleanup: unknown) => deps.log.warn('removing an unfinished re-draw failed', { error: cleanup }));
      throw error;
    }
    deps.log.info('names drawn again', { exchangeId: exchange.id, mode, method: result.method, people: people.length });
    deps.events.emit({ type: 'exchange.changed', exchangeId: exchange.id });
    let queued = 0;
    try {
      await commit.durable;
      queued = await queueMatchMail(deps, exchange.id, commit.result);
    } catch (error) {
      deps.log.error('queueing the match emails stopped half-way; the next jobs pass finishes it', { exchangeId: exchange.id, error });
    }
    // The replaced draw's rows, now that nobody reads them.
    await sweepReplaced(deps, exchange.id).catch((error: unknown) =>
      deps.log.warn('removing the replaced draw failed; the next jobs pass finishes it', { exchangeId: exchange.id, error }),
    );
    const notes = result.overriddenHistory.map(
      ([giver, receiver]) => `${byId.get(giver)?.name ?? 'Someone'} gives to ${byId.get(receiver)?.name ?? 'someone'} again, as you asked, although they were paired before.`,
    );
    return { exchange: viewExchange(deps, exchange.id), participantCount: people.length, emailsQueued: queued, method: result.method, notes };
  } finally {
    release();
  }
}

/**
 * Whether anything a draw or re-draw depends on changed while it ran over many turns (read at its
 * start as `drawn`, with the roster's fingerprint `before`): its state, how names are drawn (it
 * would commit a draw of the old kind: one giftee each where two are now asked for), the date and
 * the earlier exchanges it avoids, its history key, or who takes part and the rules.
 */
function changedSince(deps: Deps, drawn: Exchange, before: string): boolean {
  const current = findExchange(deps.db, drawn.id);
  if (!current) throw notFound('exchange');
  return (
    current.state !== drawn.state ||
    current.giftsPerPerson !== drawn.giftsPerPerson ||
    current.matchMode !== drawn.matchMode ||
    current.exchangeAt !== drawn.exchangeAt ||
    current.avoidPastExchanges !== drawn.avoidPastExchanges ||
    current.previousExchangeId !== drawn.previousExchangeId ||
    current.historyKey !== drawn.historyKey ||
    rosterFingerprint(deps.db, drawn.id) !== before
  );
}

const drawChanged = () => new DomainError('conflict', { key: 'error.draw.changed' });

/** Each giver's giftees, as one comparable key ("3,17"; the same as `gifteesKeys`). */
function gifteesByGiver(pairs: ReadonlyArray<readonly [number, number, ...unknown[]]>): Map<number, string> {
  const sorted = pairs.map(([giver, receiver]) => [giver, receiver] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = new Map<number, string>();
  for (const [giver, receiver] of sorted) {
    const known = out.get(giver);
    out.set(giver, known === undefined ? String(receiver) : `${known},${receiver}`);
  }
  return out;
}

/** The re-draw in one transaction, engine included: for folders with year-keyed pair history (see `hasYearKeyedHistory`). */
function redrawAtOnce(deps: Deps, input: ParsedInput<'exchanges.redraw'>): OperationOutput<'exchanges.redraw'> {
  const release = claimDraw(deps, input.exchangeId);
  const result = withRelease(release, () =>
    deps.db.transaction(() => {
      const exchange = getExchange(deps.db, input.exchangeId);
      if (exchange.state !== 'matched') throw new DomainError('invalid_state', { key: 'error.draw.redrawUndrawn' });
      const mode = input.mode ?? exchange.matchMode;
      const told = withdrawBeforeRedraw(deps, exchange.id);
      clearMailPending(deps, exchange.id);
      revokeOrganizerHeldLinks(deps, exchange.id);
      const outcome = assign(deps, exchange, mode, told);
      updateExchange(deps.db, exchange.id, { matchMode: mode, drawnAt: deps.clock.now(), drawMethod: outcome.method, updatedAt: deps.clock.now() });
      return outcome;
    }),
  );
  deps.events.emit({ type: 'exchange.changed', exchangeId: input.exchangeId });
  return { exchange: viewExchange(deps, input.exchangeId), participantCount: result.count, emailsQueued: result.queued, method: result.method, notes: result.notes };
}

/**
 * What every undo does first, inside its transaction: the state it goes back to, the confirmation
 * when people were already told, their notice that it no longer holds, unsent match mail withdrawn,
 * and every conversation of the draw ended (`inSlices`: only the confirmation and the organizer's
 * mail; the caller does the rest after its commit). Returns the state to set.
 */
export function beginUndo(deps: Deps, exchange: Exchange, confirm: boolean | undefined, inSlices = false): ExchangeState {
  const state = nextState(exchange.state, 'undo-draw');
  const sent = countSentMatchMail(deps, exchange.id);
  if (sent > 0 && !confirm) {
    throw new DomainError(
      'conflict',
      { key: 'error.draw.undoTold', values: { count: sent } },
      {
        details: { alreadyNotified: sent },
      },
    );
  }
  if (inSlices) {
    // The notices, the match mail and the conversations follow the commit in slices (undo-in-slices.ts).
    withdrawDrawNews(deps, exchange.id);
  } else {
    notifyDrawUndone(deps, exchange.id);
    pairsChanged(deps, exchange.id, 'undone');
  }
  clearMailPending(deps, exchange.id);
  return state;
}

export function undoDraw(deps: Deps, input: ParsedInput<'exchanges.undoDraw'>): OperationOutput<'exchanges.get'> {
  const release = claimDraw(deps, input.exchangeId);
  withRelease(release, () =>
    deps.db.transaction(() => {
      const exchange = getExchange(deps.db, input.exchangeId);
      const state = beginUndo(deps, exchange, input.confirm);
      deletePairHistory(deps.db, historyRows(deps, exchange, listParticipants(deps.db, exchange.id), loadMatches(deps.db, exchange.id)));
      deleteMatches(deps.db, exchange.id);
      updateExchange(deps.db, exchange.id, { state, drawnAt: null, drawMethod: null, updatedAt: deps.clock.now() });
    }),
  );
  deps.events.emit({ type: 'exchange.changed', exchangeId: input.exchangeId });
  return viewExchange(deps, input.exchangeId);
}

/** The only way the organizer sees who drew whom; recorded on the exchange. */
export function reveal(deps: Deps, input: ParsedInput<'exchanges.reveal'>): OperationOutput<'exchanges.reveal'> {
  const now = deps.clock.now();
  return deps.db.transaction(() => {
    const exchange = getExchange(deps.db, input.exchangeId);
    if (exchange.state !== 'matched' && exchange.state !== 'completed') {
      throw new DomainError('invalid_state', { key: 'error.draw.nothingToReveal' });
    }
    updateExchange(deps.db, exchange.id, { revealedAt: now });
    recordOrganizerAccess(deps, exchange, 'reveal', null);
    const names = new Map(listParticipants(deps.db, exchange.id).map((p) => [p.id, p.name]));
    return {
      revealedAt: now,
      pairs: loadMatches(deps.db, exchange.id).map(([g, r]) => ({ giverId: g, giverName: names.get(g) ?? '', receiverId: r, receiverName: names.get(r) ?? '' })),
    };
  });
}
