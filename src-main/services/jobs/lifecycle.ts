import { registrationClosedNotice } from '../../mail/templates';
import { listExchanges, updateExchange } from '../../db/repos/exchanges';
import type { Deps } from '../common/deps';
import { exchangeInfo } from '../mail/match-mail';
import { activeParticipants } from '../draw/problem';
import { enqueueMail } from '../mail/outbox';
import { getSettings } from '../organizer/settings';
import { queueRevealMail } from '../between/reveal';

/** Drawn exchanges whose date has passed become completed, as of their date (not of the catch-up). */
export function completeDueExchanges(deps: Deps, now: number, only?: number): { completed: number } {
  const ids = deps.db.transaction(() => {
    const done: number[] = [];
    for (const e of listExchanges(deps.db)) {
      if (e.state !== 'matched' || e.exchangeAt > now || (only !== undefined && e.id !== only)) continue;
      updateExchange(deps.db, e.id, { state: 'completed', completedAt: e.exchangeAt, updatedAt: now });
      queueRevealMail(deps, { ...e, state: 'completed' }, now);
      done.push(e.id);
    }
    return done;
  });
  for (const exchangeId of ids) deps.events.emit({ type: 'exchange.changed', exchangeId });
  return { completed: ids.length };
}

/** Registration closes at its deadline; the organizer is told how many people joined. */
export function closeDueRegistrations(deps: Deps, now: number, only?: number): { closed: number } {
  const organizer = getSettings(deps).organizer;
  const ids = deps.db.transaction(() => {
    const done: number[] = [];
    for (const e of listExchanges(deps.db)) {
      if (e.state !== 'registration_open' || e.registrationDeadlineAt === null || e.registrationDeadlineAt > now) continue;
      if (only !== undefined && e.id !== only) continue;
      updateExchange(deps.db, e.id, { state: 'registration_closed', updatedAt: now });
      done.push(e.id);
      if (organizer) {
        enqueueMail(deps, {
          key: `organizer-registration-closed:${e.id}:${e.registrationDeadlineAt}`,
          kind: 'organizer-registration-closed',
          to: organizer.email,
          exchangeId: e.id,
          participantId: null,
          email: registrationClosedNotice({
            locale: getSettings(deps).locale,
            exchange: exchangeInfo(e),
            organizerName: organizer.name,
            participantCount: activeParticipants(deps, e.id).length,
            adminHint: deps.runtime.organizerUrl,
          }),
        });
      }
    }
    return done;
  });
  for (const exchangeId of ids) deps.events.emit({ type: 'exchange.changed', exchangeId });
  return { closed: ids.length };
}
