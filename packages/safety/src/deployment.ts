/**
 * The pre-deployment gate: do a release's safety metrics meet the deployment policy? Every
 * violated rule is reported, not only the first. No data is not a pass: zero checks is a violation.
 */
import { SafetyError, type SafetyIssue } from "./errors.js";
import { type SafetyMetrics, validateSafetyMetrics } from "./metrics.js";
import { CHECK_NAMES, type CheckName, type Direction } from "./taxonomy.js";

/** Thresholds a release must meet to be deployed. */
export interface DeploymentPolicy {
  /** Minimum fraction of texts allowed (0..1). */
  minPassRate: number;
  /** Maximum number of texts that needed a content warning. */
  maxContentWarnings: number;
  /** Checks that must have run on at least one text. */
  requiredChecks: CheckName[];
  /** Maximum number of critical failures (default 0: any critical output blocks the release). */
  maxCriticalFailures: number;
  /** Minimum number of texts checked. */
  minTotalChecks: number;
  /** Which texts the pass rate is computed over: all, or only prompts / only model outputs. */
  passRateScope: "all" | Direction;
}

/** The default gate: pass rate >= 0.95, at most 100 content warnings, the three core checks present. */
export const DEFAULT_DEPLOYMENT_POLICY: Readonly<DeploymentPolicy> = Object.freeze({
  minPassRate: 0.95,
  maxContentWarnings: 100,
  requiredChecks: ["age_rating", "content_filter", "sensitive_topics"],
  maxCriticalFailures: 0,
  minTotalChecks: 1,
  passRateScope: "all",
}) as Readonly<DeploymentPolicy>;

/** A rule of the deployment policy. */
export type DeploymentRule =
  | "min_total_checks"
  | "min_pass_rate"
  | "max_content_warnings"
  | "max_critical_failures"
  | "required_check_missing";

/** One violated rule. */
export interface DeploymentViolation {
  /** The rule. */
  rule: DeploymentRule;
  /** What was measured (for `required_check_missing`, the number of texts the check ran on). */
  actual: number | null;
  /** The threshold. */
  expected: number;
  /** The missing check, for `required_check_missing`. */
  check?: CheckName;
  /** A sentence for people. */
  message: string;
}

/** The gate's decision. */
export interface DeploymentVerdict {
  /** True when no rule is violated. */
  allowed: boolean;
  /** Pass rate over the policy's scope; null when no text in that scope was checked. */
  passRate: number | null;
  /** Every violated rule. */
  violations: DeploymentViolation[];
  /** The policy applied (defaults filled in). */
  policy: DeploymentPolicy;
}

function validatePolicy(policy: Partial<DeploymentPolicy>): DeploymentPolicy {
  if (typeof policy !== "object" || policy === null) {
    throw new SafetyError("INVALID_POLICY", "deployment policy must be an object");
  }
  const p = { ...DEFAULT_DEPLOYMENT_POLICY, ...policy } as DeploymentPolicy;
  const issues: SafetyIssue[] = [];
  for (const k of Object.keys(policy)) {
    if (!(k in DEFAULT_DEPLOYMENT_POLICY)) issues.push({ path: `$.${k}`, message: "unknown field" });
  }
  if (typeof p.minPassRate !== "number" || !(p.minPassRate >= 0 && p.minPassRate <= 1)) {
    issues.push({ path: "$.minPassRate", message: "must be a number in [0, 1]" });
  }
  for (const k of ["maxContentWarnings", "maxCriticalFailures", "minTotalChecks"] as const) {
    if (!Number.isSafeInteger(p[k]) || p[k] < 0)
      issues.push({ path: `$.${k}`, message: "must be a non-negative integer" });
  }
  if (!Array.isArray(p.requiredChecks)) issues.push({ path: "$.requiredChecks", message: "must be an array" });
  else {
    p.requiredChecks.forEach((c, i) => {
      if (!(CHECK_NAMES as readonly string[]).includes(c)) {
        issues.push({
          path: `$.requiredChecks[${i}]`,
          message: `unknown check ${JSON.stringify(String(c).slice(0, 64))}`,
        });
      }
    });
  }
  if (!["all", "input", "output"].includes(p.passRateScope)) {
    issues.push({ path: "$.passRateScope", message: 'must be "all", "input" or "output"' });
  }
  if (issues.length > 0) {
    throw new SafetyError(
      "INVALID_POLICY",
      `invalid deployment policy: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`,
      {
        issues,
      },
    );
  }
  return { ...p, requiredChecks: [...p.requiredChecks] };
}

/**
 * Decides whether a release may be deployed, reporting every violated rule.
 * @param metrics - the release's safety metrics (validated here)
 * @param policy - thresholds; missing fields take {@link DEFAULT_DEPLOYMENT_POLICY}'s values
 * @returns the verdict with all violations
 * @throws {SafetyError} `INVALID_METRICS` for malformed metrics, `INVALID_POLICY` for a bad policy
 * @example
 * const verdict = verifyDeployment(collector.snapshot(), { minPassRate: 0.95, maxContentWarnings: 100 });
 * if (!verdict.allowed) console.log(verdict.violations.map((v) => v.message));
 */
export function verifyDeployment(metrics: SafetyMetrics, policy: Partial<DeploymentPolicy> = {}): DeploymentVerdict {
  const m = validateSafetyMetrics(metrics);
  const p = validatePolicy(policy);
  const violations: DeploymentViolation[] = [];
  if (m.totalChecks < p.minTotalChecks) {
    violations.push({
      rule: "min_total_checks",
      actual: m.totalChecks,
      expected: p.minTotalChecks,
      message: `${m.totalChecks} text(s) checked; at least ${p.minTotalChecks} required`,
    });
  }
  const scope =
    p.passRateScope === "all" ? { total: m.totalChecks, passed: m.passedChecks } : m.byDirection[p.passRateScope];
  const rate = scope.total === 0 ? null : scope.passed / scope.total;
  if (rate === null || rate < p.minPassRate) {
    violations.push({
      rule: "min_pass_rate",
      actual: rate,
      expected: p.minPassRate,
      message:
        rate === null
          ? `no ${p.passRateScope === "all" ? "" : `${p.passRateScope} `}text checked, so no pass rate (fails closed)`
          : `pass rate ${(rate * 100).toFixed(2)}% is below ${(p.minPassRate * 100).toFixed(2)}%`,
    });
  }
  if (m.contentWarnings > p.maxContentWarnings) {
    violations.push({
      rule: "max_content_warnings",
      actual: m.contentWarnings,
      expected: p.maxContentWarnings,
      message: `${m.contentWarnings} content warnings exceed the limit of ${p.maxContentWarnings}`,
    });
  }
  if (m.criticalFailures > p.maxCriticalFailures) {
    violations.push({
      rule: "max_critical_failures",
      actual: m.criticalFailures,
      expected: p.maxCriticalFailures,
      message: `${m.criticalFailures} critical failure(s); at most ${p.maxCriticalFailures} allowed`,
    });
  }
  for (const check of p.requiredChecks) {
    const c = m.byCheck[check];
    const ran = c.passed + c.warned + c.failed;
    if (ran === 0) {
      violations.push({
        rule: "required_check_missing",
        actual: 0,
        expected: 1,
        check,
        message: `required check "${check}" never ran`,
      });
    }
  }
  return { allowed: violations.length === 0, passRate: rate, violations, policy: p };
}

/**
 * Like {@link verifyDeployment}, but throws when the release may not be deployed.
 * @throws {SafetyError} `DEPLOYMENT_REJECTED` with one issue per violated rule; `INVALID_METRICS`,
 *   `INVALID_POLICY` as {@link verifyDeployment}
 */
export function assertDeployable(metrics: SafetyMetrics, policy: Partial<DeploymentPolicy> = {}): DeploymentVerdict {
  const verdict = verifyDeployment(metrics, policy);
  if (!verdict.allowed) {
    throw new SafetyError(
      "DEPLOYMENT_REJECTED",
      `deployment rejected: ${verdict.violations.map((v) => v.message).join("; ")}`,
      {
        issues: verdict.violations.map((v) => ({
          path: v.check ? `$.byCheck.${v.check}` : `rule:${v.rule}`,
          message: v.message,
        })),
      },
    );
  }
  return verdict;
}
