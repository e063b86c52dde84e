import { describe, expect, it } from "vitest";
import { EVAL_CONFIG, loadEvalSet } from "../bench/eval-set.mjs";
import { createSafetyChecker } from "../src/checker.js";
import { createSafetyConfig } from "../src/config.js";
import { type EvaluationItem, evaluateChecker } from "../src/evaluate.js";

const checker = createSafetyChecker({ config: createSafetyConfig(EVAL_CONFIG) });
const main = loadEvalSet() as EvaluationItem[] & { group: string }[];
const fresh = loadEvalSet(new URL("../test/fixtures/eval-fresh.jsonl", import.meta.url)) as EvaluationItem[];

describe("the shipped evaluation set", () => {
  it("has at least 300 labelled items covering every group", () => {
    expect(main.length).toBeGreaterThanOrEqual(300);
    const groups = new Set(loadEvalSet().map((i) => i.group));
    expect([...groups].sort()).toEqual([
      "hard_negative",
      "inappropriate",
      "length",
      "obfuscated",
      "safe",
      "sensitive",
      "warning",
    ]);
    expect(new Set(main.map((i) => i.id)).size).toBe(main.length);
  });

  // Regression floors, set below the measured values (README "Evaluation"): they catch a lexicon
  // or normaliser change that makes things worse; they are not the reported figures.
  it("keeps precision and recall of the block verdict on the main set", async () => {
    const report = await evaluateChecker(checker, main);
    expect(report.verdict.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.verdict.recall).toBeGreaterThanOrEqual(0.95);
    for (const [label, s] of Object.entries(report.labels)) {
      expect.soft(s.precision ?? 1, `precision of ${label}`).toBeGreaterThanOrEqual(0.75);
      expect.soft(s.recall ?? 1, `recall of ${label}`).toBeGreaterThanOrEqual(0.7);
    }
  });

  it("keeps the verdict precision on the fresh set (recall there is low and reported as such)", async () => {
    const report = await evaluateChecker(checker, fresh);
    expect(report.items).toBe(fresh.length);
    expect(report.verdict.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.verdict.recall).toBeGreaterThanOrEqual(0.4);
  });
});

describe("evaluateChecker", () => {
  it("scores labels and verdicts, and lists errors", async () => {
    const report = await evaluateChecker(checker, [
      { id: "a", text: "I will kill you", direction: "output", labels: ["violence"] },
      { id: "b", text: "kill the process", direction: "input", labels: [] },
      { id: "c", text: "hello there", direction: "input", labels: ["offensive"] },
      { id: "d", text: "A story about a war", direction: "input", labels: [] },
    ]);
    expect(report.labels.violence).toMatchObject({ truePositives: 1, precision: 1, recall: 1 });
    expect(report.labels.offensive).toMatchObject({ falseNegatives: 1, precision: null, recall: 0 });
    expect(report.labels.conflict).toMatchObject({ falsePositives: 1 });
    expect(report.verdict).toMatchObject({ truePositives: 1, falseNegatives: 1, trueNegatives: 2, accuracy: 0.75 });
    expect(report.errors.map((e) => e.id)).toEqual(["c", "d"]);
  });

  it("rejects malformed items", async () => {
    await expect(
      evaluateChecker(checker, [{ id: "x", text: "t", direction: "input", labels: ["gore" as never] }]),
    ).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
    });
    await expect(evaluateChecker(checker, "nope" as never)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });
});
