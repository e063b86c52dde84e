/**
 * The shipped classifier: normalisation (NFKC, case, zero-width characters, diacritics), then per
 * word: homoglyphs of other scripts folded in mixed-script words (UTS #39 idea), l33t digits and
 * symbols decoded, masked letters ("f*ck") and elongations ("fuuuck") expanded, spaced-out letters
 * ("k i l l", "s.h.i.t") joined, irregular verb forms and chat spellings read as their base word
 * ("broke" -> "break", "urself" -> "yourself"); then lexicon terms and phrases matched with simple
 * English inflections and context rules (words required or excluded before / after / around the
 * match, each within its own window), an allow-list of idioms that cancels overlapping matches
 * ("shoot me an email"), weighted cues that count only together (distinct cue entries of a label
 * within 12 words add up; reported from 0.5), and personal data scanned. Matching is loops with
 * bounded look-ahead (context windows of at most 16 words, phrases of at most 8), so time is linear
 * in the text length; the only regular expression applied to the text strips combining marks
 * (`/\p{Mn}+/gu`, one character class, which cannot backtrack).
 */
import type { Classifier, ClassifierFinding, ClassifierOutput } from "./classifier.js";
import { SafetyError } from "./errors.js";
import { type ContextCondition, type ContextRules, DEFAULT_LEXICON, type Lexicon } from "./lexicon.js";
import { normalizeText } from "./normalize.js";
import { scanPersonalData } from "./personal-data.js";
import { AGE_RATINGS, type AgeRating, isSafetyLabel, ratingRank, SAFETY_LABELS, type SafetyLabel } from "./taxonomy.js";
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
/** Cues of one label add up when they match within this many words of each other. */
export const CUE_WINDOW = 12;
/** A sum of cue weights is reported from this value on (its score is the sum, at most 1). */
export const CUE_MIN_SCORE = 0.5;

interface Condition {
  set: ReadonlySet<string>;
  before: boolean;
  after: boolean;
  window: number;
}

interface CompiledEntry {
  id: string;
  /** The label reported (findings and cues). */
  label: SafetyLabel | undefined;
  rating: AgeRating | undefined;
  score: number;
  /** 0 for a finding entry; the weight of a cue entry. */
  cue: number;
  /** Bit mask of the labels an allow entry cancels (0 for other entries). */
  allowMask: number;
  requires: Condition[];
  unless: Condition[];
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

const LABEL_BIT = new Map<SafetyLabel, number>(SAFETY_LABELS.map((l, n) => [l, 1 << n]));

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

function checkWindow(window: unknown, path: string): number {
  if (!Number.isInteger(window) || (window as number) < 1 || (window as number) > MAX_LEXICON_WINDOW) {
    throw new SafetyError("INVALID_LEXICON", `${path} must be an integer in [1, ${MAX_LEXICON_WINDOW}]`);
  }
  return window as number;
}

function compileConditions(
  list: readonly ContextCondition[] | undefined,
  window: number,
  path: string,
  out: Condition[],
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) throw new SafetyError("INVALID_LEXICON", `${path} must be an array`);
  list.forEach((c, n) => {
    const at = `${path}[${n}]`;
    if (typeof c !== "object" || c === null) throw new SafetyError("INVALID_LEXICON", `${at} must be an object`);
    const set = toSet(c.words, `${at}.words`);
    if (set === undefined || set.size === 0) {
      throw new SafetyError("INVALID_LEXICON", `${at}.words must be a non-empty array`);
    }
    const side = c.side ?? "either";
    if (side !== "before" && side !== "after" && side !== "either") {
      throw new SafetyError("INVALID_LEXICON", `${at}.side must be "before", "after" or "either"`);
    }
    out.push({
      set,
      before: side !== "after",
      after: side !== "before",
      window: c.window === undefined ? window : checkWindow(c.window, `${at}.window`),
    });
  });
}

function compileRules(
  rules: ContextRules,
  path: string,
): { window: number; requires: Condition[]; unless: Condition[] } {
  const window = checkWindow(rules.window ?? DEFAULT_WINDOW, `${path}.window`);
  const requires: Condition[] = [];
  const unless: Condition[] = [];
  const legacy = [
    ["after", false, true, requires],
    ["before", true, false, requires],
    ["near", true, true, requires],
    ["notAfter", false, true, unless],
    ["notBefore", true, false, unless],
    ["notNear", true, true, unless],
  ] as const;
  for (const [key, before, after, out] of legacy) {
    const set = toSet(rules[key], `${path}.${key}`);
    if (set !== undefined) out.push({ set, before, after, window });
  }
  compileConditions(rules.requires, window, `${path}.requires`, requires);
  compileConditions(rules.unless, window, `${path}.unless`, unless);
  return { window, requires, unless };
}

function indexTerms(index: Map<string, TermRef[]>, terms: unknown, compiled: CompiledEntry, path: string): void {
  if (!Array.isArray(terms) || terms.length === 0) {
    throw new SafetyError("INVALID_LEXICON", `${path}.terms must be a non-empty array`);
  }
  for (const term of terms) {
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
    const { requires, unless } = compileRules(entry, path);
    const score = entry.score ?? 1;
    if (typeof score !== "number" || !(score >= 0 && score <= 1)) {
      throw new SafetyError("INVALID_LEXICON", `${path}.score must be a number in [0, 1]`);
    }
    const cue = entry.cue ?? 0;
    if (typeof cue !== "number" || !(cue >= 0 && cue <= 1) || (entry.cue !== undefined && cue === 0)) {
      throw new SafetyError("INVALID_LEXICON", `${path}.cue must be a number in (0, 1]`);
    }
    const compiled: CompiledEntry = {
      id: String(entry.id),
      label: entry.label,
      rating: entry.rating,
      score,
      cue,
      allowMask: 0,
      requires,
      unless,
    };
    indexTerms(index, entry.terms, compiled, path);
  });
  const allow = lexicon.allow ?? [];
  if (!Array.isArray(allow)) throw new SafetyError("INVALID_LEXICON", "lexicon.allow must be an array");
  allow.forEach((entry, n) => {
    const path = `allow[${n}]`;
    if (typeof entry !== "object" || entry === null)
      throw new SafetyError("INVALID_LEXICON", `${path} must be an object`);
    if (!Array.isArray(entry.labels) || entry.labels.length === 0) {
      throw new SafetyError("INVALID_LEXICON", `${path}.labels must be a non-empty array`);
    }
    let mask = 0;
    for (const label of entry.labels) {
      const bit = LABEL_BIT.get(label);
      if (bit === undefined) {
        throw new SafetyError(
          "INVALID_LEXICON",
          `${path}.labels: ${JSON.stringify(String(label)).slice(0, 80)} is unknown`,
        );
      }
      mask |= bit;
    }
    const { requires, unless } = compileRules(entry, path);
    const compiled: CompiledEntry = {
      id: String(entry.id),
      label: undefined,
      rating: undefined,
      score: 0,
      cue: 0,
      allowMask: mask,
      requires,
      unless,
    };
    indexTerms(index, entry.terms, compiled, path);
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

function holds(c: Condition, words: Word[], i: number, j: number, counter: { steps: number }): boolean {
  return (
    (c.before && hasAny(words, i - c.window, i - 1, c.set, counter)) ||
    (c.after && hasAny(words, j + 1, j + c.window, c.set, counter))
  );
}

function contextAllows(c: CompiledEntry, words: Word[], i: number, j: number, counter: { steps: number }): boolean {
  for (const cond of c.requires) if (!holds(cond, words, i, j, counter)) return false;
  for (const cond of c.unless) if (holds(cond, words, i, j, counter)) return false;
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

/** A match of a finding or cue entry, kept until the allow-list has been applied. */
interface Hit {
  ref: TermRef;
  i: number;
  j: number;
}

/** Scratch arrays reused across the chunks of one text. */
interface Scratch {
  seen: TermRef[];
  hits: Hit[];
}

function isSuppressed(hit: Hit, mask: Uint16Array | undefined, counter: { steps: number }): boolean {
  if (mask === undefined) return false;
  const bit = LABEL_BIT.get(hit.ref.compiled.label!)!;
  for (let k = hit.i; k <= hit.j; k++) {
    counter.steps++;
    if ((mask[k]! & bit) !== 0) return true;
  }
  return false;
}

function reportFinding(hit: Hit, record: RecordFinding): void {
  const { id, label, rating, score } = hit.ref.compiled;
  const finding: ClassifierFinding = { label: label!, score, evidence: hit.ref.phrase, rule: id };
  if (rating !== undefined) finding.rating = rating;
  record(label!, finding);
}

/**
 * Adds up the cue hits of one label (in text order) over windows of {@link CUE_WINDOW} words,
 * each cue entry counted once per window, and reports the best window when it reaches
 * {@link CUE_MIN_SCORE}. Two pointers: linear in the number of hits.
 */
function reportCues(label: SafetyLabel, cues: Hit[], record: RecordFinding, counter: { steps: number }): void {
  const inWindow = new Map<CompiledEntry, number>();
  let sum = 0;
  let best = 0;
  let bestLo = 0;
  let bestHi = -1;
  let lo = 0;
  for (let hi = 0; hi < cues.length; hi++) {
    counter.steps++;
    const entry = cues[hi]!.ref.compiled;
    const n = inWindow.get(entry) ?? 0;
    inWindow.set(entry, n + 1);
    if (n === 0) sum += entry.cue;
    while (cues[hi]!.i - cues[lo]!.i >= CUE_WINDOW) {
      counter.steps++;
      const old = cues[lo]!.ref.compiled;
      const m = inWindow.get(old)!;
      inWindow.set(old, m - 1);
      if (m === 1) sum -= old.cue;
      lo++;
    }
    if (sum > best + 1e-9) {
      best = sum;
      bestLo = lo;
      bestHi = hi;
    }
  }
  if (best + 1e-9 < CUE_MIN_SCORE) return;
  const phrases: string[] = [];
  const ids: string[] = [];
  let rating: AgeRating | undefined;
  for (let k = bestLo; k <= bestHi; k++) {
    const { ref } = cues[k]!;
    if (!ids.includes(ref.compiled.id)) {
      ids.push(ref.compiled.id);
      phrases.push(ref.phrase);
      const r = ref.compiled.rating;
      if (r !== undefined && (rating === undefined || ratingRank(r) > ratingRank(rating))) rating = r;
    }
  }
  const finding: ClassifierFinding = {
    label,
    score: Math.min(1, Math.round(best * 100) / 100),
    evidence: phrases.join(" + "),
    rule: ids.join("+"),
  };
  if (rating !== undefined) finding.rating = rating;
  record(label, finding);
}

function matchWords(
  words: Word[],
  compiled: CompiledLexicon,
  scratch: Scratch,
  record: RecordFinding,
  counter: { steps: number },
): void {
  const { seen, hits } = scratch;
  hits.length = 0;
  // Allowed idioms, per word: bit n set = label n may not be reported from this word.
  let mask: Uint16Array | undefined;
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
        const allowMask = ref.compiled.allowMask;
        if (allowMask !== 0) {
          mask ??= new Uint16Array(words.length);
          for (let k = i; k <= j; k++) mask[k]! |= allowMask;
        } else {
          hits.push({ ref, i, j });
        }
      }
    }
  }
  let cuesByLabel: Map<SafetyLabel, Hit[]> | undefined;
  for (const hit of hits) {
    counter.steps++;
    if (isSuppressed(hit, mask, counter)) continue;
    if (hit.ref.compiled.cue === 0) {
      reportFinding(hit, record);
      continue;
    }
    cuesByLabel ??= new Map();
    const label = hit.ref.compiled.label!;
    const list = cuesByLabel.get(label);
    if (list === undefined) cuesByLabel.set(label, [hit]);
    else list.push(hit);
  }
  if (cuesByLabel !== undefined) {
    for (const [label, cues] of cuesByLabel) reportCues(label, cues, record, counter);
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
  const scratch: Scratch = { seen: [], hits: [] };
  for (const [from, to] of chunkBounds(normalised, counter)) {
    const chunk = from === 0 && to === normalised.length ? normalised : normalised.slice(from, to);
    matchWords(analyseWords(chunk, counter), compiled, scratch, record, counter);
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
