import type { OperationOutput } from '@contract';
import type { MessageKey, Translator } from '@i18n';
import { currentT } from './i18n';

type Participant = OperationOutput<'participants.list'>[number];
export type Delivery = Participant['delivery'];

const DELIVERY_KEYS: ReadonlyArray<{ value: Delivery; key: MessageKey }> = [
  { value: 'email', key: 'parts.delivery.email' },
  { value: 'card', key: 'parts.delivery.card' },
  { value: 'in_person', key: 'parts.delivery.inPerson' },
  { value: 'delivered', key: 'parts.delivery.delivered' },
];

/** The choices of "How they learn their giftee", in the words of the screens. */
export function deliveryOptions(t: Translator = currentT()): Array<{ value: Delivery; label: string }> {
  return DELIVERY_KEYS.map(({ value, key }) => ({ value, label: t.t(key) }));
}

/**
 * One line for the participants list: how this person hears of their giftee, and where their
 * reminders go (nowhere without an address), so the organizer is never surprised.
 */
export function deliveryText(p: Pick<Participant, 'delivery' | 'deliveredBy' | 'email'>, nameOf: (id: number) => string | undefined, t: Translator = currentT()): string {
  const how = howText(p, nameOf, t);
  return p.email === '' && p.delivery !== 'email' ? `${how} ${t.t('parts.delivery.noReminders')}` : how;
}

function howText(p: Pick<Participant, 'delivery' | 'deliveredBy'>, nameOf: (id: number) => string | undefined, t: Translator): string {
  switch (p.delivery) {
    case 'email':
      return t.t('parts.delivery.byEmailText');
    case 'card':
      return t.t('parts.delivery.cardText');
    case 'in_person':
      return t.t('parts.delivery.inPersonText');
    case 'delivered': {
      const by = p.deliveredBy === null ? undefined : nameOf(p.deliveredBy);
      return by === undefined ? t.t('parts.delivery.deliveredNobody') : t.t('parts.delivery.deliveredText', { name: by });
    }
  }
}
