/**
 * The fixed vocabulary of @modelproof/safety: age ratings, the labels a classifier may report
 * (content categories, sensitive topics, content-warning topics), the checks a text goes
 * through, and the incident categories and severities shared with the registry (DESIGN.md,
 * "Shared vocabulary"). Anything outside these lists is unknown and fails closed.
 */

/** Age ratings from most to least restrictive audience. */
export const AGE_RATINGS = ["GENERAL", "TEEN", "MATURE"] as const;
/** An audience age rating: `GENERAL` (everyone), `TEEN`, `MATURE` (adults). */
export type AgeRating = (typeof AGE_RATINGS)[number];

/** Content categories: a finding in a category listed in `contentFilters` blocks the text. */
export const CONTENT_CATEGORIES = [
  "violence",
  "explicit",
  "offensive",
  "hate",
  "self_harm",
  "dangerous",
  "personal_data",
] as const;
/** A content category (see {@link CONTENT_CATEGORIES}). */
export type ContentCategory = (typeof CONTENT_CATEGORIES)[number];

/** Sensitive topics: blocked when `blockSensitiveTopics` is on, noted otherwise. */
export const SENSITIVE_TOPICS = ["politics", "religion", "medical"] as const;
/** A sensitive topic (see {@link SENSITIVE_TOPICS}). */
export type SensitiveTopic = (typeof SENSITIVE_TOPICS)[number];

/** Topics that do not block but call for a content warning when `requireContentWarning` is on. */
export const WARNING_TOPICS = ["conflict", "disaster", "death", "crime", "substances"] as const;
/** A content-warning topic (see {@link WARNING_TOPICS}). */
export type WarningTopic = (typeof WARNING_TOPICS)[number];

/** Every label a {@link Classifier} may report; anything else fails the `classifier` check. */
export const SAFETY_LABELS = [...CONTENT_CATEGORIES, ...SENSITIVE_TOPICS, ...WARNING_TOPICS] as const;
/** A label a classifier may report. */
export type SafetyLabel = ContentCategory | SensitiveTopic | WarningTopic;

/** The checks every text goes through, in the order they are reported. */
export const CHECK_NAMES = [
  "encoding",
  "length",
  "classifier",
  "content_filter",
  "sensitive_topics",
  "age_rating",
  "content_warning",
] as const;
/** The name of one check (see {@link CHECK_NAMES}). */
export type CheckName = (typeof CHECK_NAMES)[number];

/** Incident categories shared with the registry and the client. */
export const INCIDENT_CATEGORIES = [
  "technical_error",
  "harmful_content",
  "hallucination",
  "bias",
  "impersonation",
  "privacy_violation",
  "other",
] as const;
/** An incident category (see {@link INCIDENT_CATEGORIES}). */
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** Severities from least to most severe, shared with the registry and the client. */
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
/** A severity (see {@link SEVERITIES}). */
export type Severity = (typeof SEVERITIES)[number];

/** Whether a text is a prompt given to the model or a text the model produced. */
export type Direction = "input" | "output";

/** Where a check ran: during training / evaluation before release, or in production. */
export type Phase = "training" | "runtime";

/** The default age rating of content found under each label (a classifier may report its own). */
export const DEFAULT_LABEL_RATINGS: Readonly<Record<SafetyLabel, AgeRating>> = {
  violence: "MATURE",
  explicit: "MATURE",
  offensive: "TEEN",
  hate: "MATURE",
  self_harm: "MATURE",
  dangerous: "MATURE",
  personal_data: "GENERAL",
  politics: "GENERAL",
  religion: "GENERAL",
  medical: "GENERAL",
  conflict: "GENERAL",
  disaster: "GENERAL",
  death: "GENERAL",
  crime: "TEEN",
  substances: "TEEN",
};

/** How severe a `content_filter` failure is, per category. */
export const CATEGORY_SEVERITY: Readonly<Record<ContentCategory, Severity>> = {
  violence: "high",
  explicit: "high",
  offensive: "medium",
  hate: "high",
  self_harm: "critical",
  dangerous: "critical",
  personal_data: "high",
};

const labelSet: ReadonlySet<string> = new Set(SAFETY_LABELS);
const contentSet: ReadonlySet<string> = new Set(CONTENT_CATEGORIES);
const sensitiveSet: ReadonlySet<string> = new Set(SENSITIVE_TOPICS);
const warningSet: ReadonlySet<string> = new Set(WARNING_TOPICS);

/** Whether `label` is one of {@link SAFETY_LABELS}. */
export function isSafetyLabel(label: unknown): label is SafetyLabel {
  return typeof label === "string" && labelSet.has(label);
}
/** Whether `label` is one of {@link CONTENT_CATEGORIES}. */
export function isContentCategory(label: unknown): label is ContentCategory {
  return typeof label === "string" && contentSet.has(label);
}
/** Whether `label` is one of {@link SENSITIVE_TOPICS}. */
export function isSensitiveTopic(label: unknown): label is SensitiveTopic {
  return typeof label === "string" && sensitiveSet.has(label);
}
/** Whether `label` is one of {@link WARNING_TOPICS}. */
export function isWarningTopic(label: unknown): label is WarningTopic {
  return typeof label === "string" && warningSet.has(label);
}

/** Position of a rating in {@link AGE_RATINGS} (GENERAL = 0). */
export function ratingRank(rating: AgeRating): number {
  return AGE_RATINGS.indexOf(rating);
}

/** Position of a severity in {@link SEVERITIES} (low = 0). */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
