import type { Delivery } from '../contract/participants';
import type { Text } from '../i18n';
import { normaliseEmail } from './email';
import { english } from './errors';

/** What the organizer chose for one person: address (maybe none) and how they learn their giftee. */
export interface Reach {
  email: string;
  delivery: Delivery;
  deliveredBy: number | null;
}

export type ReachCheck = { ok: true; reach: Reach } | { ok: false; path: 'email' | 'deliveredBy'; message: string; text: Text };

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
      const text: Text = rawEmail.trim() === '' ? { key: 'error.delivery.emailMissing' } : checked.text;
      return { ok: false, path: 'email', text, message: english(text) };
    }
    email = checked.email;
  }
  if (delivery === 'delivered' && deliveredBy === null) {
    const text: Text = { key: 'error.delivery.delivererMissing' };
    return { ok: false, path: 'deliveredBy', text, message: english(text) };
  }
  return { ok: true, reach: { email, delivery, deliveredBy: delivery === 'delivered' ? deliveredBy : null } };
}
