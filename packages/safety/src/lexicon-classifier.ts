/**
 * The shipped classifier: normalisation (NFKC, case, zero-width characters, diacritics), then per
 * word: homoglyphs of other scripts folded in mixed-script words (UTS #39 idea), l33t digits and
 * symbols decoded, masked letters ("f*ck") and elongations ("fuuuck") expanded, spaced-out letters
 * ("k i l l", "s.h.i.t") joined; then lexicon terms and phrases matched with simple English
 * inflections and context rules, and personal data scanned. Matching is loops with bounded
 * look-ahead (context windows of at most 16 words, phrases of at most 8), so time is linear in the
 * text length; the only regular expression applied to the text strips combining marks
 * (`/\p{Mn}+/gu`, one character class, which cannot backtrack).
 */
import type { Classifier, ClassifierFinding, ClassifierOutput } from "./classifier.js";
import { SafetyError } from "./errors.js";
import { DEFAULT_LEXICON, type Lexicon, type LexiconEntry } from "./lexicon.js";
import { normalizeText } from "./normalize.js";
import { scanPersonalData } from "./personal-data.js";
import { AGE_RATINGS, type AgeRating, isSafetyLabel, ratingRank, type SafetyLabel } from "./taxonomy.js";
import { analyseWords, isWordCode, MAX_WORD_LENGTH, type Word } from "./words.js";

/** Options of {@link createLexiconClassifier}. */
export interface LexiconClassifierOptions {
  /** The lexicon to match (default {@link DEFAULT_LEXICON}). */
  lexicon?: Lexicon;
  /** Whether to scan for personal data (e-mail, card, phone, id numbers, IBAN); default true. */
  detectPersonalData?: boolean;
}

/** The lexicon classifier: a {@link Classifier} whose `classify` is synchronous. */
export interface LexiconClassifier extends Classifier {
  /** Classify `text` synchronously. */
  classify(text: string): ClassifierOutput;
}

/** Longest context window a lexicon entry may ask for. */
export const MAX_LEXICON_WINDOW = 16;
const DEFAULT_WINDOW = 4;
const MAX_PHRASE_WORDS = 8;

interface CompiledEntry {
  entry: LexiconEntry;
  rating: AgeRating | undefined;
  score: number;
  window: number;
  near?: ReadonlySet<string>;
  after?: ReadonlySet<string>;
  before?: ReadonlySet<string>;
  notNear?: ReadonlySet<string>;
  notAfter?: ReadonlySet<string>;
  notBefore?: ReadonlySet<string>;
}

interface TermRef {
  compiled: CompiledEntry;
  phrase: string;
  rest: readonly string[];
}

/** A compiled lexicon: term index keyed by first word. */
export interface CompiledLexicon {
  index: Map<string, TermRef[]>;
}

function splitTerm(term: string): string[] {
  return normalizeText(term)
    .split(/[\s'-]+/)
    .filter((w) => w.length > 0);
}

function toSet(words: readonly string[] | undefined, path: string): ReadonlySet<string> | undefined {
  if (words === undefined) return undefined;
  if (!Array.isArray(words) || words.some((w) => typeof w !== "string" || w.length === 0)) {
    throw new SafetyError("INVALID_LEXICON", `${path} must be an array of non-empty strings`);
  }
  return new Set(words.map((w) => normalizeText(w)));
}

/**
 * Validates and compiles a lexicon into a term index (done once per classifier).
 * @throws {SafetyError} `INVALID_LEXICON` naming the first malformed entry
 */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  if (typeof lexicon !== "object" || lexicon === null || !Array.isArray(lexicon.entries)) {
    throw new SafetyError("INVALID_LEXICON", "lexicon must be an object with an `entries` array");
  }
  const index = new Map<string, TermRef[]>();
  lexicon.entries.forEach((entry, n) => {
    const path = `entries[${n}]`;
    if (typeof entry !== "object" || entry === null)
      throw new SafetyError("INVALID_LEXICON", `${path} must be an object`);
    if (!isSafetyLabel(entry.label)) {
      throw new SafetyError(
        "INVALID_LEXICON",
        `${path}.label ${JSON.stringify(String(entry.label)).slice(0, 80)} is unknown`,
      );
    }
    if (entry.rating !== undefined && !(AGE_RATINGS as readonly string[]).includes(entry.rating)) {
      throw new SafetyError("INVALID_LEXICON", `${path}.rating is unknown`);
    }
    const window = entry.window ?? DEFAULT_WINDOW;
    if (!Number.isInteger(window) || window < 1 || window > MAX_LEXICON_WINDOW) {
      throw new SafetyError("INVALID_LEXICON", `${path}.window must be an integer in [1, ${MAX_LEXICON_WINDOW}]`);
    }
    const score = entry.score ?? 1;
    if (typeof score !== "number" || !(score >= 0 && score <= 1)) {
      throw new SafetyError("INVALID_LEXICON", `${path}.score must be a number in [0, 1]`);
    }
    if (!Array.isArray(entry.terms) || entry.terms.length === 0) {
      throw new SafetyError("INVALID_LEXICON", `${path}.terms must be a non-empty array`);
    }
    const compiled: CompiledEntry = { entry, rating: entry.rating, score, window };
    const sets = ["near", "after", "before", "notNear", "notAfter", "notBefore"] as const;
    for (const key of sets) {
      const set = toSet(entry[key], `${path}.${key}`);
      if (set !== undefined) compiled[key] = set;
    }
    for (const term of entry.terms) {
      if (typeof term !== "string") throw new SafetyError("INVALID_LEXICON", `${path}.terms must hold strings`);
      const words = splitTerm(term);
      if (words.length === 0 || words.length > MAX_PHRASE_WORDS) {
        throw new SafetyError(
          "INVALID_LEXICON",
          `${path}.terms: "${term.slice(0, 40)}" must have 1 to ${MAX_PHRASE_WORDS} words`,
        );
      }
      const [head, ...rest] = words as [string, ...string[]];
      let refs = index.get(head);
      if (refs === undefined) {
        refs = [];
        index.set(head, refs);
      }
      refs.push({ compiled, phrase: words.join(" "), rest });
    }
  });
  return { index };
}

function hasAny(
  words: Word[],
  from: number,
  to: number,
  set: ReadonlySet<string>,
  counter: { steps: number },
): boolean {
  const lo = Math.max(0, from);
  const hi = Math.min(words.length - 1, to);
  for (let k = lo; k <= hi; k++) {
    const keys = words[k]!.keys;
    for (let m = 0; m < keys.length; m++) {
      counter.steps++;
      if (set.has(keys[m]!)) return true;
    }
  }
  return false;
}

function contextAllows(c: CompiledEntry, words: Word[], i: number, j: number, counter: { steps: number }): boolean {
  const w = c.window;
  if (c.after && !hasAny(words, j + 1, j + w, c.after, counter)) return false;
  if (c.before && !hasAny(words, i - w, i - 1, c.before, counter)) return false;
  if (c.near && !hasAny(words, i - w, i - 1, c.near, counter) && !hasAny(words, j + 1, j + w, c.near, counter)) {
    return false;
  }
  if (c.notAfter && hasAny(words, j + 1, j + w, c.notAfter, counter)) return false;
  if (c.notBefore && hasAny(words, i - w, i - 1, c.notBefore, counter)) return false;
  if (
    c.notNear &&
    (hasAny(words, i - w, i - 1, c.notNear, counter) || hasAny(words, j + 1, j + w, c.notNear, counter))
  ) {
    return false;
  }
  return true;
}

function wordHas(word: Word | undefined, key: string): boolean {
  return word?.keys.includes(key) === true;
}

/** Internal result of one analysis, with the work counter the linear-time tests read. */
export interface LexiconAnalysis {
  findings: ClassifierFinding[];
  steps: number;
}

/** Long texts are matched in chunks of about this many characters ... */
export const CHUNK_CHARS = 32_768;
/** ... each extended by this much context on both sides (covers any window, phrase or spaced run). */
export const CHUNK_OVERLAP = 4_096;

/**
 * Chunks of a long normalised text, overlapping so that every match (at most 8 + 2 x 16 words of
 * at most 64 characters) lies whole inside one chunk. Findings are merged per label, so a match
 * seen by two chunks counts once. Edges move forward to a word boundary, at most 64 + 1 characters.
 */
function chunkBounds(s: string, counter: { steps: number }): [number, number][] {
  if (s.length <= CHUNK_CHARS + CHUNK_OVERLAP) return [[0, s.length]];
  const toBoundary = (at: number): number => {
    if (at <= 0) return 0;
    if (at >= s.length) return s.length;
    // A word cut here would leave a fragment; move to the next non-word character. A word longer
    // than MAX_WORD_LENGTH matches nothing, so cutting it is harmless.
    for (let k = 0; k <= MAX_WORD_LENGTH && at + k < s.length; k++) {
      counter.steps++;
      if (!isWordCode(s.charCodeAt(at + k))) return at + k;
    }
    return at;
  };
  const bounds: [number, number][] = [];
  for (let start = 0; start < s.length; start += CHUNK_CHARS) {
    bounds.push([toBoundary(start - CHUNK_OVERLAP), toBoundary(start + CHUNK_CHARS + CHUNK_OVERLAP)]);
  }
  return bounds;
}

type RecordFinding = (label: SafetyLabel, finding: ClassifierFinding) => void;

function matchWords(
  words: Word[],
  compiled: CompiledLexicon,
  seen: TermRef[],
  record: RecordFinding,
  counter: { steps: number },
): void {
  for (let i = 0; i < words.length; i++) {
    const keys = words[i]!.keys;
    seen.length = 0;
    for (let m = 0; m < keys.length; m++) {
      counter.steps++;
      const refs = compiled.index.get(keys[m]!);
      if (refs === undefined) continue;
      for (const ref of refs) {
        counter.steps++;
        if (seen.includes(ref)) continue;
        seen.push(ref);
        let j = i;
        let ok = true;
        for (const next of ref.rest) {
          counter.steps++;
          j++;
          if (!wordHas(words[j], next)) {
            ok = false;
            break;
          }
        }
        if (!ok || !contextAllows(ref.compiled, words, i, j, counter)) continue;
        const { entry, rating, score } = ref.compiled;
        const finding: ClassifierFinding = { label: entry.label, score, evidence: ref.phrase, rule: entry.id };
        if (rating !== undefined) finding.rating = rating;
        record(entry.label, finding);
      }
    }
  }
}

/**
 * Analyses one text against a compiled lexicon (internal; {@link createLexiconClassifier} wraps it).
 * `steps` counts loop iterations, so tests can check linear growth without timing anything.
 */
export function analyseText(text: string, compiled: CompiledLexicon, detectPersonalData = true): LexiconAnalysis {
  const counter = { steps: 0 };
  const normalised = normalizeText(text);
  const byLabel = new Map<SafetyLabel, ClassifierFinding>();
  const record: RecordFinding = (label, finding) => {
    const prior = byLabel.get(label);
    if (
      prior === undefined ||
      finding.score > prior.score ||
      (finding.score === prior.score && ratingRank(finding.rating ?? "GENERAL") > ratingRank(prior.rating ?? "GENERAL"))
    ) {
      byLabel.set(label, finding);
    }
  };
  // Two spellings of one word (e.g. "kills" and its stem "kill") may reach the same term once each.
  const seen: TermRef[] = [];
  for (const [from, to] of chunkBounds(normalised, counter)) {
    const chunk = from === 0 && to === normalised.length ? normalised : normalised.slice(from, to);
    matchWords(analyseWords(chunk, counter), compiled, seen, record, counter);
  }
  if (detectPersonalData) {
    const scan = scanPersonalData(normalised);
    counter.steps += scan.steps;
    if (scan.kinds.length > 0) {
      record("personal_data", {
        label: "personal_data",
        score: 1,
        evidence: scan.kinds.join(", "),
        rule: "personal_data.scan",
      });
    }
  }
  return { findings: [...byLabel.values()], steps: counter.steps };
}

/**
 * Creates the shipped lexicon-and-rules classifier. It is synchronous, so it works with both
 * `SafetyChecker.check` and `checkAsync`. One finding per label is reported (the strongest), with
 * the matched term or phrase as evidence (for personal data, only the kind of data).
 * @param options - lexicon and personal-data detection
 * @returns a {@link Classifier}
 * @throws {SafetyError} `INVALID_LEXICON` when a custom lexicon is malformed
 * @example
 * const classifier = createLexiconClassifier();
 * classifier.classify("I will k1ll y0u").findings[0]?.label; // "violence"
 * classifier.classify("kill the process on port 8080").findings; // []
 */
export function createLexiconClassifier(options: LexiconClassifierOptions = {}): LexiconClassifier {
  const compiled = compileLexicon(options.lexicon ?? DEFAULT_LEXICON);
  const detect = options.detectPersonalData ?? true;
  return {
    classify(text: string): ClassifierOutput {
      if (typeof text !== "string") throw new SafetyError("INVALID_TEXT", "text must be a string");
      return { findings: analyseText(text, compiled, detect).findings };
    },
  };
}
