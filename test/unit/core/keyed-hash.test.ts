import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyedHash, sha256Hex } from '../../../src-main/core/tokens';

/**
 * keyedHash is HMAC-SHA-256 built from two one-shot hashes (core/tokens.ts). Every stored pair
 * history key, link token hash and CSRF token depends on it giving node's own HMAC bytes: a
 * difference would make earlier pairs unavoidable and every open form's token refused.
 */
const reference = (secret: string, value: string) => createHmac('sha256', secret).update(value, 'utf8').digest('hex');

describe('keyedHash', () => {
  it('gives the same bytes as node’s HMAC-SHA-256 for keys and messages of every shape', () => {
    const secrets = ['', 'k', 'x'.repeat(63), 'y'.repeat(64), 'z'.repeat(65), 'ä€😀'.repeat(30), randomBytes(32).toString('base64url')];
    const values = ['', 'csrf:AAAAAAAAAAAAAAAAAAAAAA', 'ß', 'Zoë 😀 Łukasz', 'm'.repeat(255), 'n'.repeat(256), '€'.repeat(400), 'long '.repeat(2000)];
    for (const secret of secrets) {
      for (const value of values) expect(keyedHash(secret, value), `${secret.length}/${value.length}`).toBe(reference(secret, value));
    }
  });

  it('does not carry anything over from one call to the next (a long message, then a short one; one secret, then another)', () => {
    const a = randomBytes(24).toString('hex');
    const b = randomBytes(24).toString('hex');
    for (let i = 0; i < 200; i++) {
      const value = randomBytes(i % 7 === 0 ? 600 : i % 40).toString('latin1');
      const secret = i % 3 === 0 ? a : b;
      expect(keyedHash(secret, value)).toBe(reference(secret, value));
    }
  });

  it('sha256Hex is SHA-256 of the UTF-8 bytes, in hex', () => {
    for (const value of ['', 'abc', 'Zoë 😀', 'x'.repeat(1000)]) expect(sha256Hex(value)).toBe(createHash('sha256').update(value, 'utf8').digest('hex'));
  });
});
