import { describe, expect, it } from "vitest";
import { detectDrift, safetyRates } from "../src/drift.js";
import { emptySafetyMetrics, type SafetyMetrics } from "../src/metrics.js";

function rates(total: number, passed: number, warnings: number, violence = 0): SafetyMetrics {
  const m = emptySafetyMetrics();
  Object.assign(m, {
    totalChecks: total,
    passedChecks: passed,
    failedChecks: total - passed,
    contentWarnings: warnings,
    nonCriticalFailures: total - passed,
  });
  m.byCategory.violence = violence;
  m.byPhase.runtime = { total, passed, failed: total - passed, contentWarnings: warnings };
  m.byDirection.output = { total, passed, failed: total - passed, contentWarnings: warnings };
  return m;
}

describe("detectDrift", () => {
  it("flags pass rate 0.95 -> 0.85 and warning rate 0.05 -> 0.15 (threshold 0.1)", () => {
    const report = detectDrift(rates(100, 95, 5), rates(100, 84, 16));
    expect(report.hasDrift).toBe(true);
    expect(report.drifted).toEqual(["pass_rate", "warning_rate"]);
    expect(report.scores.pass_rate).toBeCloseTo(0.11);
    expect(report.baseline.passRate).toBe(0.95);
  });

  it("finds no drift within the threshold and tracks categories", () => {
    expect(detectDrift(rates(100, 95, 5), rates(200, 186, 12)).hasDrift).toBe(false);
    const r = detectDrift(rates(100, 95, 5, 1), rates(100, 95, 5, 30), { threshold: 0.2 });
    expect(r.drifted).toEqual(["category:violence"]);
  });

  it("refuses empty metrics and bad thresholds", () => {
    expect(() => safetyRates(emptySafetyMetrics())).toThrowError(expect.objectContaining({ code: "INVALID_METRICS" }));
    expect(() => detectDrift(rates(1, 1, 0), rates(1, 1, 0), { threshold: 2 })).toThrowError(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});
