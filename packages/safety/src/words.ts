/**
 * Words of a normalised text, as the lexicon classifier sees them: tokens split on anything but
 * letters, digits and l33t symbols; spaced-out letters ("k i l l", "s.h.i.t", "F.U.C.K Y.O.U")
 * joined back; each word expanded into the spellings it may stand for: homoglyphs of other scripts
 * folded in mixed-script words (the mixed-script idea of UTS #39), l33t digits and symbols decoded
 * ("k1ll", "@ss", "h8"), masked letters guessed ("f*ck"), elongations collapsed ("fuuuck"),
 * irregular verb forms and chat spellings read as their base ("broke" -> "break", "ur" ->
 * "your"), simple English inflections stripped ("killing" -> "kill"), and number classes added
 * for context rules (`<number>` for 1-5 digits, `<code>` for ids and document numbers). Every loop
 * is bounded per character, so the work is linear in the text length.
 */

const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "9": "g",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "l",
  "+": "t",
};

// Letters of other scripts that look like Latin ones (Unicode confusables, lowercase).
const CONFUSABLES: Record<string, string> = {
  а: "a",
  е: "e",
  ё: "e",
  і: "i",
  ї: "i",
  ј: "j",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  ѕ: "s",
  ԁ: "d",
  һ: "h",
  ԛ: "q",
  ԝ: "w",
  ү: "y",
  ӏ: "l",
  ɡ: "g",
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ω: "w",
  γ: "y",
  ı: "i",
  ł: "l",
  ø: "o",
  đ: "d",
  ħ: "h",
  ß: "ss",
  æ: "ae",
  œ: "oe",
};

const SPACING_SEPARATORS = " .-_*/,~·•";

function isLetterCode(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x3040 && c < 0xd800) ||
    (c >= 0xf900 && c < 0xfe00) ||
    (c >= 0xfe70 && c < 0xfeff)
  );
}
/** Whether a code unit can be part of a word (letter, digit or l33t symbol). */
export function isWordCode(c: number): boolean {
  return isLetterCode(c) || isDigitCode(c) || isSymbolCode(c);
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isSymbolCode(c: number): boolean {
  // @ $ ! | + *
  return c === 0x40 || c === 0x24 || c === 0x21 || c === 0x7c || c === 0x2b || c === 0x2a;
}

function foldConfusables(word: string): string {
  let hasLatin = false;
  let allConfusable = true;
  let needs = false;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    const c = word.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) hasLatin = true;
    } else if (CONFUSABLES[ch] !== undefined) {
      needs = true;
    } else {
      allConfusable = false;
    }
  }
  if (!needs || !(hasLatin || allConfusable)) return word;
  let out = "";
  for (const ch of word) out += CONFUSABLES[ch] ?? ch;
  return out;
}

const STEM_SUFFIXES = ["ings", "ing", "ers", "er", "ed", "es", "s", "d", "ly"] as const;

// Irregular English verb forms and chat spellings, read as their base word too ("broke" ->
// "break", "urself" -> "yourself"). One lookup per spelling.
const ALIAS_SOURCE: Record<string, string> = {
  // irregular past tenses and participles
  broke: "break",
  broken: "break",
  shot: "shoot",
  beaten: "beat",
  bled: "bleed",
  hung: "hang",
  stole: "steal",
  stolen: "steal",
  struck: "strike",
  fought: "fight",
  threw: "throw",
  thrown: "throw",
  slain: "slay",
  slew: "slay",
  bitten: "bite",
  burnt: "burn",
  hid: "hide",
  hidden: "hide",
  tore: "tear",
  torn: "tear",
  slid: "slide",
  fell: "fall",
  fallen: "fall",
  sank: "sink",
  sunk: "sink",
  blew: "blow",
  blown: "blow",
  stuck: "stick",
  dug: "dig",
  drank: "drink",
  drunk: "drink",
  took: "take",
  taken: "take",
  made: "make",
  sold: "sell",
  bought: "buy",
  swore: "swear",
  sworn: "swear",
  froze: "freeze",
  frozen: "freeze",
  ran: "run",
  kept: "keep",
  fled: "flee",
  lost: "lose",
  led: "lead",
  died: "die",
  // chat spellings
  u: "you",
  ya: "you",
  yu: "you",
  ur: "your",
  urself: "yourself",
  yourselves: "yourself",
  ppl: "people",
  pple: "people",
  gonna: "going",
  wanna: "want",
  imma: "going",
  ima: "going",
  finna: "going",
  cuz: "because",
  coz: "because",
  plz: "please",
  pls: "please",
  thru: "through",
};
const ALIASES: ReadonlyMap<string, string> = new Map(Object.entries(ALIAS_SOURCE));

function addStems(word: string, out: string[]): void {
  if (word.length < 4) return;
  // Every suffix ends in s, g, d, r or y; most words end otherwise and need no slicing.
  const end = word.charCodeAt(word.length - 1);
  if (end !== 0x73 && end !== 0x67 && end !== 0x64 && end !== 0x72 && end !== 0x79) return;
  if (word.endsWith("ying") && word.length >= 5) out.push(word.slice(0, -4) + "ie");
  for (const suffix of STEM_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    const base = word.slice(0, -suffix.length);
    out.push(base);
    if (suffix !== "s" && suffix !== "d" && suffix !== "ly") out.push(base + "e");
    const last = base.charCodeAt(base.length - 1);
    if (last === base.charCodeAt(base.length - 2) && last !== 0x6c && last !== 0x73) out.push(base.slice(0, -1));
  }
}

function collapseRuns(word: string, keep: number): string {
  let out = "";
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    run = i > 0 && word[i] === word[i - 1] ? run + 1 : 1;
    if (run <= keep) out += word[i];
  }
  return out;
}

function hasLongRun(word: string): boolean {
  let run = 1;
  for (let i = 1; i < word.length; i++) {
    run = word[i] === word[i - 1] ? run + 1 : 1;
    if (run >= 3) return true;
  }
  return false;
}

/** The spellings a raw word may stand for (itself, l33t-decoded, unmasked, de-elongated). */
function wordForms(raw: string): string[] {
  let letters = 0;
  let others = 0;
  let stars = 0;
  let digits = 0;
  let plain = true; // only a-z: the common case, which needs no folding or decoding
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) letters++;
    else if (isLetterCode(c)) {
      letters++;
      plain = false;
    } else if (c === 0x2a) stars++;
    else {
      others++;
      if (isDigitCode(c)) digits++;
    }
  }
  if (plain && others === 0 && stars === 0) {
    return hasLongRun(raw) ? [raw, collapseRuns(raw, 1), collapseRuns(raw, 2)] : [raw];
  }
  const base = plain ? raw : foldConfusables(raw);
  const forms: string[] = [];
  if (letters === 0) {
    forms.push(base);
    // Number classes, for context rules: a short number (house number, count) or a long one.
    if (digits === raw.length) forms.push(digits <= 5 ? NUMBER_KEY : CODE_KEY);
    return forms;
  }
  if (others === 0 && stars === 0) {
    forms.push(base);
  } else {
    let primary = "";
    let alt = "";
    let ate = "";
    for (const ch of base) {
      const mapped = LEET[ch];
      primary += mapped ?? ch;
      alt += ch === "1" || ch === "!" || ch === "|" ? "l" : (mapped ?? ch);
      ate += ch === "8" ? "ate" : (mapped ?? ch);
    }
    forms.push(primary);
    if (alt !== primary) forms.push(alt);
    if (ate !== primary) forms.push(ate);
    if (stars > 0) {
      const expanded: string[] = [];
      for (const f of forms) {
        if (stars <= 2) {
          let variants = [f];
          for (let s = 0; s < stars; s++) {
            const next: string[] = [];
            for (const v of variants) {
              const at = v.indexOf("*");
              for (const vowel of "aeiou") next.push(v.slice(0, at) + vowel + v.slice(at + 1));
            }
            variants = next;
          }
          expanded.push(...variants);
        }
        expanded.push(f.split("*").join(""));
      }
      forms.length = 0;
      forms.push(...expanded);
    }
  }
  const n = forms.length;
  for (let k = 0; k < n; k++) {
    const f = forms[k]!;
    if (hasLongRun(f)) {
      forms.push(collapseRuns(f, 1), collapseRuns(f, 2));
    }
  }
  if (digits > 0) {
    // Letters and digits: also the word as written ("3d", "c4"), and a document-number class
    // ("x1234567") for context rules.
    if (digits + letters === raw.length) forms.push(raw);
    if (digits >= 5 && digits + letters === raw.length && raw.length <= 20) forms.push(CODE_KEY);
  }
  return forms;
}

/** Key of a word that is a number of 1 to 5 digits (context rules may ask for it). */
export const NUMBER_KEY = "<number>";
/** Key of a word of 6+ digits, or of letters and 5+ digits (an id or document number). */
export const CODE_KEY = "<code>";

/** One word of the analysed text: its primary spelling and every key to look up (spellings and stems). */
export interface Word {
  text: string;
  keys: string[];
}

interface RawToken {
  text: string;
  start: number;
  end: number;
}

function tokenize(s: string, counter: { steps: number }): RawToken[] {
  const tokens: RawToken[] = [];
  let start = -1;
  const n = s.length;
  for (let i = 0; i <= n; i++) {
    counter.steps++;
    const c = i < n ? s.charCodeAt(i) : 0x20;
    let inToken = isLetterCode(c) || isDigitCode(c);
    if (!inToken && isSymbolCode(c)) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0x20;
      inToken = start >= 0 || isLetterCode(next) || isDigitCode(next) || isSymbolCode(next);
    }
    if (inToken) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      let end = i;
      // trailing "!", "+", "|" and "*" are punctuation, not letters
      while (end > start) {
        const t = s.charCodeAt(end - 1);
        if (t === 0x21 || t === 0x2b || t === 0x7c || t === 0x2a) end--;
        else break;
      }
      if (end > start) tokens.push({ text: s.slice(start, end), start, end });
      start = -1;
    }
  }
  return tokens;
}

function singleLetter(t: RawToken): string | undefined {
  if (t.text.length !== 1) return undefined;
  const ch = t.text;
  const c = ch.charCodeAt(0);
  if (isLetterCode(c)) return CONFUSABLES[ch] ?? ch;
  return LEET[ch];
}

function isSpacingSeparator(sep: string): boolean {
  if (sep.length === 0 || sep.length > 3) return false;
  for (let i = 0; i < sep.length; i++) if (!SPACING_SEPARATORS.includes(sep[i]!)) return false;
  return true;
}

/** Joins spaced-out letters ("k i l l", "s.h.i.t") into words; everything else passes through. */
function joinSpacedLetters(s: string, tokens: RawToken[], counter: { steps: number }): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    counter.steps++;
    const first = singleLetter(tokens[i]!);
    if (first !== undefined && i + 2 < tokens.length) {
      const sep = s.slice(tokens[i]!.end, tokens[i + 1]!.start);
      if (isSpacingSeparator(sep)) {
        let joined = first;
        let j = i + 1;
        while (j < tokens.length) {
          counter.steps++;
          const letter = singleLetter(tokens[j]!);
          if (letter === undefined || s.slice(tokens[j - 1]!.end, tokens[j]!.start) !== sep) break;
          // Past MAX_WORD_LENGTH the word matches nothing; keep consuming the run, not the letters.
          if (joined.length <= MAX_WORD_LENGTH) joined += letter;
          j++;
        }
        if (j - i >= 3) {
          words.push(joined);
          i = j;
          continue;
        }
      }
    }
    words.push(tokens[i]!.text);
    i++;
  }
  return words;
}

/** Words longer than this match nothing (no lexicon term is that long): no spellings are made. */
export const MAX_WORD_LENGTH = 64;

/**
 * Splits normalised text into words and their spellings (internal to the lexicon classifier).
 * @param s - output of `normalizeText`
 * @param counter - incremented once per loop iteration (the linear-time tests read it)
 * @returns the words in order
 */
export function analyseWords(s: string, counter: { steps: number }): Word[] {
  const raw = joinSpacedLetters(s, tokenize(s, counter), counter);
  const words: Word[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    counter.steps++;
    const word = raw[i]!;
    if (word.length > MAX_WORD_LENGTH) {
      words[i] = { text: word.slice(0, MAX_WORD_LENGTH), keys: [] };
      continue;
    }
    // The spellings come first, then their stems (appended to the same array: one allocation).
    const keys = wordForms(word);
    let spellings = keys.length;
    for (let k = 0; k < spellings; k++) {
      const alias = ALIASES.get(keys[k]!);
      if (alias !== undefined && !keys.includes(alias)) keys.push(alias);
    }
    spellings = keys.length;
    for (let k = 0; k < spellings; k++) addStems(keys[k]!, keys);
    words[i] = { text: keys[0]!, keys };
  }
  return words;
}
