/**
 * Incident triage: turns a failed check, a monitor alert or a user report into an incident report
 * in the registry's vocabulary (categories and severities of DESIGN.md), with a recommended action:
 * critical -> roll back to the last verified version; anything else -> warn and log.
 */
import type { SafetyCheckResult } from "./checker.js";
import { SafetyError } from "./errors.js";
import {
  type CheckName,
  INCIDENT_CATEGORIES,
  type IncidentCategory,
  type SafetyLabel,
  SEVERITIES,
  type Severity,
  severityRank,
} from "./taxonomy.js";

/** What the monitor alerts on. */
export type SafetyAlertType =
  | "pass_rate_below_threshold"
  | "content_warning_threshold_exceeded"
  | "drift_detected"
  | "critical_failure";

/** An alert raised by the runtime monitor. */
export interface SafetyAlert {
  /** What happened. */
  type: SafetyAlertType;
  /** How severe it is. */
  severity: Severity;
  /** A sentence for people. */
  message: string;
  /** The measured value (pass rate, warning count, largest drift score), when there is one. */
  value?: number;
  /** The threshold crossed, when there is one. */
  threshold?: number;
  /** When, ISO 8601. */
  at: string;
}

/** What to do about an incident. */
export type IncidentAction = "rollback" | "warn";

/** An incident report, ready to file with the registry. */
export interface IncidentReport {
  /** Registry incident category. */
  category: IncidentCategory;
  /** Registry severity. */
  severity: Severity;
  /** `rollback` for critical incidents, `warn` otherwise. */
  action: IncidentAction;
  /** The recommended response in words. */
  recommendedAction: string;
  /** One-line summary. */
  title: string;
  /** Details (check reasons; never the checked text). */
  description: string;
  /** Where it came from. */
  source: "check" | "alert" | "report";
  /** Checks that failed (for `source: "check"`). */
  checks: CheckName[];
  /** Labels involved (for `source: "check"`). */
  labels: SafetyLabel[];
  /** When, ISO 8601. */
  occurredAt: string;
}

/** Something to triage. */
export type IncidentInput =
  | { kind: "check"; result: SafetyCheckResult }
  | { kind: "alert"; alert: SafetyAlert }
  | { kind: "report"; category: IncidentCategory; severity: Severity; description: string };

/** Options of {@link triageIncident}. */
export interface TriageOptions {
  /** Clock, for reproducible reports (default `Date.now`). */
  now?: () => number;
  /** Lowest severity that recommends a rollback (default `critical`). */
  rollbackAt?: Severity;
}

/** Recommended responses. */
export const RECOMMENDED_ACTIONS: Readonly<Record<IncidentAction, string>> = {
  rollback: "Critical safety failure: roll back to the last verified model version and investigate before redeploying.",
  warn: "Non-critical safety failure: monitor and log; review if it recurs.",
};

function categoryOfCheck(check: CheckName, labels: readonly SafetyLabel[]): IncidentCategory {
  switch (check) {
    case "encoding":
    case "length":
    case "classifier":
      return "technical_error";
    case "content_filter":
      if (labels.length > 0 && labels.every((l) => l === "personal_data")) return "privacy_violation";
      return "harmful_content";
    case "age_rating":
    case "content_warning":
      return "harmful_content";
    default:
      return "other";
  }
}

function categoryOfAlert(type: SafetyAlertType): IncidentCategory {
  return type === "pass_rate_below_threshold" || type === "drift_detected" ? "other" : "harmful_content";
}

/**
 * Triages an incident: category, severity, recommended action and a report.
 * A failed model output of `critical` severity recommends a rollback; a failed prompt never does
 * (blocking a harmful prompt is the filter working), it is warned and logged.
 * @param input - a failed check result, a monitor alert, or a user report
 * @param options - clock and rollback threshold
 * @returns the incident report
 * @throws {SafetyError} `INVALID_ARGUMENT` for an allowed result (nothing to triage) or unknown
 *   category / severity
 * @example
 * const report = triageIncident({ kind: "check", result: checker.check(output, "output") });
 * if (report.action === "rollback") rollBack();
 */
export function triageIncident(input: IncidentInput, options: TriageOptions = {}): IncidentReport {
  const now = options.now ?? Date.now;
  const rollbackAt = options.rollbackAt ?? "critical";
  if (!SEVERITIES.includes(rollbackAt)) throw new SafetyError("INVALID_ARGUMENT", "unknown rollbackAt severity");
  const occurredAt = new Date(now()).toISOString();
  const decideAction = (severity: Severity, canRollBack: boolean): IncidentAction =>
    canRollBack && severityRank(severity) >= severityRank(rollbackAt) ? "rollback" : "warn";
  if (typeof input !== "object" || input === null) throw new SafetyError("INVALID_ARGUMENT", "input must be an object");
  if (input.kind === "check") {
    const r = input.result;
    if (r.allowed || r.severity === null)
      throw new SafetyError("INVALID_ARGUMENT", "the result passed: nothing to triage");
    const failed = r.outcomes.filter((o) => o.status === "fail");
    // The most severe failure decides the category; dependent "not evaluated" failures follow it.
    let worst = failed[0]!;
    for (const o of failed) if (severityRank(o.severity!) > severityRank(worst.severity!)) worst = o;
    const labels = [...new Set(failed.flatMap((o) => o.labels ?? []))];
    const action = decideAction(r.severity, r.direction === "output");
    return {
      category: categoryOfCheck(worst.check, worst.labels ?? []),
      severity: r.severity,
      action,
      recommendedAction: RECOMMENDED_ACTIONS[action],
      title: `${r.direction} blocked by ${failed.map((o) => o.check).join(", ")}`,
      description: failed.map((o) => `${o.check}: ${o.reason}`).join("\n"),
      source: "check",
      checks: failed.map((o) => o.check),
      labels,
      occurredAt,
    };
  }
  if (input.kind === "alert") {
    const a = input.alert;
    if (!SEVERITIES.includes(a.severity)) throw new SafetyError("INVALID_ARGUMENT", "unknown alert severity");
    const action = decideAction(a.severity, true);
    return {
      category: categoryOfAlert(a.type),
      severity: a.severity,
      action,
      recommendedAction: RECOMMENDED_ACTIONS[action],
      title: `monitor alert: ${a.type}`,
      description: a.message,
      source: "alert",
      checks: [],
      labels: [],
      occurredAt,
    };
  }
  if (input.kind === "report") {
    if (!INCIDENT_CATEGORIES.includes(input.category))
      throw new SafetyError("INVALID_ARGUMENT", "unknown incident category");
    if (!SEVERITIES.includes(input.severity)) throw new SafetyError("INVALID_ARGUMENT", "unknown severity");
    const action = decideAction(input.severity, true);
    return {
      category: input.category,
      severity: input.severity,
      action,
      recommendedAction: RECOMMENDED_ACTIONS[action],
      title: `reported ${input.category.replace("_", " ")}`,
      description: String(input.description).slice(0, 10_000),
      source: "report",
      checks: [],
      labels: [],
      occurredAt,
    };
  }
  throw new SafetyError("INVALID_ARGUMENT", "input.kind must be check, alert or report");
}
