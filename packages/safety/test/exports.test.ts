import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

describe("public API", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "AGE_RATINGS",
        "CATEGORY_SEVERITY",
        "CHECK_NAMES",
        "CONTENT_CATEGORIES",
        "DEFAULT_DEPLOYMENT_POLICY",
        "DEFAULT_DRIFT_THRESHOLD",
        "DEFAULT_LABEL_RATINGS",
        "DEFAULT_LEXICON",
        "DEFAULT_MAX_SCAN_LENGTH",
        "DEFAULT_MONITOR_OPTIONS",
        "DEFAULT_SAFETY_CONFIG",
        "INCIDENT_CATEGORIES",
        "MAX_CANONICAL_DEPTH",
        "MAX_CONFIG_LENGTH",
        "MAX_FINDINGS",
        "MAX_LEXICON_WINDOW",
        "RECOMMENDED_ACTIONS",
        "RuntimeSafetyMonitor",
        "SAFETY_CONFIG_SCHEMA",
        "SAFETY_LABELS",
        "SENSITIVE_TOPICS",
        "SEVERITIES",
        "SafetyError",
        "SafetyMetricsCollector",
        "WARNING_TOPICS",
        "assertDeployable",
        "canonicalJson",
        "canonicalSha256",
        "createLexiconClassifier",
        "createSafetyChecker",
        "createSafetyConfig",
        "detectDrift",
        "emptySafetyMetrics",
        "evaluateChecker",
        "isContentCategory",
        "isSafetyLabel",
        "isSensitiveTopic",
        "isWarningTopic",
        "mergeSafetyMetrics",
        "normalizeText",
        "passRate",
        "ratingRank",
        "recordCheckResult",
        "safetyConfigComponent",
        "safetyConfigDigest",
        "safetyMetricsComponent",
        "safetyRates",
        "severityRank",
        "triageIncident",
        "validateSafetyConfig",
        "validateSafetyMetrics",
        "verifyDeployment",
      ]
    `);
  });

  it("has one error class with a code", () => {
    const e = new api.SafetyError("INVALID_CONFIG", "x", { issues: [{ path: "$", message: "m" }], cause: 1 });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: "SafetyError", code: "INVALID_CONFIG", cause: 1 });
  });
});
