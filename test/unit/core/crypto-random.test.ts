import { describe, expect, it } from 'vitest';
import { cryptoRandom } from '../../../src-main/core/random';

describe('cryptoRandom', () => {
  it('hands out every pooled byte once: 10 000 tokens (more than one pool) are all different', () => {
    const random = cryptoRandom();
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const bytes = random.bytes(16);
      expect(bytes.length).toBe(16);
      seen.add(Buffer.from(bytes).toString('hex'));
    }
    expect(seen.size).toBe(10_000);
  });

  it('fills large requests whole, and mixes bytes and integers without repeating either', () => {
    const random = cryptoRandom();
    const big = random.bytes(100_000);
    expect(big.length).toBe(100_000);
    // Not left zero: of 100 000 random bytes, far more than a few hundred are non-zero.
    expect(big.filter((b) => b !== 0).length).toBeGreaterThan(90_000);
    const tokens = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      expect(random.int(10)).toBeLessThan(10);
      tokens.add(Buffer.from(random.bytes(32)).toString('hex'));
    }
    expect(tokens.size).toBe(2_000);
  });
});
