/**
 * `SafetyConfig`: the policy a model release is checked against, its JSON Schema (draft 2020-12),
 * validation that reports every problem at once, and its canonical digest for provenance
 * (component `safety_config`, SHA-256 of RFC 8785 canonical JSON, DESIGN.md step 5).
 */
import { canonicalJson, canonicalSha256 } from "./canonical-json.js";
import { SafetyError, type SafetyIssue } from "./errors.js";
import type { SafetyMetrics } from "./metrics.js";
import {
  AGE_RATINGS,
  type AgeRating,
  CONTENT_CATEGORIES,
  type ContentCategory,
  SENSITIVE_TOPICS,
  type SensitiveTopic,
  WARNING_TOPICS,
  type WarningTopic,
} from "./taxonomy.js";

/** The safety policy of a model release. All fields are required in a validated config. */
export interface SafetyConfig {
  /** The audience the model must suit: content rated above it fails the `age_rating` check. */
  minAgeRating: AgeRating;
  /** Content categories that block a text when found. */
  contentFilters: ContentCategory[];
  /** Longest accepted prompt, in Unicode code points. */
  maxInputLength: number;
  /** Longest accepted model output, in Unicode code points. */
  maxOutputLength: number;
  /** Whether the sensitive topics in `sensitiveTopics` block a text (otherwise they are only noted). */
  blockSensitiveTopics: boolean;
  /** Which topics count as sensitive. */
  sensitiveTopics: SensitiveTopic[];
  /** Whether texts touching `contentWarningTopics` must carry a content warning. */
  requireContentWarning: boolean;
  /** Which topics call for a content warning. */
  contentWarningTopics: WarningTopic[];
  /** Classifier findings scoring below this (0..1) are ignored. */
  scoreThreshold: number;
}

/** Largest length limit a config may set (code points); larger texts are refused, not scanned. */
export const MAX_CONFIG_LENGTH = 10_000_000;

/** The default policy: strict (every filter on, sensitive topics blocked, warnings required). */
export const DEFAULT_SAFETY_CONFIG: Readonly<SafetyConfig> = Object.freeze({
  minAgeRating: "TEEN",
  contentFilters: [...CONTENT_CATEGORIES],
  maxInputLength: 4096,
  maxOutputLength: 4096,
  blockSensitiveTopics: true,
  sensitiveTopics: [...SENSITIVE_TOPICS],
  requireContentWarning: true,
  contentWarningTopics: [...WARNING_TOPICS],
  scoreThreshold: 0.5,
}) as Readonly<SafetyConfig>;

const ID = "https://modelproof.dev/schemas/safety-config/v1.json";

/** JSON Schema (draft 2020-12) of a validated {@link SafetyConfig}. */
export const SAFETY_CONFIG_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: ID,
  title: "modelproof safety config",
  type: "object",
  additionalProperties: false,
  required: [
    "minAgeRating",
    "contentFilters",
    "maxInputLength",
    "maxOutputLength",
    "blockSensitiveTopics",
    "sensitiveTopics",
    "requireContentWarning",
    "contentWarningTopics",
    "scoreThreshold",
  ],
  properties: {
    minAgeRating: { enum: [...AGE_RATINGS] },
    contentFilters: { type: "array", uniqueItems: true, items: { enum: [...CONTENT_CATEGORIES] } },
    maxInputLength: { type: "integer", minimum: 1, maximum: MAX_CONFIG_LENGTH },
    maxOutputLength: { type: "integer", minimum: 1, maximum: MAX_CONFIG_LENGTH },
    blockSensitiveTopics: { type: "boolean" },
    sensitiveTopics: { type: "array", uniqueItems: true, items: { enum: [...SENSITIVE_TOPICS] } },
    requireContentWarning: { type: "boolean" },
    contentWarningTopics: { type: "array", uniqueItems: true, items: { enum: [...WARNING_TOPICS] } },
    scoreThreshold: { type: "number", minimum: 0, maximum: 1 },
  },
} as const;

const FIELDS = SAFETY_CONFIG_SCHEMA.required as readonly string[];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function checkList<T extends string>(
  value: unknown,
  field: string,
  known: readonly T[],
  issues: SafetyIssue[],
  unknown: SafetyIssue[],
): T[] {
  const path = `$.${field}`;
  if (!Array.isArray(value)) {
    issues.push({ path, message: "must be an array" });
    return [];
  }
  const seen = new Set<string>();
  value.forEach((item, i) => {
    if (typeof item !== "string") {
      issues.push({ path: `${path}[${i}]`, message: "must be a string" });
    } else if (!(known as readonly string[]).includes(item)) {
      unknown.push({ path: `${path}[${i}]`, message: `unknown value ${JSON.stringify(item.slice(0, 64))}` });
    } else if (seen.has(item)) {
      issues.push({ path: `${path}[${i}]`, message: `duplicate value "${item}"` });
    }
    if (typeof item === "string") seen.add(item);
  });
  // Canonical order (the taxonomy's), so equal policies have equal digests.
  return known.filter((k) => seen.has(k));
}

function checkLength(value: unknown, field: string, issues: SafetyIssue[]): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_CONFIG_LENGTH) {
    issues.push({ path: `$.${field}`, message: `must be an integer in [1, ${MAX_CONFIG_LENGTH}]` });
    return 0;
  }
  return value;
}

/**
 * Validates a complete safety config (for example one read from JSON) and returns it in canonical
 * form: a fresh object, category lists in taxonomy order. Unknown fields, unknown categories and
 * missing fields are all errors: a policy this version cannot fully understand is refused.
 * @param value - the candidate config
 * @returns the validated, canonical config
 * @throws {SafetyError} `UNKNOWN_CATEGORY` when the only problems are unknown category, topic or
 *   rating names; `INVALID_CONFIG` otherwise. `issues` lists every problem found.
 * @example validateSafetyConfig(JSON.parse(text)).contentFilters
 */
export function validateSafetyConfig(value: unknown): SafetyConfig {
  const issues: SafetyIssue[] = [];
  const unknown: SafetyIssue[] = [];
  if (!isPlainObject(value)) {
    throw new SafetyError("INVALID_CONFIG", "safety config must be a JSON object", {
      issues: [{ path: "$", message: "must be an object" }],
    });
  }
  for (const key of Object.keys(value)) {
    if (!FIELDS.includes(key)) issues.push({ path: `$.${key}`, message: "unknown field" });
  }
  for (const key of FIELDS) {
    if (!(key in value)) issues.push({ path: `$.${key}`, message: "missing required field" });
  }
  const rating = value.minAgeRating;
  if (typeof rating !== "string") {
    if ("minAgeRating" in value) issues.push({ path: "$.minAgeRating", message: "must be a string" });
  } else if (!(AGE_RATINGS as readonly string[]).includes(rating)) {
    unknown.push({ path: "$.minAgeRating", message: `unknown age rating ${JSON.stringify(rating.slice(0, 64))}` });
  }
  const contentFilters = checkList(value.contentFilters, "contentFilters", CONTENT_CATEGORIES, issues, unknown);
  const sensitiveTopics = checkList(value.sensitiveTopics, "sensitiveTopics", SENSITIVE_TOPICS, issues, unknown);
  const contentWarningTopics = checkList(
    value.contentWarningTopics,
    "contentWarningTopics",
    WARNING_TOPICS,
    issues,
    unknown,
  );
  const maxInputLength = checkLength(value.maxInputLength, "maxInputLength", issues);
  const maxOutputLength = checkLength(value.maxOutputLength, "maxOutputLength", issues);
  for (const key of ["blockSensitiveTopics", "requireContentWarning"] as const) {
    if (typeof value[key] !== "boolean") issues.push({ path: `$.${key}`, message: "must be a boolean" });
  }
  const threshold = value.scoreThreshold;
  if (typeof threshold !== "number" || !(threshold >= 0 && threshold <= 1)) {
    issues.push({ path: "$.scoreThreshold", message: "must be a number in [0, 1]" });
  }
  const all = [...issues, ...unknown].filter(
    // A missing field is reported once, not again as "must be a ...".
    (issue, _i, list) =>
      issue.message === "missing required field" ||
      !list.some((other) => other.path === issue.path && other.message === "missing required field"),
  );
  if (all.length > 0) {
    const code = issues.length === 0 ? "UNKNOWN_CATEGORY" : "INVALID_CONFIG";
    throw new SafetyError(code, `invalid safety config: ${all.map((i) => `${i.path} ${i.message}`).join("; ")}`, {
      issues: all,
    });
  }
  return {
    minAgeRating: rating as AgeRating,
    contentFilters,
    maxInputLength,
    maxOutputLength,
    blockSensitiveTopics: value.blockSensitiveTopics as boolean,
    sensitiveTopics,
    requireContentWarning: value.requireContentWarning as boolean,
    contentWarningTopics,
    scoreThreshold: threshold as number,
  };
}

/**
 * Builds a config from {@link DEFAULT_SAFETY_CONFIG} and the given overrides, then validates it.
 * @param overrides - fields to change from the defaults
 * @returns the validated, canonical config
 * @throws {SafetyError} `INVALID_CONFIG` or `UNKNOWN_CATEGORY` as {@link validateSafetyConfig}
 * @example createSafetyConfig({ contentFilters: ["violence", "explicit", "offensive"], maxOutputLength: 100 })
 */
export function createSafetyConfig(overrides: Partial<SafetyConfig> = {}): SafetyConfig {
  if (!isPlainObject(overrides)) {
    throw new SafetyError("INVALID_CONFIG", "config overrides must be an object", {
      issues: [{ path: "$", message: "must be an object" }],
    });
  }
  return validateSafetyConfig({ ...DEFAULT_SAFETY_CONFIG, ...overrides });
}

/** A provenance component: its canonical name, canonical JSON text and SHA-256 (lowercase hex). */
export interface SafetyComponent {
  /** The provenance component name (`safety_config` or `safety_metrics`). */
  name: "safety_config" | "safety_metrics";
  /**
   * The validated value, as plain JSON: pass it to `@modelproof/provenance`'s `buildProvenance`
   * under `name`; the digest it records equals `sha256`.
   */
  value: SafetyConfig | SafetyMetrics;
  /** RFC 8785 canonical JSON of the value. */
  canonicalJson: string;
  /** SHA-256 of the UTF-8 bytes of `canonicalJson`, lowercase hex. */
  sha256: string;
}

/**
 * The canonical digest of a safety config: SHA-256 (lowercase hex) of the RFC 8785 canonical JSON
 * of the validated config. Configs that differ only in list order or key order have equal digests.
 * @param config - a config (validated here; invalid ones throw)
 * @returns 64 lowercase hex characters
 * @throws {SafetyError} `INVALID_CONFIG` or `UNKNOWN_CATEGORY` as {@link validateSafetyConfig}
 */
export function safetyConfigDigest(config: SafetyConfig): string {
  return canonicalSha256(validateSafetyConfig(config));
}

/**
 * The `safety_config` provenance component of a config.
 * @throws {SafetyError} `INVALID_CONFIG` or `UNKNOWN_CATEGORY` as {@link validateSafetyConfig}
 * @example const { name, sha256 } = safetyConfigComponent(createSafetyConfig());
 */
export function safetyConfigComponent(config: SafetyConfig): SafetyComponent {
  const canonical = validateSafetyConfig(config);
  return {
    name: "safety_config",
    value: canonical,
    canonicalJson: canonicalJson(canonical),
    sha256: canonicalSha256(canonical),
  };
}
