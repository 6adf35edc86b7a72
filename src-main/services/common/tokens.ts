import { randomToken, sha256Hex } from '../../core/tokens';
import type { Locale } from '../../i18n';
import type { Deps } from './deps';

/**
 * `notice`: the link in any email after the match email (a reminder, a change, a new message, the
 * Santa reveal), which signs in like a match link without revoking the one in the match email.
 */
export type TokenPurpose = 'login' | 'welcome' | 'match' | 'notice' | 'personal' | 'card' | 'handover';

/**
 * 30 min for a requested login link (the person is waiting for it), 24 h for links inside welcome,
 * match and notice emails (read later). A printed card's QR and a link passed on to someone without
 * email are that person's only way in (they cannot ask for a login link), so they last 60 days.
 */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  login: 30 * 60_000,
  welcome: 24 * 3_600_000,
  match: 24 * 3_600_000,
  notice: 24 * 3_600_000,
  personal: 24 * 3_600_000,
  card: 60 * 24 * 3_600_000,
  handover: 60 * 24 * 3_600_000,
};

/**
 * Links of people without email work every time until they expire: a card is scanned again
 * tomorrow, and such a person cannot ask for a fresh link. A new card or email replaces them.
 */
export const REUSABLE_PURPOSES: ReadonlySet<TokenPurpose> = new Set(['card', 'handover']);

/**
 * Reminders and notices follow the match email, message notices many a day: a newer one must not
 * break the button of an earlier email, so their links replace no other (each is still single-use
 * and expires).
 */
const ONE_PER_EMAIL: ReadonlySet<TokenPurpose> = new Set(['notice']);

/** Links the organizer made or handed out: they prove nothing about an address. */
const NOT_EMAILED = ['personal', 'card', 'handover'] as const;

/** What a withdrawn address asked to rejoin with; it takes effect only when the link is used. */
export interface PendingProfile {
  name: string;
  giftIdeas: string;
  reminders: boolean;
  /**
   * The language they signed up in (null: the exchange's), for the welcome and from then on.
   * Absent in links made before it was carried: those keep the person's language as it was.
   */
  locale?: Locale | null;
}

/**
 * A fresh single-use link token (256 bits) for a participant; only its hash is stored. Older
 * unused tokens of the same participant and purpose stop working (except notice links).
 */
export function issueToken(deps: Deps, participantId: number, purpose: TokenPurpose, pending: PendingProfile | null = null): string {
  const now = deps.clock.now();
  const token = randomToken(deps.random, 32);
  deps.db.transaction(() => {
    if (!ONE_PER_EMAIL.has(purpose)) {
      deps.db.run(deps.db.q.deleteFrom('magic_tokens').where('participant_id', '=', participantId).where('purpose', '=', purpose).where('used_at', 'is', null));
    }
    deps.db.run(
      deps.db.q.insertInto('magic_tokens').values({
        token_hash: sha256Hex(token),
        participant_id: participantId,
        purpose,
        created_at: now,
        expires_at: now + TOKEN_TTL_MS[purpose],
        pending_profile: pending === null ? null : JSON.stringify(pending),
      }),
    );
  });
  return token;
}

/**
 * Whether the participant holds an emailed link that still works (personal links are the
 * organizer's, so they do not count): then a capped request can leave it alone.
 */
/** When this person last used an emailed link (null if never). */
export function lastEmailedLinkUsedAt(deps: Deps, participantId: number): number | null {
  const row = deps.db.first(
    deps.db.q
      .selectFrom('magic_tokens')
      .select((eb) => eb.fn.max('used_at').as('last'))
      .where('participant_id', '=', participantId)
      .where('purpose', 'not in', NOT_EMAILED),
  );
  return row?.last ?? null;
}

export function hasLiveEmailedLink(deps: Deps, participantId: number): boolean {
  const row = deps.db.first(
    deps.db.q
      .selectFrom('magic_tokens')
      .select('id')
      .where('participant_id', '=', participantId)
      .where('purpose', 'not in', NOT_EMAILED)
      .where('used_at', 'is', null)
      .where('expires_at', '>', deps.clock.now()),
  );
  return row !== undefined;
}
