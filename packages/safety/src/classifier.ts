/**
 * The plug-in point for content classification: a one-method interface, so a model-based
 * classifier (a moderation model, a hosted API behind a fetch) can replace the shipped
 * lexicon-and-rules classifier without touching the checks.
 */
import type { AgeRating } from "./taxonomy.js";

/** One thing a classifier found in a text. */
export interface ClassifierFinding {
  /** One of `SAFETY_LABELS`; any other label fails the `classifier` check (fail closed). */
  label: string;
  /** Confidence in [0, 1]; findings below the config's `scoreThreshold` are ignored. */
  score: number;
  /** What matched, safe to log (never personal data itself), e.g. `"kill … you"`. */
  evidence?: string;
  /** Which rule or model head produced the finding, e.g. `"violence.against-person"`. */
  rule?: string;
  /** Age rating of the content; defaults to the label's rating (`DEFAULT_LABEL_RATINGS`). */
  rating?: AgeRating;
}

/** What a classifier returns for one text. */
export interface ClassifierOutput {
  /** Everything found; empty for a clean text. */
  findings: readonly ClassifierFinding[];
}

/**
 * Classifies one text. Implementations may be synchronous (the lexicon classifier) or return a
 * Promise (a model); `SafetyChecker.check` needs the former, `checkAsync` takes both. A classifier
 * that throws, rejects or returns anything malformed makes the text fail (fail closed).
 * @example
 * const remote: Classifier = { classify: async (text) => ({ findings: await myModel(text) }) };
 */
export interface Classifier {
  /** Classify `text` (the raw text; normalisation is the classifier's business). */
  classify(text: string): ClassifierOutput | Promise<ClassifierOutput>;
}
