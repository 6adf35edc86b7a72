/** Kinds whose text names the recipient's giftee: the organizer is blind to them, so they can take part too. */
export const NAMES_GIFTEE: ReadonlySet<string> = new Set(['match', 'assignment-changed', 'reminder']);

/** Match emails: the ones "already told" refers to. */
export const MATCH_KINDS = ['match', 'assignment-changed'] as const;

/**
 * Kinds rendered when sent, from the database as it is then. Any other kind is an organizer
 * notice about a past event, written once with its text (it names no giftee and holds no link).
 */
export const RENDERED_KINDS: ReadonlySet<string> = new Set([
  'magic-link',
  'welcome',
  'match',
  'assignment-changed',
  'reminder',
  'draw-cancelled',
  'exchange-updated',
  'exchange-cancelled',
  'organizer-purge-warning',
  'organizer-delivery-failures',
]);

/** No reminder this soon after a match email or another reminder to the same person. */
export const REMINDER_QUIET_MS = 4 * 3_600_000;
