/**
 * Run-time detection of identity questions ("who are you", "which model is this") and feedback
 * intents ("where can I report a problem") in English, Spanish, French, German, Italian,
 * Portuguese, Russian, Dutch, Chinese and Japanese, so a deployment can answer them with the
 * model's verifiable identity or its feedback page.
 *
 * Unlike substring matching (the ModelSignature SDK's approach, where "who are youth" matches),
 * every built-in pattern is anchored on word boundaries and, for short questions, on the end of
 * the clause, so "who are you voting for?" is not an identity question. Matching runs on
 * normalised text: NFKC, lowercase, accents removed from Latin and Cyrillic letters, curly
 * apostrophes straightened, English contractions and chat slang expanded ("who r u" ->
 * "who are you"). Quoted spans are ignored when the message has other words ("translate
 * 'who are you' into Spanish" mentions the question, it does not ask it). See the package README for the measured precision and recall.
 */
import { FingerprintError } from "./errors.js";
import {
  BUILT_IN_PATTERNS,
  type DetectedIntent,
  type IdentityCategory,
  type PatternSpec,
  PLACEHOLDERS,
} from "./identity-patterns.js";

export type { DetectedIntent, IdentityCategory } from "./identity-patterns.js";

/** Default confidence threshold of the boolean helpers (the ModelSignature SDK's default). */
export const DEFAULT_DETECTION_THRESHOLD = 0.7;
/** Default confidence of a custom pattern. */
export const DEFAULT_CUSTOM_PATTERN_CONFIDENCE = 0.8;
/** Only this many leading characters of a message are examined (questions come first; keeps matching linear and cheap). */
export const DEFAULT_MAX_DETECTOR_INPUT = 2000;

/** A custom pattern added to the built-in ones. */
export interface CustomPattern {
  /**
   * A phrase (matched on normalised text, as a whole-word sequence, whitespace-insensitive) or a
   * regular expression (run as given on the normalised text; `g` and `y` flags are dropped).
   */
  pattern: string | RegExp;
  /** What a match means. */
  intent: DetectedIntent;
  /** Confidence of a match, in (0, 1]. Default {@link DEFAULT_CUSTOM_PATTERN_CONFIDENCE}. */
  confidence?: number;
  /** A language tag to report (informative). Default `"custom"`. */
  language?: string;
}

/** Options of {@link IdentityQuestionDetector}. */
export interface DetectorOptions {
  /** Extra patterns. */
  customPatterns?: readonly CustomPattern[];
  /** Restrict built-in patterns to these languages (`"en"`, `"es"`, ...). Default: all. */
  languages?: readonly string[];
  /** Default threshold of the boolean helpers. Default {@link DEFAULT_DETECTION_THRESHOLD}. */
  threshold?: number;
  /** Characters examined. Default {@link DEFAULT_MAX_DETECTOR_INPUT}. */
  maxInputLength?: number;
}

/** One pattern that matched. */
export interface DetectionMatch {
  /** What the pattern means. */
  intent: DetectedIntent;
  /** Finer grain. */
  category: IdentityCategory;
  /** Language of the pattern (`"custom"` for custom patterns without one). */
  language: string;
  /** Confidence of this match. */
  confidence: number;
  /** The matched span of the normalised text. */
  text: string;
}

/** The result of {@link IdentityQuestionDetector.detect}. */
export interface Detection {
  /** The most confident intent, or `null` when nothing matched. */
  intent: DetectedIntent | null;
  /** Its category, or `null`. */
  category: IdentityCategory | null;
  /** Its confidence in [0, 1] (0 when nothing matched). */
  confidence: number;
  /** Its pattern's language, or `null`. */
  language: string | null;
  /** Every match, most confident first. */
  matches: DetectionMatch[];
}

interface CompiledPattern {
  intent: DetectedIntent;
  category: IdentityCategory;
  language: string;
  confidence: number;
  regex: RegExp;
}

const LATIN_OR_CYRILLIC_WITH_MARKS = /([\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}])\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
const SPACES = /\s+/gu;
// English contractions and chat slang, as whole words (applied in order).
const EXPANSIONS: [RegExp, string][] = [
  [/(?<![\p{L}\p{N}'])what's(?![\p{L}\p{N}])/gu, "what is"],
  [/(?<![\p{L}\p{N}'])whats(?![\p{L}\p{N}])/gu, "what is"],
  [/(?<![\p{L}\p{N}'])who's(?![\p{L}\p{N}])/gu, "who is"],
  [/(?<![\p{L}\p{N}'])whos(?![\p{L}\p{N}])/gu, "who is"],
  [/(?<![\p{L}\p{N}'])who're(?![\p{L}\p{N}])/gu, "who are"],
  [
    /(?<![\p{L}\p{N}'])(?:you're|youre|ur)(?= (?:a|an|the|really|actually|not|who|what|real|human|ai|bot)(?![\p{L}\p{N}]))/gu,
    "you are",
  ],
  [/(?<![\p{L}\p{N}'])you're(?![\p{L}\p{N}])/gu, "you are"],
  [/(?<![\p{L}\p{N}'])i'm(?![\p{L}\p{N}])/gu, "i am"],
  [/(?<![\p{L}\p{N}'])i'd(?![\p{L}\p{N}])/gu, "i would"],
  [/(?<![\p{L}\p{N}'])(?:wat|wut|wht|whatt)(?![\p{L}\p{N}])/gu, "what"],
  [/(?<![\p{L}\p{N}'])(?:u|ya|yu)(?![\p{L}\p{N}'])/gu, "you"],
  [/(?<![\p{L}\p{N}'])r(?![\p{L}\p{N}'])/gu, "are"],
  [/(?<![\p{L}\p{N}'])ur(?![\p{L}\p{N}'])/gu, "your"],
  [/(?<![\p{L}\p{N}'])wanna(?![\p{L}\p{N}])/gu, "want to"],
];

// A quoted span is a mention ("translate 'who are you'"), not a question to the assistant.
const QUOTED =
  /(^|[\s(:,])(?:"[^"\n]{1,200}"|'[^'\n]{1,200}'|“[^”\n]{1,200}”|«[^»\n]{1,200}»|「[^」\n]{1,200}」|『[^』\n]{1,200}』)(?=$|[\s.,;:!?)。、，])/gu;
const HAS_LETTER = /\p{L}/u;

/** Blanks out quoted spans, unless nothing else in the message has letters (the whole message is quoted). */
function maskQuotes(text: string): string {
  const masked = text.replace(QUOTED, (whole, lead: string) => lead + " ".repeat(whole.length - lead.length));
  return masked !== text && HAS_LETTER.test(masked) ? masked : text;
}

function stripMarks(text: string): string {
  return text.normalize("NFD").replace(LATIN_OR_CYRILLIC_WITH_MARKS, "$1").normalize("NFC");
}

/**
 * The normalisation the detector matches on: NFKC, lowercase, Latin/Cyrillic/Greek accents
 * removed, apostrophes straightened, English contractions and slang expanded, whitespace collapsed.
 * @param text - any text
 * @returns the normalised text
 */
export function normalizeForDetection(text: string): string {
  let t = stripMarks(text.normalize("NFKC").toLowerCase()).replace(APOSTROPHES, "'");
  for (const [re, replacement] of EXPANSIONS) t = t.replace(re, replacement);
  return t.replace(SPACES, " ").trim();
}

function expand(source: string): string {
  let out = source;
  // Placeholders may contain placeholders (TAIL uses REF and END): expand until stable.
  for (let depth = 0; depth < 4 && out.includes("{"); depth++) {
    out = out.replace(/\{([A-Z_]+)\}/g, (whole, name: string) => PLACEHOLDERS[name] ?? whole);
  }
  return out;
}

function compileBuiltIn(spec: PatternSpec): CompiledPattern {
  return {
    intent: spec.intent,
    category: spec.category,
    language: spec.language,
    confidence: spec.confidence,
    regex: new RegExp(stripMarks(expand(spec.source)), "u"),
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compileCustom(custom: CustomPattern, index: number): CompiledPattern {
  const where = `customPatterns[${index}]`;
  if (typeof custom !== "object" || custom === null) {
    throw new FingerprintError("INVALID_PATTERN", `${where} must be an object`);
  }
  if (custom.intent !== "identity" && custom.intent !== "feedback") {
    throw new FingerprintError("INVALID_PATTERN", `${where}.intent must be "identity" or "feedback"`);
  }
  const confidence = custom.confidence ?? DEFAULT_CUSTOM_PATTERN_CONFIDENCE;
  if (typeof confidence !== "number" || !(confidence > 0 && confidence <= 1)) {
    throw new FingerprintError("INVALID_PATTERN", `${where}.confidence must be in (0, 1]`);
  }
  let regex: RegExp;
  if (custom.pattern instanceof RegExp) {
    if (custom.pattern.source === "(?:)") {
      throw new FingerprintError("INVALID_PATTERN", `${where}.pattern must not be empty`);
    }
    regex = new RegExp(custom.pattern.source, custom.pattern.flags.replace(/[gy]/g, ""));
  } else if (typeof custom.pattern === "string") {
    const words = normalizeForDetection(custom.pattern).split(" ").filter(Boolean);
    if (words.length === 0) throw new FingerprintError("INVALID_PATTERN", `${where}.pattern must not be empty`);
    const body = words.map(escapeRegex).join("\\s+");
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const left = /^[\p{L}\p{N}]/u.test(first) ? "(?<![\\p{L}\\p{N}_])" : "";
    const right = /[\p{L}\p{N}]$/u.test(last) ? "(?![\\p{L}\\p{N}_])" : "";
    regex = new RegExp(left + body + right, "u");
  } else {
    throw new FingerprintError("INVALID_PATTERN", `${where}.pattern must be a string or a RegExp`);
  }
  return { intent: custom.intent, category: "custom", language: custom.language ?? "custom", confidence, regex };
}

let builtInCache: CompiledPattern[] | undefined;

function builtIns(): CompiledPattern[] {
  builtInCache ??= BUILT_IN_PATTERNS.map(compileBuiltIn);
  return builtInCache;
}

/**
 * Detects identity questions and feedback intents, with a confidence.
 *
 * Confidence is the matching pattern's base confidence (0.8 to 0.9, lower for looser phrasings),
 * raised by 0.04 when the match covers at least 60 % of the message (the message is essentially
 * the question) and by 0.03 when the message contains a question mark, capped at 0.99.
 *
 * @example
 * ```ts
 * const detector = new IdentityQuestionDetector();
 * detector.isIdentityQuestion("Which model am I talking to?"); // true
 * detector.isIdentityQuestion("Who are youth workers?"); // false
 * detector.detect("Where can I report a problem with this model?").intent; // "feedback"
 * ```
 */
export class IdentityQuestionDetector {
  readonly #patterns: CompiledPattern[];
  readonly #threshold: number;
  readonly #maxInputLength: number;

  /**
   * @param options - custom patterns, languages, threshold, input limit
   * @throws {FingerprintError} `INVALID_PATTERN` for a bad custom pattern; `INVALID_OPTION` for a
   *   bad threshold, input limit or language list
   */
  constructor(options: DetectorOptions = {}) {
    const threshold = options.threshold ?? DEFAULT_DETECTION_THRESHOLD;
    if (typeof threshold !== "number" || !(threshold >= 0 && threshold <= 1)) {
      throw new FingerprintError("INVALID_OPTION", "threshold must be in [0, 1]");
    }
    const maxInputLength = options.maxInputLength ?? DEFAULT_MAX_DETECTOR_INPUT;
    if (!Number.isInteger(maxInputLength) || maxInputLength < 1) {
      throw new FingerprintError("INVALID_OPTION", "maxInputLength must be a positive integer");
    }
    let patterns = builtIns();
    if (options.languages !== undefined) {
      if (!Array.isArray(options.languages)) throw new FingerprintError("INVALID_OPTION", "languages must be an array");
      const wanted = new Set(options.languages);
      patterns = patterns.filter((p) => wanted.has(p.language));
    }
    const custom = (options.customPatterns ?? []).map(compileCustom);
    this.#patterns = [...patterns, ...custom];
    this.#threshold = threshold;
    this.#maxInputLength = maxInputLength;
  }

  /** Languages of the built-in patterns. */
  static get languages(): string[] {
    return [...new Set(BUILT_IN_PATTERNS.map((p) => p.language))];
  }

  /**
   * Finds every identity / feedback pattern in a message.
   * @param text - the user's message (only the first `maxInputLength` characters are examined)
   * @returns the most confident intent with its confidence, and every match
   */
  detect(text: string): Detection {
    if (typeof text !== "string") {
      return { intent: null, category: null, confidence: 0, language: null, matches: [] };
    }
    const normalized = maskQuotes(normalizeForDetection(text.slice(0, this.#maxInputLength)));
    const hasQuestionMark = /[?？]/u.test(normalized);
    const matches: DetectionMatch[] = [];
    for (const p of this.#patterns) {
      const m = p.regex.exec(normalized);
      if (m === null) continue;
      const coverage =
        normalized.length === 0 ? 0 : m[0].trim().length / normalized.replace(/[\s?!.。？！]+$/u, "").length;
      const confidence = Math.min(0.99, p.confidence + (coverage >= 0.6 ? 0.04 : 0) + (hasQuestionMark ? 0.03 : 0));
      matches.push({
        intent: p.intent,
        category: p.category,
        language: p.language,
        confidence: Math.round(confidence * 100) / 100,
        text: m[0],
      });
    }
    matches.sort((a, b) => b.confidence - a.confidence);
    const best = matches[0];
    if (best === undefined) return { intent: null, category: null, confidence: 0, language: null, matches };
    return {
      intent: best.intent,
      category: best.category,
      confidence: best.confidence,
      language: best.language,
      matches,
    };
  }

  /**
   * @param text - the user's message
   * @param threshold - minimum confidence (default: the detector's threshold)
   * @returns `"identity"`, `"feedback"` or `"none"`: the most confident intent at or above the threshold
   */
  classify(text: string, threshold = this.#threshold): DetectedIntent | "none" {
    const best = this.detect(text).matches.find((m) => m.confidence >= threshold);
    return best === undefined ? "none" : best.intent;
  }

  /**
   * @param text - the user's message
   * @param threshold - minimum confidence (default: the detector's threshold)
   * @returns whether the message asks the assistant who or what it is (name, model, maker, proof)
   */
  isIdentityQuestion(text: string, threshold = this.#threshold): boolean {
    return this.detect(text).matches.some((m) => m.intent === "identity" && m.confidence >= threshold);
  }

  /**
   * @param text - the user's message
   * @param threshold - minimum confidence (default: the detector's threshold)
   * @returns whether the message asks how to report a problem with, or give feedback on, the assistant
   */
  isFeedbackRequest(text: string, threshold = this.#threshold): boolean {
    return this.detect(text).matches.some((m) => m.intent === "feedback" && m.confidence >= threshold);
  }
}
