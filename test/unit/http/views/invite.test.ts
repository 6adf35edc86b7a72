import { describe, expect, it } from 'vitest';
import { invitePage, inviteStatusPage } from '../../../../src-main/http/participant/views';
import { CODE, CSRF, exchange, NOW } from './fixtures';
import { translator } from '../../../../src-main/i18n';

const EN = translator('en');

describe('invite page', () => {
  const page = invitePage(EN, { code: CODE, exchange: exchange(), csrfToken: CSRF, now: NOW });

  it('shows the exchange details with dates in the exchange zone', () => {
    expect(page).toContain('<title>Join — Family Christmas 2026 — Sneaky Klaus</title>');
    expect(page).toContain('Our yearly Secret Santa.<br>Bring the gift wrapped, please!');
    expect(page).toContain('Saturday, 19 December 2026 at 18:00 (Europe/Berlin)');
    expect(page).toContain('Thursday, 10 December 2026 at 23:59 (Europe/Berlin)');
    expect(page).toContain('Grandma’s house, Lindenstraße 4');
    expect(page).toContain('<dd>€25</dd>');
    expect(page).toContain('3 spots left');
    expect(page).toContain('Registration closes in 9 days.');
  });

  it('has the four labelled fields with reminders ticked by default', () => {
    for (const [id, name, label] of [
      ['name', 'name', 'Your name'],
      ['email', 'email', 'Your email'],
      ['gift-ideas', 'giftIdeas', 'Gift ideas'],
      ['reminders', 'reminders', 'Email me reminders before the exchange'],
    ] as const) {
      expect(page).toContain(`<label for="${id}">${label}`);
      expect(page).toMatch(new RegExp(`id="${id}" name="${name}"`));
    }
    expect(page).toMatch(/<textarea id="gift-ideas" name="giftIdeas"/);
    expect(page).toMatch(/id="reminders" name="reminders" value="yes" checked/);
    expect(page).not.toContain('aria-invalid');
  });

  it('hides absent optional facts', () => {
    const bare = invitePage(EN, {
      code: CODE,
      exchange: exchange({ location: null, budget: null, registrationDeadlineAt: null, spotsLeft: null, description: '' }),
      csrfToken: CSRF,
      now: NOW,
    });
    for (const term of ['Where', 'Budget', 'Register by', 'Places']) expect(bare).not.toContain(`<dt>${term}</dt>`);
    expect(bare).not.toContain('Registration closes');
    expect(bare).not.toContain('class="user-text description"');
  });

  it('re-renders with errors next to their fields and the previous values kept', () => {
    const again = invitePage(EN, {
      code: CODE,
      exchange: exchange(),
      csrfToken: CSRF,
      now: NOW,
      values: { name: 'Ann', email: 'ann@', giftIdeas: '\nBooks\nSocks', reminders: false, locale: 'en' },
      errors: { email: 'This doesn’t look like an email address.' },
    });
    expect(again).toContain('value="Ann"');
    expect(again).toContain('value="ann@"');
    expect(again).toContain('rows="5">\n\nBooks\nSocks</textarea>');
    expect(again).toMatch(/id="reminders" name="reminders" value="yes">/);
    expect(again).toMatch(/id="email" [^>]*aria-describedby="email-hint email-error" aria-invalid="true"/);
    expect(again).toContain('<p class="error" id="email-error"><span class="visually-hidden">Error: </span>This doesn’t look like an email address.</p>');
    expect(again).toContain('<a href="#email">This doesn’t look like an email address.</a>');
    expect(again).not.toMatch(/id="name" [^>]*aria-invalid/);
  });

  it('says "1 spot left" and never a negative count', () => {
    const one = invitePage(EN, { code: CODE, exchange: exchange({ spotsLeft: 1 }), csrfToken: CSRF, now: NOW });
    expect(one).toContain('1 spot left');
    const none = invitePage(EN, { code: CODE, exchange: exchange({ spotsLeft: -2 }), csrfToken: CSRF, now: NOW });
    expect(none).toContain('0 spots left');
  });
});

describe('invite status pages', () => {
  it('never names an exchange for an unknown code', () => {
    const page = inviteStatusPage(EN, { reason: 'unknown', exchangeName: 'Secret Name', code: 'abc' });
    expect(page).not.toContain('Secret Name');
    expect(page).not.toContain('abc');
    expect(page).toContain('This invite link doesn’t work');
  });

  it('names the exchange in the title when known', () => {
    const page = inviteStatusPage(EN, { reason: 'full', exchangeName: 'Office 2026', code: 'abc' });
    expect(page).toContain('<title>This exchange is full — Office 2026 — Sneaky Klaus</title>');
  });
});
