import { describe, expect, it } from 'vitest';
import {
  assignmentChangedEmail,
  deliveryFailuresNotice,
  drawDoneNotice,
  magicLinkEmail,
  matchEmail,
  newRegistrationNotice,
  purgeWarningEmail,
  registrationClosedNotice,
  reminderEmail,
  signupDigestNotice,
  testEmail,
  welcomeEmail,
  withdrawalNotice,
  type ExchangeInfo,
  type RenderedEmail,
} from '../../../src-main/mail/templates';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const LINK = 'http://192.168.1.20:4317/auth/tok3n?a=1&b=2';
const LINK_HTML = 'http://192.168.1.20:4317/auth/tok3n?a=1&amp;b=2';
const CRLF_NAME = 'Eve\r\nBcc: victim@example.com';

function exchange(over: Partial<ExchangeInfo> = {}): ExchangeInfo {
  return {
    name: 'Family Christmas 2026',
    description: 'Bring cookies.\nNo socks this year!',
    exchangeAt: Date.UTC(2026, 11, 19, 17, 0),
    timezone: 'Europe/Berlin',
    location: "Grandma's house",
    budget: { amount: '25', currency: 'EUR' },
    ...over,
  };
}

const evilExchange = exchange({
  name: `Xmas ${SCRIPT}`,
  description: `${SCRIPT}\n${IMG}`,
  location: `${IMG} ${SCRIPT}`,
});

interface Case {
  kind: string;
  render: (ex: ExchangeInfo, name: string, ideas: string) => RenderedEmail;
  link: boolean;
}

const cases: Case[] = [
  { kind: 'magic link', link: true, render: (ex, n) => magicLinkEmail({ locale: 'en', exchange: ex, participantName: n, link: LINK, expiresInMinutes: 30 }) },
  {
    kind: 'welcome',
    link: true,
    render: (ex, n) => welcomeEmail({ locale: 'en', exchange: ex, participantName: n, link: LINK, registrationDeadline: Date.UTC(2026, 11, 1, 12) }),
  },
  {
    kind: 'welcome (an invitation from the organizer)',
    link: true,
    render: (ex, n) => welcomeEmail({ locale: 'en', exchange: ex, participantName: n, link: LINK, registrationDeadline: null, hasGiftIdeas: false, invitedBy: n }),
  },
  {
    kind: 'sign-up digest',
    link: false,
    render: (ex, n) =>
      signupDigestNotice({
        locale: 'en',
        organizerName: n,
        timezone: ex.timezone,
        exchanges: [{ name: ex.name, participantCount: 3, signups: [{ name: n, at: Date.UTC(2026, 10, 1, 10), left: true }] }],
        adminHint: null,
      }),
  },
  {
    kind: 'match',
    link: true,
    render: (ex, n, ideas) => matchEmail({ locale: 'en', exchange: ex, giverName: n, receiverName: n, receiverGiftIdeas: ideas, link: LINK, uid: 'x1-p2@sneaky-klaus' }),
  },
  {
    kind: 'reminder',
    link: true,
    render: (ex, n, ideas) => reminderEmail({ locale: 'en', exchange: ex, participantName: n, receiverName: n, receiverGiftIdeas: ideas, daysLeft: 3, link: LINK }),
  },
  {
    kind: 'assignment changed',
    link: true,
    render: (ex, n, ideas) => assignmentChangedEmail({ locale: 'en', exchange: ex, giverName: n, receiverName: n, receiverGiftIdeas: ideas, link: LINK, uid: 'x1-p2@sk' }),
  },
  {
    kind: 'new registration',
    link: false,
    render: (ex, n) => newRegistrationNotice({ locale: 'en', exchange: ex, organizerName: n, participantName: n, participantCount: 5, adminHint: 'Open the app.' }),
  },
  {
    kind: 'withdrawal',
    link: false,
    render: (ex, n) => withdrawalNotice({ locale: 'en', exchange: ex, organizerName: n, participantName: n, afterDraw: true, changedCount: 1 }),
  },
  { kind: 'registration closed', link: false, render: (ex, n) => registrationClosedNotice({ locale: 'en', exchange: ex, organizerName: n, participantCount: 8 }) },
  { kind: 'draw done', link: false, render: (ex, n) => drawDoneNotice({ locale: 'en', exchange: ex, organizerName: n, participantCount: 8, queuedCount: 8 }) },
  {
    kind: 'delivery failures',
    link: false,
    render: (ex, n, ideas) => deliveryFailuresNotice({ locale: 'en', exchange: ex, organizerName: n, failures: [{ to: `${n}@example.com`, kind: 'match', error: ideas }] }),
  },
  {
    kind: 'purge warning',
    link: false,
    render: (ex, n) => purgeWarningEmail({ locale: 'en', exchange: ex, organizerName: n, purgeAt: Date.UTC(2027, 0, 18, 2), timezone: ex.timezone }),
  },
];

describe.each(cases)('$kind email', ({ render }) => {
  it('has both parts and the exchange name in a one-line subject', () => {
    const mail = render(exchange(), 'Ann', 'A good book');
    expect(mail.subject).toContain('Family Christmas 2026');
    expect(mail.text.length).toBeGreaterThan(50);
    expect(mail.html).toMatch(/^<!DOCTYPE html>/);
    expect(mail.html).toContain('Family Christmas 2026');
    expect(mail.text).toContain('Family Christmas 2026');
  });

  it('escapes hostile names, ideas, description, location and exchange name', () => {
    const mail = render(evilExchange, `${SCRIPT}${IMG}`, `${SCRIPT}\n${IMG}`);
    expect(mail.html).not.toMatch(/<script/i);
    expect(mail.html).not.toMatch(/<img/i);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.subject).toContain(SCRIPT); // a subject is plain text: shown as typed, never rendered
  });

  it('keeps CR/LF in names out of the subject', () => {
    const mail = render(exchange({ name: 'Family\r\nX-Evil: 1\nChristmas' }), CRLF_NAME, 'ideas');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('Family X-Evil: 1 Christmas');
  });
});

describe.each(cases.filter((c) => c.link))('$kind email link', ({ render }) => {
  it('is printed in both parts, escaped in HTML', () => {
    const mail = render(exchange(), 'Ann', '');
    expect(mail.text).toContain(LINK);
    expect(mail.html).toContain(`href="${LINK_HTML}"`);
    expect(mail.html).toContain(`>${LINK_HTML}</a>`);
  });
});

describe('dates and budget', () => {
  it('shows the exchange date in its own zone (Berlin: 17:00Z is 18:00)', () => {
    const mail = matchEmail({ locale: 'en', exchange: exchange(), giverName: 'Ann', receiverName: 'Bob', receiverGiftIdeas: '', link: LINK, uid: 'u@sk' });
    expect(mail.text).toContain('Saturday, 19 December 2026 at 18:00 (Europe/Berlin)');
    expect(mail.html).toContain('Saturday, 19 December 2026 at 18:00 (Europe/Berlin)');
    expect(mail.text).toContain('€25 per gift');
  });

  it('keeps local 18:00 on both sides of a DST change in America/New_York', () => {
    const ex = exchange({ timezone: 'America/New_York', exchangeAt: Date.UTC(2026, 11, 19, 23, 0) });
    const mail = welcomeEmail({ locale: 'en', exchange: ex, participantName: 'Ann', link: LINK, registrationDeadline: Date.UTC(2026, 9, 31, 22, 0) });
    expect(mail.text).toContain('Saturday, 19 December 2026 at 18:00 (America/New_York)'); // EST, UTC-5
    expect(mail.text).toContain('Saturday, 31 October 2026 at 18:00 (America/New_York)'); // EDT, UTC-4
  });

  it('formats decimal budgets and survives an unknown currency', () => {
    const usd = reminderEmail({
      locale: 'en',
      exchange: exchange({ budget: { amount: '25.50', currency: 'USD' } }),
      participantName: 'Ann',
      receiverName: 'Bob',
      receiverGiftIdeas: '',
      daysLeft: 1,
      link: LINK,
    });
    expect(usd.text).toContain('$25.50 per gift');
    expect(usd.subject).toBe('Family Christmas 2026: the gift exchange is tomorrow');
    const odd = matchEmail({
      locale: 'en',
      exchange: exchange({ budget: { amount: '30', currency: 'nope' }, location: '' }),
      giverName: 'Ann',
      receiverName: 'Bob',
      receiverGiftIdeas: '',
      link: LINK,
      uid: 'u@sk',
    });
    expect(odd.text).toContain('30 nope per gift');
    expect(odd.text).not.toContain('Where:');
  });

  it('shows the test email time and the purge date in the given zone', () => {
    const test = testEmail({ locale: 'en', organizerName: 'Olga', sentAt: Date.UTC(2026, 6, 4, 22, 0), timezone: 'America/New_York' });
    expect(test.subject).toBe('Sneaky Klaus: test email');
    expect(test.text).toContain('Saturday, 4 July 2026 at 18:00 (America/New_York)');
    expect(test.html).toMatch(/^<!DOCTYPE html>/);
    const purge = purgeWarningEmail({ locale: 'en', exchange: exchange(), organizerName: 'Olga', purgeAt: Date.UTC(2027, 0, 18, 2), timezone: 'Europe/Berlin' });
    expect(purge.subject).toBe('Family Christmas 2026: data will be deleted on Monday, 18 January 2027');
    expect(purge.text).toContain('Monday, 18 January 2027 at 03:00 (Europe/Berlin)');
  });
});

describe('gift ideas', () => {
  const ideas = 'Socks (wool)\n\nhttps://shop.example/socks?a=1&b=2.\njavascript:alert(1)\nhttps://x.example/"onmouseover="alert(1)';
  const mail = matchEmail({ locale: 'en', exchange: exchange(), giverName: 'Ann', receiverName: 'Bob', receiverGiftIdeas: ideas, link: LINK, uid: 'u@sk' });

  it('keeps line breaks and links only http(s) URLs, escaped', () => {
    expect(mail.html).toContain('Socks (wool)<br>');
    expect(mail.html).toContain('<a href="https://shop.example/socks?a=1&amp;b=2"');
    expect(mail.html).toContain('b=2</a>.<br>');
    expect(mail.html).not.toContain('href="javascript');
    expect(mail.html).toContain('<a href="https://x.example/"');
    expect(mail.html).not.toMatch(/onmouseover="/);
    expect(mail.text).toContain('  https://shop.example/socks?a=1&b=2.');
  });

  it('says so when there are no ideas yet', () => {
    const none = matchEmail({ locale: 'en', exchange: exchange(), giverName: 'Ann', receiverName: 'Bob', receiverGiftIdeas: ' \n ', link: LINK, uid: 'u@sk' });
    expect(none.text).toContain('No ideas yet');
  });
});

describe('match email privacy and calendar', () => {
  const mail = matchEmail({
    locale: 'en',
    exchange: exchange(),
    giverName: 'Ann',
    receiverName: 'Bob Secret',
    receiverGiftIdeas: 'Tea',
    link: LINK,
    uid: 'ex1-p2@sneaky-klaus',
  });
  const ics = mail.attachments?.[0];

  it('names the giftee but not in the inbox preview or the calendar file', () => {
    expect(mail.text).toContain('Bob Secret');
    expect(mail.subject).not.toContain('Bob');
    const preheader = /<div style="display:none[^>]*>([^<]*)<\/div>/.exec(mail.html)?.[1] ?? '';
    expect(preheader).not.toBe('');
    expect(preheader).not.toContain('Bob');
    expect(ics?.content).not.toContain('Bob');
    expect(ics?.content).not.toContain('tok3n');
  });

  it('attaches an .ics for the exchange date', () => {
    expect(ics?.filename).toBe('family-christmas-2026.ics');
    expect(ics?.contentType).toContain('text/calendar');
    expect(ics?.content).toContain('DTSTART:20261219T170000Z');
    expect(ics?.content).toContain('UID:ex1-p2@sneaky-klaus');
  });

  it('renders the same bytes twice (no wall clock inside)', () => {
    const again = matchEmail({
      locale: 'en',
      exchange: exchange(),
      giverName: 'Ann',
      receiverName: 'Bob Secret',
      receiverGiftIdeas: 'Tea',
      link: LINK,
      uid: 'ex1-p2@sneaky-klaus',
    });
    expect(again).toEqual(mail);
  });
});

describe('organizer notices', () => {
  it('reports delivery failures without an exchange, truncating long lists', () => {
    const failures = Array.from({ length: 23 }, (_, i) => ({ to: `p${i}@example.com`, kind: 'reminder', error: '550 No such user' }));
    const mail = deliveryFailuresNotice({ locale: 'en', exchange: null, organizerName: 'Olga', failures });
    expect(mail.subject).toBe('Sneaky Klaus: 23 emails could not be delivered');
    expect(mail.text).toContain('p0@example.com (reminder): 550 No such user');
    expect(mail.text).toContain('and 3 more');
    expect(mail.text).not.toContain('p22@example.com');
  });

  it('turns an admin URL hint into a button', () => {
    const mail = newRegistrationNotice({
      locale: 'en',
      exchange: exchange(),
      organizerName: 'Olga',
      participantName: 'Ann',
      participantCount: 1,
      adminHint: 'http://127.0.0.1:4318/',
    });
    expect(mail.subject).toBe('Family Christmas 2026: Ann signed up');
    expect(mail.text).toContain('1 participant so far');
    expect(mail.html).toContain('href="http://127.0.0.1:4318/"');
  });

  it('explains a withdrawal before the draw and after it', () => {
    const before = withdrawalNotice({ locale: 'en', exchange: exchange(), organizerName: 'Olga', participantName: 'Ann', afterDraw: false, changedCount: 0 });
    expect(before.text).toContain('not been drawn yet');
    const after = withdrawalNotice({ locale: 'en', exchange: exchange(), organizerName: 'Olga', participantName: 'Ann', afterDraw: true, changedCount: 2 });
    expect(after.text).toContain('2 participants got a new giftee');
  });
});

describe('invitations and the sign-up digest (issue 17)', () => {
  it('an invitation names the organizer and asks for gift ideas only of people without any', () => {
    const asked = welcomeEmail({ locale: 'en', exchange: exchange(), participantName: 'Ann', link: LINK, registrationDeadline: null, hasGiftIdeas: false, invitedBy: 'Olga' });
    expect(asked.text).toContain('Olga added you to Family Christmas 2026.');
    expect(asked.text).toContain('add a few gift ideas on your page');
    const given = welcomeEmail({ locale: 'en', exchange: exchange(), participantName: 'Bob', link: LINK, registrationDeadline: null, hasGiftIdeas: true, invitedBy: '' });
    expect(given.text).toContain('The organizer added you to Family Christmas 2026.');
    expect(given.text).not.toMatch(/add a few gift ideas|Thanks for your gift ideas/);
    expect(given.text).toContain('Your gift ideas are already on your page');
    // A registration's welcome is unchanged.
    expect(welcomeEmail({ locale: 'en', exchange: exchange(), participantName: 'Cy', link: LINK, registrationDeadline: null, hasGiftIdeas: true }).text).toContain("You're in for");
  });

  it('the digest lists each exchange with its sign-ups, in the organizer’s zone, and the screens’ address', () => {
    const mail = signupDigestNotice({
      locale: 'en',
      organizerName: 'Olga',
      timezone: 'Europe/Berlin',
      exchanges: [
        { name: 'Family', participantCount: 5, signups: [{ name: 'Ann', at: Date.UTC(2026, 10, 1, 10), left: false }] },
        { name: 'Office', participantCount: 1, signups: [{ name: 'Bob', at: Date.UTC(2026, 10, 1, 17, 59), left: true }] },
      ],
      adminHint: 'http://127.0.0.1:4318/',
    });
    expect(mail.subject).toBe('Sneaky Klaus: 2 new sign-ups today');
    expect(mail.text).toMatch(/Family \(now 5 participants\)\s+- Ann, 1 Nov 2026, 11:00\s+Office \(now 1 participant\)\s+- Bob, 1 Nov 2026, 18:59 \(has left again since\)/);
    expect(mail.text).toContain('http://127.0.0.1:4318/');
  });
});
