import { describe, expect, it } from 'vitest';
import { translator } from '../../../src-main/i18n';
import { listSubject } from '../../../src-main/services/mail/kinds';

/** The outbox list names a message not yet rendered by its subject's words, in the organizer's language. */
describe('outbox list subjects', () => {
  it('are worded in the organizer’s language, with the exchange’s name', () => {
    expect(listSubject('reminder', 'Kringel', translator('en'))).toBe('Kringel: a reminder of the gift exchange');
    expect(listSubject('reminder', 'Kringel', translator('de'))).toBe('Kringel: Erinnerung an die Bescherung');
    expect(listSubject('match', 'Kringel', translator('fr'))).toBe('Kringel : à qui tu offres un cadeau');
    expect(listSubject('organizer-signup-digest', null, translator('es'))).toBe('Sneaky Klaus: inscripciones nuevas de hoy');
  });

  it('fall back to the kind for one they do not know', () => {
    expect(listSubject('something-new', 'Kringel', translator('de'))).toBe('Kringel: something-new');
  });
});
