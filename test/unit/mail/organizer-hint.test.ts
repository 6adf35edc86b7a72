import { describe, expect, it } from 'vitest';
import { drawDoneNotice, registrationClosedNotice, withdrawalNotice, type ExchangeInfo } from '../../../src-main/mail/templates';

const exchange: ExchangeInfo = { name: 'Family 2026', description: '', exchangeAt: Date.parse('2026-12-24T17:00:00Z'), timezone: 'Europe/Berlin', location: '', budget: null };
const ADMIN = 'http://127.0.0.1:4318/';

describe('organizer notices say where to open Sneaky Klaus', () => {
  const notices = (adminHint: string | null) => [
    withdrawalNotice({ locale: 'en', exchange, organizerName: 'Olga', participantName: 'Ann', afterDraw: false, changedCount: 0, adminHint }),
    registrationClosedNotice({ locale: 'en', exchange, organizerName: 'Olga', participantCount: 5, adminHint }),
    drawDoneNotice({ locale: 'en', exchange, organizerName: 'Olga', participantCount: 5, queuedCount: 5, adminHint }),
  ];

  it('headless: the organizer screens’ address (never a secret), as a button', () => {
    for (const email of notices(ADMIN)) {
      expect(email.text).toContain(ADMIN);
      expect(email.html).toContain(`href="${ADMIN}"`);
      expect(email.text).not.toContain('secret');
    }
  });

  it('desktop: a plain "open the app", with no address', () => {
    for (const email of notices(null)) {
      expect(email.text).toContain('Open Sneaky Klaus to see the details.');
      expect(email.text).not.toContain('127.0.0.1');
    }
  });
});
