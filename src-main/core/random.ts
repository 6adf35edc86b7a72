import { randomFillSync } from 'node:crypto';

/**
 * The only source of randomness. Production uses the operating system's CSPRNG; tests pass a
 * seeded generator so that draws and tokens are reproducible.
 */
export interface Random {
  /** `n` random bytes. */
  bytes(n: number): Uint8Array;
  /** A uniform integer in [0, max); `max` must be a positive integer ≤ 2^32. */
  int(max: number): number;
}

const POOL_SIZE = 64 * 1024;

/** Requests up to this many bytes are served from the pool (tokens, CSRF ids); larger ones are filled directly. */
const POOLED_MAX = 256;

/**
 * CSPRNG-backed, buffered so that the matching engine's many small draws and the pages' tokens
 * stay cheap (one small `randomFillSync` costs more than the page that needs it). Every pooled
 * byte is handed out once.
 */
export function cryptoRandom(): Random {
  const pool = new Uint8Array(POOL_SIZE);
  let offset = POOL_SIZE;
  const take = (n: number): number => {
    if (offset + n > POOL_SIZE) {
      randomFillSync(pool);
      offset = 0;
    }
    const at = offset;
    offset += n;
    return at;
  };
  const uint32 = (): number => {
    const at = take(4);
    return (pool[at]! | (pool[at + 1]! << 8) | (pool[at + 2]! << 16) | (pool[at + 3]! << 24)) >>> 0;
  };
  return {
    bytes(n) {
      const out = new Uint8Array(n);
      if (n > POOLED_MAX) randomFillSync(out);
      else {
        const at = take(n);
        out.set(pool.subarray(at, at + n));
      }
      return out;
    },
    int: (max) => uniformBelow(uint32, max),
  };
}

/** The generators made by `seededRandom`: work handed to another thread stays reproducible with them. */
const seeded = new WeakSet<Random>();

/** Whether `random` is a deterministic test generator (then a worker thread gets a seed drawn from it). */
export function isSeeded(random: Random): boolean {
  return seeded.has(random);
}

/** Deterministic generator (SplitMix32) for tests and benchmarks. Not for tokens. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const uint32 = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const random: Random = {
    bytes(n) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = uint32() & 0xff;
      return out;
    },
    int: (max) => uniformBelow(uint32, max),
  };
  seeded.add(random);
  return random;
}

/** Rejection sampling: no modulo bias. */
function uniformBelow(uint32: () => number, max: number): number {
  if (!Number.isInteger(max) || max <= 0 || max > 2 ** 32) throw new RangeError(`random int: bad bound ${max}`);
  const limit = 2 ** 32 - (2 ** 32 % max);
  for (;;) {
    const v = uint32();
    if (v < limit) return v % max;
  }
}
