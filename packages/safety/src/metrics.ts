/**
 * `SafetyMetrics`: counts of checked texts (passed, failed, with content warnings, critical and
 * non-critical failures), per check, per label, per phase (training vs runtime) and per direction.
 * A plain object, serialisable as the `safety_metrics` provenance component (SHA-256 of RFC 8785
 * canonical JSON). One "check" here is one text evaluated against the whole policy; the outcome of
 * each individual check is counted in `byCheck`.
 */

import { canonicalJson, canonicalSha256 } from "./canonical-json.js";
import type { SafetyCheckResult } from "./checker.js";
import type { SafetyComponent } from "./config.js";
import { SafetyError, type SafetyIssue } from "./errors.js";
import {
  CHECK_NAMES,
  type CheckName,
  type Direction,
  type Phase,
  SAFETY_LABELS,
  type SafetyLabel,
} from "./taxonomy.js";

/** Outcome counts of one individual check. */
export interface CheckCounts {
  /** Texts for which the check passed. */
  passed: number;
  /** Texts for which it passed with a content warning. */
  warned: number;
  /** Texts for which it failed. */
  failed: number;
}

/** Counts over a subset of texts (one phase or one direction). */
export interface SubsetCounts {
  /** Texts checked. */
  total: number;
  /** Texts allowed. */
  passed: number;
  /** Texts blocked. */
  failed: number;
  /** Texts that carried at least one content warning. */
  contentWarnings: number;
}

/** Safety metrics of a model release or a running deployment. */
export interface SafetyMetrics {
  /** Texts checked. */
  totalChecks: number;
  /** Texts allowed. */
  passedChecks: number;
  /** Texts blocked. */
  failedChecks: number;
  /** Texts that carried at least one content warning. */
  contentWarnings: number;
  /** Blocked texts whose most severe failure is `critical`. */
  criticalFailures: number;
  /** Blocked texts whose most severe failure is below `critical`. */
  nonCriticalFailures: number;
  /** Outcomes per individual check. */
  byCheck: Record<CheckName, CheckCounts>;
  /** Texts in which each label was found. */
  byCategory: Record<SafetyLabel, number>;
  /** Counts per phase. */
  byPhase: Record<Phase, SubsetCounts>;
  /** Counts per direction. */
  byDirection: Record<Direction, SubsetCounts>;
}

const PHASES: readonly Phase[] = ["training", "runtime"];
const DIRECTIONS: readonly Direction[] = ["input", "output"];

function emptySubset(): SubsetCounts {
  return { total: 0, passed: 0, failed: 0, contentWarnings: 0 };
}

/** Metrics with every count at zero (every check, label, phase and direction present). */
export function emptySafetyMetrics(): SafetyMetrics {
  const byCheck = {} as Record<CheckName, CheckCounts>;
  for (const c of CHECK_NAMES) byCheck[c] = { passed: 0, warned: 0, failed: 0 };
  const byCategory = {} as Record<SafetyLabel, number>;
  for (const l of SAFETY_LABELS) byCategory[l] = 0;
  return {
    totalChecks: 0,
    passedChecks: 0,
    failedChecks: 0,
    contentWarnings: 0,
    criticalFailures: 0,
    nonCriticalFailures: 0,
    byCheck,
    byCategory,
    byPhase: { training: emptySubset(), runtime: emptySubset() },
    byDirection: { input: emptySubset(), output: emptySubset() },
  };
}

function addToSubset(s: SubsetCounts, allowed: boolean, warned: boolean): void {
  s.total++;
  if (allowed) s.passed++;
  else s.failed++;
  if (warned) s.contentWarnings++;
}

/**
 * Adds one check result to `metrics` in place.
 * @param metrics - the metrics to update
 * @param result - a result from `SafetyChecker.check`
 * @param phase - `training` (pre-deployment evaluation) or `runtime`
 */
export function recordCheckResult(metrics: SafetyMetrics, result: SafetyCheckResult, phase: Phase): void {
  const warned = result.contentWarnings.length > 0;
  metrics.totalChecks++;
  if (result.allowed) metrics.passedChecks++;
  else {
    metrics.failedChecks++;
    if (result.severity === "critical") metrics.criticalFailures++;
    else metrics.nonCriticalFailures++;
  }
  if (warned) metrics.contentWarnings++;
  for (const o of result.outcomes) {
    const counts = metrics.byCheck[o.check];
    if (o.status === "pass") counts.passed++;
    else if (o.status === "warn") counts.warned++;
    else counts.failed++;
  }
  for (const f of result.findings) metrics.byCategory[f.label]++;
  addToSubset(metrics.byPhase[phase], result.allowed, warned);
  addToSubset(metrics.byDirection[result.direction], result.allowed, warned);
}

/**
 * Collects metrics over many check results.
 * @example
 * const collector = new SafetyMetricsCollector();
 * for (const text of outputs) collector.record(checker.check(text, "output"), "training");
 * const metrics = collector.snapshot();
 */
export class SafetyMetricsCollector {
  private metrics: SafetyMetrics = emptySafetyMetrics();

  /**
   * Adds one result.
   * @param result - a result from `SafetyChecker.check`
   * @param phase - where the check ran; default `training`
   * @throws {SafetyError} `INVALID_ARGUMENT` for an unknown phase
   */
  record(result: SafetyCheckResult, phase: Phase = "training"): void {
    if (phase !== "training" && phase !== "runtime") {
      throw new SafetyError("INVALID_ARGUMENT", 'phase must be "training" or "runtime"');
    }
    recordCheckResult(this.metrics, result, phase);
  }

  /** A deep copy of the metrics so far. */
  snapshot(): SafetyMetrics {
    return structuredClone(this.metrics);
  }

  /** Starts again from zero. */
  reset(): void {
    this.metrics = emptySafetyMetrics();
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function count(v: unknown, path: string, issues: SafetyIssue[]): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) {
    issues.push({ path, message: "must be a non-negative integer" });
    return 0;
  }
  return v;
}

function countsRecord<K extends string, T>(
  v: unknown,
  path: string,
  keys: readonly K[],
  read: (value: unknown, path: string) => T,
  empty: () => T,
  issues: SafetyIssue[],
): Record<K, T> {
  const out = {} as Record<K, T>;
  if (!isPlainObject(v)) {
    issues.push({ path, message: "must be an object" });
    for (const k of keys) out[k] = empty();
    return out;
  }
  for (const k of Object.keys(v)) {
    if (!(keys as readonly string[]).includes(k)) issues.push({ path: `${path}.${k}`, message: "unknown key" });
  }
  for (const k of keys) out[k] = k in v ? read(v[k], `${path}.${k}`) : empty();
  return out;
}

function subset(v: unknown, path: string, issues: SafetyIssue[]): SubsetCounts {
  if (!isPlainObject(v)) {
    issues.push({ path, message: "must be an object" });
    return emptySubset();
  }
  const s = {
    total: count(v.total, `${path}.total`, issues),
    passed: count(v.passed, `${path}.passed`, issues),
    failed: count(v.failed, `${path}.failed`, issues),
    contentWarnings: count(v.contentWarnings, `${path}.contentWarnings`, issues),
  };
  if (s.passed + s.failed !== s.total) issues.push({ path, message: "passed + failed must equal total" });
  if (s.contentWarnings > s.total) issues.push({ path, message: "contentWarnings cannot exceed total" });
  return s;
}

const TOP_LEVEL = [
  "totalChecks",
  "passedChecks",
  "failedChecks",
  "contentWarnings",
  "criticalFailures",
  "nonCriticalFailures",
  "byCheck",
  "byCategory",
  "byPhase",
  "byDirection",
];

/**
 * Validates metrics (for example read back from a provenance record) and returns them complete:
 * missing checks, labels, phases and directions are filled with zeros; unknown ones are errors.
 * The counts must add up (passed + failed = total, phases and directions sum to the totals, ...).
 * @param value - candidate metrics
 * @returns validated metrics
 * @throws {SafetyError} `INVALID_METRICS` with every problem in `issues`
 */
export function validateSafetyMetrics(value: unknown): SafetyMetrics {
  const issues: SafetyIssue[] = [];
  if (!isPlainObject(value)) {
    throw new SafetyError("INVALID_METRICS", "safety metrics must be an object", {
      issues: [{ path: "$", message: "must be an object" }],
    });
  }
  for (const k of Object.keys(value))
    if (!TOP_LEVEL.includes(k)) issues.push({ path: `$.${k}`, message: "unknown key" });
  const m: SafetyMetrics = {
    totalChecks: count(value.totalChecks, "$.totalChecks", issues),
    passedChecks: count(value.passedChecks, "$.passedChecks", issues),
    failedChecks: count(value.failedChecks, "$.failedChecks", issues),
    contentWarnings: count(value.contentWarnings, "$.contentWarnings", issues),
    criticalFailures: count(value.criticalFailures, "$.criticalFailures", issues),
    nonCriticalFailures: count(value.nonCriticalFailures, "$.nonCriticalFailures", issues),
    byCheck: countsRecord(
      value.byCheck,
      "$.byCheck",
      CHECK_NAMES,
      (v, p) => {
        if (!isPlainObject(v)) {
          issues.push({ path: p, message: "must be an object" });
          return { passed: 0, warned: 0, failed: 0 };
        }
        const c = {
          passed: count(v.passed, `${p}.passed`, issues),
          warned: count(v.warned ?? 0, `${p}.warned`, issues),
          failed: count(v.failed, `${p}.failed`, issues),
        };
        return c;
      },
      () => ({ passed: 0, warned: 0, failed: 0 }),
      issues,
    ),
    byCategory: countsRecord(
      value.byCategory,
      "$.byCategory",
      SAFETY_LABELS,
      (v, p) => count(v, p, issues),
      () => 0,
      issues,
    ),
    byPhase: countsRecord(value.byPhase, "$.byPhase", PHASES, (v, p) => subset(v, p, issues), emptySubset, issues),
    byDirection: countsRecord(
      value.byDirection,
      "$.byDirection",
      DIRECTIONS,
      (v, p) => subset(v, p, issues),
      emptySubset,
      issues,
    ),
  };
  if (m.passedChecks + m.failedChecks !== m.totalChecks) {
    issues.push({ path: "$", message: "passedChecks + failedChecks must equal totalChecks" });
  }
  if (m.criticalFailures + m.nonCriticalFailures !== m.failedChecks) {
    issues.push({ path: "$", message: "criticalFailures + nonCriticalFailures must equal failedChecks" });
  }
  if (m.contentWarnings > m.totalChecks)
    issues.push({ path: "$.contentWarnings", message: "cannot exceed totalChecks" });
  for (const [name, parts] of [
    ["byPhase", PHASES.map((p) => m.byPhase[p])],
    ["byDirection", DIRECTIONS.map((d) => m.byDirection[d])],
  ] as const) {
    const sum = (key: keyof SubsetCounts) => parts.reduce((acc, s) => acc + s[key], 0);
    if (sum("total") !== m.totalChecks || sum("passed") !== m.passedChecks || sum("failed") !== m.failedChecks) {
      issues.push({ path: `$.${name}`, message: "must add up to totalChecks / passedChecks / failedChecks" });
    }
    if (sum("contentWarnings") !== m.contentWarnings) {
      issues.push({ path: `$.${name}`, message: "contentWarnings must add up to $.contentWarnings" });
    }
  }
  for (const c of CHECK_NAMES) {
    const k = m.byCheck[c];
    if (k.passed + k.warned + k.failed > m.totalChecks) {
      issues.push({ path: `$.byCheck.${c}`, message: "cannot count more outcomes than totalChecks" });
    }
  }
  for (const l of SAFETY_LABELS) {
    if (m.byCategory[l] > m.totalChecks)
      issues.push({ path: `$.byCategory.${l}`, message: "cannot exceed totalChecks" });
  }
  if (issues.length > 0) {
    throw new SafetyError(
      "INVALID_METRICS",
      `invalid safety metrics: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`,
      {
        issues,
      },
    );
  }
  return m;
}

/**
 * Sums two sets of metrics (e.g. training and runtime, or two shards of an evaluation).
 * @throws {SafetyError} `INVALID_METRICS` when either is malformed
 */
export function mergeSafetyMetrics(a: SafetyMetrics, b: SafetyMetrics): SafetyMetrics {
  const x = validateSafetyMetrics(a);
  const y = validateSafetyMetrics(b);
  const out = emptySafetyMetrics();
  for (const k of [
    "totalChecks",
    "passedChecks",
    "failedChecks",
    "contentWarnings",
    "criticalFailures",
    "nonCriticalFailures",
  ] as const) {
    out[k] = x[k] + y[k];
  }
  for (const c of CHECK_NAMES) {
    out.byCheck[c] = {
      passed: x.byCheck[c].passed + y.byCheck[c].passed,
      warned: x.byCheck[c].warned + y.byCheck[c].warned,
      failed: x.byCheck[c].failed + y.byCheck[c].failed,
    };
  }
  for (const l of SAFETY_LABELS) out.byCategory[l] = x.byCategory[l] + y.byCategory[l];
  const add = (s: SubsetCounts, t: SubsetCounts): SubsetCounts => ({
    total: s.total + t.total,
    passed: s.passed + t.passed,
    failed: s.failed + t.failed,
    contentWarnings: s.contentWarnings + t.contentWarnings,
  });
  for (const p of PHASES) out.byPhase[p] = add(x.byPhase[p], y.byPhase[p]);
  for (const d of DIRECTIONS) out.byDirection[d] = add(x.byDirection[d], y.byDirection[d]);
  return out;
}

/**
 * Fraction of texts allowed, or null when no text was checked.
 * @throws {SafetyError} `INVALID_METRICS` when the metrics are malformed
 */
export function passRate(metrics: SafetyMetrics): number | null {
  const m = validateSafetyMetrics(metrics);
  return m.totalChecks === 0 ? null : m.passedChecks / m.totalChecks;
}

/**
 * The `safety_metrics` provenance component of validated metrics.
 * @throws {SafetyError} `INVALID_METRICS` when the metrics are malformed
 * @example safetyMetricsComponent(collector.snapshot()).sha256
 */
export function safetyMetricsComponent(metrics: SafetyMetrics): SafetyComponent {
  const m = validateSafetyMetrics(metrics);
  return { name: "safety_metrics", value: m, canonicalJson: canonicalJson(m), sha256: canonicalSha256(m) };
}
