import { sha256Hex } from '../../core/tokens';
import type { Exchange, Participant } from '../../core/types';
import { magicLinkEmail, welcomeEmail } from '../../mail/templates';
import type { Deps } from '../common/deps';
import { hitRateLimit, RATE_LIMITS } from '../common/rate-limit';
import { hasLiveEmailedLink, issueToken, TOKEN_TTL_MS, type PendingProfile } from '../common/tokens';
import { exchangeInfo } from '../mail/match-mail';
import { enqueueMail } from '../mail/outbox';
import { links } from '../network/links';

/**
 * Counts one request to mail a link to `email` and says, per participant, whether to mail it.
 * Under the per-address cap: yes. Past it: only when the person holds no working emailed link,
 * so a flood of requests neither fills their inbox nor replaces (and so kills) the link they
 * have, and the real person is never locked out. The visitor's answer is the same either way.
 */
export function linkMailGate(deps: Deps, email: string): (participantId: number) => boolean {
  const underCap = hitRateLimit(deps, `link-mail:${sha256Hex(email)}`, RATE_LIMITS.linkMailsPerAddress).allowed;
  return (participantId) => underCap || !hasLiveEmailedLink(deps, participantId);
}

/** A sign-in link (replacing older unused ones of the same purpose). */
export function mailSignInLink(deps: Deps, exchange: Exchange, participant: Participant, purpose: 'login' | 'welcome'): void {
  const token = issueToken(deps, participant.id, purpose);
  enqueueMail(deps, {
    key: `login:${participant.id}:${sha256Hex(token).slice(0, 16)}`,
    kind: 'magic-link',
    to: participant.email,
    exchangeId: exchange.id,
    participantId: participant.id,
    email: magicLinkEmail({
      exchange: exchangeInfo(exchange),
      participantName: participant.name,
      link: links.auth(deps, token),
      expiresInMinutes: TOKEN_TTL_MS[purpose] / 60_000,
    }),
  });
}

/**
 * The welcome email of a registration. For a withdrawn address coming back, `pending` holds what
 * they asked to rejoin with: the link carries it, and nothing changes until it is used.
 */
export function mailWelcome(deps: Deps, exchange: Exchange, participantId: number, name: string, email: string, pending: PendingProfile | null): void {
  const token = issueToken(deps, participantId, 'welcome', pending);
  enqueueMail(deps, {
    key: `welcome:${participantId}:${sha256Hex(token).slice(0, 16)}`,
    kind: 'welcome',
    to: email,
    exchangeId: exchange.id,
    participantId,
    email: welcomeEmail({ exchange: exchangeInfo(exchange), participantName: name, link: links.auth(deps, token), registrationDeadline: exchange.registrationDeadlineAt }),
  });
}
