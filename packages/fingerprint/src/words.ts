/**
 * Word lists and word counting. The default list is the English BIP39 list (2,048 words, from
 * `@scure/bip39`): maintained, fixed forever by the standard, and the same bytes on every
 * platform, which the seeded strategies need. Key and response lengths are counted in words
 * (whitespace-separated), since this package does not know the model's tokenizer.
 */
import { wordlist as bip39English } from "@scure/bip39/wordlists/english.js";
import { FingerprintError } from "./errors.js";

/** The default word list: BIP39 English (2,048 lowercase words). */
export const DEFAULT_WORDLIST: readonly string[] = bip39English;

const WHITESPACE = /\s+/u;

/**
 * Splits text into words at Unicode whitespace (the default tokenizer for lengths and for the
 * per-token match rate).
 * @param text - any text
 * @returns its words, without empty strings
 */
export function splitWords(text: string): string[] {
  const words = text.split(WHITESPACE);
  if (words[0] === "") words.shift();
  if (words.length > 0 && words[words.length - 1] === "") words.pop();
  return words;
}

/**
 * Validates a custom word list: at least 2 distinct words, each non-empty and free of whitespace.
 * @param words - the candidate list
 * @returns the same list
 * @throws {FingerprintError} `INVALID_OPTION` naming the first problem
 */
export function validateWordlist(words: readonly string[]): readonly string[] {
  if (!Array.isArray(words) || words.length < 2) {
    throw new FingerprintError("INVALID_OPTION", "wordlist must be an array of at least 2 words");
  }
  const seen = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (typeof w !== "string" || w === "" || WHITESPACE.test(w)) {
      throw new FingerprintError("INVALID_OPTION", `wordlist[${i}] must be a non-empty string without whitespace`);
    }
    if (seen.has(w)) throw new FingerprintError("INVALID_OPTION", `wordlist[${i}] is a duplicate`);
    seen.add(w);
  }
  return words;
}
