import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { notFound, DomainError } from '../../core/errors';
import { randomToken } from '../../core/tokens';
import * as repo from '../../db/repos/outbox';
import type { RenderedEmail } from '../../mail/templates';
import type { Deps } from '../common/deps';
import { isSendingPaused, smtpIsConfigured } from './smtp';

/** One email decided by a service; written in the same transaction as the change that caused it. */
export interface MailToSend {
  /** Same key twice → one message (`match:<exchange>:<participant>`, `reminder:<exchange>:<days>:<participant>`). */
  key: string;
  kind: string;
  to: string;
  exchangeId: number | null;
  participantId: number | null;
  email: RenderedEmail;
}

/** Writes the outbox row; a second call with the same key does nothing. Returns the new row id. */
export function enqueueMail(deps: Deps, mail: MailToSend): number | null {
  const id = repo.insertOutboxRow(deps.db, {
    idempotencyKey: mail.key,
    messageId: `<${randomToken(deps.random, 18)}@sneaky-klaus.local>`,
    exchangeId: mail.exchangeId,
    participantId: mail.participantId,
    kind: mail.kind,
    to: mail.to,
    subject: mail.email.subject,
    text: mail.email.text,
    html: mail.email.html,
    attachments: mail.email.attachments ?? [],
    createdAt: deps.clock.now(),
  });
  if (id !== null) deps.events.emit({ type: 'outbox.changed' });
  return id;
}

type Item = OperationOutput<'outbox.list'>[number];

function displayStatus(row: repo.OutboxRow, smtpConfigured: boolean): Item['status'] {
  if (row.status === 'pending') return smtpConfigured ? 'queued' : 'preview';
  return row.status;
}

function toItem(row: repo.OutboxRow, smtpConfigured: boolean): Item {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to,
    subject: row.subject,
    exchangeId: row.exchangeId,
    status: displayStatus(row, smtpConfigured),
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

export function listOutbox(deps: Deps, filter: ParsedInput<'outbox.list'>): Item[] {
  const configured = smtpIsConfigured(deps);
  return repo.listOutboxRows(deps.db, filter).map((row) => toItem(row, configured));
}

/** Emails whose text names a giftee: the organizer is blind by default (SPEC §3). */
const NAMES_GIFTEE = new Set(['match', 'assignment-changed', 'reminder']);

export function readMessage(deps: Deps, id: number, showPrivate = false): OperationOutput<'outbox.get'> {
  const row = repo.findOutboxRow(deps.db, id);
  if (!row) throw notFound('That message');
  const hidden = NAMES_GIFTEE.has(row.kind) && !showPrivate;
  if (NAMES_GIFTEE.has(row.kind) && showPrivate) deps.log.info('organizer read an email that names a giftee', { messageId: row.id });
  return {
    ...toItem(row, smtpIsConfigured(deps)),
    text: hidden ? '' : row.text,
    html: hidden ? '' : row.html,
    hidden,
    messageId: row.messageId,
    attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
    links: [...new Set(row.text.match(/https?:\/\/[^\s<>"']+/g) ?? [])],
  };
}

/** Sends a failed or sent message again (same Message-ID, so mail clients collapse a duplicate). */
export function resendMessage(deps: Deps, id: number): OperationOutput<'outbox.get'> {
  deps.db.transaction(() => {
    const row = repo.findOutboxRow(deps.db, id);
    if (!row) throw notFound('That message');
    if (row.status === 'sending') throw new DomainError('conflict', 'This message is being sent right now.');
    repo.updateOutboxRow(deps.db, id, { status: 'pending', attempts: 0, nextAttemptAt: deps.clock.now(), lastError: null, leaseUntil: null });
  });
  deps.events.emit({ type: 'outbox.changed' });
  return readMessage(deps, id);
}

/** A queued message waiting for its retry is tried at once. */
export function retryNow(deps: Deps, id: number): OperationOutput<'outbox.get'> {
  const row = repo.findOutboxRow(deps.db, id);
  if (!row) throw notFound('That message');
  if (row.status !== 'pending') throw new DomainError('invalid_state', 'Only a queued message can be tried now; use Resend for a failed or sent one.');
  repo.updateOutboxRow(deps.db, id, { nextAttemptAt: deps.clock.now() });
  deps.events.emit({ type: 'outbox.changed' });
  return readMessage(deps, id);
}

/** Moves every failed message back to the queue, e.g. after fixing the SMTP password. */
export function retryFailed(deps: Deps): { requeued: number } {
  const now = deps.clock.now();
  const requeued = deps.db.run(
    deps.db.q.updateTable('email_outbox').set({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null }).where('status', '=', 'failed'),
  ).changes;
  deps.events.emit({ type: 'outbox.changed' });
  return { requeued };
}

export function outboxStatus(deps: Deps): OperationOutput<'outbox.status'> {
  const counts = repo.countOutboxByStatus(deps.db);
  const configured = smtpIsConfigured(deps);
  const pending = counts.get('pending') ?? 0;
  return {
    smtpConfigured: configured,
    paused: isSendingPaused(deps),
    counts: {
      preview: configured ? 0 : pending,
      queued: configured ? pending : 0,
      sending: counts.get('sending') ?? 0,
      sent: counts.get('sent') ?? 0,
      failed: counts.get('failed') ?? 0,
      cancelled: counts.get('cancelled') ?? 0,
    },
  };
}
