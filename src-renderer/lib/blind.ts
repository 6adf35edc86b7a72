/**
 * Emails whose text names a giftee. The organizer is blind by default (so the organizer can take part too): the outbox lists
 * them and offers their links, but shows their text only after an explicit "show anyway".
 */
const MATCH_REVEALING_KINDS = new Set(['match', 'assignment-changed', 'reminder']);

export function revealsMatch(kind: string): boolean {
  return MATCH_REVEALING_KINDS.has(kind);
}

const KIND_LABELS: Record<string, string> = {
  'magic-link': 'Sign-in link',
  welcome: 'Welcome',
  match: 'Match',
  'assignment-changed': 'Changed match',
  reminder: 'Reminder',
  'draw-cancelled': 'Draw cancelled',
  'exchange-updated': 'New details',
  'exchange-cancelled': 'Exchange cancelled',
  'organizer-access': 'Organizer looked',
  'organizer-new-registration': 'New sign-up',
  'organizer-withdrawal': 'Withdrawal',
  'organizer-registration-closed': 'Registration closed',
  'organizer-draw-done': 'Draw done',
  'organizer-delivery-failures': 'Delivery problems',
  'organizer-purge-warning': 'Data deletion notice',
  test: 'Test email',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replace(/-/g, ' ');
}
