import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src-main/i18n';
import { exchangeIcs } from '../../../src-main/mail/ics';
import {
  assignmentChangedEmail,
  deliveryFailuresNotice,
  drawCancelledEmail,
  drawDoneNotice,
  exchangeCancelledEmail,
  exchangeUpdatedEmail,
  magicLinkEmail,
  matchEmail,
  newMessageEmail,
  newRegistrationNotice,
  organizerAccessNotice,
  passOnLinkEmail,
  purgeWarningEmail,
  registrationClosedNotice,
  reminderEmail,
  santaRevealEmail,
  sharedMagicLinksEmail,
  signupDigestNotice,
  testEmail,
  welcomeEmail,
  withdrawalNotice,
  type ExchangeInfo,
  type RenderedEmail,
} from '../../../src-main/mail/templates';

/*
 * Every email, in every language: no English left in it (the words our English emails are made
 * of), the budget and the date worded the reader's way, and `<html lang>` saying which language.
 * User data is kept free of English words so that any English found comes from us.
 */

const LINK = 'http://192.168.1.20:4317/auth/tok3n';
const AT = Date.UTC(2026, 11, 19, 17, 0); // Saturday 19 December 2026, 18:00 in Berlin
const exchange: ExchangeInfo = {
  name: 'Kringel 2026',
  description: 'Plätzchen!',
  exchangeAt: AT,
  timezone: 'Europe/Berlin',
  location: 'Oma Ilse',
  budget: { amount: '25', currency: 'EUR' },
};

/** Words of our English emails that never belong in a German, French or Spanish one. */
const ENGLISH = [
  'the',
  'your',
  'and',
  'you',
  'gift',
  'gifts',
  'santa',
  'Santa',
  'Secret',
  'exchange',
  'link',
  'page',
  'email',
  'emails',
  'reminder',
  'reminders',
  'days',
  'day',
  'tomorrow',
  'today',
  'Hi',
  'Hello',
  'Welcome',
  'names',
  'drawn',
  'open',
  'Open',
  'sign',
  'Sign',
  'per',
  'When',
  'Where',
  'organizer',
  'participant',
  'participants',
  'message',
  'new',
  'has',
  'have',
  'been',
  'will',
  'deleted',
  'not',
  'please',
  'with',
  'for',
  'this',
  'that',
  'is',
  'are',
  'who',
  'whom',
  'at',
  'on',
  'in',
  'to',
  'of',
  'Sent',
  'by',
  'ideas',
];
/** Words spelt the same in the other language, meaning the same thing ("per Mail", "ta page"). */
const SHARED: Record<Locale, string[]> = { en: [], de: ['per', 'in'], fr: ['page', 'message', 'participant', 'participants'], es: ['ideas', 'has'] };
const englishWord = (locale: Locale) => new RegExp(`(?<![\\p{L}\\-./:@])(${ENGLISH.filter((w) => !SHARED[locale].includes(w)).join('|')})(?![\\p{L}\\-])`, 'u');

/** The visible words of an email: subject, text and the HTML's text (tags, styles and links dropped). */
function words(mail: RenderedEmail): string {
  const html = mail.html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
  return [mail.subject, mail.text, html]
    .join('\n')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/Sneaky Klaus|SNEAKY KLAUS/g, ' ');
}

const DATE: Record<Locale, string> = {
  en: 'Saturday, 19 December 2026',
  de: 'Samstag, 19. Dezember 2026',
  fr: 'samedi 19 décembre 2026',
  es: 'sábado, 19 de diciembre de 2026',
};
const MONEY: Record<Locale, RegExp> = { en: /€25\b/, de: /25\s€/, fr: /25\s€/, es: /25\s€/ };

interface Kind {
  kind: string;
  /** Shows the exchange's date and budget (the details block). */
  details: boolean;
  render: (locale: Locale) => RenderedEmail;
}

const giftees = [
  { name: 'Bo', giftIdeas: 'Bücher' },
  { name: 'Cy', giftIdeas: '' },
];

const kinds: Kind[] = [
  { kind: 'magic link', details: false, render: (locale) => magicLinkEmail({ locale, exchange, participantName: 'Ann', link: LINK, expiresInMinutes: 30 }) },
  {
    kind: 'shared magic links',
    details: false,
    render: (locale) =>
      sharedMagicLinksEmail({
        locale,
        exchange,
        people: [
          { name: 'Ann', link: LINK },
          { name: 'Bo', link: LINK },
        ],
        expiresInMinutes: 120,
      }),
  },
  {
    kind: 'welcome',
    details: true,
    render: (locale) => welcomeEmail({ locale, exchange, participantName: 'Ann', link: LINK, registrationDeadline: AT - 86_400_000, hasGiftIdeas: false }),
  },
  {
    kind: 'welcome with ideas',
    details: true,
    render: (locale) => welcomeEmail({ locale, exchange, participantName: 'Ann', link: LINK, registrationDeadline: null, hasGiftIdeas: true }),
  },
  { kind: 'welcome, unknown ideas', details: true, render: (locale) => welcomeEmail({ locale, exchange, participantName: 'Ann', link: LINK, registrationDeadline: null }) },
  {
    kind: 'invitation',
    details: true,
    render: (locale) => welcomeEmail({ locale, exchange, participantName: 'Ann', link: LINK, registrationDeadline: null, hasGiftIdeas: false, invitedBy: 'Olga' }),
  },
  {
    kind: 'invitation with ideas',
    details: true,
    render: (locale) => welcomeEmail({ locale, exchange, participantName: 'Ann', link: LINK, registrationDeadline: null, hasGiftIdeas: true, invitedBy: '' }),
  },
  {
    kind: 'match',
    details: true,
    render: (locale) => matchEmail({ locale, exchange, giverName: 'Ann', receiverName: 'Bo', receiverGiftIdeas: '', receiverAddress: 'Hauptstr. 1', link: LINK, uid: 'u@sk' }),
  },
  {
    kind: 'match, several giftees',
    details: true,
    render: (locale) => matchEmail({ locale, exchange, giverName: 'Ann', receiverName: 'Bo', receiverGiftIdeas: 'Bücher', giftees, link: LINK, uid: 'u@sk' }),
  },
  {
    kind: 'changed match',
    details: true,
    render: (locale) => assignmentChangedEmail({ locale, exchange, giverName: 'Ann', receiverName: 'Bo', receiverGiftIdeas: 'Bücher', link: LINK, uid: 'u@sk' }),
  },
  {
    kind: 'changed match, several giftees',
    details: true,
    render: (locale) => assignmentChangedEmail({ locale, exchange, giverName: 'Ann', receiverName: 'Bo', receiverGiftIdeas: '', giftees, link: LINK, uid: 'u@sk' }),
  },
  ...[0, 1, 2, 5].map((daysLeft): Kind => ({
    kind: `reminder, ${daysLeft} days left`,
    details: true,
    render: (locale) => reminderEmail({ locale, exchange, participantName: 'Ann', receiverName: 'Bo', receiverGiftIdeas: '', daysLeft, link: LINK }),
  })),
  {
    kind: 'reminder, several giftees',
    details: true,
    render: (locale) => reminderEmail({ locale, exchange, participantName: 'Ann', receiverName: 'Bo', receiverGiftIdeas: '', giftees, daysLeft: 3, link: LINK }),
  },
  { kind: 'pass-on link', details: false, render: (locale) => passOnLinkEmail({ locale, exchange, delivererName: 'Ann', recipientName: 'Opa', link: LINK }) },
  { kind: 'between message', details: false, render: (locale) => newMessageEmail({ locale, exchange, link: LINK }) },
  { kind: 'santa reveal', details: false, render: (locale) => santaRevealEmail({ locale, exchange, participantName: 'Ann', santaNames: ['Bo'], link: LINK }) },
  { kind: 'santa reveal, two', details: false, render: (locale) => santaRevealEmail({ locale, exchange, participantName: 'Ann', santaNames: ['Bo', 'Cy'], link: LINK }) },
  ...(['personal-link', 'reveal', 'private-email', 'printed-card'] as const).map((action): Kind => ({
    kind: `organizer access: ${action}`,
    details: false,
    render: (locale) => organizerAccessNotice({ locale, exchange, participantName: 'Ann', action, at: AT }),
  })),
  { kind: 'draw cancelled', details: false, render: (locale) => drawCancelledEmail({ locale, exchange, participantName: 'Ann', link: LINK }) },
  {
    kind: 'exchange updated',
    details: true,
    render: (locale) => exchangeUpdatedEmail({ locale, exchange, participantName: 'Ann', link: LINK, uid: 'u@sk', sequence: 1, sentAt: AT }),
  },
  { kind: 'exchange cancelled', details: false, render: (locale) => exchangeCancelledEmail({ locale, exchange, participantName: 'Ann', uid: 'u@sk', sequence: 1, sentAt: AT }) },
  {
    kind: 'new sign-up',
    details: false,
    render: (locale) => newRegistrationNotice({ locale, exchange, organizerName: 'Olga', participantName: 'Ann', participantCount: 5, adminHint: null }),
  },
  {
    kind: 'withdrawal, after the draw',
    details: false,
    render: (locale) => withdrawalNotice({ locale, exchange, organizerName: 'Olga', participantName: 'Ann', afterDraw: true, changedCount: 2 }),
  },
  {
    kind: 'withdrawal, nobody changed',
    details: false,
    render: (locale) => withdrawalNotice({ locale, exchange, organizerName: 'Olga', participantName: 'Ann', afterDraw: true, changedCount: 0 }),
  },
  {
    kind: 'withdrawal, before the draw',
    details: false,
    render: (locale) => withdrawalNotice({ locale, exchange, organizerName: '', participantName: 'Ann', afterDraw: false, changedCount: 0 }),
  },
  {
    kind: 'registration closed',
    details: false,
    render: (locale) => registrationClosedNotice({ locale, exchange, organizerName: 'Olga', participantCount: 8, adminHint: 'http://127.0.0.1:4318/' }),
  },
  { kind: 'draw done', details: false, render: (locale) => drawDoneNotice({ locale, exchange, organizerName: 'Olga', participantCount: 8, queuedCount: 8 }) },
  {
    kind: 'delivery failures',
    details: false,
    render: (locale) =>
      deliveryFailuresNotice({
        locale,
        exchange,
        organizerName: 'Olga',
        failures: [
          { to: 'ann@beispiel.de', kind: 'match', error: '550 5.1.1' },
          { to: 'bo@beispiel.de', kind: 'magic-link', error: '' },
        ],
      }),
  },
  {
    kind: 'delivery failures, no exchange',
    details: false,
    render: (locale) => deliveryFailuresNotice({ locale, exchange: null, organizerName: 'Olga', failures: [{ to: 'o@beispiel.de', kind: 'test', error: '535' }] }),
  },
  { kind: 'purge warning', details: false, render: (locale) => purgeWarningEmail({ locale, exchange, organizerName: 'Olga', purgeAt: AT, timezone: 'Europe/Berlin' }) },
  {
    kind: 'sign-up digest',
    details: false,
    render: (locale) =>
      signupDigestNotice({
        locale,
        organizerName: 'Olga',
        timezone: 'Europe/Berlin',
        exchanges: [
          {
            name: 'Kringel',
            participantCount: 3,
            signups: [
              { name: 'Ann', at: AT, left: false },
              { name: 'Bo', at: AT, left: true },
            ],
          },
        ],
      }),
  },
  { kind: 'test email', details: false, render: (locale) => testEmail({ locale, organizerName: 'Olga', sentAt: AT, timezone: 'Europe/Berlin' }) },
];

describe.each(['de', 'fr', 'es'] as const)('every email in %s', (locale) => {
  it.each(kinds)('$kind: no English, html lang, the reader’s money and date', ({ render, details }) => {
    const mail = render(locale);
    const found = englishWord(locale).exec(words(mail));
    expect(found?.[0], `English "${found?.[0]}" in: …${found ? words(mail).slice(Math.max(0, found.index - 60), found.index + 60) : ''}…`).toBeUndefined();
    expect(mail.html).toContain(`<html lang="${locale}">`);
    if (details) {
      expect(mail.text).toMatch(MONEY[locale]);
      expect(mail.html).toMatch(MONEY[locale]);
      expect(mail.text).toContain(DATE[locale]);
      expect(mail.html).toContain(DATE[locale]);
    }
  });
});

describe('every email in English', () => {
  it.each(kinds)('$kind: html lang, money and date', ({ render, details }) => {
    const mail = render('en');
    expect(mail.html).toContain('<html lang="en">');
    if (details) {
      expect(mail.text).toMatch(MONEY.en);
      expect(mail.text).toContain(DATE.en);
    }
  });
});

describe('plurals in emails', () => {
  const reminder = (locale: Locale, daysLeft: number) =>
    reminderEmail({ locale, exchange, participantName: 'Ann', receiverName: 'Bo', receiverGiftIdeas: '', daysLeft, link: LINK }).subject;

  it('the reminder says today, tomorrow, or in N days', () => {
    const expected: Record<Locale, string[]> = {
      en: ['today at 18:00', 'tomorrow', 'in 2 days', 'in 5 days'],
      de: ['heute um 18:00 Uhr', 'morgen', 'in 2 Tagen', 'in 5 Tagen'],
      fr: ['aujourd’hui à 18:00', 'demain', 'dans 2 jours', 'dans 5 jours'],
      es: ['hoy a las 18:00', 'mañana', 'dentro de 2 días', 'dentro de 5 días'],
    };
    for (const locale of ['en', 'de', 'fr', 'es'] as const) {
      expect([0, 1, 2, 5].map((n) => reminder(locale, n).replace(/^Kringel 2026\s?: /, ''))).toEqual(
        expected[locale].map(
          (when) =>
            ({
              en: `the gift exchange is ${when}`,
              de: `Die Bescherung ist ${when}`,
              fr: `l’échange de cadeaux a lieu ${when}`,
              es: `el intercambio de regalos es ${when}`,
            })[locale],
        ),
      );
    }
  });

  it('the sign-up digest counts people and sign-ups', () => {
    const digest = (locale: Locale, n: number) =>
      signupDigestNotice({
        locale,
        organizerName: 'Olga',
        timezone: 'Europe/Berlin',
        exchanges: [{ name: 'Kringel', participantCount: n, signups: Array.from({ length: n }, (_, i) => ({ name: `P${i}`, at: AT, left: false })) }],
      });
    const expected: Record<Locale, Array<[string, string]>> = {
      en: [
        ['Kringel: 0 new sign-ups today', 'Kringel (now 0 participants)'],
        ['Kringel: 1 new sign-up today', 'Kringel (now 1 participant)'],
        ['Kringel: 2 new sign-ups today', 'Kringel (now 2 participants)'],
        ['Kringel: 5 new sign-ups today', 'Kringel (now 5 participants)'],
      ],
      de: [
        ['Kringel: 0 neue Anmeldungen heute', 'Kringel (jetzt 0 Personen)'],
        ['Kringel: 1 neue Anmeldung heute', 'Kringel (jetzt 1 Person)'],
        ['Kringel: 2 neue Anmeldungen heute', 'Kringel (jetzt 2 Personen)'],
        ['Kringel: 5 neue Anmeldungen heute', 'Kringel (jetzt 5 Personen)'],
      ],
      fr: [
        ['Kringel : 0 nouvelle inscription aujourd’hui', 'Kringel (désormais 0 participant)'],
        ['Kringel : 1 nouvelle inscription aujourd’hui', 'Kringel (désormais 1 participant)'],
        ['Kringel : 2 nouvelles inscriptions aujourd’hui', 'Kringel (désormais 2 participants)'],
        ['Kringel : 5 nouvelles inscriptions aujourd’hui', 'Kringel (désormais 5 participants)'],
      ],
      es: [
        ['Kringel: 0 inscripciones nuevas hoy', 'Kringel (ahora 0 participantes)'],
        ['Kringel: 1 inscripción nueva hoy', 'Kringel (ahora 1 participante)'],
        ['Kringel: 2 inscripciones nuevas hoy', 'Kringel (ahora 2 participantes)'],
        ['Kringel: 5 inscripciones nuevas hoy', 'Kringel (ahora 5 participantes)'],
      ],
    };
    for (const locale of ['en', 'de', 'fr', 'es'] as const) {
      [0, 1, 2, 5].forEach((n, i) => {
        const mail = digest(locale, n);
        const [subject, line] = expected[locale][i]!;
        expect(mail.subject).toBe(subject);
        expect(mail.text).toContain(line);
      });
    }
  });

  it('sign-in links expire in minutes or hours, counted', () => {
    const expires = (locale: Locale, minutes: number) => magicLinkEmail({ locale, exchange, participantName: 'Ann', link: LINK, expiresInMinutes: minutes }).text;
    expect(expires('en', 1)).toContain('expires in 1 minute.');
    expect(expires('en', 30)).toContain('expires in 30 minutes.');
    expect(expires('en', 60)).toContain('expires in 1 hour.');
    expect(expires('en', 120)).toContain('expires in 2 hours.');
    expect(expires('de', 1)).toContain('läuft in 1 Minute ab');
    expect(expires('de', 300)).toContain('läuft in 5 Stunden ab');
    expect(expires('fr', 1)).toContain('expire dans une minute');
    expect(expires('fr', 120)).toContain('expire dans 2 heures');
    expect(expires('es', 60)).toContain('caduca dentro de 1 hora');
    expect(expires('es', 5)).toContain('caduca dentro de 5 minutos');
  });

  it('organizer notices count participants and emails', () => {
    const closed = (locale: Locale, n: number) => registrationClosedNotice({ locale, exchange, organizerName: 'Olga', participantCount: n }).subject;
    expect([0, 1, 2, 5].map((n) => closed('de', n))).toEqual([
      'Kringel 2026: Anmeldung geschlossen, 0 Personen dabei',
      'Kringel 2026: Anmeldung geschlossen, 1 Person dabei',
      'Kringel 2026: Anmeldung geschlossen, 2 Personen dabei',
      'Kringel 2026: Anmeldung geschlossen, 5 Personen dabei',
    ]);
    expect(closed('en', 1)).toBe('Kringel 2026: registration closed with 1 participant');
    expect(closed('fr', 5)).toBe('Kringel 2026 : inscriptions closes avec 5 participants');
    expect(closed('es', 1)).toBe('Kringel 2026: inscripción cerrada con 1 participante');
    const failed = (locale: Locale, n: number) =>
      deliveryFailuresNotice({ locale, exchange, organizerName: '', failures: Array.from({ length: n }, () => ({ to: 'a@b.de', kind: 'match', error: 'x' })) }).subject;
    expect(failed('de', 1)).toBe('Kringel 2026: 1 E-Mail konnte nicht zugestellt werden');
    expect(failed('de', 2)).toBe('Kringel 2026: 2 E-Mails konnten nicht zugestellt werden');
    expect(failed('es', 1)).toBe('Kringel 2026: no se pudo entregar 1 correo');
    expect(failed('es', 5)).toBe('Kringel 2026: no se pudieron entregar 5 correos');
    expect(santaRevealEmail({ locale: 'fr', exchange, participantName: 'Ann', santaNames: ['Bo', 'Cy'], link: LINK }).text).toContain(
      'Tes Pères Noël secrets étaient:\n  Bo et Cy',
    );
  });
});

describe('the calendar file', () => {
  it('has its title and description in the reader’s language', () => {
    const summary = (locale: Locale) => /SUMMARY:(.*)/.exec(exchangeIcs({ locale, exchange, uid: 'u@sk' }).replace(/\r\n[ \t]/g, ''))?.[1];
    expect(summary('en')).toBe('Secret Santa: Kringel 2026');
    expect(summary('de')).toBe('Wichteln: Kringel 2026');
    expect(summary('fr')).toBe('Père Noël secret : Kringel 2026');
    expect(summary('es')).toBe('Amigo invisible: Kringel 2026');
    const description = exchangeIcs({ locale: 'de', exchange, uid: 'u@sk' }).replace(/\r\n[ \t]/g, '');
    expect(description).toMatch(/DESCRIPTION:.*Budget: 25\s€ pro Geschenk.*Wichtelrunde\\, organisiert mit Sneaky Klaus\./);
  });

  it('is attached to the match email in the giver’s language', () => {
    const mail = matchEmail({ locale: 'es', exchange, giverName: 'Ann', receiverName: 'Bo', receiverGiftIdeas: '', link: LINK, uid: 'u@sk' });
    expect(mail.attachments?.[0]?.content).toContain('SUMMARY:Amigo invisible: Kringel 2026');
  });
});
