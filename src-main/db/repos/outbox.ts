import type { Selectable } from 'kysely';
import type { Db } from '../database';
import type { EmailOutboxTable } from '../schema';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface OutboxRow {
  id: number;
  idempotencyKey: string;
  messageId: string;
  exchangeId: number | null;
  participantId: number | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: Array<{ filename: string; contentType: string; content: string }>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  lastError: string | null;
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
    attachments: JSON.parse(r.attachments) as OutboxRow['attachments'],
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    leaseUntil: r.lease_until,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/** Inserts unless a row with the same idempotency key exists; returns the new id or null. */
export function insertOutboxRow(
  db: Db,
  m: Omit<OutboxRow, 'id' | 'status' | 'attempts' | 'leaseUntil' | 'lastError' | 'sentAt' | 'nextAttemptAt'>,
): number | null {
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
        status: 'pending',
        attempts: 0,
        next_attempt_at: m.createdAt,
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

export function listOutboxRows(db: Db, filter: { status?: OutboxStatus; exchangeId?: number; kind?: string; limit: number }): OutboxRow[] {
  let query = db.q.selectFrom('email_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.exchangeId !== undefined) query = query.where('exchange_id', '=', filter.exchangeId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  return db.all(query).map(toRow);
}

export function countOutboxByStatus(db: Db): Map<OutboxStatus, number> {
  const rows = db.all(db.q.selectFrom('email_outbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status'));
  return new Map(rows.map((r) => [r.status as OutboxStatus, r.n]));
}

/**
 * Takes up to `limit` due rows for sending: pending ones whose time has come, and rows whose
 * lease ran out (the process died mid-send). Each claimed row is `sending` until `leaseUntil`.
 */
export function claimDueRows(db: Db, now: number, limit: number, leaseMs: number): OutboxRow[] {
  return db.transaction(() => {
    const rows = db.all(
      db.q
        .selectFrom('email_outbox')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit),
    );
    for (const row of rows) {
      db.run(
        db.q
          .updateTable('email_outbox')
          .set({ status: 'sending', lease_until: now + leaseMs, attempts: row.attempts + 1 })
          .where('id', '=', row.id),
      );
    }
    return rows.map((r) => ({ ...toRow(r), status: 'sending' as const, attempts: r.attempts + 1, leaseUntil: now + leaseMs }));
  });
}

export function updateOutboxRow(
  db: Db,
  id: number,
  f: Partial<Pick<OutboxRow, 'status' | 'attempts' | 'nextAttemptAt' | 'leaseUntil' | 'lastError' | 'sentAt'>>,
): void {
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
      })
      .where('id', '=', id),
  );
}

/** The earliest time anything becomes due (pending retry or an expiring lease), for the relay's timer. */
export function nextDueAt(db: Db): number | null {
  const pending = db.first(
    db.q.selectFrom('email_outbox').select((eb) => eb.fn.min<number>('next_attempt_at').as('at')).where('status', '=', 'pending'),
  )?.at;
  const lease = db.first(
    db.q.selectFrom('email_outbox').select((eb) => eb.fn.min<number>('lease_until').as('at')).where('status', '=', 'sending'),
  )?.at;
  const candidates = [pending, lease].filter((v): v is number => typeof v === 'number');
  return candidates.length > 0 ? Math.min(...candidates) : null;
}
