import { LIMITS, normalisePersonName } from '../../contract/values';
import { normaliseEmail } from '../../core/email';
import { registrationRefusal } from '../../core/exchange-state';
import type { Exchange } from '../../core/types';
import type { Locale } from '../../i18n';
import { activeParticipantsIn, exchangeByInviteCode as exchangeWithInviteCode, inviteExchange } from '../../db/repos/page-reads';
import { findParticipantByNameAndEmail, insertParticipant, participantsByEmail } from '../../db/repos/participants';
import { newRegistrationNotice } from '../../mail/templates';
import type { Deps } from '../common/deps';
import { exchangeInfo } from '../mail/match-mail';
import { enqueueMail } from '../mail/outbox';
import { getSettings } from '../organizer/settings';
import { linkMailGate, mailWelcome } from './link-mail';
import { sendLoginLinks } from './magic-links';
import { english } from '../../core/errors';
import type { Text } from '../../i18n';

export type InviteState = { kind: 'open'; exchange: Exchange } | { kind: 'not-open' | 'closed' | 'drawn' | 'full' | 'cancelled'; exchange: Exchange } | { kind: 'unknown' };

/** The exchange an invite code names (for the login form's heading), if any. */
export function exchangeByInviteCode(deps: Deps, code: string): Exchange | undefined {
  return code.length <= 64 ? exchangeWithInviteCode(deps.db, code) : undefined;
}

/** What the invite page should show for a code. */
export function inviteState(deps: Deps, code: string): InviteState {
  const found = code.length <= 64 ? inviteExchange(deps.db, code) : undefined;
  if (!found) return { kind: 'unknown' };
  const { exchange, activeParticipants: active } = found;
  const refusal = registrationRefusal(exchange, active, deps.clock.now());
  // No "N spots left": it would drop for a new address and not for a known one, telling anyone
  // who types an address whether it is registered.
  if (refusal === null) return { kind: 'open', exchange };
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

/** Each field's refusal as a catalogue text, for the page to word in the participant's language. */
export type RegistrationTexts = Partial<Record<'name' | 'email' | 'giftIdeas', Text>>;

/** `texts`: the refusals to show; `errors`: the same in English (logs, callers without a reader). */
export function validateRegistration(form: RegistrationForm): { errors: RegistrationErrors; texts: RegistrationTexts; email: string; name: string } {
  const texts: RegistrationTexts = {};
  const name = normalisePersonName(form.name);
  if (!name.ok) texts.name = name.text;
  const email = normaliseEmail(form.email);
  if (!email.ok) texts.email = email.text;
  if (form.giftIdeas.length > LIMITS.giftIdeas) texts.giftIdeas = { key: 'error.registration.giftIdeasLong', values: { max: LIMITS.giftIdeas } };
  const errors: RegistrationErrors = Object.fromEntries(Object.entries(texts).map(([field, text]) => [field, english(text)]));
  return { errors, texts, email: email.ok ? email.email : '', name: name.ok ? name.name : '' };
}

export interface Registration {
  /** Normalised by validateRegistration. */
  name: string;
  email: string;
  giftIdeas: string;
  reminders: boolean;
  /** The language their page and emails use; null: the exchange's. */
  locale?: Locale | null;
}

/**
 * Registers a new participant (welcome email with a 24 h link, organizer notice). For a name and
 * address already registered it mails a sign-in link instead, and for a withdrawn one a link that brings
 * them back with the new details only when used. All look the same to the visitor, and mail to
 * one address is capped (link-mail).
 */
export function register(deps: Deps, exchange: Exchange, entry: Registration): void {
  const now = deps.clock.now();
  // A family may share an address: a new name at a known address is a new person (issue #18).
  const existing = findParticipantByNameAndEmail(deps.db, exchange.id, entry.name, entry.email);
  if (existing) {
    if (existing.withdrawnAt !== null && exchange.state === 'registration_open') {
      deps.db.transaction(() => {
        if (!linkMailGate(deps, entry.email)(existing.id)) return;
        const pending = { name: entry.name, giftIdeas: entry.giftIdeas, reminders: entry.reminders, locale: entry.locale ?? null };
        mailWelcome(deps, exchange, existing.id, entry.email, pending);
      });
    } else {
      // Same 24 h validity as a welcome link, so the page's promise holds for both.
      sendLoginLinks(deps, entry.email, exchange.inviteCode, 'welcome');
    }
    return;
  }
  const settings = getSettings(deps);
  const organizer = settings.organizer;
  // With a daily digest the sign-up waits, unreported, for the digest job (services/jobs/digest);
  // otherwise the organizer is told at once (or never: no organizer, or it is the organizer).
  const noticeNow = organizer !== null && organizer.email !== entry.email && settings.signupNotices === 'each';
  const reported = settings.signupNotices === 'each' || organizer === null || organizer.email === entry.email;
  deps.db.transaction(() => {
    const gate = linkMailGate(deps, entry.email);
    // Someone new at an address others already use (a family): past the address's cap no welcome
    // goes out, so a flood of names cannot fill one inbox; they can ask for a link later.
    const mailable = gate.underCap || participantsByEmail(deps.db, exchange.id, entry.email).length === 0;
    const id = insertParticipant(deps.db, {
      exchangeId: exchange.id,
      name: entry.name,
      email: entry.email,
      giftIdeas: entry.giftIdeas,
      remindersEnabled: entry.reminders,
      locale: entry.locale ?? null,
      isOrganizer: false,
      now,
      registration: { reported },
    });
    if (mailable) mailWelcome(deps, exchange, id, entry.email, null);
    if (noticeNow) enqueueRegistrationNotice(deps, exchange, id, entry, organizer);
  });
  deps.events.emit({ type: 'participants.changed', exchangeId: exchange.id });
}

function enqueueRegistrationNotice(deps: Deps, exchange: Exchange, participantId: number, entry: Registration, organizer: { name: string; email: string }): void {
  enqueueMail(deps, {
    key: `organizer-new-registration:${participantId}`,
    kind: 'organizer-new-registration',
    to: organizer.email,
    exchangeId: exchange.id,
    participantId,
    email: newRegistrationNotice({
      locale: getSettings(deps).locale,
      exchange: exchangeInfo(exchange),
      organizerName: organizer.name,
      participantName: entry.name,
      participantCount: activeParticipantsIn(deps.db, exchange.id),
      adminHint: deps.runtime.organizerUrl,
    }),
  });
}
