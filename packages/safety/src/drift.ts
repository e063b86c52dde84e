/**
 * Drift of safety behaviour: rates derived from two sets of metrics (a baseline, e.g. the release
 * evaluation, and a current window) compared by absolute difference against a threshold.
 */
import { SafetyError } from "./errors.js";
import { type SafetyMetrics, validateSafetyMetrics } from "./metrics.js";
import { SAFETY_LABELS, type SafetyLabel } from "./taxonomy.js";

/** The rates drift is measured on, each in [0, 1]. */
export interface SafetyRates {
  /** Texts allowed / texts checked. */
  passRate: number;
  /** Texts with a content warning / texts checked. */
  warningRate: number;
  /** Critical failures / texts checked. */
  criticalRate: number;
  /** Per label: texts in which it was found / texts checked. */
  categoryRates: Record<SafetyLabel, number>;
}

/** Default drift threshold: an absolute change of 0.1 in any rate. */
export const DEFAULT_DRIFT_THRESHOLD = 0.1;

/** Result of {@link detectDrift}. */
export interface DriftReport {
  /** True when any rate moved by more than the threshold. */
  hasDrift: boolean;
  /** Absolute change per rate: `pass_rate`, `warning_rate`, `critical_rate`, `category:<label>`. */
  scores: Record<string, number>;
  /** The rates that moved by more than the threshold. */
  drifted: string[];
  /** The threshold used. */
  threshold: number;
  /** Baseline rates. */
  baseline: SafetyRates;
  /** Current rates. */
  current: SafetyRates;
}

/**
 * Rates of a set of metrics.
 * @throws {SafetyError} `INVALID_METRICS` when malformed or when no text was checked (no rate)
 */
export function safetyRates(metrics: SafetyMetrics): SafetyRates {
  const m = validateSafetyMetrics(metrics);
  if (m.totalChecks === 0) throw new SafetyError("INVALID_METRICS", "no text checked: rates are undefined");
  const t = m.totalChecks;
  const categoryRates = {} as Record<SafetyLabel, number>;
  for (const l of SAFETY_LABELS) categoryRates[l] = m.byCategory[l] / t;
  return {
    passRate: m.passedChecks / t,
    warningRate: m.contentWarnings / t,
    criticalRate: m.criticalFailures / t,
    categoryRates,
  };
}

/**
 * Compares current metrics with a baseline.
 * @param baseline - reference metrics (e.g. the release's evaluation)
 * @param current - metrics to compare (e.g. the monitor's recent window)
 * @param options - `threshold`: largest tolerated absolute change (default 0.1)
 * @returns scores for every rate and which ones drifted
 * @throws {SafetyError} `INVALID_METRICS` for malformed or empty metrics; `INVALID_ARGUMENT` for a
 *   threshold outside [0, 1]
 * @example detectDrift(releaseMetrics, monitor.windowMetrics()).drifted // ["pass_rate"]
 */
export function detectDrift(
  baseline: SafetyMetrics,
  current: SafetyMetrics,
  options: { threshold?: number } = {},
): DriftReport {
  const threshold = options.threshold ?? DEFAULT_DRIFT_THRESHOLD;
  if (typeof threshold !== "number" || !(threshold >= 0 && threshold <= 1)) {
    throw new SafetyError("INVALID_ARGUMENT", "threshold must be a number in [0, 1]");
  }
  const b = safetyRates(baseline);
  const c = safetyRates(current);
  const scores: Record<string, number> = {
    pass_rate: Math.abs(c.passRate - b.passRate),
    warning_rate: Math.abs(c.warningRate - b.warningRate),
    critical_rate: Math.abs(c.criticalRate - b.criticalRate),
  };
  for (const l of SAFETY_LABELS) scores[`category:${l}`] = Math.abs(c.categoryRates[l] - b.categoryRates[l]);
  const drifted = Object.keys(scores).filter((k) => scores[k]! > threshold);
  return { hasDrift: drifted.length > 0, scores, drifted, threshold, baseline: b, current: c };
}
