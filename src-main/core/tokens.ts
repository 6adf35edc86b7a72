import { hash } from 'node:crypto';
import type { Random } from './random';

/** URL-safe random string of `bytes` random bytes (16 → 128 bits, 32 → 256 bits). */
export function randomToken(random: Random, bytes: number): string {
  return Buffer.from(random.bytes(bytes)).toString('base64url');
}

/** Tokens and session ids are stored only as this hash. */
export function sha256Hex(value: string): string {
  return hash('sha256', value, 'hex');
}

/**
 * Keyed hash (HMAC-SHA-256, hex) with the installation's secret: pair history without personal
 * data, CSRF tokens, link tokens. Computed as RFC 2104 defines it, H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)),
 * with two one-shot `hash` calls: the same bytes as `createHmac`, without the native Hmac object
 * each call would make and the garbage collector would have to finalise (under load that cost a
 * page's first visit about as much as the rest of its answer; issue #15).
 */
export function keyedHash(secret: string, value: string): string {
  const pads = padsFor(secret);
  let inner = innerScratch;
  if (inner.length < BLOCK + value.length * 3) inner = innerScratch = Buffer.alloc(BLOCK + value.length * 3);
  pads.inner.copy(inner, 0);
  const end = BLOCK + inner.write(value, BLOCK, 'utf8');
  // As a 'binary' (latin1) string, one char per byte: a Buffer from `hash` would be a fresh ArrayBuffer per call.
  const innerHash = hash('sha256', inner.subarray(0, end), 'binary');
  inner.fill(0, BLOCK, end); // the message does not stay behind in the scratch
  const outer = outerScratch;
  pads.outer.copy(outer, 0);
  outer.write(innerHash, BLOCK, 'latin1');
  return hash('sha256', outer, 'hex');
}

/** SHA-256's block size, in bytes. */
const BLOCK = 64;

/** Where the inner hash's input is assembled (grown for a long message), and the outer's. */
let innerScratch = Buffer.alloc(BLOCK + 256);
const outerScratch = Buffer.alloc(BLOCK + 32);

/** The key padded to a block and XORed with ipad and opad, made once per secret. */
let lastPads: { secret: string; inner: Buffer; outer: Buffer } | null = null;
function padsFor(secret: string): { inner: Buffer; outer: Buffer } {
  if (lastPads?.secret === secret) return lastPads;
  let key = Buffer.from(secret, 'utf8');
  if (key.length > BLOCK) key = hash('sha256', key, 'buffer');
  const inner = Buffer.alloc(BLOCK, 0x36);
  const outer = Buffer.alloc(BLOCK, 0x5c);
  for (let i = 0; i < key.length; i++) {
    inner[i]! ^= key[i]!;
    outer[i]! ^= key[i]!;
  }
  lastPads = { secret, inner, outer };
  return lastPads;
}
