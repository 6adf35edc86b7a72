import { randomToken, sha256Hex } from '../../core/tokens';
import type { Exchange, Participant } from '../../core/types';
import { latestParticipantRow } from '../../db/repos/outbox';
import type { Deps } from '../common/deps';
import { hitRateLimit, RATE_LIMITS } from '../common/rate-limit';
import { hasLiveEmailedLink, lastEmailedLinkUsedAt, type PendingProfile } from '../common/tokens';
import { enqueueMail } from '../mail/outbox';

/**
 * Counts one request to mail a link to `email` and says, per participant, whether to mail it.
 * Under the per-address cap: yes. Past it: only when the person holds no working emailed link,
 * so a flood of requests neither fills their inbox nor replaces (and so kills) the link they
 * have, and the real person is never locked out. The visitor's answer is the same either way.
 */
export function linkMailGate(deps: Deps, email: string): LinkMailGate {
  const underCap = hitRateLimit(deps, `link-mail:${sha256Hex(email)}`, RATE_LIMITS.linkMailsPerAddress).allowed;
  // A link still waiting in the outbox counts as live: its token is made when it is sent.
  const gate = (participantId: number) => underCap || !(hasLiveEmailedLink(deps, participantId) || linkMailQueued(deps, participantId));
  return Object.assign(gate, { underCap });
}

/** Per participant: may a link be mailed? `underCap`: this request was within the address's cap. */
export type LinkMailGate = ((participantId: number) => boolean) & { readonly underCap: boolean };

/** A link email still waiting to go out, asked for after the person last signed in by link. */
function linkMailQueued(deps: Deps, participantId: number): boolean {
  const queued = latestParticipantRow(deps.db, participantId, ['magic-link', 'welcome'], ['pending', 'sending']);
  return queued !== undefined && queued.createdAt > (lastEmailedLinkUsedAt(deps, participantId) ?? -Infinity);
}

/**
 * A sign-in link. The row holds only the intent: the link (and its token, replacing older unused
 * ones of the same purpose) is made when the email is sent, so it is fresh and points at the
 * public address of that moment.
 */
export function mailSignInLink(deps: Deps, exchange: Exchange, participant: Participant, purpose: 'login' | 'welcome'): void {
  mailSignInLinks(deps, exchange, [participant], purpose);
}

/**
 * Sign-in links for everyone of one exchange at one address: a family sharing an address gets one
 * email with a link per person (rendered at sending for those still taking part then).
 */
export function mailSignInLinks(deps: Deps, exchange: Exchange, people: readonly Participant[], purpose: 'login' | 'welcome'): void {
  const [first] = people;
  if (!first) return;
  enqueueMail(deps, {
    key: `login:${people.map((p) => p.id).join(',')}:${randomToken(deps.random, 8)}`,
    kind: 'magic-link',
    to: first.email,
    exchangeId: exchange.id,
    participantId: first.id,
    params: people.length === 1 ? { purpose } : { purpose, people: people.map((p) => p.id) },
  });
}

/**
 * The welcome email of a registration. For a withdrawn address coming back, `pending` holds what
 * they asked to rejoin with: the link made at sending carries it, and nothing changes until it
 * is used.
 */
export function mailWelcome(deps: Deps, exchange: Exchange, participantId: number, email: string, pending: PendingProfile | null): void {
  enqueueMail(deps, {
    key: `welcome:${participantId}:${randomToken(deps.random, 8)}`,
    kind: 'welcome',
    to: email,
    exchangeId: exchange.id,
    participantId,
    params: pending === null ? {} : { pending },
  });
}
