/**
 * The seeded random-number generator of the synthetic tape: xoshiro128** 1.0 (Blackman & Vigna,
 * https://prng.di.unimi.it/xoshiro128starstar.c) seeded by splitmix64 (https://prng.di.unimi.it/splitmix64.c).
 * Same seed and stream → the same sequence on every machine (32-bit integer arithmetic only, via Math.imul),
 * which is what makes `generate-tape` byte-reproducible. Not cryptographic.
 */

const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;
const TWO_POW_32 = 4294967296;

/** The splitmix64 output finalizer (a bijection on 64-bit words; maps 0 to 0). */
function mix64(z0: bigint): bigint {
  let z = z0 & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** A splitmix64 generator: each call advances the state by the golden gamma and returns the mixed state. */
export function splitmix64(seed: bigint): () => bigint {
  let x = seed & MASK64;
  return () => {
    x = (x + GOLDEN_GAMMA) & MASK64;
    return mix64(x);
  };
}

export class Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | null = null;

  private constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** A generator from raw xoshiro128** state words (for checks against the reference C code). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Prng {
    return new Prng(s0, s1, s2, s3);
  }

  /**
   * The generator for `seed` (a whole number 0 ≤ seed < 2^64) and an independent `stream` number:
   * splitmix64 started at `seed XOR mix64(stream)` gives two 64-bit words, split low/high into the four state
   * words. Stream 0 is plain splitmix64 seeding. Different streams give unrelated sequences, so each underlying
   * can have its own stream and adding a symbol does not shift the others.
   */
  static fromSeed(seed: number | bigint, stream = 0): Prng {
    const s = typeof seed === 'bigint' ? seed : BigInt(seed);
    if (s < 0n || s > MASK64) throw new RangeError(`seed was ${String(seed)}; expected a whole number 0 ≤ seed < 2^64`);
    const next = splitmix64(s ^ mix64(BigInt(stream)));
    const a = next();
    const b = next();
    return new Prng(Number(a & 0xffffffffn), Number(a >> 32n), Number(b & 0xffffffffn), Number(b >> 32n));
  }

  /** The next 32-bit output, as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** Uniform in [0, 1), 32-bit resolution. */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Uniform whole number in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal variate (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    const spare = this.spareNormal;
    if (spare !== null) {
      this.spareNormal = null;
      return spare;
    }
    let u = this.next();
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Exponential variate with mean 1. */
  exponential(): number {
    return -Math.log(1 - this.next());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
