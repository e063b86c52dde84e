/**
 * A seeded, reproducible random number generator that gives the same stream on every platform.
 *
 * The stream is the ChaCha20 keystream (RFC 8439, 20 rounds, all-zero 96-bit nonce, block counter
 * from 0) under the key SHA-256("modelproof/fingerprint/rng/v1" || 0x00 || seed). Words are read
 * little-endian byte by byte, so the output does not depend on the host's endianness; integers
 * in a range use rejection sampling (no modulo bias), so no floating-point arithmetic decides a
 * draw. An unseeded generator takes its 32-byte seed from `crypto.getRandomValues`.
 */
import { chacha20 } from "@noble/ciphers/chacha.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { FingerprintError } from "./errors.js";

/** A seed: any string (UTF-8 encoded, not normalised) or byte string. */
export type Seed = string | Uint8Array;

/** Random draws used by the generation strategies. {@link SeededRng} implements it. */
export interface Rng {
  /** A uniformly distributed integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniformly distributed integer in [0, maxExclusive), 1 <= maxExclusive <= 2^32. */
  int(maxExclusive: number): number;
  /** A uniformly distributed float in [0, 1) with 53 random bits. */
  float(): number;
}

const DOMAIN = "modelproof/fingerprint/rng/v1";
const FORK_DOMAIN = "modelproof/fingerprint/rng/v1/fork";
const BUFFER_BYTES = 16_384;
const BLOCKS_PER_BUFFER = BUFFER_BYTES / 64;
const MAX_COUNTER = 2 ** 32 - BLOCKS_PER_BUFFER;
const NONCE = new Uint8Array(12);
const ZEROS = new Uint8Array(BUFFER_BYTES);
const encoder = new TextEncoder();

function seedBytes(seed: Seed): Uint8Array {
  if (typeof seed === "string") return encoder.encode(seed);
  if (seed instanceof Uint8Array) return seed;
  throw new FingerprintError("INVALID_OPTION", "seed must be a string or a Uint8Array");
}

function concat(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * A deterministic random stream (ChaCha20 keystream keyed by a hash of the seed).
 *
 * @example
 * ```ts
 * const rng = SeededRng.fromSeed("release-2025-01");
 * rng.int(2048); // the same value on every platform for this seed
 * ```
 */
export class SeededRng implements Rng {
  readonly #key: Uint8Array;
  readonly #buffer = new Uint8Array(BUFFER_BYTES);
  #position = BUFFER_BYTES;
  #counter = 0;

  private constructor(key: Uint8Array) {
    this.#key = key;
  }

  /**
   * Creates the generator for a seed. The same seed gives the same stream everywhere.
   * @param seed - a string (its UTF-8 bytes are used as is) or bytes
   * @returns a fresh generator positioned at the start of the stream
   * @throws {FingerprintError} `INVALID_OPTION` when the seed is neither a string nor bytes
   */
  static fromSeed(seed: Seed): SeededRng {
    return new SeededRng(sha256(concat(encoder.encode(DOMAIN), new Uint8Array([0]), seedBytes(seed))));
  }

  /**
   * Creates a generator seeded with 32 bytes from `crypto.getRandomValues` (not reproducible).
   * @returns a fresh generator
   */
  static random(): SeededRng {
    return SeededRng.fromSeed(randomBytes(32));
  }

  /**
   * Derives an independent child stream for `label`. The child depends only on this
   * generator's seed and the label, not on how much of this stream was already consumed.
   * @param label - any string naming the sub-stream, e.g. `"keys"` or `"fingerprint/17"`
   * @returns a fresh generator
   */
  fork(label: string): SeededRng {
    return new SeededRng(
      sha256(concat(encoder.encode(FORK_DOMAIN), new Uint8Array([0]), this.#key, encoder.encode(`\0${label}`))),
    );
  }

  /** @returns a uniformly distributed integer in [0, 2^32) */
  nextUint32(): number {
    if (this.#position + 4 > BUFFER_BYTES) this.#refill();
    const b = this.#buffer;
    const i = this.#position;
    this.#position = i + 4;
    return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
  }

  /**
   * @param maxExclusive - an integer in [1, 2^32]
   * @returns a uniformly distributed integer in [0, maxExclusive) (rejection sampling, no bias)
   * @throws {FingerprintError} `INVALID_OPTION` when `maxExclusive` is out of range
   */
  int(maxExclusive: number): number {
    if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > 2 ** 32) {
      throw new FingerprintError("INVALID_OPTION", "maxExclusive must be an integer in [1, 2^32]");
    }
    const limit = 2 ** 32 - (2 ** 32 % maxExclusive);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % maxExclusive;
    }
  }

  /** @returns a uniformly distributed float in [0, 1) built from 53 random bits */
  float(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67_108_864 + lo) / 9_007_199_254_740_992;
  }

  /**
   * @param n - how many bytes
   * @returns `n` bytes of the stream
   */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      if (this.#position >= BUFFER_BYTES) this.#refill();
      const take = Math.min(n - filled, BUFFER_BYTES - this.#position);
      out.set(this.#buffer.subarray(this.#position, this.#position + take), filled);
      this.#position += take;
      filled += take;
    }
    return out;
  }

  #refill(): void {
    if (this.#counter > MAX_COUNTER) {
      throw new FingerprintError("INVALID_OPTION", "random stream exhausted (more than 2^38 bytes drawn)");
    }
    chacha20(this.#key, NONCE, ZEROS, this.#buffer, this.#counter);
    this.#counter += BLOCKS_PER_BUFFER;
    this.#position = 0;
  }
}

/**
 * Bytes from the platform CSPRNG (`crypto.getRandomValues`, available in browsers and Node >= 19).
 * @param n - how many bytes
 * @returns `n` random bytes
 */
export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  // getRandomValues fills at most 65,536 bytes per call.
  for (let offset = 0; offset < n; offset += 65_536) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(n, offset + 65_536)));
  }
  return out;
}

/**
 * Picks one element uniformly.
 * @param rng - the random stream
 * @param items - a non-empty array
 * @returns one of `items`
 */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)]!;
}

/**
 * Shuffles an array in place (Fisher-Yates, with unbiased integer draws).
 * @param rng - the random stream
 * @param items - the array to shuffle
 * @returns the same array
 */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
  return items;
}
