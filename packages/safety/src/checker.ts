/**
 * The checks a text goes through under a {@link SafetyConfig}: encoding (lone surrogates), length,
 * classifier integrity, content filters, sensitive topics, age rating and content-warning
 * requirement. Every check reports pass / warn / fail and why; a text is allowed only if no check
 * failed. Anything the checker cannot evaluate (a classifier error, an unknown label, a text too
 * large to scan) fails closed.
 */
import type { Classifier, ClassifierFinding, ClassifierOutput } from "./classifier.js";
import { DEFAULT_SAFETY_CONFIG, type SafetyConfig, validateSafetyConfig } from "./config.js";
import { SafetyError } from "./errors.js";
import { createLexiconClassifier } from "./lexicon-classifier.js";
import {
  AGE_RATINGS,
  type AgeRating,
  CATEGORY_SEVERITY,
  type CheckName,
  type ContentCategory,
  DEFAULT_LABEL_RATINGS,
  type Direction,
  isContentCategory,
  isSafetyLabel,
  isSensitiveTopic,
  isWarningTopic,
  ratingRank,
  type SafetyLabel,
  type SensitiveTopic,
  type Severity,
  severityRank,
  type WarningTopic,
} from "./taxonomy.js";

/** Texts longer than this (UTF-16 code units) are not given to the classifier and fail closed. */
export const DEFAULT_MAX_SCAN_LENGTH = 1_000_000;
/** A classifier reporting more findings than this for one text is treated as malfunctioning. */
export const MAX_FINDINGS = 1000;

/** Outcome of one check. */
export type CheckStatus = "pass" | "warn" | "fail";

/** What one check decided about a text, and why. */
export interface CheckOutcome {
  /** Which check. */
  check: CheckName;
  /** `fail` blocks the text; `warn` lets it through with a content warning. */
  status: CheckStatus;
  /** Why, in words (names the matched terms; never personal data). */
  reason: string;
  /** How severe a failure is (present when `status` is `fail`). */
  severity?: Severity;
  /** The labels that made the check fire, when any. */
  labels?: SafetyLabel[];
}

/** A classifier finding the checker accepted (known label, score at or above the threshold). */
export interface SafetyFinding {
  /** The label. */
  label: SafetyLabel;
  /** The classifier's score. */
  score: number;
  /** Age rating of the content. */
  rating: AgeRating;
  /** What matched, when the classifier said. */
  evidence?: string;
  /** Which rule matched, when the classifier said. */
  rule?: string;
}

/** The verdict on one text. */
export interface SafetyCheckResult {
  /** Prompt or model output. */
  direction: Direction;
  /** True when no check failed. */
  allowed: boolean;
  /** Every check, in `CHECK_NAMES` order. */
  outcomes: CheckOutcome[];
  /** The names of the checks that failed. */
  failedChecks: CheckName[];
  /** Accepted findings, one per label. */
  findings: SafetyFinding[];
  /** Content warnings the text must carry (empty unless `requireContentWarning`). */
  contentWarnings: WarningTopic[];
  /** Age rating of the text (highest rating among the findings). */
  rating: AgeRating;
  /** Highest severity among failed checks; null when allowed. */
  severity: Severity | null;
  /** Length of the text in Unicode code points. */
  length: number;
}

/** Options of {@link createSafetyChecker}. */
export interface SafetyCheckerOptions {
  /** The policy (validated here); default {@link DEFAULT_SAFETY_CONFIG}. */
  config?: SafetyConfig;
  /** The classifier; default the shipped lexicon classifier. */
  classifier?: Classifier;
  /** Texts longer than this many UTF-16 code units are not scanned and fail; default 1,000,000. */
  maxScanLength?: number;
}

/** Applies one safety policy to texts. */
export interface SafetyChecker {
  /** The validated policy. */
  readonly config: SafetyConfig;
  /**
   * Checks one text synchronously.
   * @throws {SafetyError} `INVALID_TEXT` for a non-string; `ASYNC_CLASSIFIER` when the classifier
   *   returned a Promise (use {@link SafetyChecker.checkAsync})
   */
  check(text: string, direction?: Direction): SafetyCheckResult;
  /**
   * Checks one text with a synchronous or asynchronous classifier.
   * @throws {SafetyError} `INVALID_TEXT` for a non-string (rejects the Promise)
   */
  checkAsync(text: string, direction?: Direction): Promise<SafetyCheckResult>;
}

interface Measured {
  codePoints: number;
  loneSurrogates: number;
}

function measure(text: string): Measured {
  let codePoints = 0;
  let lone = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codePoints++;
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    lone++;
  }
  return { codePoints, loneSurrogates: lone };
}

type Classified = { ok: true; findings: SafetyFinding[] } | { ok: false; reason: string };

function acceptOutput(output: unknown, threshold: number): Classified {
  if (typeof output !== "object" || output === null || !Array.isArray((output as ClassifierOutput).findings)) {
    return { ok: false, reason: "classifier returned a malformed result (no findings array)" };
  }
  const raw = (output as ClassifierOutput).findings;
  if (raw.length > MAX_FINDINGS) return { ok: false, reason: `classifier returned more than ${MAX_FINDINGS} findings` };
  const byLabel = new Map<SafetyLabel, SafetyFinding>();
  for (const f of raw as readonly ClassifierFinding[]) {
    if (typeof f !== "object" || f === null) return { ok: false, reason: "classifier returned a malformed finding" };
    if (!isSafetyLabel(f.label)) {
      return { ok: false, reason: `classifier reported unknown label ${JSON.stringify(String(f.label).slice(0, 64))}` };
    }
    if (typeof f.score !== "number" || !(f.score >= 0 && f.score <= 1)) {
      return { ok: false, reason: `classifier reported score ${String(f.score)} outside [0, 1] for "${f.label}"` };
    }
    if (f.rating !== undefined && !(AGE_RATINGS as readonly string[]).includes(f.rating)) {
      return { ok: false, reason: `classifier reported unknown rating for "${f.label}"` };
    }
    if (f.score < threshold) continue;
    const finding: SafetyFinding = {
      label: f.label,
      score: f.score,
      rating: f.rating ?? DEFAULT_LABEL_RATINGS[f.label],
    };
    if (typeof f.evidence === "string") finding.evidence = f.evidence.slice(0, 200);
    if (typeof f.rule === "string") finding.rule = f.rule.slice(0, 200);
    const prior = byLabel.get(f.label);
    if (prior === undefined || ratingRank(finding.rating) > ratingRank(prior.rating) || finding.score > prior.score) {
      byLabel.set(f.label, finding);
    }
  }
  return { ok: true, findings: [...byLabel.values()] };
}

function describe(findings: SafetyFinding[]): string {
  return findings.map((f) => (f.evidence ? `${f.label} ("${f.evidence}")` : f.label)).join(", ");
}

function decide(
  config: SafetyConfig,
  direction: Direction,
  measured: Measured,
  classified: Classified,
): SafetyCheckResult {
  const outcomes: CheckOutcome[] = [];
  const maxLength = direction === "input" ? config.maxInputLength : config.maxOutputLength;
  outcomes.push(
    measured.loneSurrogates > 0
      ? {
          check: "encoding",
          status: "fail",
          severity: "medium",
          reason: `text is not valid UTF-16: ${measured.loneSurrogates} lone surrogate(s)`,
        }
      : { check: "encoding", status: "pass", reason: "valid UTF-16" },
  );
  outcomes.push(
    measured.codePoints > maxLength
      ? {
          check: "length",
          status: "fail",
          severity: "low",
          reason: `${direction} is ${measured.codePoints} code points, over the limit of ${maxLength}`,
        }
      : { check: "length", status: "pass", reason: `${measured.codePoints} of ${maxLength} code points` },
  );
  let findings: SafetyFinding[] = [];
  let contentWarnings: WarningTopic[] = [];
  let rating: AgeRating = "GENERAL";
  if (!classified.ok) {
    outcomes.push({ check: "classifier", status: "fail", severity: "high", reason: classified.reason });
    for (const check of ["content_filter", "sensitive_topics", "age_rating", "content_warning"] as const) {
      outcomes.push({ check, status: "fail", severity: "high", reason: "not evaluated: the classifier check failed" });
    }
  } else {
    findings = classified.findings;
    outcomes.push({ check: "classifier", status: "pass", reason: `${findings.length} finding(s)` });
    const content = findings.filter((f) => isContentCategory(f.label));
    const filtered = content.filter((f) => config.contentFilters.includes(f.label as ContentCategory));
    if (filtered.length > 0) {
      let severity: Severity = "low";
      for (const f of filtered) {
        const s = CATEGORY_SEVERITY[f.label as ContentCategory];
        if (severityRank(s) > severityRank(severity)) severity = s;
      }
      outcomes.push({
        check: "content_filter",
        status: "fail",
        severity,
        reason: `filtered content: ${describe(filtered)}`,
        labels: filtered.map((f) => f.label),
      });
    } else {
      outcomes.push({
        check: "content_filter",
        status: "pass",
        reason: content.length > 0 ? `found but not filtered: ${describe(content)}` : "no filtered content",
      });
    }
    const topics = findings.filter(
      (f) => isSensitiveTopic(f.label) && config.sensitiveTopics.includes(f.label as SensitiveTopic),
    );
    if (topics.length > 0 && config.blockSensitiveTopics) {
      outcomes.push({
        check: "sensitive_topics",
        status: "fail",
        severity: "medium",
        reason: `sensitive topic: ${describe(topics)}`,
        labels: topics.map((f) => f.label),
      });
    } else {
      outcomes.push({
        check: "sensitive_topics",
        status: "pass",
        reason: topics.length > 0 ? `sensitive topic noted (not blocked): ${describe(topics)}` : "no sensitive topic",
      });
    }
    for (const f of findings) if (ratingRank(f.rating) > ratingRank(rating)) rating = f.rating;
    if (ratingRank(rating) > ratingRank(config.minAgeRating)) {
      const above = findings.filter((f) => ratingRank(f.rating) > ratingRank(config.minAgeRating));
      outcomes.push({
        check: "age_rating",
        status: "fail",
        severity: "medium",
        reason: `rated ${rating}, above ${config.minAgeRating}: ${describe(above)}`,
        labels: above.map((f) => f.label),
      });
    } else {
      outcomes.push({ check: "age_rating", status: "pass", reason: `rated ${rating}` });
    }
    const warnings = findings.filter(
      (f) => isWarningTopic(f.label) && config.contentWarningTopics.includes(f.label as WarningTopic),
    );
    if (config.requireContentWarning && warnings.length > 0) {
      contentWarnings = warnings.map((f) => f.label as WarningTopic);
      outcomes.push({
        check: "content_warning",
        status: "warn",
        reason: `content warning required: ${describe(warnings)}`,
        labels: [...contentWarnings],
      });
    } else {
      outcomes.push({
        check: "content_warning",
        status: "pass",
        reason: config.requireContentWarning ? "no content warning needed" : "content warnings not required",
      });
    }
  }
  const failed = outcomes.filter((o) => o.status === "fail");
  let severity: Severity | null = null;
  for (const o of failed)
    if (severity === null || severityRank(o.severity!) > severityRank(severity)) severity = o.severity!;
  return {
    direction,
    allowed: failed.length === 0,
    outcomes,
    failedChecks: failed.map((o) => o.check),
    findings,
    contentWarnings,
    rating,
    severity,
    length: measured.codePoints,
  };
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";
}

/**
 * Creates a checker for one policy.
 * @param options - config, classifier and scan limit
 * @returns a {@link SafetyChecker}
 * @throws {SafetyError} `INVALID_CONFIG` / `UNKNOWN_CATEGORY` for a bad config (fail closed: no
 *   checker, nothing allowed); `INVALID_ARGUMENT` for a bad `maxScanLength` or classifier
 * @example
 * const checker = createSafetyChecker({ config: createSafetyConfig({ minAgeRating: "GENERAL" }) });
 * const result = checker.check("Tell me a fun fact about space", "input");
 * result.allowed; // true
 */
export function createSafetyChecker(options: SafetyCheckerOptions = {}): SafetyChecker {
  const config = validateSafetyConfig(options.config ?? DEFAULT_SAFETY_CONFIG);
  const classifier = options.classifier ?? createLexiconClassifier();
  if (typeof classifier !== "object" || classifier === null || typeof classifier.classify !== "function") {
    throw new SafetyError("INVALID_ARGUMENT", "classifier must have a classify(text) method");
  }
  const maxScan = options.maxScanLength ?? DEFAULT_MAX_SCAN_LENGTH;
  if (!Number.isInteger(maxScan) || maxScan < 1) {
    throw new SafetyError("INVALID_ARGUMENT", "maxScanLength must be a positive integer");
  }

  const prepare = (text: unknown, direction: unknown): Measured => {
    if (typeof text !== "string") throw new SafetyError("INVALID_TEXT", "text must be a string");
    if (direction !== "input" && direction !== "output") {
      throw new SafetyError("INVALID_ARGUMENT", 'direction must be "input" or "output"');
    }
    return measure(text);
  };
  const tooLarge = (text: string): Classified | undefined =>
    text.length > maxScan
      ? { ok: false, reason: `not scanned: ${text.length} UTF-16 code units exceed the scan limit of ${maxScan}` }
      : undefined;
  const failure = (cause: unknown): Classified => ({
    ok: false,
    // The error message may quote the text, so only its name is reported.
    reason: `classifier failed: ${cause instanceof Error ? cause.name.slice(0, 64) : "non-error thrown"}`,
  });

  return {
    config,
    check(text: string, direction: Direction = "output"): SafetyCheckResult {
      const measured = prepare(text, direction);
      let classified = tooLarge(text);
      if (classified === undefined) {
        let output: unknown;
        try {
          output = classifier.classify(text);
        } catch (cause) {
          classified = failure(cause);
        }
        if (classified === undefined) {
          if (isThenable(output)) {
            // Avoid an unhandled rejection from the promise we will not await.
            Promise.resolve(output).catch(() => {});
            throw new SafetyError("ASYNC_CLASSIFIER", "the classifier is asynchronous; use checkAsync");
          }
          classified = acceptOutput(output, config.scoreThreshold);
        }
      }
      return decide(config, direction, measured, classified);
    },
    async checkAsync(text: string, direction: Direction = "output"): Promise<SafetyCheckResult> {
      const measured = prepare(text, direction);
      let classified = tooLarge(text);
      if (classified === undefined) {
        try {
          classified = acceptOutput(await classifier.classify(text), config.scoreThreshold);
        } catch (cause) {
          classified = failure(cause);
        }
      }
      return decide(config, direction, measured, classified);
    },
  };
}
