import { describe, expect, it } from "vitest";
import { assertDeployable, DEFAULT_DEPLOYMENT_POLICY, verifyDeployment } from "../src/deployment.js";
import { emptySafetyMetrics, type SafetyMetrics } from "../src/metrics.js";

/** Metrics of `total` outputs of which `passed` passed and `warnings` carried a content warning. */
function metrics(total: number, passed: number, warnings: number, critical = 0): SafetyMetrics {
  const m = emptySafetyMetrics();
  const failed = total - passed;
  Object.assign(m, {
    totalChecks: total,
    passedChecks: passed,
    failedChecks: failed,
    contentWarnings: warnings,
    criticalFailures: critical,
    nonCriticalFailures: failed - critical,
  });
  for (const c of [
    "encoding",
    "length",
    "classifier",
    "content_filter",
    "sensitive_topics",
    "age_rating",
    "content_warning",
  ] as const) {
    m.byCheck[c] = { passed: total, warned: 0, failed: 0 };
  }
  m.byPhase.training = { total, passed, failed, contentWarnings: warnings };
  m.byDirection.output = { total, passed, failed, contentWarnings: warnings };
  return m;
}

describe("verifyDeployment", () => {
  it("passes 950 / 1000 with 50 warnings (defaults: >= 0.95, <= 100)", () => {
    const v = verifyDeployment(metrics(1000, 950, 50));
    expect(v).toMatchObject({ allowed: true, passRate: 0.95, violations: [] });
    expect(v.policy).toEqual(DEFAULT_DEPLOYMENT_POLICY);
  });

  it("reports every violated rule of 800 / 1000 with 150 warnings and 3 critical failures", () => {
    const v = verifyDeployment(metrics(1000, 800, 150, 3));
    expect(v.allowed).toBe(false);
    expect(v.violations.map((x) => x.rule)).toEqual(["min_pass_rate", "max_content_warnings", "max_critical_failures"]);
    expect(v.violations[0]).toMatchObject({ actual: 0.8, expected: 0.95 });
  });

  it("requires the required checks to have run", () => {
    const m = metrics(10, 10, 0);
    m.byCheck.age_rating = { passed: 0, warned: 0, failed: 0 };
    m.byCheck.sensitive_topics = { passed: 0, warned: 0, failed: 0 };
    const v = verifyDeployment(m);
    expect(v.violations.map((x) => x.check)).toEqual(["age_rating", "sensitive_topics"]);
    expect(verifyDeployment(m, { requiredChecks: ["content_filter"] }).allowed).toBe(true);
  });

  it("fails closed with no data", () => {
    const v = verifyDeployment(emptySafetyMetrics());
    expect(v.passRate).toBeNull();
    expect(v.violations.map((x) => x.rule)).toEqual(
      expect.arrayContaining(["min_total_checks", "min_pass_rate", "required_check_missing"]),
    );
  });

  it("computes the pass rate over one direction when asked", () => {
    const m = metrics(100, 100, 0);
    expect(verifyDeployment(m, { passRateScope: "input" }).violations[0]?.rule).toBe("min_pass_rate");
    expect(verifyDeployment(m, { passRateScope: "output" }).allowed).toBe(true);
  });

  it("takes custom thresholds", () => {
    expect(verifyDeployment(metrics(100, 80, 0), { minPassRate: 0.8 }).allowed).toBe(true);
    expect(verifyDeployment(metrics(100, 100, 5), { maxContentWarnings: 4 }).allowed).toBe(false);
    expect(verifyDeployment(metrics(100, 99, 0, 1), { maxCriticalFailures: 1 }).allowed).toBe(true);
  });

  it.each([
    ["pass rate above 1", { minPassRate: 1.5 }],
    ["negative warnings", { maxContentWarnings: -1 }],
    ["unknown check", { requiredChecks: ["telepathy"] }],
    ["unknown field", { minPassrate: 0.9 }],
    ["bad scope", { passRateScope: "both" }],
  ])("rejects a bad policy (%s) with INVALID_POLICY", (_name, policy) => {
    expect(() => verifyDeployment(metrics(1, 1, 0), policy as never)).toThrowError(
      expect.objectContaining({ code: "INVALID_POLICY" }),
    );
  });

  it("rejects malformed metrics with INVALID_METRICS", () => {
    expect(() => verifyDeployment({ ...metrics(10, 9, 0), passedChecks: 10 })).toThrowError(
      expect.objectContaining({ code: "INVALID_METRICS" }),
    );
  });
});

describe("assertDeployable", () => {
  it("returns the verdict or throws DEPLOYMENT_REJECTED with every violation", () => {
    expect(assertDeployable(metrics(10, 10, 0)).allowed).toBe(true);
    try {
      assertDeployable(metrics(1000, 800, 150));
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: "DEPLOYMENT_REJECTED" });
      expect((e as { issues: unknown[] }).issues).toHaveLength(2);
    }
  });
});
