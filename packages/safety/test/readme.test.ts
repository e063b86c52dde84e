// The README example, kept runnable.
import { describe, expect, it } from "vitest";
import {
  createSafetyChecker,
  createSafetyConfig,
  RuntimeSafetyMonitor,
  SafetyMetricsCollector,
  safetyConfigComponent,
  safetyMetricsComponent,
  verifyDeployment,
} from "../src/index.js";

describe("README example", () => {
  it("gates, digests and monitors as documented", () => {
    const config = createSafetyConfig({ minAgeRating: "TEEN", maxOutputLength: 1000 });
    const checker = createSafetyChecker({ config });
    const collector = new SafetyMetricsCollector();
    for (const output of ["Photosynthesis makes glucose.", "I will k1ll you"]) {
      collector.record(checker.check(output, "output"), "training");
    }
    const metrics = collector.snapshot();
    const verdict = verifyDeployment(metrics, { minPassRate: 0.95, maxContentWarnings: 100 });
    expect(verdict.allowed).toBe(false);
    expect(verdict.violations.map((v) => v.message)).toEqual(["pass rate 50.00% is below 95.00%"]);
    expect(safetyConfigComponent(config).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(safetyMetricsComponent(metrics).sha256).toMatch(/^[0-9a-f]{64}$/);
    const monitor = new RuntimeSafetyMonitor({ checker, baseline: metrics });
    const { result, decision } = monitor.check("Write a story about a war between two kingdoms", "output");
    expect([result.allowed, result.contentWarnings, decision.action]).toEqual([true, ["conflict"], "continue"]);
  });
});
