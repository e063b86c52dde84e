/**
 * Run-time detection of identity questions ("who are you", "which model is this") and feedback
 * intents ("where can I report a problem") in English, Spanish, French, German, Italian,
 * Portuguese, Russian, Dutch, Chinese and Japanese, so a deployment can answer them with the
 * model's verifiable identity or its feedback page.
 *
 * Unlike substring matching (the ModelSignature SDK's approach, where "who are youth" matches),
 * every built-in pattern is anchored on word boundaries and, for short questions, on the end of
 * the clause, so "who are you voting for?" is not an identity question. Patterns are written with
 * word classes (who made / built / trained / is behind x you / this chatbot / the assistant), so
 * one pattern covers its paraphrases; a few two-cue rules need two clauses ("this answer is wrong,
 * where do I report it?"). Matching runs on normalised text: NFKC, lowercase, accents removed from
 * Latin and Cyrillic letters, curly apostrophes straightened, stretched letters collapsed, and for
 * the English patterns contractions, chat slang and common typos expanded ("who r u" -> "who are
 * you"). Quoted spans are ignored when the message has other words ("translate 'who are you' into
 * Spanish" mentions the question, it does not ask it). Each pattern only runs when the message has
 * a word its match must start with (a gate read off the pattern), which keeps the cost per message
 * near that of a handful of regular expressions. See the package README for the measured
 * precision and recall.
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
/** Confidence, at most, of a match that lies inside a longer match of the other intent. */
const SUBSUMED_CONFIDENCE = 0.5;
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
  /** The regular expression's source and flags; built-in ones are compiled on first use. */
  source: string;
  flags: string;
  regex?: RegExp;
  /** A second source that must also match (two-cue rules), compiled on first use. */
  requiresSource?: string;
  requires?: RegExp;
  /** Match on the English-expanded text (English and custom patterns) rather than the neutral one. */
  english: boolean;
  /** Skip unless the message has a letter of this script (a cheap filter). */
  script?: "latin" | "cyrillic" | "cjk";
  /** Skip unless a word of the message starts with one of these (derived from the source; a cheap filter). */
  gate?: string[];
}

const LATIN_OR_CYRILLIC_WITH_MARKS = /([\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}])\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// "whooo are youuu" -> "who are you": three or more of the same letter become one.
const STRETCHED = /(\p{L})\1{2,}/gu;
const SPACES = /\s+/gu;

// English contractions, chat slang and common typos, as whole words, in one pass.
const EXPANSIONS: Record<string, string> = {
  "what's": "what is",
  whats: "what is",
  "who's": "who is",
  whos: "who is",
  "who're": "who are",
  "where's": "where is",
  wheres: "where is",
  "you're": "you are",
  youre: "you are",
  "i'm": "i am",
  im: "i am",
  "i'd": "i would",
  "i've": "i have",
  wat: "what",
  wut: "what",
  wht: "what",
  whatt: "what",
  waht: "what",
  whta: "what",
  wich: "which",
  whcih: "which",
  wihch: "which",
  whitch: "which",
  u: "you",
  ya: "you",
  yu: "you",
  yuo: "you",
  yuu: "you",
  r: "are",
  yuor: "your",
  yoru: "your",
  yor: "your",
  nmae: "name",
  naem: "name",
  wanna: "want to",
  gonna: "going to",
};
const EXPANDABLE = new RegExp(
  `(?<![\\p{L}\\p{N}'])(?:${Object.keys(EXPANSIONS)
    .sort((a, b) => b.length - a.length)
    .join("|")}|ur|ar(?= (?:you|u)(?![\\p{L}\\p{N}])))(?![\\p{L}\\p{N}'])`,
  "gu",
);
// "ur a bot" and "ur running on" are "you are ..."; "ur name" is "your name".
const AFTER_YOU_ARE =
  /^ (?:(?:a|an|the|really|actually|not|who|what|real|human|ai|bot|just|still|sure)(?![\p{L}\p{N}])|\p{L}+ing(?![\p{L}\p{N}]))/u;

function expandWord(word: string, offset: number, text: string): string {
  if (word === "ur") return AFTER_YOU_ARE.test(text.slice(offset + 2, offset + 24)) ? "you are" : "your";
  if (word === "ar") return "are";
  return EXPANSIONS[word] ?? word;
}

// A quoted span is a mention ("translate 'who are you'"), not a question to the assistant.
const QUOTED =
  /(^|[\s(:,])(?:"[^"\n]{1,200}"|'[^'\n]{1,200}'|“[^”\n]{1,200}”|«[^»\n]{1,200}»|「[^」\n]{1,200}」|『[^』\n]{1,200}』)(?=$|[\s.,;:!?)。、，])/gu;
const HAS_LETTER = /\p{L}/u;
const HAS_LATIN = /\p{Script=Latin}/u;
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const TRAILING_PUNCTUATION = /[\s?!.。？！]+$/u;
const QUESTION_MARK = /[?？]/u;
const NON_WORD = /[^\p{L}\p{N}_]+/u;

/** Blanks out quoted spans, unless nothing else in the message has letters (the whole message is quoted). */
function maskQuotes(text: string): string {
  const masked = text.replace(QUOTED, (whole, lead: string) => lead + " ".repeat(whole.length - lead.length));
  return masked !== text && HAS_LETTER.test(masked) ? masked : text;
}

function stripMarks(text: string): string {
  return text.normalize("NFD").replace(LATIN_OR_CYRILLIC_WITH_MARKS, "$1").normalize("NFC");
}

/** The language-neutral part of the normalisation (every built-in pattern but the English ones sees this). */
function normalizeBase(text: string): string {
  return stripMarks(text.normalize("NFKC").toLowerCase())
    .replace(APOSTROPHES, "'")
    .replace(INVISIBLE, "")
    .replace(STRETCHED, "$1")
    .replace(SPACES, " ")
    .trim();
}

function expandEnglish(base: string): string {
  return base.replace(EXPANDABLE, expandWord);
}

/**
 * The normalisation the detector matches English and custom patterns on: NFKC, lowercase,
 * Latin/Cyrillic/Greek accents removed, apostrophes straightened, invisible characters removed,
 * letters repeated three or more times collapsed ("whooo" -> "who"), whitespace collapsed, then
 * English contractions, chat slang and common typos expanded ("who r u" -> "who are you", "wich"
 * -> "which"). Patterns of the other languages see the text before that last step, so Dutch
 * "bent u" stays "bent u".
 * @param text - any text
 * @returns the normalised text
 */
export function normalizeForDetection(text: string): string {
  return expandEnglish(normalizeBase(text));
}

// "{NAME}", but not a Unicode property escape such as \p{L}.
const PLACEHOLDER = /(?<!\\[pP])\{([A-Z_]+)\}/g;

const resolvedPlaceholders = new Map<string, string>();

/** A placeholder's value with its own placeholders expanded and accents removed (cached). */
function resolvePlaceholder(name: string, depth = 0): string {
  const cached = resolvedPlaceholders.get(name);
  if (cached !== undefined) return cached;
  const value = PLACEHOLDERS[name];
  if (value === undefined || depth > 8) throw new Error(`unknown or cyclic placeholder {${name}}`);
  const resolved = stripMarks(value).replace(PLACEHOLDER, (_, inner: string) => resolvePlaceholder(inner, depth + 1));
  resolvedPlaceholders.set(name, resolved);
  return resolved;
}

/** A pattern source with its placeholders expanded and accents removed. */
function expand(source: string): string {
  return stripMarks(source).replace(PLACEHOLDER, (_, name: string) => resolvePlaceholder(name));
}

const SCRIPTS: Record<string, CompiledPattern["script"]> = {
  en: "latin",
  es: "latin",
  fr: "latin",
  de: "latin",
  it: "latin",
  pt: "latin",
  nl: "latin",
  ru: "cyrillic",
  zh: "cjk",
  ja: "cjk",
};

const BOUNDARY = "(?<![\\p{L}\\p{N}_])";

/** Index of the parenthesis closing the group that opens at `open`, or -1. */
function closingParen(src: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

/** The top-level alternatives of a regex source. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

/*
 * Gates. Most built-in patterns cannot match unless some word of the message starts with one of a
 * few literal words ("who made you" needs a word starting with "who"; "I want to report ..." needs
 * "report", "flag", ...). The analysis below reads that off a pattern's source: it walks the
 * top-level sequence, tracks whether the current position is certainly the start of a word
 * (after {B}, whitespace, punctuation or "^"), and collects, for every mandatory atom that starts
 * a word, the literal words it can begin with; the rarest such set becomes the gate. Anything it
 * does not understand (classes, "." and such) makes it give up on that atom, and a pattern with
 * no usable atom has no gate and always runs. The gate only skips work: a test checks that
 * detection with and without gates is identical.
 */

interface Analysis {
  /** Candidate gates: each a set of words, one of which starts a word in every match. */
  candidates: string[][];
  /** Whether the source can match the empty string. */
  empty: boolean;
  /** Whether the position after a match is certainly the start of a word (or the end). */
  wordStartAfter: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const NON_WORD_ESCAPES = new Set(["\\s", "\\.", "\\?", "\\!", "\\,", "\\-", "\\(", "\\)", "\\[", "\\]", "\\/", "\\'"]);
// Words too common to be worth a gate (a gate of them opens the pattern for most messages).
const COMMON_WORDS = new Set(
  "a an the i you your is are am do does did can could would should will may might must to of in on for with and or so but this that it what who how where which why me my be have has not no yes please tell know de la el en que y un una es tu te se lo le les du et je vous il der die das und ich du sie ist ein eine che di il e un per non sei o do da em um uma voce ну и в на с я ты вы что как кто een het de en ik je jij u".split(
    " ",
  ),
);

function wordCost(word: string): number {
  return COMMON_WORDS.has(word) || word.length <= 2 ? 10 : word.length === 3 ? 3 : 1;
}

function rarest(candidates: string[][]): string[] | undefined {
  let best: string[] | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const words of candidates) {
    const cost = words.reduce((sum, w) => sum + wordCost(w), 0) + words.length * 0.01;
    if (cost < bestCost) [best, bestCost] = [words, cost];
  }
  return best;
}

/** The quantifier at `at`: its length and whether it allows zero repetitions. */
function quantifierAt(src: string, at: number): { length: number; optional: boolean } {
  const c = src[at];
  let length = 0;
  let optional = false;
  if (c === "?" || c === "*") [length, optional] = [1, true];
  else if (c === "+") length = 1;
  else if (c === "{") {
    const close = src.indexOf("}", at);
    if (close > at && /^\{\d+(?:,\d*)?\}$/.test(src.slice(at, close + 1))) {
      length = close + 1 - at;
      optional = src[at + 1] === "0";
    }
  }
  if (length > 0 && src[at + length] === "?") length++; // lazy
  return { length, optional };
}

// The same sub-sources (END, REF, ...) recur in most patterns: analyse each once.
const analysed = [new Map<string, Analysis>(), new Map<string, Analysis>()] as const;

function analyseAlternation(src: string, wordStart: boolean): Analysis {
  const cache = analysed[wordStart ? 1 : 0];
  const cached = cache.get(src);
  if (cached !== undefined) return cached;
  const result = analyseAlternationUncached(src, wordStart);
  cache.set(src, result);
  return result;
}

// A gate of more words than this is hardly a filter: give up on it.
const MAX_GATE_WORDS = 48;

function analyseAlternationUncached(src: string, wordStart: boolean): Analysis {
  let words: string[] | undefined = [];
  let empty = false;
  let wordStartAfter = true;
  for (const alt of alternatives(src)) {
    const part = analyseSequence(alt, wordStart);
    empty ||= part.empty;
    wordStartAfter &&= part.wordStartAfter;
    if (words === undefined) continue;
    const best = rarest(part.candidates);
    if (best === undefined || words.length + best.length > MAX_GATE_WORDS) words = undefined;
    else words.push(...best);
  }
  return { candidates: words === undefined ? [] : [words], empty, wordStartAfter };
}

/**
 * @param stopEarly - at the top level of a pattern, stop at the first candidate that is a single
 *   rare word: nothing after it can be cheaper, and the rest of the analysis is not needed
 */
function analyseSequence(seq: string, wordStart: boolean, stopEarly = false): Analysis {
  const candidates: string[][] = [];
  let empty = true;
  let ws = wordStart;
  let i = 0;
  // After an atom that consumes only non-word characters, the position starts a word.
  const nonWordAtom = (next: number) => {
    const q = quantifierAt(seq, next);
    if (!q.optional) {
      ws = true;
      empty = false;
    }
    return next + q.length;
  };
  const wordAtom = (next: number) => {
    const q = quantifierAt(seq, next);
    if (!q.optional) empty = false;
    ws = false;
    return next + q.length;
  };
  while (i < seq.length) {
    const c = seq[i]!;
    if (seq.startsWith(BOUNDARY, i)) {
      ws = true;
      i += BOUNDARY.length;
    } else if (
      seq.startsWith("(?<!", i) ||
      seq.startsWith("(?<=", i) ||
      seq.startsWith("(?=", i) ||
      seq.startsWith("(?!", i)
    ) {
      const close = closingParen(seq, i);
      if (close < 0) return { candidates, empty: false, wordStartAfter: false };
      i = close + 1;
    } else if (c === "^") {
      ws = true;
      i++;
    } else if (c === "$") {
      i++;
    } else if (c === "(") {
      const close = closingParen(seq, i);
      if (close < 0) return { candidates, empty: false, wordStartAfter: false };
      const q = quantifierAt(seq, close + 1);
      if (q.optional && !ws) {
        // An optional group cannot give a candidate, and after it the position is no word start.
        i = close + 1 + q.length;
        continue;
      }
      const inner = seq.slice(seq.startsWith("(?:", i) ? i + 3 : i + 1, close);
      const group = analyseAlternation(inner, ws);
      if (!q.optional && !group.empty) {
        candidates.push(...group.candidates);
        empty = false;
        if (stopEarly && candidates.some(isBest)) return { candidates, empty, wordStartAfter: false };
      }
      ws = q.optional ? ws && group.wordStartAfter : group.wordStartAfter;
      i = close + 1 + q.length;
    } else if (c === "\\") {
      const esc =
        seq.startsWith("\\p{", i) || seq.startsWith("\\P{", i)
          ? seq.slice(i, seq.indexOf("}", i) + 1)
          : seq.slice(i, i + 2);
      i = NON_WORD_ESCAPES.has(esc) ? nonWordAtom(i + esc.length) : wordAtom(i + esc.length);
    } else if (c === "[") {
      let close = i + 1;
      while (close < seq.length && seq[close] !== "]") close += seq[close] === "\\" ? 2 : 1;
      const body = seq.slice(i + 1, close);
      const onlyNonWord = !body.startsWith("^") && /^(?:\\s|[ ,.!?;:¿¡…。、'-])+$/u.test(body);
      i = onlyNonWord ? nonWordAtom(close + 1) : wordAtom(close + 1);
    } else if (c === ".") {
      i = wordAtom(i + 1);
    } else if (WORD_CHAR.test(c)) {
      let end = i;
      while (end < seq.length && WORD_CHAR.test(seq[end]!)) end++;
      const q = quantifierAt(seq, end);
      // A quantifier applies to the last letter only ("developers?" needs "developer").
      const word = q.optional ? seq.slice(i, end - 1) : seq.slice(i, end);
      if (ws && word.length > 0) candidates.push([word]);
      if (word.length > 0 || !q.optional) empty = false;
      if (stopEarly && candidates.some(isBest)) return { candidates, empty, wordStartAfter: false };
      ws = false;
      i = end + q.length;
    } else {
      // Any other literal character: punctuation, a space, an apostrophe.
      i = nonWordAtom(i + 1);
    }
  }
  return { candidates, empty, wordStartAfter: ws };
}

/** A single rare word: no candidate gate can be cheaper. */
function isBest(words: string[]): boolean {
  return words.length === 1 && wordCost(words[0]!) === 1;
}

function gateOf(source: string): string[] | undefined {
  const words: string[] = [];
  for (const alt of alternatives(source)) {
    const part = analyseSequence(alt, false, true);
    const best = part.empty ? undefined : rarest(part.candidates);
    if (best === undefined || words.length + best.length > MAX_GATE_WORDS) return undefined;
    words.push(...best);
  }
  return words;
}

function compileBuiltIn(spec: PatternSpec): CompiledPattern {
  const compiled: CompiledPattern = {
    intent: spec.intent,
    category: spec.category,
    language: spec.language,
    confidence: spec.confidence,
    source: expand(spec.source),
    flags: "u",
    english: spec.language === "en",
  };
  const script = SCRIPTS[spec.language];
  if (script !== undefined) compiled.script = script;
  const gate = script === "cjk" ? undefined : gateOf(compiled.source);
  if (gate !== undefined) compiled.gate = gate;
  if (spec.requires !== undefined) compiled.requiresSource = expand(spec.requires);
  return compiled;
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
  return {
    intent: custom.intent,
    category: "custom",
    language: custom.language ?? "custom",
    confidence,
    source: regex.source,
    flags: regex.flags,
    regex,
    english: true,
  };
}

/** A pattern's regular expression, compiled on first use (most built-ins never run for most traffic). */
function regexOf(p: CompiledPattern): RegExp {
  p.regex ??= new RegExp(p.source, p.flags);
  return p.regex;
}

function requiresOf(p: CompiledPattern): RegExp | undefined {
  if (p.requiresSource === undefined) return undefined;
  p.requires ??= new RegExp(p.requiresSource, "u");
  return p.requires;
}

type GateIndex = Map<string, [string, number][]>;

/** Marks the patterns one of whose gate words starts one of the words. */
function openGates(words: readonly string[], gates: GateIndex, open: Uint8Array): void {
  for (const word of words) {
    if (word.length === 0) continue;
    const short = gates.get(word[0]!);
    if (short !== undefined) for (const [, index] of short) open[index] = 1;
    if (word.length === 1) continue;
    const long = gates.get(word.slice(0, 2));
    if (long !== undefined) for (const [gate, index] of long) if (word.startsWith(gate)) open[index] = 1;
  }
}

let builtInCache: CompiledPattern[] | undefined;

function builtIns(): CompiledPattern[] {
  if (builtInCache === undefined) {
    builtInCache = BUILT_IN_PATTERNS.map(compileBuiltIn);
    for (const cache of analysed) cache.clear(); // only needed while compiling
  }
  return builtInCache;
}

/**
 * The compiled built-in patterns and both normalised forms of a text, for the package's tests
 * (the gate soundness check). Not exported from the package.
 * @internal
 */
export const detectorInternals = {
  builtIns: (): readonly (Readonly<CompiledPattern> & { regex: RegExp })[] =>
    builtIns().map((p) => ({ ...p, regex: regexOf(p) })),
  normalize: (text: string): { base: string; english: string } => {
    const base = normalizeBase(text);
    return { base, english: expandEnglish(base) };
  },
  wordsOf: (text: string): string[] => text.split(NON_WORD).filter((w) => w.length > 0),
};

/**
 * Detects identity questions and feedback intents, with a confidence.
 *
 * Confidence is the matching pattern's base confidence (0.75 to 0.9, lower for looser phrasings
 * and two-cue rules), raised by 0.04 when the match covers at least 60 % of the message (the
 * message is essentially the question) and by 0.03 when the message contains a question mark,
 * capped at 0.99. A match that lies inside a longer match of the other intent ("who made you" in
 * "can I send feedback to the people who made you?") is part of that phrase: it is still listed,
 * at confidence 0.5 at most.
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
  /**
   * Gated patterns by the first letter (one-letter words) or first two letters of their gate
   * words, as [word, pattern index]; one map for the neutral text, one for the English one.
   */
  readonly #gates: readonly [GateIndex, GateIndex] = [new Map(), new Map()];
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
    this.#patterns.forEach((p, index) => {
      const gates = this.#gates[p.english ? 1 : 0];
      for (const word of p.gate ?? []) {
        const key = word.slice(0, 2);
        const list = gates.get(key);
        if (list === undefined) gates.set(key, [[word, index]]);
        else list.push([word, index]);
      }
    });
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
    const base = maskQuotes(normalizeBase(text.slice(0, this.#maxInputLength)));
    const english = expandEnglish(base);
    const hasQuestionMark = QUESTION_MARK.test(base);
    const has = {
      latin: HAS_LATIN.test(base),
      cyrillic: HAS_CYRILLIC.test(base),
      cjk: HAS_CJK.test(base),
    };
    // Which gated patterns may match: a word of the message starts with one of their gate words.
    const open = new Uint8Array(this.#patterns.length);
    const baseWords = base.split(NON_WORD);
    openGates(baseWords, this.#gates[0], open);
    openGates(english === base ? baseWords : english.split(NON_WORD), this.#gates[1], open);
    let baseLength = -1;
    let englishLength = -1;
    const matches: DetectionMatch[] = [];
    const spans: { start: number; end: number; english: boolean }[] = [];
    for (let index = 0; index < this.#patterns.length; index++) {
      const p = this.#patterns[index]!;
      if (p.script !== undefined && !has[p.script]) continue;
      if (p.gate !== undefined && open[index] === 0) continue;
      const subject = p.english ? english : base;
      const m = regexOf(p).exec(subject);
      if (m === null) continue;
      const requires = requiresOf(p);
      if (requires !== undefined && !requires.test(subject)) continue;
      if (p.english && englishLength < 0) englishLength = english.replace(TRAILING_PUNCTUATION, "").length;
      if (!p.english && baseLength < 0) baseLength = base.replace(TRAILING_PUNCTUATION, "").length;
      const length = p.english ? englishLength : baseLength;
      const coverage = length === 0 ? 0 : m[0].trim().length / length;
      const confidence = Math.min(0.99, p.confidence + (coverage >= 0.6 ? 0.04 : 0) + (hasQuestionMark ? 0.03 : 0));
      matches.push({
        intent: p.intent,
        category: p.category,
        language: p.language,
        confidence: Math.round(confidence * 100) / 100,
        text: m[0],
      });
      spans.push({ start: m.index, end: m.index + m[0].length, english: p.english });
    }
    // A match inside a longer match of the other intent is part of it ("can I give feedback to the
    // people who made you" is feedback, not "who made you"): its confidence drops to at most 0.5.
    for (let i = 0; i < matches.length; i++) {
      for (let j = 0; j < matches.length; j++) {
        const [a, b, sa, sb] = [matches[i]!, matches[j]!, spans[i]!, spans[j]!];
        if (a.intent === b.intent || sa.english !== sb.english) continue;
        if (sb.start <= sa.start && sa.end <= sb.end && sb.end - sb.start > sa.end - sa.start) {
          a.confidence = Math.min(a.confidence, SUBSUMED_CONFIDENCE);
        }
      }
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
