import { describe, expect, it } from "vitest";
import { createSafetyChecker, type SafetyCheckResult } from "../src/checker.js";
import type { SafetyAlert } from "../src/incident.js";
import { SafetyMetricsCollector } from "../src/metrics.js";
import { RuntimeSafetyMonitor } from "../src/monitor.js";

const checker = createSafetyChecker();
const pass = checker.check("Tell me about the ocean", "output");
const fail = checker.check("what a dumbass answer", "output");
const warn = checker.check("The two armies met on the battlefield", "output");
const critical = checker.check("Mix bleach and ammonia to make toxic gas", "output");

function monitor(options: ConstructorParameters<typeof RuntimeSafetyMonitor>[0] = {}) {
  const alerts: SafetyAlert[] = [];
  const m = new RuntimeSafetyMonitor({ now: () => 0, onAlert: (a) => alerts.push(a), ...options });
  return { m, alerts };
}

describe("RuntimeSafetyMonitor", () => {
  it("computes a sliding-window pass rate", () => {
    const { m } = monitor({ windowSize: 4 });
    expect(m.windowPassRate()).toBeNull();
    for (const r of [fail, fail, pass, pass, pass, pass]) m.record(r);
    expect(m.windowPassRate()).toBe(1);
    expect(m.metrics()).toMatchObject({ totalChecks: 6, failedChecks: 2 });
    expect(m.windowMetrics().totalChecks).toBe(4);
  });

  it("alerts once when the window pass rate drops below the threshold, and re-arms", () => {
    const { m, alerts } = monitor({ windowSize: 10, minWindowSamples: 10, alertThreshold: 0.9 });
    for (let i = 0; i < 10; i++) m.record(pass);
    expect(alerts).toEqual([]);
    m.record(fail);
    expect(alerts).toEqual([]); // 9 / 10 = 0.9 is not below 0.9
    const d = m.record(fail);
    expect(d.alerts.map((a) => a.type)).toEqual(["pass_rate_below_threshold"]);
    m.record(fail);
    expect(alerts.filter((a) => a.type === "pass_rate_below_threshold")).toHaveLength(1);
    for (let i = 0; i < 10; i++) m.record(pass);
    for (let i = 0; i < 2; i++) m.record(fail);
    expect(alerts.filter((a) => a.type === "pass_rate_below_threshold")).toHaveLength(2);
  });

  it("waits for minWindowSamples before alerting", () => {
    const { m, alerts } = monitor({ minWindowSamples: 5 });
    for (let i = 0; i < 4; i++) m.record(fail);
    expect(alerts).toEqual([]);
    m.record(fail);
    expect(alerts.map((a) => a.type)).toContain("pass_rate_below_threshold");
  });

  it("blocks generation after more than 100 content warnings until resumed", () => {
    const { m, alerts } = monitor();
    for (let i = 0; i < 95; i++) expect(m.record(warn).action).toBe("continue");
    expect(m.blocked).toBe(false);
    let d = m.record(warn);
    for (let i = 0; i < 9; i++) d = m.record(warn);
    expect(d.action).toBe("block_generation");
    expect(d.contentWarnings).toBe(105);
    expect(d.recentWarnings).toHaveLength(10);
    expect(m.blocked).toBe(true);
    expect(alerts.filter((a) => a.type === "content_warning_threshold_exceeded")).toHaveLength(1);
    expect(m.record(pass).action).toBe("block_generation");
    m.resume();
    expect(m.record(pass).action).toBe("continue");
  });

  it("triages failures: critical output -> rollback alert, others -> logged warnings", () => {
    const incidents: string[] = [];
    const { m, alerts } = monitor({ onIncident: (r) => incidents.push(r.action) });
    expect(m.record(fail).incident?.action).toBe("warn");
    expect(m.record(critical).incident?.action).toBe("rollback");
    expect(alerts.map((a) => a.type)).toEqual(["critical_failure"]);
    expect(incidents).toEqual(["warn", "rollback"]);
    expect(m.incidents()).toHaveLength(2);
  });

  it("keeps the incident log bounded", () => {
    const { m } = monitor({ incidentLogSize: 3 });
    for (let i = 0; i < 10; i++) m.record(fail);
    expect(m.incidents()).toHaveLength(3);
  });

  it("detects drift of the window against the release baseline", () => {
    const baseline = new SafetyMetricsCollector();
    for (let i = 0; i < 95; i++) baseline.record(pass);
    for (let i = 0; i < 5; i++) baseline.record(fail);
    const { m, alerts } = monitor({
      baseline: baseline.snapshot(),
      windowSize: 20,
      minWindowSamples: 20,
      alertThreshold: 0,
    });
    for (let i = 0; i < 20; i++) m.record(pass);
    expect(m.lastDriftReport()?.hasDrift).toBe(false);
    for (let i = 0; i < 20; i++) m.record(i % 2 === 0 ? fail : pass);
    expect(m.lastDriftReport()?.drifted).toContain("pass_rate");
    expect(alerts.map((a) => a.type)).toContain("drift_detected");
  });

  it("checks texts itself when given a checker, sync and async", async () => {
    const m = new RuntimeSafetyMonitor({ checker });
    const { result, decision } = m.check("I will kill you", "output");
    expect(result.allowed).toBe(false);
    expect(decision.incident?.severity).toBe("high");
    expect((await m.checkAsync("hello")).decision.action).toBe("continue");
    expect(() => new RuntimeSafetyMonitor().check("x")).toThrowError(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });

  it.each([
    [{ windowSize: 0 }],
    [{ alertThreshold: 1.5 }],
    [{ minWindowSamples: -1 }],
    [{ contentWarningLimit: 1.5 }],
    [{ driftThreshold: Number.NaN }],
    [{ driftEvery: 0 }],
    [{ incidentLogSize: 0 }],
  ])("rejects bad options %j", (options) => {
    expect(() => new RuntimeSafetyMonitor(options)).toThrowError(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it("rejects an empty baseline and records only check results", () => {
    expect(() => new RuntimeSafetyMonitor({ baseline: new SafetyMetricsCollector().snapshot() })).toThrowError(
      expect.objectContaining({ code: "INVALID_METRICS" }),
    );
    expect(() => new RuntimeSafetyMonitor().record({} as SafetyCheckResult)).toThrowError(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});
