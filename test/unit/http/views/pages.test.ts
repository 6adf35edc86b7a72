import { describe, expect, it } from 'vitest';
import { allPages, CSRF } from './fixtures';
import { controlIds, count, forms, h1Text, openingTag } from './inspect';

const EXPECTED_H1: Record<string, string> = {
  invite: 'Family Christmas 2026',
  'invite-errors': 'Family Christmas 2026',
  'invite-status-not-open': 'Registration hasn’t opened yet',
  'invite-status-closed': 'Registration is closed',
  'invite-status-drawn': 'Names have already been drawn',
  'invite-status-full': 'This exchange is full',
  'invite-status-cancelled': 'This exchange was cancelled',
  'invite-status-unknown': 'This invite link doesn’t work',
  'check-inbox': 'Check your inbox',
  login: 'Email me a login link',
  'login-error': 'Email me a login link',
  continue: 'Open your page',
  'link-expired': 'This link has expired',
  'me-waiting': 'Family Christmas 2026',
  'me-matched': 'Family Christmas 2026',
  'me-errors': 'Family Christmas 2026',
  'me-completed': 'Family Christmas 2026',
  'me-cancelled': 'Family Christmas 2026',
  'rate-limited': 'Please try again later',
  'not-found': 'Page not found',
  'server-error': 'Something went wrong',
  'request-refused': 'Request refused',
};

describe.each(allPages())('page $name', ({ name, html }) => {
  it('is a complete English document with viewport, title and stylesheet', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<link rel="stylesheet" href="/assets/participant.css">');
    expect(html).toMatch(/<title>[^<]+ — Sneaky Klaus<\/title>/);
  });

  it('has exactly one h1 with the expected heading', () => {
    expect(count(html, /<h1[\s>]/)).toBe(1);
    expect(h1Text(html)).toBe(EXPECTED_H1[name]);
  });

  it('contains no script and no inline style (CSP: script-src none, style-src self)', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('posts every form with a CSRF field', () => {
    for (const form of forms(html)) {
      expect(openingTag(form)).toMatch(/method="post"/);
      expect(openingTag(form)).toMatch(/action="\/[^"]*"/);
      expect(form).toContain(`<input type="hidden" name="_csrf" value="${CSRF}">`);
    }
    expect(count(html, /<form\b/)).toBe(forms(html).length);
  });

  it('labels every control and keeps ids unique', () => {
    const ids = controlIds(html);
    for (const id of ids) {
      expect(id).not.toBe('(no id)');
      expect(html).toContain(`<label for="${id}">`);
    }
    const allIds = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it('only points aria-describedby at ids on the page', () => {
    for (const m of html.matchAll(/aria-describedby="([^"]+)"/g)) {
      for (const id of (m[1] ?? '').split(' ')) expect(html).toContain(`id="${id}"`);
    }
  });
});

describe('the expected forms per page', () => {
  const byName = new Map(allPages().map((p) => [p.name, p.html]));
  const actions = (name: string): string[] => forms(byName.get(name) ?? '').map((f) => /action="([^"]*)"/.exec(openingTag(f))?.[1] ?? '');

  it('wires the URLs the routes expect', () => {
    expect(actions('invite')).toEqual(['/i/Ab3_invite-Code']);
    expect(actions('login')).toEqual(['/login?exchange=Ab3_invite-Code']);
    expect(actions('continue')).toEqual(['/auth/tok_abc-123']);
    expect(actions('me-waiting')).toEqual(['/me/ideas', '/me/reminders', '/me/language', '/me/withdraw', '/logout']);
    expect(actions('me-matched')).toEqual(['/me/ideas', '/me/reminders', '/me/language', '/me/withdraw', '/logout']);
    expect(actions('me-completed')).toEqual(['/me/language', '/logout']);
    expect(actions('me-cancelled')).toEqual(['/me/language', '/logout']);
    for (const name of ['check-inbox', 'link-expired', 'rate-limited', 'not-found', 'server-error', 'request-refused']) {
      expect(actions(name)).toEqual([]);
    }
  });

  it('offers the login-link page from every invite status page', () => {
    for (const [name, html] of byName) {
      if (!name.startsWith('invite-status-')) continue;
      const expected = name === 'invite-status-unknown' ? 'href="/login"' : 'href="/login?exchange=Ab3_invite-Code"';
      expect(html, name).toContain(expected);
    }
  });

  it('gives the link pages a way to a fresh link', () => {
    expect(byName.get('link-expired')).toContain('href="/login?exchange=Ab3_invite-Code"');
    expect(byName.get('check-inbox')).toContain('expires after 24 hours');
    expect(byName.get('check-inbox')).toContain('spam');
  });
});
