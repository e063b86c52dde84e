import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../src/canonical-json.js";
import {
  createSafetyConfig,
  DEFAULT_SAFETY_CONFIG,
  SAFETY_CONFIG_SCHEMA,
  type SafetyConfig,
  safetyConfigComponent,
  safetyConfigDigest,
  validateSafetyConfig,
} from "../src/config.js";
import { SafetyError } from "../src/errors.js";
import { AGE_RATINGS, CONTENT_CATEGORIES, SENSITIVE_TOPICS, WARNING_TOPICS } from "../src/taxonomy.js";

function thrown(fn: () => unknown): SafetyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SafetyError) return e;
    throw e;
  }
  throw new Error("expected a SafetyError");
}

describe("validateSafetyConfig", () => {
  it("accepts the default config and returns a fresh canonical copy", () => {
    const c = validateSafetyConfig({ ...DEFAULT_SAFETY_CONFIG });
    expect(c).toEqual(DEFAULT_SAFETY_CONFIG);
    expect(c.contentFilters).not.toBe(DEFAULT_SAFETY_CONFIG.contentFilters);
  });

  it("puts category lists in taxonomy order", () => {
    const c = createSafetyConfig({ contentFilters: ["offensive", "violence", "explicit"] });
    expect(c.contentFilters).toEqual(["violence", "explicit", "offensive"]);
  });

  it("rejects unknown categories with UNKNOWN_CATEGORY, listing each", () => {
    const e = thrown(() =>
      createSafetyConfig({
        contentFilters: ["violence", "gore"] as never,
        sensitiveTopics: ["astrology"] as never,
        minAgeRating: "ADULT" as never,
      }),
    );
    expect(e.code).toBe("UNKNOWN_CATEGORY");
    expect(e.issues?.map((i) => i.path).sort()).toEqual([
      "$.contentFilters[1]",
      "$.minAgeRating",
      "$.sensitiveTopics[0]",
    ]);
  });

  it("reports every structural problem at once with INVALID_CONFIG", () => {
    const e = thrown(() =>
      validateSafetyConfig({
        ...DEFAULT_SAFETY_CONFIG,
        maxInputLength: 0,
        maxOutputLength: 1.5,
        blockSensitiveTopics: "yes",
        scoreThreshold: Number.NaN,
        contentFilters: ["violence", "violence"],
        extra: true,
      }),
    );
    expect(e.code).toBe("INVALID_CONFIG");
    expect(e.issues?.map((i) => i.path).sort()).toEqual([
      "$.blockSensitiveTopics",
      "$.contentFilters[1]",
      "$.extra",
      "$.maxInputLength",
      "$.maxOutputLength",
      "$.scoreThreshold",
    ]);
  });

  it("uses INVALID_CONFIG when unknown names come with structural problems", () => {
    const e = thrown(() =>
      validateSafetyConfig({ ...DEFAULT_SAFETY_CONFIG, contentFilters: ["gore"], maxInputLength: -1 }),
    );
    expect(e.code).toBe("INVALID_CONFIG");
    expect(e.issues).toHaveLength(2);
  });

  it("reports missing fields once each", () => {
    const e = thrown(() => validateSafetyConfig({}));
    expect(e.code).toBe("INVALID_CONFIG");
    expect(e.issues).toHaveLength(SAFETY_CONFIG_SCHEMA.required.length);
    expect(e.issues?.every((i) => i.message === "missing required field")).toBe(true);
  });

  it.each([null, [], "config", 42, new Date()])("rejects a non-object (%s)", (value) => {
    expect(thrown(() => validateSafetyConfig(value)).code).toBe("INVALID_CONFIG");
  });

  it("agrees with its JSON Schema under ajv (differential, property)", () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile(SAFETY_CONFIG_SCHEMA);
    const subset = <T>(values: readonly T[]) => fc.subarray([...values]);
    const valid = fc.record({
      minAgeRating: fc.constantFrom(...AGE_RATINGS),
      contentFilters: subset(CONTENT_CATEGORIES),
      maxInputLength: fc.integer({ min: 1, max: 10_000_000 }),
      maxOutputLength: fc.integer({ min: 1, max: 10_000_000 }),
      blockSensitiveTopics: fc.boolean(),
      sensitiveTopics: subset(SENSITIVE_TOPICS),
      requireContentWarning: fc.boolean(),
      contentWarningTopics: subset(WARNING_TOPICS),
      scoreThreshold: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    const mutated = fc
      .tuple(valid, fc.constantFrom(...Object.keys(SAFETY_CONFIG_SCHEMA.properties), "extra"), fc.anything())
      .map(([config, key, value]) => ({ ...config, [key]: value }) as Record<string, unknown>);
    fc.assert(
      fc.property(fc.oneof(valid, mutated), (candidate) => {
        let ours = true;
        try {
          validateSafetyConfig(candidate);
        } catch (e) {
          if (!(e instanceof SafetyError)) throw e;
          ours = false;
        }
        expect(ours).toBe(validate(candidate));
      }),
      { numRuns: 500 },
    );
  });
});

describe("safetyConfigDigest", () => {
  it("is the SHA-256 of the canonical JSON and ignores list and key order", () => {
    const a = createSafetyConfig({ contentFilters: ["violence", "explicit"] });
    const b: SafetyConfig = Object.fromEntries(
      Object.entries({ ...a, contentFilters: ["explicit", "violence"] }).reverse(),
    ) as unknown as SafetyConfig;
    expect(safetyConfigDigest(b)).toBe(safetyConfigDigest(a));
    expect(safetyConfigDigest(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(safetyConfigDigest(createSafetyConfig({ maxOutputLength: 100 }))).not.toBe(safetyConfigDigest(a));
  });

  it("pins the digest of the default config (self-derived vector)", () => {
    // Changing the default policy changes this digest on purpose: it identifies the policy.
    expect(canonicalJson(validateSafetyConfig(DEFAULT_SAFETY_CONFIG))).toBe(
      '{"blockSensitiveTopics":true,"contentFilters":["violence","explicit","offensive","hate","self_harm","dangerous","personal_data"],' +
        '"contentWarningTopics":["conflict","disaster","death","crime","substances"],"maxInputLength":4096,"maxOutputLength":4096,' +
        '"minAgeRating":"TEEN","requireContentWarning":true,"scoreThreshold":0.5,"sensitiveTopics":["politics","religion","medical"]}',
    );
    expect(safetyConfigDigest(DEFAULT_SAFETY_CONFIG)).toBe(
      "c09d735acb0e2be7d4fe761e0428e2cb9fedf7782cc8f54ebbe06448eb254b27",
    );
  });

  it("throws for invalid configs instead of digesting them", () => {
    expect(thrown(() => safetyConfigDigest({ ...DEFAULT_SAFETY_CONFIG, contentFilters: ["nope"] } as never)).code).toBe(
      "UNKNOWN_CATEGORY",
    );
  });

  it("builds the safety_config provenance component", () => {
    const c = safetyConfigComponent(DEFAULT_SAFETY_CONFIG);
    expect(c.name).toBe("safety_config");
    expect(c.sha256).toBe(safetyConfigDigest(DEFAULT_SAFETY_CONFIG));
    expect(JSON.parse(c.canonicalJson)).toEqual(DEFAULT_SAFETY_CONFIG);
  });
});

describe("safetyConfigComponent value", () => {
  it("carries the canonical value whose digest is sha256", () => {
    const c = safetyConfigComponent(createSafetyConfig({ contentFilters: ["explicit", "violence"] }));
    expect(canonicalJson(c.value)).toBe(c.canonicalJson);
    expect((c.value as SafetyConfig).contentFilters).toEqual(["violence", "explicit"]);
  });
});
