import { describe, expect, it } from "vitest";
import { createSafetyChecker, type SafetyCheckResult } from "../src/checker.js";
import type { Classifier } from "../src/classifier.js";
import { createSafetyConfig } from "../src/config.js";
import { SafetyError } from "../src/errors.js";
import { CHECK_NAMES } from "../src/taxonomy.js";

const checker = createSafetyChecker();
const outcome = (r: SafetyCheckResult, check: string) => r.outcomes.find((o) => o.check === check)!;
const fixed = (findings: unknown): Classifier => ({ classify: () => ({ findings }) as never });

describe("createSafetyChecker", () => {
  it("allows safe text and reports every check in order", () => {
    const r = checker.check("Tell me a fun fact about space", "input");
    expect(r.allowed).toBe(true);
    expect(r.outcomes.map((o) => o.check)).toEqual([...CHECK_NAMES]);
    expect(r.outcomes.every((o) => o.status === "pass")).toBe(true);
    expect(r).toMatchObject({ failedChecks: [], severity: null, rating: "GENERAL", direction: "input" });
  });

  it("blocks filtered content and says which check fired and why", () => {
    const r = checker.check("I will k1ll you", "output");
    expect(r.allowed).toBe(false);
    expect(r.failedChecks).toEqual(["content_filter", "age_rating"]);
    const cf = outcome(r, "content_filter");
    expect(cf).toMatchObject({ status: "fail", severity: "high", labels: ["violence"] });
    expect(cf.reason).toContain("kill");
    expect(r.rating).toBe("MATURE");
  });

  it("uses the severity of the worst category", () => {
    expect(checker.check("how do I make a pipe bomb").severity).toBe("critical");
    expect(checker.check("what a dumbass answer").severity).toBe("medium");
  });

  it("lets unfiltered categories through the content filter but not past the age rating", () => {
    const lenient = createSafetyChecker({
      config: createSafetyConfig({ contentFilters: ["explicit"], minAgeRating: "MATURE" }),
    });
    const r = lenient.check("I will kill you");
    expect(r.allowed).toBe(true);
    expect(outcome(r, "content_filter").reason).toContain("found but not filtered");
    const teen = createSafetyChecker({ config: createSafetyConfig({ contentFilters: [] }) });
    expect(teen.check("I will kill you").failedChecks).toEqual(["age_rating"]);
  });

  it("blocks sensitive topics only when configured", () => {
    expect(checker.check("Who should I vote for in the election?").failedChecks).toEqual(["sensitive_topics"]);
    const open = createSafetyChecker({ config: createSafetyConfig({ blockSensitiveTopics: false }) });
    const r = open.check("Who should I vote for in the election?");
    expect(r.allowed).toBe(true);
    expect(outcome(r, "sensitive_topics").reason).toContain("noted");
    const narrow = createSafetyChecker({ config: createSafetyConfig({ sensitiveTopics: ["medical"] }) });
    expect(narrow.check("Who should I vote for in the election?").allowed).toBe(true);
  });

  it("requires content warnings when configured", () => {
    const r = checker.check("Write a story about a war between two kingdoms", "input");
    expect(r.allowed).toBe(true);
    expect(r.contentWarnings).toEqual(["conflict"]);
    expect(outcome(r, "content_warning")).toMatchObject({ status: "warn", labels: ["conflict"] });
    const off = createSafetyChecker({ config: createSafetyConfig({ requireContentWarning: false }) });
    expect(off.check("Write a story about a war").contentWarnings).toEqual([]);
  });

  it("fails the age rating for TEEN content under GENERAL", () => {
    const general = createSafetyChecker({ config: createSafetyConfig({ minAgeRating: "GENERAL" }) });
    expect(general.check("They shared a bottle of wine").failedChecks).toEqual(["age_rating"]);
  });

  it("limits length in code points per direction", () => {
    const c = createSafetyChecker({ config: createSafetyConfig({ maxInputLength: 5, maxOutputLength: 3 }) });
    expect(c.check("😀😀😀😀😀", "input").allowed).toBe(true);
    expect(c.check("😀😀😀😀😀😀", "input").failedChecks).toEqual(["length"]);
    expect(c.check("abcd", "output")).toMatchObject({ failedChecks: ["length"], severity: "low", length: 4 });
  });

  it("fails lone surrogates closed (encoding)", () => {
    const r = checker.check("ki\ud800ll you");
    expect(r.allowed).toBe(false);
    expect(outcome(r, "encoding")).toMatchObject({ status: "fail", severity: "medium" });
  });

  it("does not scan texts over the scan limit and fails them closed", () => {
    const c = createSafetyChecker({ config: createSafetyConfig({ maxInputLength: 10_000_000 }), maxScanLength: 1000 });
    const r = c.check("a".repeat(1001), "input");
    expect(r.allowed).toBe(false);
    expect(r.failedChecks).toEqual([
      "classifier",
      "content_filter",
      "sensitive_topics",
      "age_rating",
      "content_warning",
    ]);
    expect(outcome(r, "classifier").reason).toContain("not scanned");
  });

  it("checks a 10 MB text without error (bounded, blocked)", () => {
    const r = checker.check("é".repeat(10_000_000), "input");
    expect(r.allowed).toBe(false);
    expect(r.failedChecks).toContain("length");
    expect(r.failedChecks).toContain("classifier");
  });

  describe("fails closed on a misbehaving classifier", () => {
    it.each([
      ["an unknown label", [{ label: "gore", score: 1 }], "unknown label"],
      ["a NaN score", [{ label: "violence", score: Number.NaN }], "outside [0, 1]"],
      ["a score above 1", [{ label: "violence", score: 1.5 }], "outside [0, 1]"],
      ["an unknown rating", [{ label: "violence", score: 1, rating: "X" }], "unknown rating"],
      ["a malformed finding", [null], "malformed"],
      ["no findings array", undefined, "malformed"],
      ["too many findings", Array.from({ length: 1001 }, () => ({ label: "violence", score: 0 })), "more than"],
    ])("%s", (_name, findings, reason) => {
      const c = createSafetyChecker({ classifier: fixed(findings) });
      const r = c.check("hello");
      expect(r.allowed).toBe(false);
      expect(outcome(r, "classifier").reason).toContain(reason);
    });

    it("a classifier that throws (without leaking its message)", () => {
      const c = createSafetyChecker({
        classifier: {
          classify: (t) => {
            throw new TypeError(`boom on ${t}`);
          },
        },
      });
      const r = c.check("secret text");
      expect(r.allowed).toBe(false);
      expect(outcome(r, "classifier").reason).toBe("classifier failed: TypeError");
    });

    it("a rejecting async classifier", async () => {
      const c = createSafetyChecker({ classifier: { classify: async () => Promise.reject(new Error("down")) } });
      expect((await c.checkAsync("hello")).failedChecks[0]).toBe("classifier");
    });
  });

  it("ignores findings below the score threshold", () => {
    const c = createSafetyChecker({ classifier: fixed([{ label: "violence", score: 0.4 }]) });
    expect(c.check("hello").allowed).toBe(true);
    const strict = createSafetyChecker({
      config: createSafetyConfig({ scoreThreshold: 0.3 }),
      classifier: fixed([{ label: "violence", score: 0.4 }]),
    });
    expect(strict.check("hello").allowed).toBe(false);
  });

  it("supports asynchronous classifiers through checkAsync only", async () => {
    const c = createSafetyChecker({
      classifier: { classify: async () => ({ findings: [{ label: "explicit", score: 0.9 }] }) },
    });
    expect((await c.checkAsync("x", "output")).failedChecks).toContain("content_filter");
    expect(() => c.check("x")).toThrowError(expect.objectContaining({ code: "ASYNC_CLASSIFIER" }));
  });

  it("rejects bad arguments with coded errors", async () => {
    expect(() => checker.check(42 as never)).toThrowError(expect.objectContaining({ code: "INVALID_TEXT" }));
    await expect(checker.checkAsync(null as never)).rejects.toMatchObject({ code: "INVALID_TEXT" });
    expect(() => checker.check("x", "sideways" as never)).toThrowError(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => createSafetyChecker({ maxScanLength: 0 })).toThrowError(SafetyError);
    expect(() => createSafetyChecker({ classifier: {} as never })).toThrowError(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });

  it("refuses a config with unknown categories (fail closed: no checker)", () => {
    expect(() =>
      createSafetyChecker({ config: { ...createSafetyConfig(), contentFilters: ["gore"] } as never }),
    ).toThrowError(expect.objectContaining({ code: "UNKNOWN_CATEGORY" }));
  });
});
