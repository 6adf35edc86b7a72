import type { Random } from '../random';

const FIRST_CHUNK = 16;
const MAX_CHUNK = 4096;
const TWO_32 = 4294967296;

/**
 * Uniform integers from the Random port's bytes, fetched in chunks: the mixing chains draw
 * millions of small integers and one port call per integer dominated their cost. Unbiased
 * (Lemire's multiply-and-reject); bounds above 2^21 go to the port directly.
 */
export class RandomStream implements Random {
  readonly #source: Random;
  #words: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  #next = 0;
  #chunk = FIRST_CHUNK;

  constructor(source: Random) {
    this.#source = source;
  }

  bytes(n: number): Uint8Array {
    return this.#source.bytes(n);
  }

  #word(): number {
    if (this.#next >= this.#words.length) {
      // Chunks grow so that small draws do not pay for bytes they never use.
      const b = this.#source.bytes(this.#chunk * 4);
      const aligned = b.byteOffset % 4 === 0 ? b : b.slice();
      this.#words = new Uint32Array(aligned.buffer, aligned.byteOffset, this.#chunk);
      this.#next = 0;
      this.#chunk = Math.min(MAX_CHUNK, this.#chunk * 2);
    }
    return this.#words[this.#next++]!;
  }

  int(max: number): number {
    if (max > 0x200000) return this.#source.int(max);
    let product = this.#word() * max;
    let low = product % TWO_32;
    if (low < max) {
      const threshold = TWO_32 % max;
      while (low < threshold) {
        product = this.#word() * max;
        low = product % TWO_32;
      }
    }
    return Math.floor(product / TWO_32);
  }
}
