import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessMatches, binomialUpperTail, type FingerprintError } from "../src/index.js";

/** P(X >= k), X ~ Binomial(n, a/b), exactly with BigInt rationals. */
function exactTail(n: number, k: number, a: number, b: number): number {
  let total = 0n;
  let c = 1n; // C(n, i)
  for (let i = 0; i <= n; i++) {
    if (i > 0) c = (c * BigInt(n - i + 1)) / BigInt(i);
    if (i >= k) total += c * BigInt(a) ** BigInt(i) * BigInt(b - a) ** BigInt(n - i);
  }
  if (total === 0n) return 0;
  const denominator = BigInt(b) ** BigInt(n);
  // Keep about 25 significant digits whatever the magnitude, then let the parser place the exponent.
  const shift = Math.max(0, denominator.toString().length - total.toString().length + 25);
  const digits = (total * 10n ** BigInt(shift)) / denominator;
  return Number(`${digits}e-${shift}`);
}

describe("binomialUpperTail", () => {
  it("matches exact rational arithmetic (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 130 }),
        fc.integer({ min: 1, max: 99 }),
        (n, k, a) => {
          const expected = exactTail(n, k, a, 100);
          const { pValue } = binomialUpperTail(n, k, a / 100);
          if (expected === 0) expect(pValue).toBe(0);
          else expect(Math.abs(pValue - expected) / expected).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("has the textbook values", () => {
    expect(binomialUpperTail(10, 10, 0.5).pValue).toBeCloseTo(2 ** -10, 15);
    expect(binomialUpperTail(20, 15, 0.5).pValue).toBeCloseTo(21_700 / 1_048_576, 12);
    expect(binomialUpperTail(5, 0, 0.3)).toEqual({ pValue: 1, logPValue: 0 });
    expect(binomialUpperTail(5, 6, 0.3).pValue).toBe(0);
    expect(binomialUpperTail(5, 1, 0).pValue).toBe(0);
    expect(binomialUpperTail(5, 5, 1).pValue).toBe(1);
  });

  it("keeps a finite log when the p-value underflows", () => {
    const { pValue, logPValue } = binomialUpperTail(1000, 1000, 0.05);
    expect(pValue).toBe(0);
    expect(logPValue / Math.LN10).toBeCloseTo(1000 * Math.log10(0.05), 6);
    // Large n: between the Chernoff bound -n*KL(k/n || p) and that bound minus a log factor.
    const n = 1_000_000;
    const q = 0.06;
    const kl = q * Math.log(q / 0.05) + (1 - q) * Math.log((1 - q) / 0.95);
    const big = binomialUpperTail(n, q * n, 0.05);
    expect(big.logPValue).toBeLessThanOrEqual(-n * kl);
    expect(big.logPValue).toBeGreaterThan(-n * kl - 10);
  });

  it("rejects bad arguments", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as FingerprintError).code;
      }
      return undefined;
    };
    expect(code(() => binomialUpperTail(-1, 0, 0.5))).toBe("INVALID_OPTION");
    expect(code(() => binomialUpperTail(3, 1.5, 0.5))).toBe("INVALID_OPTION");
    expect(code(() => binomialUpperTail(3, 1, 1.5))).toBe("INVALID_OPTION");
  });
});

describe("assessMatches", () => {
  it("calls many matches significant and chance-level matches not", () => {
    const strong = assessMatches({ trials: 128, matches: 40 });
    expect(strong.significant).toBe(true);
    expect(strong.expectedByChance).toBeCloseTo(6.4);
    expect(strong.log10PValue).toBeLessThan(-6);
    const chance = assessMatches({ trials: 128, matches: 7 });
    expect(chance.significant).toBe(false);
    expect(chance.pValue).toBeGreaterThan(0.3);
    expect(assessMatches({ trials: 10, matches: 0 }).significant).toBe(false);
    expect(assessMatches({ trials: 0, matches: 0 }).pValue).toBe(1);
  });

  it("honours the chance probability and significance level", () => {
    expect(assessMatches({ trials: 20, matches: 5, chanceMatchProbability: 0.001 }).significant).toBe(true);
    expect(
      assessMatches({ trials: 20, matches: 5, chanceMatchProbability: 0.001, significanceLevel: 1e-12 }).significant,
    ).toBe(false);
  });

  it("rejects inconsistent counts and out-of-range probabilities", () => {
    for (const input of [
      { trials: 3, matches: 4 },
      { trials: -1, matches: 0 },
      { trials: 3, matches: 1, chanceMatchProbability: 0 },
      { trials: 3, matches: 1, significanceLevel: 1 },
    ]) {
      expect(() => assessMatches(input)).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    }
  });
});
