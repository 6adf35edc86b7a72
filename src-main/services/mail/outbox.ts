import { findExchange } from '../../db/repos/exchanges';
import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { notFound, DomainError } from '../../core/errors';
import { randomToken } from '../../core/tokens';
import { currentDraw } from '../../db/repos/matches';
import * as repo from '../../db/repos/outbox';
import { translator, type Translator } from '../../i18n';
import type { RenderedEmail } from '../../mail/templates';
import type { Deps } from '../common/deps';
import { issueToken } from '../common/tokens';
import { links, participantBaseUrl } from '../network/links';
import { listSubject, MATCH_KINDS, NAMES_GIFTEE, RENDERED_KINDS, UNLISTED_KINDS } from './kinds';
import { mailNotices } from './notices';
import { renderRow } from './render';
import { isSendingPaused, smtpIsConfigured } from './smtp';
import { getSettings } from '../organizer/settings';
import { withdrawalReasonText } from './withdrawal-reasons';

/**
 * One email decided by a service, written in the same transaction as the change that caused it.
 * It holds intent: the message is rendered when sent, from the database as it is then.
 */
export interface MailToSend {
  /** Same key twice → one message (`match:<exchange>:<generation>:<participant>`, `reminder:<exchange>:<days>:<participant>`). */
  key: string;
  kind: string;
  to: string;
  exchangeId: number | null;
  participantId: number | null;
  /** The draw (or splice) a match email belongs to. */
  generation?: string | null;
  /** What else the message is about (JSON): the reminder's day, a login link's purpose. */
  params?: Record<string, unknown>;
  /** Only for organizer notices about a past event, which are written with their text. */
  email?: RenderedEmail;
  /** Not before this instant. */
  notBefore?: number;
}

/** Writes the outbox row; a second call with the same key, or no address, does nothing. Returns the new row id. */
export function enqueueMail(deps: Deps, mail: MailToSend): number | null {
  // Someone without email (issue #18) is never written to: no row, so nothing waits or fails.
  if (mail.to.trim() === '') return null;
  const rendered = RENDERED_KINDS.has(mail.kind);
  if (rendered === (mail.email !== undefined)) {
    throw new Error(`outbox: ${mail.kind} ${rendered ? 'is rendered when sent and takes no text' : 'needs its text'}`);
  }
  const id = repo.insertOutboxRow(deps.db, {
    idempotencyKey: mail.key,
    messageId: `<${randomToken(deps.random, 18)}@sneaky-klaus.local>`,
    exchangeId: mail.exchangeId,
    participantId: mail.participantId,
    kind: mail.kind,
    to: mail.to,
    subject: mail.email?.subject ?? '',
    text: mail.email?.text ?? '',
    html: mail.email?.html ?? '',
    attachments: mail.email?.attachments ?? [],
    generation: mail.generation ?? null,
    params: mail.params ?? {},
    createdAt: deps.clock.now(),
    ...(mail.notBefore !== undefined && { notBefore: mail.notBefore }),
  });
  if (id !== null) deps.events.emit({ type: 'outbox.changed' });
  return id;
}

/** Unsent rows of an exchange among `kinds` are withdrawn with a visible reason. */
export function withdrawUnsent(deps: Deps, exchangeId: number, kinds: readonly string[], reason: string): number {
  const withdrawn = repo.withdrawExchangeRows(deps.db, exchangeId, kinds, reason);
  if (withdrawn > 0) deps.events.emit({ type: 'outbox.changed' });
  return withdrawn;
}

/** `withdrawUnsent` in slices: at most `limit` rows per call; returns how many. */
export function withdrawSomeUnsent(deps: Deps, exchangeId: number, kinds: readonly string[], reason: string, limit: number): number {
  const withdrawn = repo.withdrawSomeExchangeRows(deps.db, exchangeId, kinds, reason, limit);
  if (withdrawn > 0) deps.events.emit({ type: 'outbox.changed' });
  return withdrawn;
}

type Item = OperationOutput<'outbox.list'>[number];

function displayStatus(row: repo.OutboxRow, smtpConfigured: boolean): Item['status'] {
  if (row.status === 'pending') return smtpConfigured ? 'queued' : 'preview';
  return row.status;
}

function toItem(row: repo.OutboxRow, smtpConfigured: boolean, t: Translator, subject = row.subject): Item {
  const waiting = row.status === 'pending';
  return {
    id: row.id,
    kind: row.kind,
    to: row.to,
    subject,
    exchangeId: row.exchangeId,
    status: displayStatus(row, smtpConfigured),
    attempts: row.attempts,
    nextAttemptAt: waiting ? row.nextAttemptAt : null,
    // Temporary trouble: the organizer reads "will retry at 14:05" instead of an alarm.
    retryAt: waiting && row.lastError !== null ? row.nextAttemptAt : null,
    lastError: row.lastError,
    withdrawnReason: withdrawalReasonText(row.withdrawnReason, t),
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

export function listOutbox(deps: Deps, filter: ParsedInput<'outbox.list'>): Item[] {
  const configured = smtpIsConfigured(deps);
  const t = translator(getSettings(deps).locale);
  const names = new Map<number, string | null>();
  const nameOf = (id: number | null) => {
    if (id === null) return null;
    if (!names.has(id)) names.set(id, findExchange(deps.db, id)?.name ?? null);
    return names.get(id) ?? null;
  };
  return repo
    .listOutboxRows(deps.db, { ...filter, hiddenKinds: [...UNLISTED_KINDS] })
    .map((row) => toItem(row, configured, t, row.subject || listSubject(row.kind, nameOf(row.exchangeId), t)));
}

const PLACEHOLDER = 'personal-link-created-when-sent';

/**
 * Renders a message on demand for the organizer, from the data as it is now. Messages that name
 * a giftee never show links (a live login link would let the organizer read the giftee) and
 * show their text only when asked; other unsent messages get working links to copy into a chat.
 */
export function readMessage(deps: Deps, id: number, showPrivate = false): OperationOutput<'outbox.get'> {
  const t = translator(getSettings(deps).locale);
  const row = organizerRow(deps, id);
  const private_ = NAMES_GIFTEE.has(row.kind);
  const hidden = private_ && !showPrivate;
  if (private_ && showPrivate) deps.log.info('organizer read an email that names a giftee', { messageId: row.id });
  // A preview of a queued sign-in email carries a real link, so mail can be handed out by hand
  // before SMTP is set up. After the draw such a link would open the person's page and their
  // giftee: then only the recorded personal link (participants.personalLink) gives one. The link
  // is a personal one (the organizer holds it; it proves nothing about the address), so the draw
  // ends it if still unused (revokeOrganizerHeldLinks).
  const live = !private_ && RENDERED_KINDS.has(row.kind) && row.status === 'pending' && !drawn(deps, row.exchangeId);
  const now = deps.clock.now();
  const rendering = live
    ? deps.db.transaction(() => renderRow(deps, row, now, (pid, _purpose, pending) => links.auth(deps, issueToken(deps, pid, 'personal', pending ?? null)), 'organizer'))
    : renderRow(deps, row, now, () => `${participantBaseUrl(deps)}/auth/${PLACEHOLDER}`, 'organizer');
  const email = rendering.ok ? rendering.email : null;
  const text = email?.text ?? '';
  return {
    // A withdrawn message has no rendering: the list's words name it instead of a blank subject.
    ...toItem(
      row,
      smtpIsConfigured(deps),
      t,
      email?.subject ?? (row.subject || listSubject(row.kind, row.exchangeId === null ? null : (findExchange(deps.db, row.exchangeId)?.name ?? null), t)),
    ),
    text: hidden ? '' : text,
    html: hidden ? '' : (email?.html ?? ''),
    hidden,
    messageId: row.messageId,
    attachments: (email?.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType })),
    links: private_ ? [] : [...new Set(text.match(/https?:\/\/[^\s<>"']+/g) ?? [])].filter((l) => !l.includes(PLACEHOLDER)),
    wouldWithdraw: rendering.ok ? null : withdrawalReasonText(rendering.reason, t),
  };
}

/** A row the organizer may open; the unlisted kinds answer as if they did not exist. */
function organizerRow(deps: Deps, id: number): repo.OutboxRow {
  const row = repo.findOutboxRow(deps.db, id);
  if (!row || UNLISTED_KINDS.has(row.kind)) throw notFound('message');
  return row;
}

function drawn(deps: Deps, exchangeId: number | null): boolean {
  const state = exchangeId === null ? undefined : findExchange(deps.db, exchangeId)?.state;
  return state === 'matched' || state === 'completed';
}

const isMatchKind = (kind: string): boolean => (MATCH_KINDS as readonly string[]).includes(kind);

/** Sends a message again, rendered afresh (same Message-ID, so mail clients collapse a duplicate). */
export function resendMessage(deps: Deps, id: number): OperationOutput<'outbox.get'> {
  deps.db.transaction(() => {
    const row = organizerRow(deps, id);
    if (row.status === 'sending') throw new DomainError('conflict', { key: 'error.outbox.sending' });
    repo.updateOutboxRow(deps.db, id, {
      status: 'pending',
      attempts: 0,
      nextAttemptAt: deps.clock.now(),
      lastError: null,
      leaseUntil: null,
      withdrawnReason: null,
      reportedAt: null,
    });
    // A match email that went out, sent again, tells the giftee as it is now: it belongs to the
    // draw that counts, not to one a re-draw replaced (whose unsent mail that re-draw withdraws).
    if (row.status === 'sent' && isMatchKind(row.kind) && row.exchangeId !== null) repo.setRowDraw(deps.db, id, currentDraw(deps.db, row.exchangeId));
    deps.events.emit({ type: 'outbox.changed' });
  });
  return readMessage(deps, id);
}

/** A queued message waiting for its retry is tried at once. */
export function retryNow(deps: Deps, id: number): OperationOutput<'outbox.get'> {
  const row = organizerRow(deps, id);
  if (row.status !== 'pending') throw new DomainError('invalid_state', { key: 'error.outbox.notQueued' });
  repo.updateOutboxRow(deps.db, id, { nextAttemptAt: deps.clock.now() });
  deps.events.emit({ type: 'outbox.changed' });
  return readMessage(deps, id);
}

/**
 * Moves every failed message the organizer can see back to the queue, e.g. after fixing the SMTP
 * password. Unlisted ones (message notices) are neither counted nor touched: that one failed
 * would tell the organizer someone wrote, and the message waits on its recipient's page anyway.
 */
export function retryFailed(deps: Deps): { requeued: number } {
  const now = deps.clock.now();
  const requeued = deps.db.run(
    deps.db.q
      .updateTable('email_outbox')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null, reported_at: null })
      .where('status', '=', 'failed')
      .where('kind', 'not in', [...UNLISTED_KINDS]),
  ).changes;
  deps.events.emit({ type: 'outbox.changed' });
  return { requeued };
}

export function outboxStatus(deps: Deps): OperationOutput<'outbox.status'> {
  // Unlisted mail (message notices) is not counted either: counts moving would tell when someone wrote.
  const counts = repo.countOutboxByStatus(deps.db, [...UNLISTED_KINDS]);
  const configured = smtpIsConfigured(deps);
  const pending = counts.get('pending') ?? 0;
  return {
    smtpConfigured: configured,
    paused: isSendingPaused(deps),
    notices: mailNotices(deps),
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
