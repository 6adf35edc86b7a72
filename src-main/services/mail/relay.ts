import * as repo from '../../db/repos/outbox';
import { diagnoseSmtpError, type SmtpErrorKind } from '../../mail/diagnose';
import { deliveryFailuresNotice } from '../../mail/templates';
import { SEND_DEADLINE_MS, smtpTransport, type MailTransport, type SmtpConfig } from '../../mail/transport';
import { findExchange } from '../../db/repos/exchanges';
import type { Deps } from '../common/deps';
import { exchangeInfo } from './match-mail';
import { enqueueMail } from './outbox';
import { getSettings } from '../organizer/settings';
import { isSendingPaused, smtpConfig, smtpIsConfigured } from './smtp';

/** Waits after the 1st, 2nd, … failed attempt; after the last, the message is `failed` (SPEC §5). */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
/** Failures that waiting will not fix: the organizer must change something first. */
const PERMANENT: ReadonlySet<SmtpErrorKind> = new Set(['auth', 'sender-rejected', 'recipient-rejected', 'tls']);

export interface RelayOptions {
  batchSize?: number;
  leaseMs?: number;
  /** Longest sleep between looks at the outbox. */
  pollMs?: number;
  /** Overall deadline for one message (default SEND_DEADLINE_MS); tests shorten it. */
  sendDeadlineMs?: number;
  transportFactory?: (config: SmtpConfig) => MailTransport;
}

export interface DrainReport {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Delivers the outbox, off the request path: claims due rows under a lease, sends them through a
 * pooled transport, marks them sent, and schedules retries. A row whose lease ran out (crash) is
 * sent again with the same Message-ID.
 */
export class Relay {
  readonly #deps: Deps;
  readonly #options: Required<Omit<RelayOptions, 'transportFactory'>> & Pick<RelayOptions, 'transportFactory'>;
  #transport: { key: string; transport: MailTransport } | null = null;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = true;
  #unsubscribe: (() => void) | null = null;

  constructor(deps: Deps, options: RelayOptions = {}) {
    this.#deps = deps;
    this.#options = { batchSize: 50, leaseMs: 5 * 60_000, pollMs: 30_000, sendDeadlineMs: SEND_DEADLINE_MS, ...options };
  }

  start(): void {
    this.#stopped = false;
    this.#unsubscribe = this.#deps.events.subscribe((event) => {
      if (event.type === 'outbox.changed' || event.type === 'settings.changed') this.kick();
    });
    this.kick();
  }

  /** Look at the outbox soon (coalesces bursts of kicks into one pass). */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#clearTimer();
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
  }

  /** Stops looking, lets the batch in flight finish, closes the SMTP connections. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    this.#clearTimer();
    await this.#running;
    this.#transport?.transport.close();
    this.#transport = null;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        const report = await this.drainOnce();
        if (report.claimed === this.#options.batchSize) this.#again = true;
      } catch (error) {
        this.#deps.log.error('mail relay pass failed', { error });
      }
    } while (this.#again && !this.#stopped);
    if (!this.#stopped) this.#schedule();
  }

  #schedule(): void {
    // While mail is unconfigured (preview) or paused nothing can leave, so rows already due must not
    // wake the relay at once (that was a busy loop); smtp.set and outbox.pause kick it when that changes.
    const blocked = !smtpIsConfigured(this.#deps) || isSendingPaused(this.#deps);
    const next = blocked ? null : repo.nextDueAt(this.#deps.db);
    const wait = next === null ? this.#options.pollMs : Math.max(0, Math.min(this.#options.pollMs, next - this.#deps.clock.now()));
    this.#timer = setTimeout(() => this.kick(), wait);
    this.#timer.unref();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** One pass: claim what is due and try to deliver it. Exposed for tests and "send now". */
  async drainOnce(): Promise<DrainReport> {
    const deps = this.#deps;
    const report: DrainReport = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
    const config = smtpConfig(deps);
    if (!config || isSendingPaused(deps)) return report;
    const transport = this.#transportFor(config);
    const rows = repo.claimDueRows(deps.db, deps.clock.now(), this.#options.batchSize, this.#options.leaseMs);
    report.claimed = rows.length;
    const failures: Array<{ to: string; kind: string; error: string; exchangeId: number | null; id: number }> = [];
    // Group commit: the "sent" marks of messages finishing in the same turn share one transaction
    // (one fsync with synchronous=FULL, instead of one each). A crash before the flush resends
    // those few with their Message-IDs, as after any crash inside SMTP's own window.
    const sentIds: number[] = [];
    let flushQueued = false;
    const flushSent = (): void => {
      flushQueued = false;
      const ids = sentIds.splice(0);
      if (ids.length === 0) return;
      const sentAt = deps.clock.now();
      deps.db.transaction(() => {
        for (const id of ids) repo.updateOutboxRow(deps.db, id, { status: 'sent', sentAt, leaseUntil: null, lastError: null });
      });
    };
    await Promise.all(
      rows.map(async (row) => {
        try {
          await transport.send({ from: config.from, to: row.to, subject: row.subject, text: row.text, html: row.html, messageId: row.messageId, attachments: row.attachments });
          sentIds.push(row.id);
          if (!flushQueued) {
            flushQueued = true;
            setImmediate(flushSent);
          }
          report.sent++;
        } catch (error) {
          const diagnosis = diagnoseSmtpError(error);
          const giveUp = PERMANENT.has(diagnosis.kind) || row.attempts > BACKOFF_MS.length;
          const now = deps.clock.now();
          repo.updateOutboxRow(deps.db, row.id, {
            status: giveUp ? 'failed' : 'pending',
            nextAttemptAt: giveUp ? now : now + BACKOFF_MS[row.attempts - 1]!,
            leaseUntil: null,
            lastError: diagnosis.message,
          });
          if (giveUp) {
            report.failed++;
            if (!row.kind.startsWith('organizer-')) failures.push({ to: row.to, kind: row.kind, error: diagnosis.message, exchangeId: row.exchangeId, id: row.id });
          } else {
            report.retrying++;
          }
        }
      }),
    );
    flushSent();
    if (failures.length > 0) this.#noticeFailures(failures);
    if (rows.length > 0) deps.events.emit({ type: 'outbox.changed', sent: report.sent, failed: report.failed });
    if (report.failed > 0) deps.log.warn('mail delivery failed', { failed: report.failed });
    return report;
  }

  #transportFor(config: SmtpConfig): MailTransport {
    const key = JSON.stringify(config);
    if (this.#transport?.key !== key) {
      this.#transport?.transport.close();
      const factory = this.#options.transportFactory ?? ((c: SmtpConfig) => smtpTransport(c, { pooled: true, deadlineMs: this.#options.sendDeadlineMs }));
      this.#transport = { key, transport: factory(config) };
    }
    return this.#transport.transport;
  }

  /**
   * Tells the organizer once per batch and exchange about messages that could not be delivered.
   * The notice belongs to the exchange, so a purge removes it with the addresses it names.
   */
  #noticeFailures(failures: Array<{ to: string; kind: string; error: string; exchangeId: number | null; id: number }>): void {
    const organizer = getSettings(this.#deps).organizer;
    if (!organizer) return;
    const groups = new Map<number | null, typeof failures>();
    for (const f of failures) groups.set(f.exchangeId, [...(groups.get(f.exchangeId) ?? []), f]);
    this.#deps.db.transaction(() => {
      for (const [exchangeId, group] of groups) {
        const exchange = exchangeId === null ? undefined : findExchange(this.#deps.db, exchangeId);
        enqueueMail(this.#deps, {
          key: `organizer-delivery-failures:${group[0]!.id}:${this.#deps.clock.now()}`,
          kind: 'organizer-delivery-failures',
          to: organizer.email,
          exchangeId: exchange ? exchange.id : null,
          participantId: null,
          email: deliveryFailuresNotice({
            exchange: exchange ? exchangeInfo(exchange) : null,
            organizerName: organizer.name,
            failures: group.map(({ to, kind, error }) => ({ to, kind, error })),
          }),
        });
      }
    });
  }
}
