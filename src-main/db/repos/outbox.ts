import type { Selectable } from 'kysely';
import type { Db } from '../database';
import type { EmailOutboxTable } from '../schema';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface StoredAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutboxRow {
  id: number;
  idempotencyKey: string;
  messageId: string;
  exchangeId: number | null;
  participantId: number | null;
  kind: string;
  to: string;
  /** Empty for messages rendered at sending time; kept only for notices frozen when written. */
  subject: string;
  text: string;
  html: string;
  attachments: StoredAttachment[];
  generation: string | null;
  params: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  lastError: string | null;
  withdrawnReason: string | null;
  reportedAt: number | null;
  createdAt: number;
  sentAt: number | null;
}

function toRow(r: Selectable<EmailOutboxTable>): OutboxRow {
  return {
    id: r.id,
    idempotencyKey: r.idempotency_key,
    messageId: r.message_id,
    exchangeId: r.exchange_id,
    participantId: r.participant_id,
    kind: r.kind,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    attachments: JSON.parse(r.attachments) as StoredAttachment[],
    generation: r.generation,
    params: JSON.parse(r.params) as Record<string, unknown>,
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    leaseUntil: r.lease_until,
    lastError: r.last_error,
    withdrawnReason: r.withdrawn_reason,
    reportedAt: r.reported_at,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

export type NewOutboxRow = Pick<
  OutboxRow,
  'idempotencyKey' | 'messageId' | 'exchangeId' | 'participantId' | 'kind' | 'to' | 'subject' | 'text' | 'html' | 'attachments' | 'generation' | 'params' | 'createdAt'
> & { notBefore?: number };

/** Inserts unless a row with the same idempotency key exists; returns the new id or null. */
export function insertOutboxRow(db: Db, m: NewOutboxRow): number | null {
  const result = db.run(
    db.q
      .insertInto('email_outbox')
      .values({
        idempotency_key: m.idempotencyKey,
        message_id: m.messageId,
        exchange_id: m.exchangeId,
        participant_id: m.participantId,
        kind: m.kind,
        to_address: m.to,
        subject: m.subject,
        text_body: m.text,
        html_body: m.html,
        attachments: JSON.stringify(m.attachments),
        generation: m.generation,
        params: JSON.stringify(m.params),
        status: 'pending',
        attempts: 0,
        next_attempt_at: Math.max(m.createdAt, m.notBefore ?? 0),
        created_at: m.createdAt,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing()),
  );
  return result.changes === 1 ? result.lastInsertRowid : null;
}

export function findOutboxRow(db: Db, id: number): OutboxRow | undefined {
  const row = db.first(db.q.selectFrom('email_outbox').selectAll().where('id', '=', id));
  return row && toRow(row);
}

export function findOutboxByKey(db: Db, key: string): OutboxRow | undefined {
  const row = db.first(db.q.selectFrom('email_outbox').selectAll().where('idempotency_key', '=', key));
  return row && toRow(row);
}

export function listOutboxRows(db: Db, filter: { status?: OutboxStatus; exchangeId?: number; kind?: string; limit: number; hiddenKinds?: readonly string[] }): OutboxRow[] {
  let query = db.q.selectFrom('email_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit);
  if (filter.hiddenKinds?.length) query = query.where('kind', 'not in', filter.hiddenKinds);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.exchangeId !== undefined) query = query.where('exchange_id', '=', filter.exchangeId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  return db.all(query).map(toRow);
}

/** Rows of one exchange, optionally of some kinds and statuses, oldest first. */
export function exchangeRows(db: Db, exchangeId: number, kinds: readonly string[], statuses?: readonly OutboxStatus[]): OutboxRow[] {
  let query = db.q.selectFrom('email_outbox').selectAll().where('exchange_id', '=', exchangeId).where('kind', 'in', kinds).orderBy('id');
  if (statuses) query = query.where('status', 'in', statuses);
  return db.all(query).map(toRow);
}

/**
 * Withdraws an exchange's unsent rows of some kinds (pending or failed) in one statement: an undo
 * at 10 000 people withdraws as many match emails, and one update per row held the loop for half
 * a second. Returns how many were withdrawn.
 */
export function withdrawExchangeRows(db: Db, exchangeId: number, kinds: readonly string[], reason: string): number {
  if (kinds.length === 0) return 0;
  return db.run(
    db.q
      .updateTable('email_outbox')
      .set({ status: 'cancelled', withdrawn_reason: reason, lease_until: null })
      .where('exchange_id', '=', exchangeId)
      .where('kind', 'in', kinds)
      .where('status', 'in', ['pending', 'failed']),
  ).changes;
}

/**
 * Withdraws up to `limit` unsent rows of `kinds` queued for another draw of the exchange than
 * number `draw` (their `params.draw`; rows from before migration 0013 belong to draw 0), but not
 * the rows `except`; returns how many.
 */
export function withdrawSomeRowsOfOtherDraws(db: Db, exchangeId: number, kinds: readonly string[], draw: number, except: readonly number[], reason: string, limit: number): number {
  if (kinds.length === 0) return 0;
  return db
    .prepared(
      `update email_outbox set status = 'cancelled', withdrawn_reason = ?, lease_until = null where id in
         (select id from email_outbox where exchange_id = ? and kind in (${kinds.map(() => '?').join(', ')}) and status in ('pending', 'failed')
            and coalesce(json_extract(params, '$.draw'), 0) <> ? and id not in (select value from json_each(?)) limit ?)`,
    )
    .run(reason, exchangeId, ...kinds, draw, JSON.stringify(except), limit).changes;
}

/** Like `withdrawExchangeRows`, at most `limit` rows (a slice of a long operation); returns how many. */
export function withdrawSomeExchangeRows(db: Db, exchangeId: number, kinds: readonly string[], reason: string, limit: number): number {
  if (kinds.length === 0) return 0;
  return db
    .prepared(
      `update email_outbox set status = 'cancelled', withdrawn_reason = ?, lease_until = null where id in
         (select id from email_outbox where exchange_id = ? and kind in (${kinds.map(() => '?').join(', ')}) and status in ('pending', 'failed') limit ?)`,
    )
    .run(reason, exchangeId, ...kinds, limit).changes;
}

/** The newest row of a participant among some kinds and statuses. */
export function latestParticipantRow(db: Db, participantId: number, kinds: readonly string[], statuses: readonly OutboxStatus[]): OutboxRow | undefined {
  const row = db.first(
    db.q
      .selectFrom('email_outbox')
      .selectAll()
      .where('participant_id', '=', participantId)
      .where('kind', 'in', kinds)
      .where('status', 'in', statuses)
      .orderBy('id', 'desc')
      .limit(1),
  );
  return row && toRow(row);
}

/** Like latestParticipantRow, but only the id and exchange (no JSON to parse): the relay asks it per message. */
/**
 * Asked per message while the relay renders a batch: hand-written SQL on db.prepared skips the
 * query builder, which cost about a tenth of each message (bench:mail). Lists go in as JSON arrays
 * so one statement serves every list length.
 */
export function latestParticipantRowRef(
  db: Db,
  participantId: number,
  kinds: readonly string[],
  statuses: readonly OutboxStatus[],
): { id: number; exchangeId: number | null } | undefined {
  const row = db
    .prepared(
      `select id, exchange_id from email_outbox
      where participant_id = ? and kind in (select value from json_each(?)) and status in (select value from json_each(?))
      order by id desc limit 1`,
    )
    .get(participantId, JSON.stringify(kinds), JSON.stringify(statuses)) as { id: number; exchange_id: number | null } | undefined;
  return row && { id: row.id, exchangeId: row.exchange_id };
}

export function lastSentAt(db: Db, participantId: number, kinds: readonly string[]): number | null {
  const row = db
    .prepared(`select max(sent_at) as at from email_outbox where participant_id = ? and kind in (select value from json_each(?)) and status = 'sent'`)
    .get(participantId, JSON.stringify(kinds)) as { at: number | null } | undefined;
  return row?.at ?? null;
}

export function countOutboxByStatus(db: Db, hiddenKinds: readonly string[] = []): Map<OutboxStatus, number> {
  const rows = db.all(
    db.q
      .selectFrom('email_outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .$if(hiddenKinds.length > 0, (q) => q.where('kind', 'not in', hiddenKinds))
      .groupBy('status'),
  );
  return new Map(rows.map((r) => [r.status as OutboxStatus, r.n]));
}

/** Pending rows whose time has come, oldest due first. The caller marks them `sending`. */
export function dueRows(db: Db, now: number, limit: number): OutboxRow[] {
  const rows = db.all(
    db.q
      .selectFrom('email_outbox')
      .selectAll()
      .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)])]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit),
  );
  return rows.map(toRow);
}

/**
 * Everything a previous process left `sending` goes back to the queue at once. Only valid while
 * this process is the only owner of the database (the data folder's lock).
 */
export function reclaimSending(db: Db, now: number): number {
  return db.run(db.q.updateTable('email_outbox').set({ status: 'pending', lease_until: null, next_attempt_at: now }).where('status', '=', 'sending')).changes;
}

export type OutboxChanges = Partial<
  Pick<OutboxRow, 'status' | 'attempts' | 'nextAttemptAt' | 'leaseUntil' | 'lastError' | 'sentAt' | 'withdrawnReason' | 'reportedAt' | 'subject' | 'text' | 'html' | 'attachments'>
>;

export function updateOutboxRow(db: Db, id: number, f: OutboxChanges): void {
  db.run(
    db.q
      .updateTable('email_outbox')
      .set({
        ...(f.status !== undefined && { status: f.status }),
        ...(f.attempts !== undefined && { attempts: f.attempts }),
        ...(f.nextAttemptAt !== undefined && { next_attempt_at: f.nextAttemptAt }),
        ...(f.leaseUntil !== undefined && { lease_until: f.leaseUntil }),
        ...(f.lastError !== undefined && { last_error: f.lastError }),
        ...(f.sentAt !== undefined && { sent_at: f.sentAt }),
        ...(f.withdrawnReason !== undefined && { withdrawn_reason: f.withdrawnReason }),
        ...(f.reportedAt !== undefined && { reported_at: f.reportedAt }),
        ...(f.subject !== undefined && { subject: f.subject }),
        ...(f.text !== undefined && { text_body: f.text }),
        ...(f.html !== undefined && { html_body: f.html }),
        ...(f.attachments !== undefined && { attachments: JSON.stringify(f.attachments) }),
      })
      .where('id', '=', id),
  );
}

/** Marks a match email as one of draw number `draw` (what it tells is rendered when it is sent). */
export function setRowDraw(db: Db, id: number, draw: number): void {
  db.prepared("update email_outbox set params = json_set(params, '$.draw', ?) where id = ?").run(draw, id);
}

/** The relay's claim of one row (hot: once per message, so a prepared statement). */
export function markRowSending(db: Db, id: number, leaseUntil: number): void {
  db.prepared("update email_outbox set status = 'sending', lease_until = ? where id = ?").run(leaseUntil, id);
}

/** One delivered row (hot: once per message); its attempt counts. */
export function markRowSent(db: Db, id: number, sentAt: number): void {
  db.prepared("update email_outbox set status = 'sent', sent_at = ?, lease_until = null, last_error = null, attempts = attempts + 1 where id = ?").run(sentAt, id);
}

/** Failed participant mail not yet told to the organizer (survives any crash: it is the rows). */
export function unreportedFailures(db: Db): OutboxRow[] {
  return db
    .all(db.q.selectFrom('email_outbox').selectAll().where('status', '=', 'failed').where('reported_at', 'is', null).where('kind', 'not like', 'organizer-%').orderBy('id'))
    .map(toRow);
}

/** The earliest time anything becomes due (pending retry or an expiring lease), for the relay's timer. */
export function nextDueAt(db: Db): number | null {
  const pending = db.first(
    db.q
      .selectFrom('email_outbox')
      .select((eb) => eb.fn.min<number>('next_attempt_at').as('at'))
      .where('status', '=', 'pending'),
  )?.at;
  const lease = db.first(
    db.q
      .selectFrom('email_outbox')
      .select((eb) => eb.fn.min<number>('lease_until').as('at'))
      .where('status', '=', 'sending'),
  )?.at;
  const candidates = [pending, lease].filter((v): v is number => typeof v === 'number');
  return candidates.length > 0 ? Math.min(...candidates) : null;
}

/** The calendar SEQUENCE of an exchange's event; raised each time the event moves. */
export function icsSequence(db: Db, exchangeId: number): number {
  return db.first(db.q.selectFrom('exchange_mail_state').select('ics_sequence').where('exchange_id', '=', exchangeId))?.ics_sequence ?? 0;
}

export function raiseIcsSequence(db: Db, exchangeId: number): number {
  const next = icsSequence(db, exchangeId) + 1;
  db.run(
    db.q
      .insertInto('exchange_mail_state')
      .values({ exchange_id: exchangeId, ics_sequence: next })
      .onConflict((oc) => oc.column('exchange_id').doUpdateSet({ ics_sequence: next })),
  );
  return next;
}
