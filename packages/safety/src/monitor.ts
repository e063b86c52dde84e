/**
 * The runtime monitor: watches a deployed model's check results. A sliding window of the last N
 * results gives a pass rate, and an alert fires when it drops below a threshold; content warnings
 * past a limit block generation until an operator resumes; drift against the release baseline is
 * measured every N results; each failed check is triaged into an incident report.
 * All state is bounded: a ring buffer of N results, the last N window metrics, a capped incident log.
 */

import type { SafetyChecker, SafetyCheckResult } from "./checker.js";
import { DEFAULT_DRIFT_THRESHOLD, type DriftReport, detectDrift } from "./drift.js";
import { SafetyError } from "./errors.js";
import { type IncidentReport, type SafetyAlert, triageIncident } from "./incident.js";
import { emptySafetyMetrics, recordCheckResult, type SafetyMetrics, validateSafetyMetrics } from "./metrics.js";
import type { Direction, SafetyLabel } from "./taxonomy.js";

/** Options of {@link RuntimeSafetyMonitor}. */
export interface RuntimeMonitorOptions {
  /** Checker used by `check` / `checkAsync` (optional if results are recorded directly). */
  checker?: SafetyChecker;
  /** Results in the sliding window (default 100). */
  windowSize?: number;
  /** Alert when the window pass rate falls below this (default 0.9). */
  alertThreshold?: number;
  /** Results needed in the window before the pass-rate alert can fire (default 20). */
  minWindowSamples?: number;
  /** Block generation once more than this many content warnings were seen (default 100). */
  contentWarningLimit?: number;
  /** Release metrics to measure drift against; no drift detection without it. */
  baseline?: SafetyMetrics;
  /** Drift threshold (default 0.1). */
  driftThreshold?: number;
  /** Measure drift every this many results, over the window (default `windowSize`). */
  driftEvery?: number;
  /** Called for every alert, after the monitor's state is updated. Errors propagate to the caller. */
  onAlert?: (alert: SafetyAlert) => void;
  /** Called for every incident report. Errors propagate to the caller. */
  onIncident?: (report: IncidentReport) => void;
  /** Clock (default `Date.now`). */
  now?: () => number;
  /** Incident reports kept (default 1000; older ones are dropped). */
  incidentLogSize?: number;
}

/** Monitor defaults. */
export const DEFAULT_MONITOR_OPTIONS = Object.freeze({
  windowSize: 100,
  alertThreshold: 0.9,
  minWindowSamples: 20,
  contentWarningLimit: 100,
  driftThreshold: DEFAULT_DRIFT_THRESHOLD,
  incidentLogSize: 1000,
});

/** A content warning seen by the monitor. */
export interface ContentWarningRecord {
  /** The warning topics. */
  labels: SafetyLabel[];
  /** When, ISO 8601. */
  at: string;
}

/** What the monitor says after one result. */
export interface MonitorDecision {
  /** `block_generation` while the content-warning limit is exceeded (and for blocked texts). */
  action: "continue" | "block_generation";
  /** Why, when blocking. */
  reason?: string;
  /** Pass rate over the window; null until the window has a result. */
  windowPassRate: number | null;
  /** Content warnings counted since the start or the last `resume()`. */
  contentWarnings: number;
  /** Alerts raised by this result. */
  alerts: SafetyAlert[];
  /** The incident report, when the result failed. */
  incident?: IncidentReport;
  /** The last 10 content warnings, when generation is blocked. */
  recentWarnings?: ContentWarningRecord[];
}

function positiveInt(v: unknown, name: string): number {
  if (!Number.isSafeInteger(v) || (v as number) < 1)
    throw new SafetyError("INVALID_ARGUMENT", `${name} must be a positive integer`);
  return v as number;
}
function unitInterval(v: unknown, name: string): number {
  if (typeof v !== "number" || !(v >= 0 && v <= 1))
    throw new SafetyError("INVALID_ARGUMENT", `${name} must be in [0, 1]`);
  return v;
}

/**
 * Watches check results in production.
 * @example
 * const monitor = new RuntimeSafetyMonitor({ checker, baseline: releaseMetrics, onAlert: (a) => log(a) });
 * const { result, decision } = monitor.check(modelOutput, "output");
 * if (decision.action === "block_generation" || !result.allowed) return refusal();
 */
export class RuntimeSafetyMonitor {
  private readonly checker: SafetyChecker | undefined;
  private readonly windowSize: number;
  private readonly alertThreshold: number;
  private readonly minWindowSamples: number;
  private readonly contentWarningLimit: number;
  private readonly baseline: SafetyMetrics | undefined;
  private readonly driftThreshold: number;
  private readonly driftEvery: number;
  private readonly onAlert: ((alert: SafetyAlert) => void) | undefined;
  private readonly onIncident: ((report: IncidentReport) => void) | undefined;
  private readonly now: () => number;
  private readonly incidentLogSize: number;

  private readonly ring: (SafetyCheckResult | undefined)[];
  private ringNext = 0;
  private ringCount = 0;
  private ringPassed = 0;
  private lifetime: SafetyMetrics = emptySafetyMetrics();
  private warnings = 0;
  private readonly recentWarnings: ContentWarningRecord[] = [];
  private blockedSince: string | null = null;
  private belowThreshold = false;
  private sinceDrift = 0;
  private lastDrift: DriftReport | null = null;
  private readonly incidentLog: IncidentReport[] = [];

  /**
   * @param options - thresholds, callbacks and the optional checker and baseline
   * @throws {SafetyError} `INVALID_ARGUMENT` for out-of-range options; `INVALID_METRICS` for a
   *   malformed or empty baseline
   */
  constructor(options: RuntimeMonitorOptions = {}) {
    const o = { ...DEFAULT_MONITOR_OPTIONS, ...options };
    this.checker = options.checker;
    this.windowSize = positiveInt(o.windowSize, "windowSize");
    this.alertThreshold = unitInterval(o.alertThreshold, "alertThreshold");
    this.minWindowSamples = positiveInt(o.minWindowSamples, "minWindowSamples");
    if (!Number.isSafeInteger(o.contentWarningLimit) || o.contentWarningLimit < 0) {
      throw new SafetyError("INVALID_ARGUMENT", "contentWarningLimit must be a non-negative integer");
    }
    this.contentWarningLimit = o.contentWarningLimit;
    this.driftThreshold = unitInterval(o.driftThreshold, "driftThreshold");
    this.driftEvery = positiveInt(options.driftEvery ?? this.windowSize, "driftEvery");
    this.incidentLogSize = positiveInt(o.incidentLogSize, "incidentLogSize");
    if (options.baseline !== undefined) {
      const b = validateSafetyMetrics(options.baseline);
      if (b.totalChecks === 0) throw new SafetyError("INVALID_METRICS", "baseline has no checks");
      this.baseline = b;
    }
    this.onAlert = options.onAlert;
    this.onIncident = options.onIncident;
    this.now = options.now ?? Date.now;
    this.ring = new Array(this.windowSize);
  }

  /** Whether generation is blocked (content-warning limit exceeded) until {@link resume}. */
  get blocked(): boolean {
    return this.blockedSince !== null;
  }

  /** Pass rate over the window, or null when it is empty. */
  windowPassRate(): number | null {
    return this.ringCount === 0 ? null : this.ringPassed / this.ringCount;
  }

  /** Metrics over the results currently in the window (runtime phase). */
  windowMetrics(): SafetyMetrics {
    const m = emptySafetyMetrics();
    for (const r of this.ring) if (r !== undefined) recordCheckResult(m, r, "runtime");
    return m;
  }

  /** Metrics over every result recorded (runtime phase). */
  metrics(): SafetyMetrics {
    return structuredClone(this.lifetime);
  }

  /** The most recent drift report, if drift detection has run. */
  lastDriftReport(): DriftReport | null {
    return this.lastDrift;
  }

  /** Incident reports so far (at most `incidentLogSize`, oldest first). */
  incidents(): IncidentReport[] {
    return [...this.incidentLog];
  }

  /** Lifts the content-warning block and restarts the warning count (an operator's decision). */
  resume(): void {
    this.blockedSince = null;
    this.warnings = 0;
    this.recentWarnings.length = 0;
  }

  /**
   * Checks a text with the monitor's checker and records the result.
   * @throws {SafetyError} `INVALID_ARGUMENT` when the monitor has no checker; as `SafetyChecker.check`
   */
  check(text: string, direction: Direction = "output"): { result: SafetyCheckResult; decision: MonitorDecision } {
    if (this.checker === undefined) throw new SafetyError("INVALID_ARGUMENT", "this monitor has no checker");
    const result = this.checker.check(text, direction);
    return { result, decision: this.record(result) };
  }

  /**
   * Like {@link check} with an asynchronous classifier.
   * @throws {SafetyError} `INVALID_ARGUMENT` when the monitor has no checker
   */
  async checkAsync(
    text: string,
    direction: Direction = "output",
  ): Promise<{ result: SafetyCheckResult; decision: MonitorDecision }> {
    if (this.checker === undefined) throw new SafetyError("INVALID_ARGUMENT", "this monitor has no checker");
    const result = await this.checker.checkAsync(text, direction);
    return { result, decision: this.record(result) };
  }

  /**
   * Records one check result: updates the window and counts, raises alerts, triages failures.
   * @param result - a result from a `SafetyChecker`
   * @returns whether generation may continue, with any alerts and incident
   * @throws {SafetyError} `INVALID_ARGUMENT` for something that is not a check result
   */
  record(result: SafetyCheckResult): MonitorDecision {
    if (
      typeof result !== "object" ||
      result === null ||
      typeof result.allowed !== "boolean" ||
      !Array.isArray(result.outcomes)
    ) {
      throw new SafetyError("INVALID_ARGUMENT", "record() takes a SafetyCheckResult");
    }
    const at = new Date(this.now()).toISOString();
    const alerts: SafetyAlert[] = [];
    // sliding window
    const evicted = this.ring[this.ringNext];
    if (evicted !== undefined) {
      this.ringCount--;
      if (evicted.allowed) this.ringPassed--;
    }
    this.ring[this.ringNext] = result;
    this.ringNext = (this.ringNext + 1) % this.windowSize;
    this.ringCount++;
    if (result.allowed) this.ringPassed++;
    recordCheckResult(this.lifetime, result, "runtime");

    const rate = this.ringPassed / this.ringCount;
    if (this.ringCount >= this.minWindowSamples && rate < this.alertThreshold) {
      // Edge-triggered: one alert per crossing, re-armed when the rate recovers.
      if (!this.belowThreshold) {
        this.belowThreshold = true;
        alerts.push({
          type: "pass_rate_below_threshold",
          severity: "high",
          message: `window pass rate ${(rate * 100).toFixed(1)}% is below ${(this.alertThreshold * 100).toFixed(1)}%`,
          value: rate,
          threshold: this.alertThreshold,
          at,
        });
      }
    } else if (rate >= this.alertThreshold) {
      this.belowThreshold = false;
    }

    if (result.contentWarnings.length > 0) {
      this.warnings++;
      this.recentWarnings.push({ labels: [...result.contentWarnings], at });
      if (this.recentWarnings.length > 10) this.recentWarnings.shift();
      if (this.warnings > this.contentWarningLimit && this.blockedSince === null) {
        this.blockedSince = at;
        alerts.push({
          type: "content_warning_threshold_exceeded",
          severity: "high",
          message: `${this.warnings} content warnings exceed the limit of ${this.contentWarningLimit}: generation blocked`,
          value: this.warnings,
          threshold: this.contentWarningLimit,
          at,
        });
      }
    }

    let incident: IncidentReport | undefined;
    if (!result.allowed && result.severity !== null) {
      incident = triageIncident({ kind: "check", result }, { now: this.now });
      this.incidentLog.push(incident);
      if (this.incidentLog.length > this.incidentLogSize) this.incidentLog.shift();
      if (incident.action === "rollback") {
        alerts.push({
          type: "critical_failure",
          severity: "critical",
          message: `critical ${result.direction} failure (${result.failedChecks.join(", ")}): rollback recommended`,
          at,
        });
      }
    }

    if (this.baseline !== undefined) {
      this.sinceDrift++;
      if (this.sinceDrift >= this.driftEvery && this.ringCount >= this.minWindowSamples) {
        this.sinceDrift = 0;
        const report = detectDrift(this.baseline, this.windowMetrics(), { threshold: this.driftThreshold });
        this.lastDrift = report;
        if (report.hasDrift) {
          const worst = Math.max(...report.drifted.map((k) => report.scores[k]!));
          alerts.push({
            type: "drift_detected",
            severity: "medium",
            message: `safety metrics drifted from the baseline: ${report.drifted.join(", ")}`,
            value: worst,
            threshold: this.driftThreshold,
            at,
          });
        }
      }
    }

    const decision: MonitorDecision = {
      action: this.blockedSince !== null ? "block_generation" : "continue",
      windowPassRate: rate,
      contentWarnings: this.warnings,
      alerts,
    };
    if (this.blockedSince !== null) {
      decision.reason = `content warning limit of ${this.contentWarningLimit} exceeded since ${this.blockedSince}`;
      decision.recentWarnings = this.recentWarnings.map((w) => ({ labels: [...w.labels], at: w.at }));
    }
    if (incident !== undefined) decision.incident = incident;
    if (this.onIncident !== undefined && incident !== undefined) this.onIncident(incident);
    if (this.onAlert !== undefined) for (const a of alerts) this.onAlert(a);
    return decision;
  }
}
