import { describe, expect, it } from 'vitest';
import { checkInboxPage, continuePage, linkInvalidPage, loginPage, rateLimitedPage, requestRefusedPage, serverErrorPage } from '../../../../src-main/http/participant/views';
import { translator } from '../../../../src-main/i18n';

const EN = translator('en');

describe('login and link pages', () => {
  it('keeps the exchange code in a hidden field of the login form', () => {
    const page = loginPage(EN, { csrfToken: 't', exchangeCode: 'code1', exchangeName: 'X' });
    expect(page).toContain('<input type="hidden" name="exchange" value="code1">');
    expect(page).toContain('<label for="email">Your email</label>');
    expect(loginPage(EN, { csrfToken: 't', exchangeCode: null, exchangeName: null })).not.toContain('name="exchange"');
  });

  it('words "check your inbox" the same whatever the outcome, with expiry and spam hints', () => {
    const page = checkInboxPage(EN, { reason: 'login-requested', linkValidMinutes: 30, exchangeName: null, exchangeCode: null });
    expect(page).toContain('If that address is registered');
    expect(page).toContain('expires after 30 minutes');
    expect(page).toContain('spam');
  });

  it('the magic-link landing page only has a Continue button that posts back', () => {
    const page = continuePage(EN, { token: 'abc', csrfToken: 't', exchangeName: null });
    expect(page.match(/<form\b/g)).toHaveLength(1);
    expect(page).toContain('<form method="post" action="/auth/abc"');
    expect(page.match(/<button\b/g)).toHaveLength(1);
    expect(page).not.toMatch(/<input(?![^>]*type="hidden")/);
    expect(page).toContain('open links by themselves');
  });

  it('invalid links offer a fresh one', () => {
    for (const reason of ['expired', 'used', 'unknown'] as const) {
      expect(linkInvalidPage(EN, { reason, exchangeCode: null })).toContain('href="/login"');
    }
  });
});

describe('error pages', () => {
  it('rate limited says when to try again', () => {
    expect(rateLimitedPage(EN, { retryAfterMinutes: 12 })).toContain('Too many attempts — try again in 12 minutes.');
    expect(rateLimitedPage(EN, { retryAfterMinutes: 0.2 })).toContain('try again in 1 minute.');
  });

  it('refused and error pages explain without details', () => {
    expect(requestRefusedPage(EN)).toContain('This form expired — go back, reload the page and try again.');
    expect(serverErrorPage(EN)).not.toMatch(/stack|Error:/);
  });
});
