import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../../../src-main/core/email';

describe('normaliseEmail', () => {
  it('trims, applies NFKC and lower-cases', () => {
    expect(normaliseEmail('  Ann.Miller@Example.COM ')).toEqual({ ok: true, email: 'ann.miller@example.com' });
    // Fullwidth letters and the fullwidth @ fold to ASCII under NFKC.
    expect(normaliseEmail('ＡＮＮ＠example.com')).toEqual({ ok: true, email: 'ann@example.com' });
  });

  it.each([
    ['', /Enter an email/],
    ['ann', /exactly one @/],
    ['ann@@example.com', /exactly one @/],
    ['a@b@example.com', /exactly one @/],
    ['@example.com', /before the @/],
    ['ann@', /after the @/],
    ['ann@localhost', /after the @/],
    ['ann@exa_mple.com', /after the @/],
    ['ann smith@example.com', /spaces/],
    ['.ann@example.com', /dot/],
    ['ann..b@example.com', /dot/],
    [`${'a'.repeat(250)}@example.com`, /too long/],
  ])('refuses %j with a readable message', (input, message) => {
    const result = normaliseEmail(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('accepts plus addressing and internationalised domains', () => {
    expect(normaliseEmail('ann+santa@example.co.uk').ok).toBe(true);
    expect(normaliseEmail('jürgen@bücher.de').ok).toBe(true);
  });

  it('stays fast on hostile input (no backtracking)', () => {
    const hostile = `${'a.'.repeat(20_000)}@${'b-'.repeat(20_000)}`;
    expect(normaliseEmail(hostile).ok).toBe(false);
  });
});
