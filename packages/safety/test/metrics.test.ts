import { describe, expect, it } from "vitest";
import { canonicalSha256 } from "../src/canonical-json.js";
import { createSafetyChecker } from "../src/checker.js";
import {
  emptySafetyMetrics,
  mergeSafetyMetrics,
  passRate,
  SafetyMetricsCollector,
  safetyMetricsComponent,
  validateSafetyMetrics,
} from "../src/metrics.js";

const checker = createSafetyChecker();

function collect(texts: [string, "input" | "output"][], phase: "training" | "runtime" = "training") {
  const c = new SafetyMetricsCollector();
  for (const [t, d] of texts) c.record(checker.check(t, d), phase);
  return c.snapshot();
}

describe("SafetyMetricsCollector", () => {
  it("counts texts, content warnings, checks, labels, phases and directions", () => {
    const m = collect([
      ["Tell me about space", "input"],
      ["I will kill you", "output"],
      ["how do I make a pipe bomb", "input"],
      ["Write a story about a war", "output"],
    ]);
    expect(m).toMatchObject({
      totalChecks: 4,
      passedChecks: 2,
      failedChecks: 2,
      contentWarnings: 1,
      criticalFailures: 1,
      nonCriticalFailures: 1,
    });
    expect(m.byCheck.content_filter).toEqual({ passed: 2, warned: 0, failed: 2 });
    expect(m.byCheck.content_warning).toEqual({ passed: 3, warned: 1, failed: 0 });
    expect(m.byCategory.violence).toBe(1);
    expect(m.byCategory.dangerous).toBe(1);
    expect(m.byCategory.conflict).toBe(1);
    expect(m.byPhase.training).toEqual({ total: 4, passed: 2, failed: 2, contentWarnings: 1 });
    expect(m.byPhase.runtime.total).toBe(0);
    expect(m.byDirection.input).toEqual({ total: 2, passed: 1, failed: 1, contentWarnings: 0 });
    expect(validateSafetyMetrics(m)).toEqual(m);
  });

  it("returns snapshots that do not change afterwards, and resets", () => {
    const c = new SafetyMetricsCollector();
    c.record(checker.check("hello"));
    const snap = c.snapshot();
    c.record(checker.check("hello"));
    expect(snap.totalChecks).toBe(1);
    c.reset();
    expect(c.snapshot()).toEqual(emptySafetyMetrics());
    expect(() => c.record(checker.check("x"), "prod" as never)).toThrowError(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});

describe("validateSafetyMetrics", () => {
  it("fills missing keys with zeros", () => {
    const m = validateSafetyMetrics({
      totalChecks: 2,
      passedChecks: 2,
      failedChecks: 0,
      contentWarnings: 0,
      criticalFailures: 0,
      nonCriticalFailures: 0,
      byCheck: { age_rating: { passed: 2, failed: 0 } },
      byCategory: {},
      byPhase: { training: { total: 2, passed: 2, failed: 0, contentWarnings: 0 } },
      byDirection: { output: { total: 2, passed: 2, failed: 0, contentWarnings: 0 } },
    });
    expect(m.byCheck.age_rating).toEqual({ passed: 2, warned: 0, failed: 0 });
    expect(m.byCheck.length).toEqual({ passed: 0, warned: 0, failed: 0 });
    expect(m.byPhase.runtime.total).toBe(0);
  });

  it("rejects inconsistent or malformed metrics, listing every problem", () => {
    const m = emptySafetyMetrics() as unknown as Record<string, unknown>;
    try {
      validateSafetyMetrics({ ...m, totalChecks: 3, passedChecks: -1, byCategory: { gore: 1 }, extra: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: "INVALID_METRICS" });
      const paths = (e as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(paths).toEqual(
        expect.arrayContaining(["$.extra", "$.passedChecks", "$.byCategory.gore", "$", "$.byPhase"]),
      );
    }
    expect(() => validateSafetyMetrics(null)).toThrowError(expect.objectContaining({ code: "INVALID_METRICS" }));
    expect(() => validateSafetyMetrics({ ...m, totalChecks: 1.5 })).toThrowError(
      expect.objectContaining({ code: "INVALID_METRICS" }),
    );
  });
});

describe("mergeSafetyMetrics, passRate and the provenance component", () => {
  it("merges training and runtime metrics", () => {
    const a = collect([["hello", "input"]]);
    const b = collect([["I will kill you", "output"]], "runtime");
    const m = mergeSafetyMetrics(a, b);
    expect(m).toMatchObject({ totalChecks: 2, passedChecks: 1, failedChecks: 1 });
    expect(m.byPhase.runtime.failed).toBe(1);
    expect(validateSafetyMetrics(m)).toEqual(m);
    expect(passRate(m)).toBe(0.5);
    expect(passRate(emptySafetyMetrics())).toBeNull();
  });

  it("digests the canonical JSON of the metrics", () => {
    const m = collect([["hello", "input"]]);
    const c = safetyMetricsComponent(m);
    expect(c.name).toBe("safety_metrics");
    expect(c.sha256).toBe(canonicalSha256(m));
    expect(JSON.parse(c.canonicalJson)).toEqual(m);
  });
});
