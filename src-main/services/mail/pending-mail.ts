import { upsertJobState } from '../../db/repos/jobs';
import type { Deps } from '../common/deps';

/*
 * The "emails pending" row of a draw whose match emails are still being queued, in slices after
 * its commit (draw/draw.ts, `queueMatchMail`): its generation and, after a re-draw, who was told.
 */

/** The job-state row of a draw whose match emails are still being queued (its generation in `last_outcome`). */
const mailKey = (exchangeId: number) => `match-mail:${exchangeId}`;

/**
 * What is still to be queued: the draw's generation, and after a re-draw the givers already told
 * (`skip`: they get nothing new) and, among them, those whose giftees changed (`changed`: they get
 * an "assignment changed" email instead of a match email).
 */
export interface PendingMail {
  generation: string;
  skip: ReadonlySet<number>;
  changed: ReadonlySet<number>;
  /**
   * After a re-draw: the outbox rows (ids, not people) of the replaced draw's match emails being
   * sent at its commit. Their people count as told, so a retry of one (the server said "try
   * later") still goes; the replaced draw's other unsent match emails are withdrawn.
   */
  inFlightRows: ReadonlySet<number>;
}

type Told = Pick<PendingMail, 'skip' | 'changed'> & { inFlightRows?: ReadonlySet<number> };

/** Writes the "emails pending" row; returns its text, which each slice compares to know the job is still this one. */
export function markMailPending(deps: Deps, exchangeId: number, generation: string, told: Told | null = null): string {
  const lastOutcome = told === null ? generation : JSON.stringify({ generation, skip: [...told.skip], changed: [...told.changed], inFlightRows: [...(told.inFlightRows ?? [])] });
  upsertJobState(deps.db, { jobKey: mailKey(exchangeId), job: 'match-mail', exchangeId, dueAt: null, lastRunAt: null, lastOutcome, updatedAt: deps.clock.now() });
  return lastOutcome;
}

/** The last row parsed: the relay asks for it with every match email while a re-draw's queue runs. */
let lastParsed: { text: string; pending: PendingMail } | null = null;

export function parsePending(lastOutcome: string | null): PendingMail | null {
  if (lastOutcome === null) return null;
  if (lastParsed?.text === lastOutcome) return lastParsed.pending;
  let pending: PendingMail;
  if (!lastOutcome.startsWith('{')) pending = { generation: lastOutcome, skip: new Set(), changed: new Set(), inFlightRows: new Set() };
  else {
    const parsed = JSON.parse(lastOutcome) as { generation: string; skip: number[]; changed?: number[]; inFlightRows?: number[] };
    pending = { generation: parsed.generation, skip: new Set(parsed.skip), changed: new Set(parsed.changed ?? []), inFlightRows: new Set(parsed.inFlightRows ?? []) };
  }
  lastParsed = { text: lastOutcome, pending };
  return pending;
}

/** The "emails pending" row's text as stored (compared whole: a re-draw's holds thousands of ids, parsed once per job, not per slice). */
export function pendingMarker(deps: Deps, exchangeId: number): string | null {
  return deps.db.first(deps.db.q.selectFrom('job_state').select('last_outcome').where('job_key', '=', mailKey(exchangeId)))?.last_outcome ?? null;
}

export function clearMailPending(deps: Deps, exchangeId: number): void {
  deps.db.run(deps.db.q.deleteFrom('job_state').where('job_key', '=', mailKey(exchangeId)));
}

/**
 * While a draw's match emails are still being queued: whether its slices are yet to queue one for
 * `giverId` (nothing of that draw's generation for them yet, and they are not among the people
 * told whom it leaves alone). They read the giver's giftees when they do, so a splice meanwhile
 * leaves these givers to them instead of queueing a second email. Null when no draw's emails are pending.
 */
export function stillToQueue(deps: Deps, exchangeId: number): ((giverId: number) => boolean) | null {
  const pending = parsePending(pendingMarker(deps, exchangeId));
  if (pending === null) return null;
  const queued = deps.db.prepared('select 1 from email_outbox where participant_id = ? and generation = ? limit 1');
  return (giverId) => (pending.changed.has(giverId) || !pending.skip.has(giverId)) && queued.get(giverId, pending.generation) === undefined;
}
