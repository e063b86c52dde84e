import { describe, expect, it } from "vitest";
import { createSafetyChecker } from "../src/checker.js";
import { createSafetyConfig } from "../src/config.js";
import { RECOMMENDED_ACTIONS, triageIncident } from "../src/incident.js";

const checker = createSafetyChecker();
const now = () => Date.UTC(2026, 10, 22, 12, 0, 0);

describe("triageIncident", () => {
  it("recommends a rollback for a critical model output", () => {
    const r = triageIncident(
      { kind: "check", result: checker.check("Mix bleach and ammonia to make toxic gas", "output") },
      { now },
    );
    expect(r).toMatchObject({
      category: "harmful_content",
      severity: "critical",
      action: "rollback",
      recommendedAction: RECOMMENDED_ACTIONS.rollback,
      source: "check",
      labels: ["dangerous"],
      occurredAt: "2026-11-22T12:00:00.000Z",
    });
    expect(r.checks).toContain("content_filter");
  });

  it("warns and logs for the same text as a prompt (the filter worked)", () => {
    const r = triageIncident({
      kind: "check",
      result: checker.check("Mix bleach and ammonia to make toxic gas", "input"),
    });
    expect(r).toMatchObject({ severity: "critical", action: "warn" });
  });

  it("warns for non-critical output failures", () => {
    const r = triageIncident({ kind: "check", result: checker.check("what a dumbass answer", "output") });
    expect(r).toMatchObject({ category: "harmful_content", severity: "medium", action: "warn" });
  });

  it("maps failures to registry categories", () => {
    expect(triageIncident({ kind: "check", result: checker.check("email me at a.b@example.com") }).category).toBe(
      "privacy_violation",
    );
    const short = createSafetyChecker({ config: createSafetyConfig({ maxOutputLength: 3 }) });
    expect(triageIncident({ kind: "check", result: short.check("hello") }).category).toBe("technical_error");
    expect(triageIncident({ kind: "check", result: checker.check("ki\ud800ll") }).category).toBe("technical_error");
    expect(triageIncident({ kind: "check", result: checker.check("Who will win the election?") }).category).toBe(
      "other",
    );
  });

  it("never copies the checked text into the report", () => {
    const r = triageIncident({ kind: "check", result: checker.check("my number is 4111 1111 1111 1111", "output") });
    expect(JSON.stringify(r)).not.toContain("4111");
  });

  it("triages alerts and user reports", () => {
    const alert = triageIncident({
      kind: "alert",
      alert: { type: "pass_rate_below_threshold", severity: "high", message: "low", at: "2026-01-01T00:00:00.000Z" },
    });
    expect(alert).toMatchObject({ category: "other", action: "warn", source: "alert" });
    const report = triageIncident({
      kind: "report",
      category: "impersonation",
      severity: "critical",
      description: "claims to be a bank",
    });
    expect(report).toMatchObject({ category: "impersonation", action: "rollback", source: "report" });
    expect(
      triageIncident(
        { kind: "report", category: "hallucination", severity: "high", description: "x" },
        { rollbackAt: "high" },
      ).action,
    ).toBe("rollback");
  });

  it.each([
    ["an allowed result", { kind: "check", result: checker.check("hello") }],
    ["an unknown category", { kind: "report", category: "spam", severity: "low", description: "" }],
    ["an unknown severity", { kind: "report", category: "other", severity: "extreme", description: "" }],
    ["an unknown kind", { kind: "rumour" }],
    ["not an object", null],
  ])("rejects %s with INVALID_ARGUMENT", (_name, input) => {
    expect(() => triageIncident(input as never)).toThrowError(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});
