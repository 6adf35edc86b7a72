import type { Exchange, Participant } from '../../core/types';
import type { Delivery } from '../../contract/participants';
import { currentDraw, gifteesKey } from '../../db/repos/matches';
import { raiseIcsSequence, withdrawSomeRowsOfOtherDraws } from '../../db/repos/outbox';
import { markCardsReplaced } from '../../db/repos/printed-cards';
import { forgetStaleLook } from '../../db/repos/table-draws';
import { listParticipants } from '../../db/repos/participants';
import { drawDoneNotice } from '../../mail/templates';
import type { Deps } from '../common/deps';
import { getSettings } from '../organizer/settings';
import { exchangeInfo } from './exchange-info';
import { MATCH_KINDS } from './kinds';
import { enqueueMail, withdrawSomeUnsent, withdrawUnsent } from './outbox';
import { nextTurn, sliceTransaction, SLICE_ROWS } from '../common/slices';

export { exchangeInfo } from './exchange-info';

/**
 * A giver's giftee was (re)set: by a draw, a re-draw, or a splice. How they hear of it depends on
 * their delivery: the match email (rendered when sent, with the giftee current at that moment), a
 * link emailed to the person who passes it on (no giftee in it), or nothing by mail for a card or
 * the table. A printed full card or a look at the table showing an earlier giftee is marked stale
 * here, so the organizer is told which cards to reprint and the person may look again.
 */
export function enqueueMatchMail(
  deps: Deps,
  exchange: Pick<Exchange, 'id'>,
  giver: Pick<Participant, 'id' | 'email'>,
  options: { generation: string; changed: boolean; draw?: number },
): number | null {
  const reach = reachOf(deps, giver.id);
  if (reach === undefined) return null;
  recordGifteesChanged(deps, exchange.id, giver.id);
  if (reach.delivery === 'delivered') return enqueuePassOnLink(deps, exchange.id, giver.id, reach.deliveredBy, options.generation);
  if (reach.delivery !== 'email' || reach.email === '') return null;
  const kind = options.changed ? 'assignment-changed' : 'match';
  return enqueueMail(deps, {
    key: `${kind}:${exchange.id}:${options.generation}:${giver.id}`,
    kind,
    to: giver.email,
    exchangeId: exchange.id,
    participantId: giver.id,
    generation: options.generation,
    // Which draw it tells of: one replaced before it goes out is withdrawn (render.ts, `ofReplacedDraw`).
    params: { draw: options.draw ?? currentDraw(deps.db, exchange.id) },
  });
}

/** What a change of a giver's giftees means besides mail: a printed card showing others is stale, and so is a look at the table. */
export function recordGifteesChanged(deps: Deps, exchangeId: number, giverId: number): void {
  const giftees = gifteesKey(deps.db, exchangeId, giverId);
  markCardsReplaced(deps.db, exchangeId, giverId, giftees, deps.clock.now());
  forgetStaleLook(deps.db, exchangeId, giverId, giftees);
}

/** A giver's delivery as it is now, read with one prepared statement (a fan-out asks thousands of times). */
function reachOf(deps: Deps, participantId: number): { email: string; delivery: Delivery; deliveredBy: number | null } | undefined {
  const row = deps.db.prepared('select email, delivery, delivered_by from participants where id = ?').get(participantId) as
    { email: string; delivery: Delivery; delivered_by: number | null } | undefined;
  return row && { email: row.email, delivery: row.delivery, deliveredBy: row.delivered_by };
}

/**
 * "Someone delivers it": the deliverer gets a link to the person's page to hand over, never the
 * giftee. Keyed by the person and the draw, so one email per (re)set of their giftee.
 */
function enqueuePassOnLink(deps: Deps, exchangeId: number, personId: number, delivererId: number | null, generation: string): number | null {
  const deliverer = delivererId === null ? undefined : reachOf(deps, delivererId);
  if (!deliverer || deliverer.email === '') {
    deps.log.warn('nobody to pass a link on', { exchangeId, participantId: personId });
    return null;
  }
  return enqueueMail(deps, {
    key: `pass-on-link:${exchangeId}:${generation}:${personId}`,
    kind: 'pass-on-link',
    to: deliverer.email,
    exchangeId,
    participantId: personId,
    generation,
    params: { delivererId },
  });
}

export function enqueueDrawDoneNotice(deps: Deps, exchange: Exchange, generation: string, participantCount: number): void {
  const organizer = getSettings(deps).organizer;
  if (!organizer) return;
  enqueueMail(deps, {
    key: `organizer-draw-done:${exchange.id}:${generation}`,
    kind: 'organizer-draw-done',
    to: organizer.email,
    exchangeId: exchange.id,
    participantId: null,
    email: drawDoneNotice({
      locale: getSettings(deps).locale,
      exchange: exchangeInfo(exchange),
      organizerName: organizer.name,
      participantCount,
      queuedCount: participantCount,
      adminHint: deps.runtime.organizerUrl,
    }),
  });
}

/**
 * What a re-draw must know before it replaces the matches, with the match mail not sent yet then
 * withdrawn: who was told a giftee (`told`), and who of them was still to hear of a change
 * (`unsettled`: an "assignment changed" or newer match email of theirs is withdrawn now). What the
 * unsettled know is older than the draw being replaced, so they must hear of the new one even
 * where their giftee stays what it was in the replaced draw.
 */
export function withdrawBeforeRedraw(deps: Deps, exchangeId: number): { told: Set<number>; unsettled: Set<number> } {
  const known = toldBeforeRedraw(deps, exchangeId);
  withdrawUnsentMatchMail(deps, exchangeId, REPLACED);
  return known;
}

const REPLACED = 'a newer draw replaced it';

/**
 * `withdrawBeforeRedraw` without the withdrawal, for a re-draw that withdraws the replaced
 * draw's mail after its commit, in slices (`withdrawSomeReplacedMatchMail`).
 */
export function toldBeforeRedraw(deps: Deps, exchangeId: number): { told: Set<number>; unsettled: Set<number> } {
  const { told, waiting } = matchMailOf(deps, exchangeId);
  return { told, unsettled: new Set([...waiting].filter((id) => told.has(id))) };
}

/** The exchange's match emails being sent right now (a re-draw's commit counts their people as told). */
export function matchMailInFlight(deps: Deps, exchangeId: number): Set<number> {
  const ids = deps.db
    .prepared(`select id from email_outbox where exchange_id = ? and kind in (${MATCH_KINDS.map(() => '?').join(', ')}) and status = 'sending'`)
    .pluck()
    .all(exchangeId, ...MATCH_KINDS) as number[];
  return new Set(ids);
}

/**
 * Up to `limit` unsent match emails of draws the exchange replaced, withdrawn, but not those in
 * flight at the re-draw (`inFlightRows`: a retry of one still goes); returns how many.
 */
export function withdrawSomeReplacedMatchMail(deps: Deps, exchangeId: number, inFlightRows: ReadonlySet<number>, limit: number): number {
  const withdrawn = withdrawSomeRowsOfOtherDraws(deps.db, exchangeId, MATCH_KINDS, currentDraw(deps.db, exchangeId), [...inFlightRows], REPLACED, limit);
  if (withdrawn > 0) deps.events.emit({ type: 'outbox.changed' });
  return withdrawn;
}

/** Match emails of an exchange not yet sent are withdrawn (undo, re-draw). */
export function withdrawUnsentMatchMail(deps: Deps, exchangeId: number, reason = 'the draw was undone'): void {
  withdrawUnsent(deps, exchangeId, MATCH_KINDS, reason);
}

export function countSentMatchMail(deps: Deps, exchangeId: number): number {
  return notifiedParticipants(deps, exchangeId).size;
}

/** Participants who have already been told an assignment (their email went out, or may have). */
export function notifiedParticipants(deps: Deps, exchangeId: number): Set<number> {
  return matchMailOf(deps, exchangeId).told;
}

/**
 * Each participant's match emails ("assignment changed" too) in one read: `told`, one went out
 * (or may have: it is being sent); `waiting`, one is not sent yet (what a withdrawal takes back).
 */
function matchMailOf(deps: Deps, exchangeId: number): { told: Set<number>; waiting: Set<number> } {
  const rows = deps.db
    .prepared(
      `select participant_id, max(status in ('sent', 'sending')) as told, max(status in ('pending', 'failed')) as waiting from email_outbox
         where exchange_id = ? and kind in (${MATCH_KINDS.map(() => '?').join(', ')}) and participant_id is not null group by participant_id`,
    )
    .all(exchangeId, ...MATCH_KINDS) as Array<{ participant_id: number; told: number; waiting: number }>;
  const told = new Set<number>();
  const waiting = new Set<number>();
  for (const row of rows) {
    if (row.told) told.add(row.participant_id);
    if (row.waiting) waiting.add(row.participant_id);
  }
  return { told, waiting };
}

type Notice = 'draw-cancelled' | 'exchange-updated' | 'exchange-cancelled';

/** One notice to each person who was told their match and is still in; `stamp` keeps keys unique per change. */
function noticeToTold(deps: Deps, exchangeId: number, kind: Notice, stamp: string | number): number {
  const told = notifiedParticipants(deps, exchangeId);
  let queued = 0;
  for (const person of listParticipants(deps.db, exchangeId)) {
    if (!told.has(person.id) || person.withdrawnAt !== null) continue;
    const id = enqueueMail(deps, { key: `${kind}:${exchangeId}:${stamp}:${person.id}`, kind, to: person.email, exchangeId, participantId: person.id });
    if (id !== null) queued++;
  }
  return queued;
}

/**
 * One slice of notices to the people told (queued after a big change's short commit, see
 * draw/told-notices): people above `after` who were told their match and are still in, at most
 * `limit`, each sent the notice `noticeToTold` sends under the same key, so a slice run twice
 * queues nothing twice. Returns the ids it went through, in order.
 */
export function noticeToToldSlice(deps: Deps, exchangeId: number, kind: Notice, stamp: string | number, after: number, limit: number): number[] {
  const people = deps.db
    .prepared(
      `select p.id, p.email from participants p where p.exchange_id = ? and p.id > ? and p.withdrawn_at is null
         and exists (select 1 from email_outbox o where o.participant_id = p.id and o.exchange_id = p.exchange_id
                     and o.kind in (${MATCH_KINDS.map(() => '?').join(', ')}) and o.status in ('sent', 'sending'))
       order by p.id limit ?`,
    )
    .all(exchangeId, after, ...MATCH_KINDS, limit) as Array<{ id: number; email: string }>;
  for (const person of people) {
    enqueueMail(deps, { key: `${kind}:${exchangeId}:${stamp}:${person.id}`, kind, to: person.email, exchangeId, participantId: person.id });
  }
  return people.map((p) => p.id);
}

/** What an undo withdraws besides the match emails: mail about the draw that no longer holds. */
export function withdrawDrawNews(deps: Deps, exchangeId: number): void {
  // The organizer's "names have been drawn, N match emails on the way", if not sent yet, is no longer true.
  withdrawUnsent(deps, exchangeId, ['reminder', 'exchange-updated', 'organizer-draw-done'], 'the draw was undone');
}

/** Undo after match emails went out: "the draw was cancelled; a new one follows". Call before the matches go. */
export function notifyDrawUndone(deps: Deps, exchangeId: number): number {
  const queued = noticeToTold(deps, exchangeId, 'draw-cancelled', deps.clock.now());
  withdrawUnsentMatchMail(deps, exchangeId);
  withdrawDrawNews(deps, exchangeId);
  return queued;
}

/**
 * Date, time or place moved after the draw, inside that change's commit: the calendar event moves
 * (same UID, higher SEQUENCE) and an earlier update not sent yet is withdrawn. Returns the new
 * sequence, the stamp of the updates then queued to the people told (draw/told-notices).
 */
export function beginExchangeUpdate(deps: Deps, exchangeId: number): number {
  const sequence = raiseIcsSequence(deps.db, exchangeId);
  withdrawUnsent(deps, exchangeId, ['exchange-updated'], 'a later update replaced it');
  return sequence;
}

/**
 * After a cancellation's commit, a slice per turn: the exchange's unsent mail is marked withdrawn
 * (nothing else goes out: from the commit on the relay withdraws any it picks up itself).
 */
export async function withdrawAfterCancellation(deps: Deps, exchangeId: number): Promise<void> {
  const kinds = deps.db
    .all(deps.db.q.selectFrom('email_outbox').select('kind').distinct().where('exchange_id', '=', exchangeId))
    .map((r) => r.kind)
    .filter((k) => k !== 'exchange-cancelled');
  for (;;) {
    await nextTurn();
    if (sliceTransaction(deps.db, () => withdrawSomeUnsent(deps, exchangeId, kinds, 'the exchange was cancelled', SLICE_ROWS * 2)) === 0) return;
  }
}
