import { nextOccurrence, purgeDueAt, recurringJob } from '../../core/schedule';
import type { Exchange } from '../../core/types';
import { activeParticipantCount, findExchange } from '../../db/repos/exchanges';
import { findParticipant } from '../../db/repos/participants';
import type { OutboxRow } from '../../db/repos/outbox';
import { deliveryFailuresNotice, purgeWarningEmail, signupDigestNotice, type RenderedEmail, type SignupDigestInput } from '../../mail/templates';
import type { Deps } from '../common/deps';
import { getSettings } from '../organizer/settings';
import { exchangeInfo } from './exchange-info';

type Result = { ok: true; email: RenderedEmail } | { ok: false; reason: string };

/** When the exchange's data ended being needed: completion or cancellation. */
export function endedAt(e: Exchange): number | null {
  return e.state === 'completed' ? e.completedAt : e.state === 'cancelled' ? e.cancelledAt : null;
}

/**
 * The moment the purge job will really delete the exchange if the warning is given at
 * `warnedAt`: its first daily run at or after the end of retention and of the 7-day notice.
 */
export function realPurgeMoment(deps: Deps, e: Exchange, warnedAt: number, now: number): number | null {
  const ended = endedAt(e);
  if (ended === null) return null;
  const due = purgeDueAt({ completedAt: ended, retentionDays: getSettings(deps).retentionDays, warningSentAt: warnedAt }, now);
  return nextOccurrence(recurringJob('data-purge').pattern, due - 1);
}

function purgeWarning(deps: Deps, row: OutboxRow, now: number): Result {
  const exchange = row.exchangeId === null ? undefined : findExchange(deps.db, row.exchangeId);
  if (!exchange) return { ok: false, reason: 'the exchange was already deleted' };
  // A warning delivered now starts the 7 days now; one already given keeps its own date.
  const purgeAt = realPurgeMoment(deps, exchange, exchange.purgeWarnedAt ?? now, now);
  if (purgeAt === null) return { ok: false, reason: 'the exchange is no longer finished' };
  const settings = getSettings(deps);
  return {
    ok: true,
    email: purgeWarningEmail({
      locale: settings.locale,
      exchange: exchangeInfo(exchange),
      organizerName: settings.organizer?.name ?? '',
      purgeAt,
      timezone: settings.timezone,
      adminHint: deps.runtime.organizerUrl,
    }),
  };
}

interface Failure {
  to: string;
  kind: string;
  error: string;
}

function deliveryFailures(deps: Deps, row: OutboxRow): Result {
  const exchange = row.exchangeId === null ? undefined : findExchange(deps.db, row.exchangeId);
  const failures = Array.isArray(row.params['failures']) ? (row.params['failures'] as Failure[]) : [];
  const settings = getSettings(deps);
  return {
    ok: true,
    email: deliveryFailuresNotice({
      locale: settings.locale,
      exchange: exchange ? exchangeInfo(exchange) : null,
      organizerName: settings.organizer?.name ?? '',
      failures,
      adminHint: deps.runtime.organizerUrl,
    }),
  };
}

/**
 * The daily digest of sign-ups: the row holds [participant id, signed-up-at] pairs; the names come
 * from the database as it is now. A person removed since (or a purged exchange) drops out; the
 * sign-up instant guards against an id SQLite gave to someone new.
 */
function signupDigest(deps: Deps, row: OutboxRow): Result {
  const pairs = Array.isArray(row.params['signups']) ? (row.params['signups'] as unknown[]) : [];
  const byExchange = new Map<number, SignupDigestInput['exchanges'][number]>();
  for (const pair of pairs) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'number' || typeof pair[1] !== 'number') continue;
    const person = findParticipant(deps.db, pair[0]);
    if (!person || person.registeredAt !== pair[1]) continue;
    let entry = byExchange.get(person.exchangeId);
    if (!entry) {
      const exchange = findExchange(deps.db, person.exchangeId);
      if (!exchange) continue;
      entry = { name: exchange.name, participantCount: activeParticipantCount(deps.db, exchange.id), signups: [] };
      byExchange.set(person.exchangeId, entry);
    }
    entry.signups.push({ name: person.name, at: pair[1], left: person.withdrawnAt !== null });
  }
  if (byExchange.size === 0) return { ok: false, reason: 'everyone it listed was removed' };
  const settings = getSettings(deps);
  return {
    ok: true,
    email: signupDigestNotice({
      locale: settings.locale,
      organizerName: settings.organizer?.name ?? '',
      timezone: settings.timezone,
      exchanges: [...byExchange.values()],
      adminHint: deps.runtime.organizerUrl,
    }),
  };
}

/** Organizer notices rendered at sending; null for the ones written with their text. */
export function renderOrganizerRow(deps: Deps, row: OutboxRow, now: number): Result | null {
  if (row.kind === 'organizer-purge-warning') return purgeWarning(deps, row, now);
  if (row.kind === 'organizer-signup-digest') return signupDigest(deps, row);
  if (row.kind === 'organizer-delivery-failures') return deliveryFailures(deps, row);
  return null;
}
