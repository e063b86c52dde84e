import { describe, expect, it } from "vitest";
import { EVAL_CONFIG, loadEvalSet } from "../bench/eval-set.mjs";
import { createSafetyChecker } from "../src/checker.js";
import { createSafetyConfig } from "../src/config.js";
import { type EvaluationItem, evaluateChecker } from "../src/evaluate.js";

const checker = createSafetyChecker({ config: createSafetyConfig(EVAL_CONFIG) });
const main = loadEvalSet() as EvaluationItem[] & { group: string }[];
const fresh = loadEvalSet(new URL("../test/fixtures/eval-fresh.jsonl", import.meta.url)) as EvaluationItem[];
type GroupedItem = EvaluationItem & { group: string };
const heldOut = loadEvalSet(new URL("../test/fixtures/eval-heldout.jsonl", import.meta.url)) as GroupedItem[];
const languages = loadEvalSet(new URL("../test/fixtures/eval-languages.jsonl", import.meta.url)) as GroupedItem[];

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

  // Floors just below the figures measured after the lexicon rework (README "Evaluation"). The
  // main and fresh sets were both looked at while the lexicon grew (the fresh set is the
  // development set since then), so their figures are optimistic.
  it("keeps the main set at its measured level", async () => {
    const report = await evaluateChecker(checker, main);
    expect(report.verdict.precision).toBeGreaterThanOrEqual(0.98);
    expect(report.verdict.recall).toBeGreaterThanOrEqual(0.98);
    for (const [label, s] of Object.entries(report.labels)) {
      expect.soft(s.precision ?? 1, `precision of ${label}`).toBeGreaterThanOrEqual(0.85);
      expect.soft(s.recall ?? 1, `recall of ${label}`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it("keeps the development (fresh) set at its measured level", async () => {
    const report = await evaluateChecker(checker, fresh);
    expect(report.verdict.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.verdict.recall).toBeGreaterThanOrEqual(0.95);
    for (const [label, s] of Object.entries(report.labels)) {
      expect.soft(s.precision ?? 1, `precision of ${label}`).toBeGreaterThanOrEqual(0.8);
      expect.soft(s.recall ?? 1, `recall of ${label}`).toBeGreaterThanOrEqual(0.8);
    }
  });
});

describe("the held-out set (written after the lexicon rework, measured once, never tuned on)", () => {
  it("has at least 150 labelled items in every group", () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(150);
    expect([...new Set(heldOut.map((i) => i.group))].sort()).toEqual([
      "hard_negative",
      "inappropriate",
      "length",
      "obfuscated",
      "safe",
      "sensitive",
      "warning",
    ]);
    const labels = new Set(heldOut.flatMap((i) => i.labels));
    for (const label of ["violence", "explicit", "offensive", "hate", "self_harm", "dangerous", "personal_data"]) {
      expect(labels.has(label as never), label).toBe(true);
    }
  });

  // Regression floors at or just below the single measurement (verdict precision 91.4%, recall
  // 56.4%); they are not targets to tune towards.
  it("keeps the verdict precision and recall measured on it", async () => {
    const report = await evaluateChecker(checker, heldOut);
    expect(report.items).toBe(heldOut.length);
    expect(report.verdict.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.verdict.recall).toBeGreaterThanOrEqual(0.55);
  });
});

describe("the Spanish, French and German set (basic coverage of the most severe categories)", () => {
  it("covers the three languages with positives and negatives", () => {
    expect([...new Set(languages.map((i) => i.group))].sort()).toEqual(["de", "es", "fr"]);
    for (const lang of ["de", "es", "fr"]) {
      const items = languages.filter((i) => i.group === lang);
      expect(items.some((i) => i.labels.length === 0)).toBe(true);
      expect(items.filter((i) => i.labels.length > 0).length).toBeGreaterThanOrEqual(6);
    }
  });

  it("keeps the verdict precision and recall measured on it", async () => {
    const report = await evaluateChecker(checker, languages);
    expect(report.verdict.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.verdict.recall).toBeGreaterThanOrEqual(0.85);
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
