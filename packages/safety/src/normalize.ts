/**
 * Text normalisation before matching: lone surrogates replaced, zero-width and other invisible
 * format characters removed, Unicode NFKC (Unicode Standard Annex #15: fullwidth, circled and
 * mathematical letters become plain letters), lowercase, combining marks stripped (NFD, so
 * "kíll" matches "kill"). Every step is a single pass, linear in the text length.
 */

/** Invisible characters that obfuscate words: soft hyphen, joiners, directional marks, BOM, ... */
export function isInvisibleFormatChar(c: number): boolean {
  return (
    c === 0x00ad ||
    c === 0x034f ||
    c === 0x061c ||
    c === 0x115f ||
    c === 0x1160 ||
    c === 0x17b4 ||
    c === 0x17b5 ||
    (c >= 0x180b && c <= 0x180f) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) ||
    c === 0x3164 ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0xfeff ||
    c === 0xffa0
  );
}

const COMBINING_MARKS = /\p{Mn}+/gu;

/**
 * Replaces lone UTF-16 surrogates with U+FFFD and drops invisible format characters, in one pass.
 * @returns the cleaned text and how many lone surrogates were found
 */
export function cleanCodeUnits(text: string): { text: string; loneSurrogates: number } {
  let out = "";
  let start = 0;
  let lone = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xad) continue;
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      out += text.slice(start, i) + "\ufffd";
      start = i + 1;
      lone++;
    } else if (isInvisibleFormatChar(c)) {
      out += text.slice(start, i);
      start = i + 1;
    }
  }
  if (start === 0) return { text, loneSurrogates: 0 };
  return { text: out + text.slice(start), loneSurrogates: lone };
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Normalises text for matching: invisible characters removed, lone surrogates replaced with
 * U+FFFD, NFKC, lowercase, combining marks removed. Pure ASCII takes a fast path (lowercase only).
 * Homoglyphs from other scripts (Cyrillic "а") and l33t spellings are handled per word by the
 * lexicon classifier, where the context decides.
 * @param text - any string (lone surrogates allowed)
 * @returns the normalised text; linear time in `text.length`
 * @example normalizeText("ＫＩ\u200bLL Ýou") // "kill you"
 */
export function normalizeText(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  const cleaned = cleanCodeUnits(text).text;
  return cleaned.normalize("NFKC").toLowerCase().normalize("NFD").replace(COMBINING_MARKS, "");
}
