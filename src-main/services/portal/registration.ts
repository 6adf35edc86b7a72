import { LIMITS } from '../../contract/common';
import { normaliseEmail } from '../../core/email';
import { registrationRefusal } from '../../core/exchange-state';
import type { Exchange } from '../../core/types';
import { activeParticipantCount, findExchangeByInviteCode } from '../../db/repos/exchanges';
import { findParticipantByEmail, insertParticipant, updateParticipant } from '../../db/repos/participants';
import { newRegistrationNotice } from '../../mail/templates';
import type { Deps } from '../common/deps';
import { exchangeInfo } from '../mail/match-mail';
import { enqueueMail } from '../mail/outbox';
import { sendLoginLinks } from './magic-links';
import { getSettings } from '../organizer/settings';

export type InviteState =
  | { kind: 'open'; exchange: Exchange; spotsLeft: number | null }
  | { kind: 'not-open' | 'closed' | 'drawn' | 'full' | 'cancelled'; exchange: Exchange }
  | { kind: 'unknown' };

/** The exchange an invite code names (for the login form's heading), if any. */
export function exchangeByInviteCode(deps: Deps, code: string): Exchange | undefined {
  return code.length <= 64 ? findExchangeByInviteCode(deps.db, code) : undefined;
}

/** What the invite page should show for a code. */
export function inviteState(deps: Deps, code: string): InviteState {
  const exchange = code.length <= 64 ? findExchangeByInviteCode(deps.db, code) : undefined;
  if (!exchange) return { kind: 'unknown' };
  const active = activeParticipantCount(deps.db, exchange.id);
  const refusal = registrationRefusal(exchange, active, deps.clock.now());
  if (refusal === null) {
    return { kind: 'open', exchange, spotsLeft: exchange.maxParticipants === null ? null : exchange.maxParticipants - active };
  }
  if (refusal === 'closed' && (exchange.state === 'matched' || exchange.state === 'completed')) return { kind: 'drawn', exchange };
  return { kind: refusal, exchange };
}

export interface RegistrationForm {
  name: string;
  email: string;
  giftIdeas: string;
  reminders: boolean;
}

export type RegistrationErrors = Partial<Record<'name' | 'email' | 'giftIdeas', string>>;

export function validateRegistration(form: RegistrationForm): { errors: RegistrationErrors; email: string } {
  const errors: RegistrationErrors = {};
  const name = form.name.trim();
  if (name.length === 0) errors.name = 'Enter your name.';
  else if (name.length > 100) errors.name = 'Your name can be at most 100 characters.';
  else if (/[\r\n]/.test(name)) errors.name = 'Your name fits on one line.';
  const email = normaliseEmail(form.email);
  if (!email.ok) errors.email = email.message;
  if (form.giftIdeas.length > LIMITS.giftIdeas) errors.giftIdeas = `Gift ideas can be at most ${LIMITS.giftIdeas} characters.`;
  return { errors, email: email.ok ? email.email : '' };
}

/**
 * Registers a new participant (welcome email with a 24 h link, organizer notice), or, for an
 * address already registered, sends a login link instead. Both look the same to the visitor.
 */
export function register(deps: Deps, exchange: Exchange, form: RegistrationForm, email: string): void {
  const now = deps.clock.now();
  const existing = findParticipantByEmail(deps.db, exchange.id, email);
  if (existing) {
    if (existing.withdrawnAt !== null && exchange.state === 'registration_open') {
      updateParticipant(deps.db, existing.id, { withdrawnAt: null, name: form.name.trim(), giftIdeas: form.giftIdeas, remindersEnabled: form.reminders, updatedAt: now });
      enqueueWelcome(deps, exchange, existing.id, form.name.trim(), email, now);
    } else {
      // Same 24 h validity as a welcome link, so the page's promise holds for both.
      sendLoginLinks(deps, email, exchange.inviteCode, 'welcome');
    }
    return;
  }
  deps.db.transaction(() => {
    const id = insertParticipant(deps.db, {
      exchangeId: exchange.id,
      name: form.name.trim(),
      email,
      giftIdeas: form.giftIdeas,
      remindersEnabled: form.reminders,
      isOrganizer: false,
      now,
    });
    enqueueWelcome(deps, exchange, id, form.name.trim(), email, now);
    const organizer = getSettings(deps).organizer;
    if (organizer && organizer.email !== email) {
      enqueueMail(deps, {
        key: `organizer-new-registration:${id}`,
        kind: 'organizer-new-registration',
        to: organizer.email,
        exchangeId: exchange.id,
        participantId: id,
        email: newRegistrationNotice({
          exchange: exchangeInfo(exchange),
          organizerName: organizer.name,
          participantName: form.name.trim(),
          participantCount: activeParticipantCount(deps.db, exchange.id),
          adminHint: null,
        }),
      });
    }
  });
  deps.events.emit({ type: 'participants.changed', exchangeId: exchange.id });
}

function enqueueWelcome(deps: Deps, exchange: Exchange, participantId: number, _name: string, email: string, now: number): void {
  // Rendered when sent, with a fresh link to the public address of that moment.
  enqueueMail(deps, { key: `welcome:${participantId}:${now}`, kind: 'welcome', to: email, exchangeId: exchange.id, participantId });
}
