import { describe, expect, it } from 'vitest';
import { checkInboxPage, continuePage, invitePage, inviteStatusPage, linkInvalidPage, loginPage, mePage } from '../../../../src-main/http/participant/views';
import { exchange, meModel, NOW } from './fixtures';
import { translator } from '../../../../src-main/i18n';

const EN = translator('en');

const CORPUS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', "' onmouseover='x"];

/** Attribute names of every tag, with the (double-quoted, escaped) values removed. */
function attributeNames(page: string): string[] {
  return [...page.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((m) => [...m[0].replace(/"[^"]*"/g, '""').matchAll(/\s([^\s=>]+)=/g)].map((a) => (a[1] ?? '').toLowerCase()));
}

function hrefs(page: string): string[] {
  return [...page.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1] ?? '');
}

function expectInert(page: string): void {
  expect(page).not.toMatch(/<script/i);
  expect(page).not.toMatch(/<img/i);
  expect(attributeNames(page).filter((name) => name.startsWith('on'))).toEqual([]);
  for (const href of hrefs(page)) expect(href).toMatch(/^(\/|#|https?:\/\/)/);
  for (const m of page.matchAll(/<[a-zA-Z][^>]*>/g)) {
    // Every attribute value is double-quoted, so a payload can never close one early.
    expect(m[0].replace(/"[^"]*"/g, '""')).not.toMatch(/['`]/);
  }
}

function pagesFor(payload: string): [string, string][] {
  const ex = exchange({ name: payload, description: `${payload}\n${payload}`, location: payload, budget: { amount: payload, currency: payload } });
  const stage = { kind: 'matched' as const, receiver: { name: payload, giftIdeas: `${payload}\nhttps://ok.example/?q=${payload}` } };
  const values = { name: payload, email: payload, giftIdeas: payload, reminders: true, locale: 'en' as const };
  const errors = { name: payload, email: payload, giftIdeas: payload };
  return [
    ['invite', invitePage(EN, { code: payload, exchange: ex, csrfToken: payload, now: NOW, values, errors })],
    ['status', inviteStatusPage(EN, { reason: 'closed', exchangeName: payload, code: payload })],
    ['inbox', checkInboxPage(EN, { reason: 'login-requested', linkValidMinutes: 30, exchangeName: payload, exchangeCode: payload })],
    ['login', loginPage(EN, { csrfToken: payload, exchangeCode: payload, exchangeName: payload, values: { email: payload }, errors: { email: payload } })],
    ['continue', continuePage(EN, { token: payload, csrfToken: payload, exchangeName: payload })],
    ['link', linkInvalidPage(EN, { reason: 'used', exchangeCode: payload })],
    [
      'me',
      mePage(
        EN,
        meModel(stage, {
          exchange: ex,
          participant: { name: payload, email: payload, giftIdeas: payload, reminders: false, locale: 'en' as const },
          csrfToken: payload,
          flash: { kind: 'error', message: payload },
          errors: { giftIdeas: payload, withdraw: payload },
          giftIdeasDraft: payload,
        }),
      ),
    ],
    ['me-completed', mePage(EN, meModel({ kind: 'completed', receiver: stage.receiver }, { exchange: ex }))],
  ];
}

describe.each(CORPUS)('payload %s', (payload) => {
  it.each(pagesFor(payload))('is inert on the %s page', (_name, page) => {
    expectInert(page);
  });
});

describe('escaping details', () => {
  it('shows script text escaped, never as markup', () => {
    const page = mePage(EN, meModel({ kind: 'matched', receiver: { name: '<script>alert(1)</script>', giftIdeas: '' } }));
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('never links javascript: or other non-http schemes in gift ideas', () => {
    const ideas = 'javascript:alert(1)\ndata:text/html,x\nJAVASCRIPT:alert(1)//https://x.example\nhttps://fine.example/a.';
    const page = mePage(EN, meModel({ kind: 'matched', receiver: { name: 'Bob', giftIdeas: ideas } }));
    expect(page).toContain('javascript:alert(1)<br>');
    expect(page).not.toMatch(/href="(javascript|data):/i);
    expect(page).toContain('<a href="https://fine.example/a" rel="noopener noreferrer nofollow">https://fine.example/a</a>.');
    // A URL embedded after a javascript: prefix is linked on its own, the prefix stays text.
    expect(page).toContain('JAVASCRIPT:alert(1)//<a href="https://x.example/"');
  });

  it('keeps quotes inside a linked URL from breaking out of the href', () => {
    const page = mePage(EN, meModel({ kind: 'matched', receiver: { name: 'Bob', giftIdeas: "https://x.example/a' onmouseover='x" } }));
    expect(page).toContain('<a href="https://x.example/a" rel="noopener noreferrer nofollow">https://x.example/a</a>&#39; onmouseover=&#39;x');
  });

  it('URL-encodes codes and tokens in form actions and links', () => {
    const page = continuePage(EN, { token: '../me?x=1', csrfToken: 't', exchangeName: null });
    expect(page).toContain('action="/auth/..%2Fme%3Fx%3D1"');
    const status = inviteStatusPage(EN, { reason: 'full', exchangeName: 'X', code: 'a&b c' });
    expect(status).toContain('href="/login?exchange=a%26b%20c"');
  });
});
