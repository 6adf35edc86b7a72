import type { Delivery } from '../contract/participants';
import { normaliseEmail } from './email';

/** What the organizer chose for one person: address (maybe none) and how they learn their giftee. */
export interface Reach {
  email: string;
  delivery: Delivery;
  deliveredBy: number | null;
}

export type ReachCheck = { ok: true; reach: Reach } | { ok: false; path: 'email' | 'deliveredBy'; message: string };

/**
 * The one rule for an address and a delivery, wherever they enter (the form, the API, the CSV):
 * only `email` needs an address; any address given must be valid; `delivered` needs the person who
 * passes the link on, and nobody else keeps one.
 */
export function checkReach(rawEmail: string, delivery: Delivery, deliveredBy: number | null): ReachCheck {
  let email = '';
  if (rawEmail.trim() !== '' || delivery === 'email') {
    const checked = normaliseEmail(rawEmail);
    if (!checked.ok) {
      const message = rawEmail.trim() === '' ? 'Enter an email address, or choose another way for them to learn their giftee (card, at the table, or passed on).' : checked.message;
      return { ok: false, path: 'email', message };
    }
    email = checked.email;
  }
  if (delivery === 'delivered' && deliveredBy === null) {
    return { ok: false, path: 'deliveredBy', message: 'Choose who passes the link on to them.' };
  }
  return { ok: true, reach: { email, delivery, deliveredBy: delivery === 'delivered' ? deliveredBy : null } };
}
