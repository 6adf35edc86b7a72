import type { Exchange, Participant } from '../../core/types';
import { findExchange } from '../../db/repos/exchanges';
import { currentDraw, findReceiversOf } from '../../db/repos/matches';
import * as repo from '../../db/repos/outbox';
import { findParticipant, participantsByEmail } from '../../db/repos/participants';
import {
  assignmentChangedEmail,
  drawCancelledEmail,
  exchangeCancelledEmail,
  exchangeUpdatedEmail,
  magicLinkEmail,
  sharedMagicLinksEmail,
  matchEmail,
  organizerAccessNotice,
  passOnLinkEmail,
  reminderEmail,
  welcomeEmail,
  type OrganizerAccessAction,
  type RenderedEmail,
} from '../../mail/templates';
import { translator, type Locale } from '../../i18n';
import { oneLine } from '../../mail/templates/format';
import type { Giftee } from '../../mail/templates/giftees';
import type { Deps } from '../common/deps';
import { TOKEN_TTL_MS, type PendingProfile, type TokenPurpose } from '../common/tokens';
import { cachedDaysUntil } from './days-left';
import { eventUid, exchangeInfo, participantLocale } from './exchange-info';
import { MATCH_KINDS, REMINDER_QUIET_MS, RENDERED_KINDS } from './kinds';
import { parsePending, pendingMarker } from './pending-mail';
import { addressForMatchEmail, renderBetweenRow } from './render-between';
import { renderOrganizerRow } from './render-organizer';
import { getSettings } from '../organizer/settings';

/** A link into the participant pages; at sending it carries a fresh token, in a preview none. */
export type LinkMaker = (participantId: number, purpose: TokenPurpose, pending?: PendingProfile | null) => string;

/** What a row becomes at sending: a message, or withdrawn because its reason is gone. */
export type Rendering = { ok: true; email: RenderedEmail } | { ok: false; reason: string };

const withdraw = (reason: string): Rendering => ({ ok: false, reason });
const ok = (email: RenderedEmail): Rendering => ({ ok: true, email });

interface Subject {
  exchange: Exchange;
  person: Participant;
}

/** The exchange and person a participant message is about, or why it must not go out. */
function subjectOf(deps: Deps, row: repo.OutboxRow): Subject | string {
  const exchange = row.exchangeId === null ? undefined : findExchange(deps.db, row.exchangeId);
  if (!exchange) return 'the exchange was deleted';
  const person = row.participantId === null ? undefined : findParticipant(deps.db, row.participantId);
  if (!person) return 'the participant was removed';
  // A welcome that brings a withdrawn person back (its link carries their new details) still goes.
  // A sign-in email for a shared address goes to whoever of them still takes part (sharedAddressPeople).
  if (person.withdrawnAt !== null && !pendingProfile(row) && !Array.isArray(row.params['people'])) return 'the participant left the exchange';
  if (exchange.state === 'cancelled' && row.kind !== 'exchange-cancelled') return 'the exchange was cancelled';
  return { exchange, person };
}

/**
 * The people a shared sign-in email is for (params.people), as they are at sending: still in this
 * exchange, at this address, not withdrawn. The row's own person first.
 */
function sharedAddressPeople(deps: Deps, row: repo.OutboxRow, s: Subject): Participant[] {
  const ids = row.params['people'];
  if (!Array.isArray(ids)) return s.person.withdrawnAt === null || pendingProfile(row) ? [s.person] : [];
  return ids.flatMap((id) => {
    const p = typeof id === 'number' ? findParticipant(deps.db, id) : undefined;
    return p && p.exchangeId === s.exchange.id && p.email === row.to && p.withdrawnAt === null ? [p] : [];
  });
}

/** What a returning (withdrawn) person asked to rejoin with, carried by their welcome row. */
function pendingProfile(row: repo.OutboxRow): PendingProfile | null {
  const pending = row.params['pending'];
  return pending !== null && typeof pending === 'object' ? (pending as PendingProfile) : null;
}

const sameAddress = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A newer message of the same kinds to the same person replaces this one. */
function superseded(deps: Deps, row: repo.OutboxRow, kinds: readonly string[]): boolean {
  const latest = repo.latestParticipantRowRef(deps.db, row.participantId ?? -1, kinds, ['pending', 'sending', 'sent', 'failed']);
  return latest !== undefined && latest.id > row.id && latest.exchangeId === row.exchangeId;
}

/**
 * Queued for a draw the exchange has since replaced (`params.draw`; before migration 0013, draw 0)
 * while the re-draw that replaced it still withdraws such mail, in slices after its commit (its
 * "emails pending" row is there): one may come up for sending first. Not one that was being sent
 * at the re-draw (a retry: its person counts as told). Once that re-draw's mail is queued, a
 * replaced draw's email still waiting was put back on purpose (a retry, a resend): it tells the
 * giftee as it is then.
 */
function ofReplacedDraw(deps: Deps, row: repo.OutboxRow, exchange: Exchange): boolean {
  const draw = typeof row.params['draw'] === 'number' ? row.params['draw'] : 0;
  if (draw === currentDraw(deps.db, exchange.id)) return false;
  const pending = parsePending(pendingMarker(deps, exchange.id));
  return pending !== null && !pending.inFlightRows.has(row.id);
}

/**
 * The language a message to the person speaks: theirs, or the exchange's; a returning person's
 * welcome, the language they just signed up in (theirs once back).
 */
function speaksAs(row: repo.OutboxRow, s: Subject): Locale {
  const pending = pendingProfile(row);
  return pending?.locale !== undefined ? (pending.locale ?? s.exchange.locale) : participantLocale(s.exchange, s.person);
}

/** A match email to this person is still on its way: it already carries everything current. */
function matchStillQueued(deps: Deps, row: repo.OutboxRow): boolean {
  const pending = repo.latestParticipantRowRef(deps.db, row.participantId ?? -1, MATCH_KINDS, ['pending', 'sending']);
  return pending !== undefined && pending.id !== row.id;
}

/** The person's giftees as they are now, in round order (one unless the exchange has several each). */
function gifteesOf(deps: Deps, s: Subject): Participant[] {
  return findReceiversOf(deps.db, s.exchange.id, s.person.id).flatMap((id) => findParticipant(deps.db, id) ?? []);
}

/**
 * The templates' list of giftees, only when there are several (one giftee keeps its wording).
 * With `addresses`, each giftee's postal address where they allowed it in the match email.
 */
const several = (giftees: Participant[], addresses?: (id: number) => string | null): { giftees?: Giftee[] } =>
  giftees.length > 1 ? { giftees: giftees.map((g) => ({ name: g.name, giftIdeas: g.giftIdeas, address: addresses?.(g.id) ?? null })) } : {};

/**
 * Who the rendering is for: the recipient (when sent), or the organizer opening it (a recorded
 * look), who sees the giftee but never a postal address: that stays the Santa's alone.
 */
export type Audience = 'recipient' | 'organizer';

/**
 * A person switched to another way after their email was written (a card, the table, a link
 * passed on; or, for a pass-on link, away from it): it does not go. A match email names the
 * giftee, and the address may be a family's shared inbox. One worded reason for the outbox.
 */
const ANOTHER_WAY = 'the participant now learns their giftee another way';

function renderMatch(deps: Deps, row: repo.OutboxRow, s: Subject, now: number, link: LinkMaker, audience: Audience): Rendering {
  const address = (id: number) => (audience === 'recipient' ? addressForMatchEmail(deps, id) : null);
  if (s.exchange.state !== 'matched') return withdraw(s.exchange.state === 'completed' ? 'the exchange is over' : 'the draw was undone');
  if (s.person.delivery !== 'email') return withdraw(ANOTHER_WAY);
  const giftees = gifteesOf(deps, s);
  const receiver = giftees[0];
  if (!receiver) return withdraw('the draw was undone');
  if (superseded(deps, row, MATCH_KINDS) || ofReplacedDraw(deps, row, s.exchange)) return withdraw('a newer draw replaced it');
  const input = {
    locale: participantLocale(s.exchange, s.person),
    exchange: exchangeInfo(s.exchange),
    giverName: s.person.name,
    receiverName: receiver.name,
    receiverGiftIdeas: receiver.giftIdeas,
    ...several(giftees, address),
    receiverAddress: address(receiver.id),
    link: link(s.person.id, 'match'),
    uid: eventUid(s.exchange.id, s.person.id),
    sentAt: now,
    sequence: repo.icsSequence(deps.db, s.exchange.id),
  };
  return ok(row.kind === 'assignment-changed' ? assignmentChangedEmail(input) : matchEmail(input));
}

/** The link for someone without email, to whoever passes it on as they are now; never the giftee. */
function renderPassOn(deps: Deps, row: repo.OutboxRow, s: Subject, link: LinkMaker): Rendering {
  if (s.exchange.state !== 'matched') return withdraw(s.exchange.state === 'completed' ? 'the exchange is over' : 'the draw was undone');
  if (s.person.delivery !== 'delivered') return withdraw(ANOTHER_WAY);
  const deliverer = s.person.deliveredBy === null ? undefined : findParticipant(deps.db, s.person.deliveredBy);
  if (!deliverer || deliverer.email !== row.to || deliverer.withdrawnAt !== null) return withdraw('someone else passes the link on now');
  if (superseded(deps, row, ['pass-on-link'])) return withdraw('a newer link replaced it');
  return ok(
    passOnLinkEmail({
      locale: participantLocale(s.exchange, deliverer),
      exchange: exchangeInfo(s.exchange),
      delivererName: deliverer.name,
      recipientName: s.person.name,
      link: link(s.person.id, 'handover'),
    }),
  );
}

function renderReminder(deps: Deps, row: repo.OutboxRow, s: Subject, now: number, link: LinkMaker): Rendering {
  if (s.exchange.state !== 'matched') return withdraw('the exchange is not drawn any more');
  const daysLeft = cachedDaysUntil(now, s.exchange.exchangeAt, s.exchange.timezone);
  if (daysLeft === null) return withdraw('the exchange has already started');
  if (!s.person.remindersEnabled) return withdraw('the participant turned reminders off');
  if (s.person.delivery !== 'email') return withdraw(ANOTHER_WAY);
  const giftees = gifteesOf(deps, s);
  const receiver = giftees[0];
  if (!receiver) return withdraw('the participant has no match');
  if (superseded(deps, row, ['reminder'])) return withdraw('a later reminder replaced it');
  if (matchStillQueued(deps, row)) return withdraw('the match email on its way already says it all');
  const last = repo.lastSentAt(deps.db, s.person.id, [...MATCH_KINDS, 'reminder']);
  if (last !== null && now - last < REMINDER_QUIET_MS) return withdraw('a match email or reminder went out less than 4 hours earlier');
  return ok(
    reminderEmail({
      locale: participantLocale(s.exchange, s.person),
      exchange: exchangeInfo(s.exchange),
      participantName: s.person.name,
      receiverName: receiver.name,
      receiverGiftIdeas: receiver.giftIdeas,
      ...several(giftees),
      daysLeft,
      link: link(s.person.id, 'notice'),
    }),
  );
}

function renderChange(deps: Deps, row: repo.OutboxRow, s: Subject, now: number, link: LinkMaker): Rendering {
  const base = { locale: participantLocale(s.exchange, s.person), exchange: exchangeInfo(s.exchange), participantName: s.person.name };
  const calendar = { uid: eventUid(s.exchange.id, s.person.id), sequence: repo.icsSequence(deps.db, s.exchange.id), sentAt: now };
  switch (row.kind) {
    case 'draw-cancelled':
      if (superseded(deps, row, ['draw-cancelled'])) return withdraw('a later notice replaced it');
      return ok(drawCancelledEmail({ ...base, link: link(s.person.id, 'notice') }));
    case 'exchange-updated':
      if (s.exchange.state !== 'matched') return withdraw('the exchange is not drawn any more');
      if (superseded(deps, row, ['exchange-updated'])) return withdraw('a later update replaced it');
      if (matchStillQueued(deps, row)) return withdraw('the match email on its way already has the new details');
      return ok(exchangeUpdatedEmail({ ...base, ...calendar, link: link(s.person.id, 'notice') }));
    case 'exchange-cancelled':
      if (s.exchange.state !== 'cancelled') return withdraw('the exchange is no longer cancelled');
      return ok(exchangeCancelledEmail({ ...base, ...calendar }));
    default:
      return withdraw(`unknown kind ${row.kind}`);
  }
}

function renderParticipantRow(deps: Deps, row: repo.OutboxRow, now: number, link: LinkMaker, audience: Audience): Rendering {
  const s = subjectOf(deps, row);
  if (typeof s === 'string') return withdraw(s);
  // Written to the person's address as it was then. Once the organizer has changed it (a typo
  // corrected), it never goes to the old one: that inbox is someone else's. (A link passed on
  // goes to the deliverer, a shared sign-in email and a rejoining person's welcome are checked
  // on their own.)
  if (row.kind !== 'pass-on-link' && !Array.isArray(row.params['people']) && !pendingProfile(row) && !sameAddress(row.to, s.person.email)) {
    return withdraw('their email address changed');
  }
  const rendering = renderForPerson(deps, row, s, now, link, audience);
  if (!rendering.ok || Array.isArray(row.params['people'])) return rendering;
  // An address a family shares: the subject says whom this one is for ("… (for Mia)").
  const others = participantsByEmail(deps.db, s.exchange.id, s.person.email).filter((p) => p.id !== s.person.id && p.withdrawnAt === null);
  if (others.length === 0) return rendering;
  // A returning person's welcome speaks as they signed up again, this line too.
  const pending = pendingProfile(row);
  const t = translator(speaksAs(row, s));
  return ok({ ...rendering.email, subject: oneLine(t.t('mail.subject.forPerson', { subject: rendering.email.subject, name: oneLine(pending?.name ?? s.person.name) })) });
}

function renderForPerson(deps: Deps, row: repo.OutboxRow, s: Subject, now: number, link: LinkMaker, audience: Audience): Rendering {
  const info = exchangeInfo(s.exchange);
  const locale = participantLocale(s.exchange, s.person);
  switch (row.kind) {
    case 'magic-link': {
      if (s.exchange.state === 'completed') return withdraw('the exchange is over');
      const purpose = row.params['purpose'] === 'welcome' ? 'welcome' : 'login';
      const expiresInMinutes = TOKEN_TTL_MS[purpose] / 60_000;
      const people = sharedAddressPeople(deps, row, s);
      if (people.length > 1)
        return ok(sharedMagicLinksEmail({ locale, exchange: info, people: people.map((p) => ({ name: p.name, link: link(p.id, purpose) })), expiresInMinutes }));
      const [only] = people;
      if (!only) return withdraw('nobody at this address takes part any more');
      return ok(magicLinkEmail({ locale, exchange: info, participantName: only.name, link: link(only.id, purpose), expiresInMinutes }));
    }
    case 'welcome': {
      if (s.exchange.state === 'completed') return withdraw('the exchange is over');
      const invited = row.params['invited'] === true;
      // An invitation asks for gift ideas before the draw; once drawn, the match email has the link.
      if (invited && s.exchange.state === 'matched') return withdraw('names were drawn; the match email brings their link');
      const pending = pendingProfile(row);
      const name = pending?.name ?? s.person.name;
      // Read when sent: someone who added ideas since the invitation was queued is not asked for any.
      const ideas = pending?.giftIdeas ?? s.person.giftIdeas;
      const welcomeLocale = speaksAs(row, s);
      return ok(
        welcomeEmail({
          locale: welcomeLocale,
          exchange: info,
          participantName: name,
          link: link(s.person.id, 'welcome', pending),
          registrationDeadline: s.exchange.registrationDeadlineAt,
          hasGiftIdeas: ideas.trim() !== '',
          ...(invited && { invitedBy: getSettings(deps).organizer?.name ?? '' }),
        }),
      );
    }
    case 'organizer-access': {
      // What the organizer did and when, nothing of the draw itself: it names no giftee.
      const action = row.params['action'] as OrganizerAccessAction;
      return ok(organizerAccessNotice({ locale, exchange: info, participantName: s.person.name, action, at: Number(row.params['at']) }));
    }
    case 'match':
    case 'assignment-changed':
      return renderMatch(deps, row, s, now, link, audience);
    case 'reminder':
      return renderReminder(deps, row, s, now, link);
    case 'pass-on-link':
      return renderPassOn(deps, row, s, link);
    default:
      return renderBetweenRow(deps, row, s, now, link) ?? renderChange(deps, row, s, now, link);
  }
}

/**
 * Renders one outbox row from the database as it is now. Called inside the sending transaction
 * (a link then issues a fresh token) or for a preview (links are placeholders). Kinds written
 * with their text (organizer notices about a past event) come back as stored.
 */
export function renderRow(deps: Deps, row: repo.OutboxRow, now: number, link: LinkMaker, audience: Audience = 'recipient'): Rendering {
  if (!RENDERED_KINDS.has(row.kind)) return ok({ subject: row.subject, text: row.text, html: row.html, attachments: row.attachments });
  const organizer = renderOrganizerRow(deps, row, now);
  if (organizer) return organizer.ok ? ok(organizer.email) : withdraw(organizer.reason);
  return renderParticipantRow(deps, row, now, link, audience);
}
