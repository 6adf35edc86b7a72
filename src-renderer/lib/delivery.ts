import type { OperationOutput } from '@contract';

type Participant = OperationOutput<'participants.list'>[number];
export type Delivery = Participant['delivery'];

/** The choices of "How they learn their giftee", in the words of the screens. */
export const DELIVERY_OPTIONS: ReadonlyArray<{ value: Delivery; label: string }> = [
  { value: 'email', label: 'By email' },
  { value: 'card', label: 'A printed card' },
  { value: 'in_person', label: 'At the table (pass the phone)' },
  { value: 'delivered', label: 'Someone passes a link on to them' },
];

/**
 * One line for the participants list: how this person hears of their giftee, and where their
 * reminders go (nowhere without an address), so the organizer is never surprised.
 */
export function deliveryText(p: Pick<Participant, 'delivery' | 'deliveredBy' | 'email'>, nameOf: (id: number) => string | undefined): string {
  const noReminders = p.email === '' ? ' No email, so reminders go to nobody.' : '';
  switch (p.delivery) {
    case 'email':
      return 'Learns their giftee by email.';
    case 'card':
      return `Learns their giftee from a printed card.${noReminders}`;
    case 'in_person':
      return `Learns their giftee at the table draw.${noReminders}`;
    case 'delivered': {
      const by = p.deliveredBy === null ? undefined : nameOf(p.deliveredBy);
      return `${by ?? 'Nobody (choose someone)'} is emailed a link to pass on to them.${noReminders}`;
    }
  }
}
