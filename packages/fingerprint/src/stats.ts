/**
 * The statistical verdict of a fingerprint check.
 *
 * Chance model (the null hypothesis): the model was never fingerprinted with this set, and each
 * fingerprint's exact response comes out independently with probability at most `p` (the
 * chance-match probability). The number of matches among `n` fingerprints is then at most
 * Binomial(n, p) in the stochastic order, and the p-value of `k` observed matches is the upper
 * tail P(X >= k), computed exactly (in log space, so tiny values do not underflow to 0 in
 * `log10PValue`). A check is `significant` when that p-value is at most the significance level.
 */
import { FingerprintError } from "./errors.js";

/**
 * Default per-fingerprint chance-match probability: deliberately conservative. A random-word or
 * inverse-nucleus response is far less likely than 1 in 20 to come out of a model that was
 * never trained on it (perinucleus tokens average about 0.014 under the base model itself);
 * lower it when you can justify a smaller value for your strategy.
 */
export const DEFAULT_CHANCE_MATCH_PROBABILITY = 0.05;
/** Default significance level: the verdict says "significant" only below one in a million. */
export const DEFAULT_SIGNIFICANCE_LEVEL = 1e-6;

/** Inputs of {@link assessMatches}. */
export interface MatchAssessmentInput {
  /** Fingerprints tried (errors count as tries without a match). */
  trials: number;
  /** Exact matches seen. */
  matches: number;
  /** Per-fingerprint probability of a match by chance. Default {@link DEFAULT_CHANCE_MATCH_PROBABILITY}. */
  chanceMatchProbability?: number;
  /** Significance level. Default {@link DEFAULT_SIGNIFICANCE_LEVEL}. */
  significanceLevel?: number;
}

/** The verdict: how unlikely the observed matches are for a model that was never fingerprinted. */
export interface MatchVerdict {
  /** Fingerprints tried. */
  trials: number;
  /** Exact matches seen. */
  matches: number;
  /** The chance-match probability assumed. */
  chanceMatchProbability: number;
  /** Matches expected by chance (`trials * chanceMatchProbability`). */
  expectedByChance: number;
  /** P(X >= matches) for X ~ Binomial(trials, chanceMatchProbability); may underflow to 0. */
  pValue: number;
  /** log10 of `pValue`, finite even when `pValue` underflows (`-Infinity` only when impossible by chance). */
  log10PValue: number;
  /** The significance level used. */
  significanceLevel: number;
  /** Whether `pValue <= significanceLevel`. */
  significant: boolean;
}

// Lanczos approximation (g = 7, n = 9), relative error below 1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. @internal */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function logBinomialTerm(n: number, k: number, logP: number, log1mP: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * logP + (n - k) * log1mP;
}

/**
 * The upper binomial tail P(X >= k) for X ~ Binomial(n, p), with its natural logarithm.
 *
 * Summed term by term from the starting term (computed with ln Γ), in whichever direction the
 * terms decrease: upward from `k` when `k` is above the mean, else as 1 - P(X <= k-1) summed
 * downward.
 *
 * @param n - trials, a non-negative integer
 * @param k - successes, an integer (values <= 0 give 1, values > n give 0)
 * @param p - success probability in [0, 1]
 * @returns `{ pValue, logPValue }` (natural log)
 * @throws {FingerprintError} `INVALID_OPTION` for out-of-range arguments
 */
export function binomialUpperTail(n: number, k: number, p: number): { pValue: number; logPValue: number } {
  if (!Number.isInteger(n) || n < 0) throw new FingerprintError("INVALID_OPTION", "n must be a non-negative integer");
  if (!Number.isInteger(k)) throw new FingerprintError("INVALID_OPTION", "k must be an integer");
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw new FingerprintError("INVALID_OPTION", "p must be in [0, 1]");
  if (k <= 0) return { pValue: 1, logPValue: 0 };
  if (k > n || p === 0) return { pValue: 0, logPValue: Number.NEGATIVE_INFINITY };
  if (p === 1) return { pValue: 1, logPValue: 0 };
  const logP = Math.log(p);
  const log1mP = Math.log1p(-p);
  const odds = p / (1 - p);
  if (k >= n * p) {
    // Terms decrease from k upward: sum ratios relative to the first term.
    let term = 1;
    let sum = 1;
    for (let i = k; i < n; i++) {
      term *= ((n - i) / (i + 1)) * odds;
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const logPValue = Math.min(0, logBinomialTerm(n, k, logP, log1mP) + Math.log(sum));
    return { pValue: Math.exp(logPValue), logPValue };
  }
  // k below the mean: P(X >= k) = 1 - P(X <= k - 1); terms decrease from k - 1 downward.
  let term = 1;
  let sum = 1;
  for (let i = k - 1; i > 0; i--) {
    term *= i / (n - i + 1) / odds;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  const lower = Math.exp(logBinomialTerm(n, k - 1, logP, log1mP) + Math.log(sum));
  const pValue = Math.min(1, Math.max(0, 1 - lower));
  return { pValue, logPValue: Math.log(pValue) };
}

/**
 * Turns a match count into a verdict under the chance model described in this module.
 *
 * @param input - trials, matches, chance-match probability and significance level
 * @returns the verdict (p-value, its log10, and whether it is significant)
 * @throws {FingerprintError} `INVALID_OPTION` when counts or probabilities are out of range
 * @example
 * ```ts
 * assessMatches({ trials: 128, matches: 40 }).significant; // true: 40 of 128 is far above 5 %
 * ```
 */
export function assessMatches(input: MatchAssessmentInput): MatchVerdict {
  const { trials, matches } = input;
  const chanceMatchProbability = input.chanceMatchProbability ?? DEFAULT_CHANCE_MATCH_PROBABILITY;
  const significanceLevel = input.significanceLevel ?? DEFAULT_SIGNIFICANCE_LEVEL;
  if (!Number.isInteger(trials) || trials < 0)
    throw new FingerprintError("INVALID_OPTION", "trials must be a non-negative integer");
  if (!Number.isInteger(matches) || matches < 0 || matches > trials) {
    throw new FingerprintError("INVALID_OPTION", "matches must be an integer in [0, trials]");
  }
  if (typeof chanceMatchProbability !== "number" || !(chanceMatchProbability > 0 && chanceMatchProbability < 1)) {
    throw new FingerprintError("INVALID_OPTION", "chanceMatchProbability must be in (0, 1)");
  }
  if (typeof significanceLevel !== "number" || !(significanceLevel > 0 && significanceLevel < 1)) {
    throw new FingerprintError("INVALID_OPTION", "significanceLevel must be in (0, 1)");
  }
  const { pValue, logPValue } = binomialUpperTail(trials, matches, chanceMatchProbability);
  return {
    trials,
    matches,
    chanceMatchProbability,
    expectedByChance: trials * chanceMatchProbability,
    pValue,
    log10PValue: logPValue / Math.LN10,
    significanceLevel,
    significant: matches > 0 && logPValue <= Math.log(significanceLevel),
  };
}
