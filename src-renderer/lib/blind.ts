import type { MessageKey, Translator } from '@i18n';
import { currentT } from './i18n';

/**
 * Emails whose text names a giftee. The organizer is blind by default (so the organizer can take part too): the outbox lists
 * them and offers their links, but shows their text only after an explicit "show anyway".
 */
const MATCH_REVEALING_KINDS = new Set(['match', 'assignment-changed', 'reminder']);

export function revealsMatch(kind: string): boolean {
  return MATCH_REVEALING_KINDS.has(kind);
}

const KIND_KEYS: Record<string, MessageKey> = {
  'magic-link': 'parts.kind.magicLink',
  welcome: 'parts.kind.welcome',
  match: 'parts.kind.match',
  'assignment-changed': 'parts.kind.assignmentChanged',
  reminder: 'parts.kind.reminder',
  'draw-cancelled': 'parts.kind.drawCancelled',
  'exchange-updated': 'parts.kind.exchangeUpdated',
  'exchange-cancelled': 'parts.kind.exchangeCancelled',
  'organizer-access': 'parts.kind.organizerAccess',
  'organizer-new-registration': 'parts.kind.newRegistration',
  'organizer-withdrawal': 'parts.kind.withdrawal',
  'organizer-registration-closed': 'parts.kind.registrationClosed',
  'organizer-draw-done': 'parts.kind.drawDone',
  'organizer-delivery-failures': 'parts.kind.deliveryFailures',
  'organizer-purge-warning': 'parts.kind.purgeWarning',
  test: 'parts.kind.test',
};

export function kindLabel(kind: string, t: Translator = currentT()): string {
  const key = KIND_KEYS[kind];
  return key ? t.t(key) : kind.replace(/-/g, ' ');
}
