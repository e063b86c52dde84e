/**
 * Evaluation of a checker (and so of its classifier) on labelled texts: precision and recall per
 * label and for the block / allow verdict. The shipped evaluation set lives in the package's
 * tests; this function works with any set, e.g. to compare a model-based classifier.
 */
import type { SafetyChecker } from "./checker.js";
import { SafetyError } from "./errors.js";
import {
  CONTENT_CATEGORIES,
  type ContentCategory,
  type Direction,
  isSafetyLabel,
  SAFETY_LABELS,
  type SafetyLabel,
  type SensitiveTopic,
  WARNING_TOPICS,
} from "./taxonomy.js";

/** A label an evaluation item may carry: a classifier label, or `length` for over-long texts. */
export type EvaluationLabel = SafetyLabel | "length";

/** One labelled text. */
export interface EvaluationItem {
  /** A stable identifier. */
  id: string;
  /** The text. */
  text: string;
  /** Prompt or model output. */
  direction: Direction;
  /** What a careful human would tag it with (empty for clean text). */
  labels: EvaluationLabel[];
}

/** Precision / recall of one label. */
export interface LabelScore {
  /** Items labelled and predicted. */
  truePositives: number;
  /** Items predicted but not labelled. */
  falsePositives: number;
  /** Items labelled but not predicted. */
  falseNegatives: number;
  /** Items labelled (true positives + false negatives). */
  support: number;
  /** TP / (TP + FP), or null when nothing was predicted. */
  precision: number | null;
  /** TP / (TP + FN), or null when nothing was labelled. */
  recall: number | null;
}

/** An item the checker got wrong. */
export interface EvaluationError {
  /** The item's id. */
  id: string;
  /** Labels expected but not predicted. */
  missed: EvaluationLabel[];
  /** Labels predicted but not expected. */
  spurious: EvaluationLabel[];
  /** Whether the block / allow verdict was wrong too. */
  verdictWrong: boolean;
}

/** Evaluation results. */
export interface EvaluationReport {
  /** Items evaluated. */
  items: number;
  /** Scores per label (only labels that were expected or predicted at least once). */
  labels: Partial<Record<EvaluationLabel, LabelScore>>;
  /** The block verdict as a binary classifier: positive = blocked. */
  verdict: LabelScore & { trueNegatives: number; accuracy: number };
  /** Every item with a wrong label or verdict. */
  errors: EvaluationError[];
}

function score(tp: number, fp: number, fn: number): LabelScore {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    support: tp + fn,
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
  };
}

/**
 * Runs every item through the checker and scores the predicted labels against the expected ones.
 * Content categories, sensitive topics and `length` are scored on every item; content-warning
 * topics only on items expected to pass (a blocked text carries no warning). An item is expected
 * to be blocked when it carries a filtered content category, a blocked sensitive topic or `length`.
 * @param checker - the checker to evaluate (its config decides what blocks)
 * @param items - labelled texts
 * @returns per-label precision / recall, the verdict's, and the errors
 * @throws {SafetyError} `INVALID_ARGUMENT` for malformed items or unknown labels
 */
export async function evaluateChecker(
  checker: SafetyChecker,
  items: readonly EvaluationItem[],
): Promise<EvaluationReport> {
  if (!Array.isArray(items)) throw new SafetyError("INVALID_ARGUMENT", "items must be an array");
  const config = checker.config;
  const counts = new Map<EvaluationLabel, { tp: number; fp: number; fn: number }>();
  const bump = (label: EvaluationLabel, key: "tp" | "fp" | "fn") => {
    let c = counts.get(label);
    if (c === undefined) {
      c = { tp: 0, fp: 0, fn: 0 };
      counts.set(label, c);
    }
    c[key]++;
  };
  const verdict = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const errors: EvaluationError[] = [];
  const warningSet = new Set<string>(WARNING_TOPICS);
  for (const [n, item] of items.entries()) {
    if (typeof item !== "object" || item === null || typeof item.text !== "string" || !Array.isArray(item.labels)) {
      throw new SafetyError("INVALID_ARGUMENT", `items[${n}] must have text and labels`);
    }
    for (const l of item.labels) {
      if (l !== "length" && !isSafetyLabel(l)) {
        throw new SafetyError(
          "INVALID_ARGUMENT",
          `items[${n}] has unknown label ${JSON.stringify(String(l).slice(0, 64))}`,
        );
      }
    }
    const expected = new Set<EvaluationLabel>(item.labels);
    const expectBlocked = item.labels.some(
      (l: EvaluationLabel) =>
        l === "length" ||
        ((CONTENT_CATEGORIES as readonly string[]).includes(l) &&
          config.contentFilters.includes(l as ContentCategory)) ||
        (config.blockSensitiveTopics && config.sensitiveTopics.includes(l as SensitiveTopic)),
    );
    const result = await checker.checkAsync(item.text, item.direction);
    const predicted = new Set<EvaluationLabel>(result.findings.map((f) => f.label));
    if (result.failedChecks.includes("length")) predicted.add("length");
    const missed: EvaluationLabel[] = [];
    const spurious: EvaluationLabel[] = [];
    for (const label of [...SAFETY_LABELS, "length" as const]) {
      if (warningSet.has(label) && expectBlocked) continue;
      const e = expected.has(label);
      const p = predicted.has(label);
      if (e && p) bump(label, "tp");
      else if (p) {
        bump(label, "fp");
        spurious.push(label);
      } else if (e) {
        bump(label, "fn");
        missed.push(label);
      }
    }
    const blocked = !result.allowed;
    if (blocked && expectBlocked) verdict.tp++;
    else if (blocked) verdict.fp++;
    else if (expectBlocked) verdict.fn++;
    else verdict.tn++;
    const verdictWrong = blocked !== expectBlocked;
    if (missed.length > 0 || spurious.length > 0 || verdictWrong) {
      errors.push({ id: String(item.id), missed, spurious, verdictWrong });
    }
  }
  const labels: Partial<Record<EvaluationLabel, LabelScore>> = {};
  for (const label of [...SAFETY_LABELS, "length" as const]) {
    const c = counts.get(label);
    if (c !== undefined) labels[label] = score(c.tp, c.fp, c.fn);
  }
  return {
    items: items.length,
    labels,
    verdict: {
      ...score(verdict.tp, verdict.fp, verdict.fn),
      trueNegatives: verdict.tn,
      accuracy: items.length === 0 ? 0 : (verdict.tp + verdict.tn) / items.length,
    },
    errors,
  };
}
