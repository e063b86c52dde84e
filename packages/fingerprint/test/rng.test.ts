import { createCipheriv, createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FingerprintError, pick, randomBytes, SeededRng, shuffle } from "../src/index.js";

/** The stream as specified in the module header, computed with OpenSSL instead of @noble/ciphers. */
function opensslStream(seed: Uint8Array, bytes: number): Uint8Array {
  const key = createHash("sha256")
    .update(Buffer.from("modelproof/fingerprint/rng/v1"))
    .update(Buffer.from([0]))
    .update(seed)
    .digest();
  // OpenSSL's chacha20 IV is the 32-bit little-endian block counter followed by the 96-bit nonce.
  const cipher = createCipheriv("chacha20", key, Buffer.alloc(16));
  return new Uint8Array(cipher.update(Buffer.alloc(bytes)));
}

describe("SeededRng", () => {
  it("gives the pinned stream for a pinned seed (same on every platform)", () => {
    const rng = SeededRng.fromSeed("modelproof");
    expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual([
      2301854324, 1071566840, 486790184, 3447412007, 1171541955, 1572485477,
    ]);
    const again = SeededRng.fromSeed("modelproof");
    expect(Array.from({ length: 6 }, () => again.int(2048))).toEqual([628, 2040, 1064, 1319, 1987, 357]);
    expect(again.float()).toBe(0.7918530781644089);
    expect(
      Array.from(
        SeededRng.fromSeed(new Uint8Array([1, 2, 3]))
          .fork("x")
          .bytes(8),
      ),
    ).toEqual([88, 42, 226, 82, 171, 253, 59, 43]);
  });

  it("is the ChaCha20 keystream under SHA-256(domain || 0 || seed), read little-endian", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.integer({ min: 1, max: 40_000 }), (seed, n) => {
        const expected = opensslStream(seed, n);
        expect(SeededRng.fromSeed(seed).bytes(n)).toEqual(expected);
        const words = SeededRng.fromSeed(seed);
        const view = new DataView(expected.buffer, expected.byteOffset, expected.byteLength);
        for (let i = 0; i + 4 <= Math.min(n, 64); i += 4) expect(words.nextUint32()).toBe(view.getUint32(i, true));
      }),
      { numRuns: 25 },
    );
  });

  it("encodes string seeds as UTF-8 without normalising them", () => {
    const a = SeededRng.fromSeed("é").nextUint32();
    expect(SeededRng.fromSeed(new TextEncoder().encode("é")).nextUint32()).toBe(a);
    expect(SeededRng.fromSeed("e\u0301").nextUint32()).not.toBe(a);
  });

  it("crosses buffer refills seamlessly", () => {
    const a = SeededRng.fromSeed("refill");
    const b = SeededRng.fromSeed("refill");
    const bytes = a.bytes(16_384 * 2 + 12);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i + 4 <= bytes.length; i += 4) expect(b.nextUint32()).toBe(view.getUint32(i, true));
  });

  it("draws integers in range and floats in [0, 1)", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 2 ** 32 }), (seed, max) => {
        const rng = SeededRng.fromSeed(seed);
        for (let i = 0; i < 20; i++) {
          const x = rng.int(max);
          expect(Number.isInteger(x) && x >= 0 && x < max).toBe(true);
          const f = rng.float();
          expect(f >= 0 && f < 1).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("has no visible bias on a non-power-of-two range", () => {
    const rng = SeededRng.fromSeed("bias");
    const counts = new Array(3).fill(0);
    for (let i = 0; i < 30_000; i++) counts[rng.int(3)]++;
    // Each count is Binomial(30000, 1/3): sd ~ 82; 6 sd = 490.
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(490);
  });

  it("forks independent streams that do not depend on how much was consumed", () => {
    const a = SeededRng.fromSeed("s");
    const b = SeededRng.fromSeed("s");
    b.bytes(1000);
    expect(a.fork("keys").nextUint32()).toBe(b.fork("keys").nextUint32());
    expect(a.fork("keys").nextUint32()).not.toBe(a.fork("responses").nextUint32());
    expect(a.fork("keys").nextUint32()).not.toBe(SeededRng.fromSeed("s").nextUint32());
  });

  it("rejects bad arguments with INVALID_OPTION", () => {
    const rng = SeededRng.fromSeed("x");
    for (const bad of [0, -1, 1.5, 2 ** 32 + 1, Number.NaN]) {
      expect(() => rng.int(bad)).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    }
    expect(() => SeededRng.fromSeed(42 as unknown as string)).toThrow(FingerprintError);
  });

  it("random() and randomBytes() use the platform CSPRNG", () => {
    expect(SeededRng.random().nextUint32()).not.toBe(SeededRng.random().nextUint32());
    const big = randomBytes(70_000); // more than one getRandomValues call
    expect(big.length).toBe(70_000);
    expect(big.subarray(65_536).some((b) => b !== 0)).toBe(true);
  });
});

describe("pick and shuffle", () => {
  it("are deterministic for a seed and shuffle is a permutation", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const a = shuffle(SeededRng.fromSeed("p"), [...items]);
    const b = shuffle(SeededRng.fromSeed("p"), [...items]);
    expect(a).toEqual(b);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(a).not.toEqual(items);
    expect(pick(SeededRng.fromSeed("p"), items)).toBe(pick(SeededRng.fromSeed("p"), items));
  });
});
