import { commitDeferringSync } from '../../db/durable-commit';
import * as repo from '../../db/repos/outbox';
import { translator } from '../../i18n';
import { classifySmtpError } from '../../mail/diagnose';
import type { RenderedEmail } from '../../mail/templates';
import { SEND_DEADLINE_MS, smtpTransport, type MailTransport, type SmtpConfig } from '../../mail/transport';
import type { Deps } from '../common/deps';
import { issueToken } from '../common/tokens';
import { links } from '../network/links';
import { UNLISTED_KINDS } from './kinds';
import { markFailure, markSent, PendingMarks, reportFailures } from './marks';
import { renderRow } from './render';
import { isSendingPaused, smtpConfig, smtpIsConfigured } from './smtp';
import { getSettings } from '../organizer/settings';

export { BACKOFF_MS } from './marks';

/** Rows rendered and claimed per transaction; also the most "sent" marks one commit waits for. */
export const RELAY_BATCH_SIZE = 50;

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
  withdrawn: number;
}

interface Prepared {
  row: repo.OutboxRow;
  email: RenderedEmail;
}

/**
 * Delivers the outbox, off the request path. Each pass renders the due rows from the database as
 * it is then (withdrawing those whose reason is gone), sends them through a pooled transport,
 * marks them sent in groups and schedules retries. At start it takes back everything a previous
 * process left "sending": the data folder's lock makes this process the only owner.
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
  #idleWaiters: Array<() => void> = [];
  /** Set by stop(): a pass in flight claims no further batch. */
  #closing = false;
  /** The last pass stopped while rows may still be due (a full batch, or settings changed). */
  #moreDue = false;

  constructor(deps: Deps, options: RelayOptions = {}) {
    this.#deps = deps;
    this.#options = { batchSize: RELAY_BATCH_SIZE, leaseMs: 5 * 60_000, pollMs: 30_000, sendDeadlineMs: SEND_DEADLINE_MS, ...options };
  }

  start(): void {
    this.#stopped = false;
    this.#closing = false;
    this.reclaim();
    this.#unsubscribe = this.#deps.events.subscribe((event) => {
      if (event.type === 'outbox.changed' || event.type === 'settings.changed') this.kick();
    });
    this.kick();
  }

  /** Rows a dead process left "sending" are due again at once; their attempt never counted. */
  reclaim(): number {
    const deps = this.#deps;
    const reclaimed = deps.db.transaction(() => {
      const n = repo.reclaimSending(deps.db, deps.clock.now());
      reportFailures(deps);
      return n;
    });
    if (reclaimed > 0) deps.log.info('mail left sending by a previous run is queued again', { reclaimed });
    return reclaimed;
  }

  /** Look at the outbox soon (coalesces bursts of kicks into one pass). */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#clearTimer();
    // #loop clears #running itself, before waking anyone waiting for "settled": a kick made by
    // such a waiter must start a new loop, not be folded into the one that just ended.
    this.#running = this.#loop();
  }

  /**
   * Resolves once the relay has looked at the outbox after this call and found nothing more it can
   * send now: the explicit "idle" signal tests wait for instead of sleeping.
   */
  settled(): Promise<void> {
    const done = new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    if (this.#stopped) this.#notifyIdle();
    else this.kick();
    return done;
  }

  /** Stops looking, lets the batch in flight finish, closes the SMTP connections. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#closing = true;
    this.#unsubscribe?.();
    this.#clearTimer();
    await this.#running;
    this.#transport?.transport.close();
    this.#transport = null;
    this.#notifyIdle();
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        await this.drainOnce();
        if (this.#moreDue) this.#again = true;
      } catch (error) {
        this.#deps.log.error('mail relay pass failed', { error });
      }
    } while (this.#again && !this.#stopped);
    this.#running = null;
    if (!this.#stopped) this.#schedule();
    this.#notifyIdle();
  }

  #notifyIdle(): void {
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
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

  /**
   * Marks the messages delivered since the last claim sent, then renders the due rows and claims
   * them, all in one transaction: fresh login tokens, withdrawals, leases and "sent" marks commit
   * together. Its fsync runs off the event loop (`durable`); no message of the batch leaves before
   * it resolves, so no link outruns its token. Returns the claimed messages and whether the batch
   * was full.
   */
  #claim(report: DrainReport, delivered: repo.OutboxRow[]): { batch: Prepared[]; full: boolean; durable: Promise<void> } {
    const deps = this.#deps;
    const now = deps.clock.now();
    const link = (participantId: number, purpose: Parameters<typeof issueToken>[2], pending?: Parameters<typeof issueToken>[3]) =>
      links.auth(deps, issueToken(deps, participantId, purpose, pending ?? null));
    const { result, durable } = commitDeferringSync(deps.db, () => {
      markSent(deps, delivered, now);
      const batch: Prepared[] = [];
      const rows = repo.dueRows(deps.db, now, this.#options.batchSize);
      for (const row of rows) {
        const rendering = renderRow(deps, row, now, link);
        if (!rendering.ok) {
          repo.updateOutboxRow(deps.db, row.id, { status: 'cancelled', withdrawnReason: rendering.reason, leaseUntil: null });
          report.withdrawn++;
          continue;
        }
        repo.markRowSending(deps.db, row.id, now + this.#options.leaseMs);
        batch.push({ row, email: rendering.email });
      }
      return { batch, full: rows.length === this.#options.batchSize };
    });
    // An empty batch has nobody waiting on it: a failed fsync is logged, never left unhandled.
    durable.catch((error: unknown) => deps.log.error('mail relay: the database could not be synced to disk', { error }));
    return { ...result, durable };
  }

  /**
   * One pass: render what is due and deliver it, batch after batch while full batches come. The
   * next batch is rendered and claimed while the current one is still in flight (once half of it
   * has left), so the pool's connections never wait for the database between batches. Exposed
   * for tests and "send now".
   */
  async drainOnce(): Promise<DrainReport> {
    const deps = this.#deps;
    const report: DrainReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, withdrawn: 0 };
    this.#moreDue = false;
    const config = smtpConfig(deps);
    if (!config || isSendingPaused(deps)) return report;
    const transport = this.#transportFor(config);
    const key = this.#transport!.key;
    const marks = new PendingMarks(deps, this.#options.batchSize);
    const inFlight = new Set<Promise<void>>();
    let wake: (() => void) | null = null;
    // Failures the organizer may hear of: an unlisted kind's (a message notice) would say someone wrote.
    let listedFailures = 0;
    const send = async ({ row, email }: Prepared, durable: Promise<void>): Promise<void> => {
      try {
        await durable;
      } catch {
        // The claim (and the token in this message's link) may not be on disk: not sent, tried again.
        markFailure(deps, row, { temporary: true, message: 'The data folder could not be written to disk; Sneaky Klaus tries again later.' });
        report.retrying++;
        return;
      }
      try {
        await transport.send({
          from: config.from,
          to: row.to,
          messageId: row.messageId,
          subject: email.subject,
          text: email.text,
          html: email.html,
          attachments: email.attachments ?? [],
        });
        marks.add(row);
        report.sent++;
      } catch (error) {
        // The reason is kept for the organizer's outbox and failure notice: worded in their language.
        const outcome = markFailure(deps, row, classifySmtpError(error, undefined, translator(getSettings(deps).locale)));
        report[outcome === 'failed' ? 'failed' : 'retrying']++;
        if (outcome === 'failed' && !UNLISTED_KINDS.has(row.kind)) listedFailures++;
      }
    };
    // The next batch is claimed (and its commit synced) while a whole batch is still being sent:
    // with only half a batch left, the connections ran dry while the claim waited for the disk.
    // The "sent" marks still go in groups of at most a batch (PendingMarks), which bounds what a crash can send twice.
    const lowWater = this.#options.batchSize;
    try {
      for (;;) {
        const { batch, full, durable } = this.#claim(report, marks.take());
        report.claimed += batch.length;
        for (const item of batch) {
          const sending = send(item, durable).finally(() => {
            inFlight.delete(sending);
            if (inFlight.size <= lowWater) wake?.();
          });
          inFlight.add(sending);
        }
        if (!full || this.#closing) {
          this.#moreDue = full;
          break;
        }
        if (inFlight.size > lowWater) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        // Settings changed under the pass (paused, new server): let the next pass start afresh.
        const now = smtpConfig(deps);
        if (!now || isSendingPaused(deps) || JSON.stringify(now) !== key) {
          this.#moreDue = true;
          break;
        }
      }
      await Promise.all(inFlight);
    } finally {
      marks.flush();
    }
    // `failed` drives the organizer's desktop notification "An email could not be sent".
    if (report.claimed > 0 || report.withdrawn > 0) deps.events.emit({ type: 'outbox.changed', sent: report.sent, failed: listedFailures });
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
}
