import type { MessageKey, Translator } from '../../i18n';
import { subjectFor } from '../../mail/templates';
/**
 * Kinds whose text names the recipient's giftee or Santa, or whose link opens a page that does
 * (a new message between a Santa and their giftee): the organizer is blind to them, so they can
 * take part too.
 */
export const NAMES_GIFTEE: ReadonlySet<string> = new Set(['match', 'assignment-changed', 'reminder', 'santa-reveal', 'between-message']);

/**
 * Kinds the organizer's screens never list, open or report: who gets a "new message" notice, and
 * when, would show which two people write to each other, i.e. a pair. The relay delivers and
 * retries them like any other message; a failed one stays on the recipient's side.
 */
export const UNLISTED_KINDS: ReadonlySet<string> = new Set(['between-message']);

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
  'pass-on-link',
  'draw-cancelled',
  'exchange-updated',
  'exchange-cancelled',
  'organizer-purge-warning',
  'organizer-delivery-failures',
  'organizer-signup-digest',
  'between-message',
  'santa-reveal',
  'organizer-access',
]);

/** No reminder this soon after a match email or another reminder to the same person. */
export const REMINDER_QUIET_MS = 4 * 3_600_000;

/**
 * What the outbox list shows for a row whose text is made only when it is sent: the real subject's
 * words, in the organizer's language, without rendering the message (a list of thousands must stay cheap).
 */
const LIST_SUBJECTS: Record<string, MessageKey> = {
  'magic-link': 'mail.magicLink.subject',
  welcome: 'mail.welcome.subject',
  match: 'mail.match.subject',
  'assignment-changed': 'mail.changed.subject',
  reminder: 'mail.reminder.listSubject',
  'pass-on-link': 'mail.passOn.listSubject',
  'draw-cancelled': 'mail.drawCancelled.subject',
  'exchange-updated': 'mail.updated.subject',
  'exchange-cancelled': 'mail.cancelled.subject',
  'organizer-signup-digest': 'mail.digest.listSubject',
  'between-message': 'mail.between.subject',
  'santa-reveal': 'mail.reveal.subject',
  'organizer-access': 'mail.access.subject',
};

export function listSubject(kind: string, exchangeName: string | null, t: Translator): string {
  const key = LIST_SUBJECTS[kind];
  return subjectFor(t, exchangeName ?? '', key ?? 'mail.subject.other', key ? {} : { what: kind });
}
