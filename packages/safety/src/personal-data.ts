/**
 * Detection of personal data in text without regular expressions: e-mail addresses, payment card
 * numbers (Luhn, ISO/IEC 7812-1), US social security numbers, phone numbers (E.164-like groupings)
 * and IBANs (ISO 13616 mod-97). One pass over the text; every candidate is examined in bounded
 * work (an e-mail at most 64 + 253 characters around its "@", a digit run once), so the time is
 * linear in the text length whatever the input. Evidence names the kind of data, never the data.
 */

/** A kind of personal data the scanner recognises. */
export type PersonalDataKind = "email address" | "payment card number" | "national id number" | "phone number" | "iban";

/** What {@link scanPersonalData} found, plus the work it did (for the linear-time tests). */
export interface PersonalDataScan {
  /** The kinds found, in order of first occurrence, without repeats. */
  kinds: PersonalDataKind[];
  /** Loop iterations performed; grows linearly with the text length. */
  steps: number;
}

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}
function isLocalChar(c: number): boolean {
  return isLower(c) || isDigit(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
}
function isDomainChar(c: number): boolean {
  return isLower(c) || isDigit(c) || c === 0x2e || c === 0x2d;
}
function isDigitSeparator(c: number): boolean {
  return c === 0x20 || c === 0x2d || c === 0x2e || c === 0x28 || c === 0x29;
}

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 0x30;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function ibanValid(alnum: string): boolean {
  if (alnum.length < 15 || alnum.length > 34) return false;
  const rearranged = alnum.slice(4) + alnum.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (isDigit(c)) rem = (rem * 10 + (c - 0x30)) % 97;
    else rem = (rem * 100 + (c - 0x61 + 10)) % 97;
  }
  return rem === 1;
}

/**
 * Scans normalised (lowercase) text for personal data.
 * @param text - output of `normalizeText`
 * @returns the kinds found and the work done
 */
export function scanPersonalData(text: string): PersonalDataScan {
  const kinds: PersonalDataKind[] = [];
  const add = (k: PersonalDataKind) => {
    if (!kinds.includes(k)) kinds.push(k);
  };
  let steps = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    steps++;
    const c = text.charCodeAt(i);
    if (c === 0x40) {
      // e-mail: bounded look-around the "@"
      let l = i - 1;
      while (l >= 0 && i - l <= MAX_LOCAL && isLocalChar(text.charCodeAt(l))) {
        l--;
        steps++;
      }
      let r = i + 1;
      let lastDot = -1;
      while (r < n && r - i <= MAX_DOMAIN && isDomainChar(text.charCodeAt(r))) {
        if (text.charCodeAt(r) === 0x2e) lastDot = r;
        r++;
        steps++;
      }
      // trailing dots are sentence punctuation, not part of the domain
      while (r > i + 1 && text.charCodeAt(r - 1) === 0x2e) r--;
      if (lastDot >= r) {
        lastDot = -1;
        for (let k = r - 1; k > i; k--) {
          steps++;
          if (text.charCodeAt(k) === 0x2e) {
            lastDot = k;
            break;
          }
        }
      }
      let tld = 0;
      for (let k = lastDot + 1; lastDot > i + 1 && k < r && isLower(text.charCodeAt(k)); k++) tld++;
      if (i - l > 1 && lastDot > i + 1 && tld >= 2 && tld === r - lastDot - 1) add("email address");
      i++;
      continue;
    }
    if (
      isLower(c) &&
      isLower(text.charCodeAt(i + 1)) &&
      isDigit(text.charCodeAt(i + 2)) &&
      isDigit(text.charCodeAt(i + 3))
    ) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
      if (!isLower(prev) && !isDigit(prev)) {
        // IBAN candidate: country code, check digits, then groups of letters/digits
        let alnum = "";
        let j = i;
        let best = false;
        while (j < n && alnum.length < 34) {
          steps++;
          const d = text.charCodeAt(j);
          if (isLower(d) || isDigit(d)) {
            alnum += text[j];
            j++;
            const next = text.charCodeAt(j);
            const atGroupEnd = !(isLower(next) || isDigit(next));
            if (atGroupEnd && ibanValid(alnum)) best = true;
          } else if (d === 0x20 && j + 1 < n && (isLower(text.charCodeAt(j + 1)) || isDigit(text.charCodeAt(j + 1)))) {
            j++;
          } else break;
        }
        if (best) add("iban");
      }
    }
    if (isDigit(c) || ((c === 0x2b || c === 0x28) && isDigit(text.charCodeAt(i + 1)))) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
      if (isLower(prev)) {
        // digits glued to a word ("b0mb", "de89", "f(1)", "c+1") are not a number of their own;
        // step over the "+" or "(" first, or the loop would never move past it
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) {
          i++;
          steps++;
        }
        continue;
      }
      const plus = c === 0x2b;
      let digits = "";
      const groups: number[] = [];
      let group = 0;
      let seps = "";
      let run = 0;
      let j = plus ? i + 1 : i;
      while (j < n) {
        steps++;
        const d = text.charCodeAt(j);
        if (isDigit(d)) {
          if (digits.length < 40) digits += text[j];
          group++;
          run = 0;
        } else if (isDigitSeparator(d) && run < 2 && j + 1 < n) {
          if (group > 0) groups.push(group);
          group = 0;
          if (seps.length < 8) seps += text[j];
          run++;
        } else break;
        j++;
      }
      if (group > 0) groups.push(group);
      const len = digits.length;
      const sep = seps.replace(/[()]/g, "");
      if (
        len === 9 &&
        groups.length === 3 &&
        groups[0] === 3 &&
        groups[1] === 2 &&
        groups[2] === 4 &&
        /^(-+| +)$/.test(sep)
      ) {
        const area = digits.slice(0, 3);
        if (area !== "000" && area !== "666" && area[0] !== "9") add("national id number");
      } else if (len >= 13 && len <= 19 && luhn(digits) && (groups.length === 1 || groups.length >= 3)) {
        add("payment card number");
      } else if (
        (len >= 10 && len <= 15 && (plus || groups.length >= 2)) ||
        (len === 7 && groups.length === 2 && groups[0] === 3 && sep === "-")
      ) {
        add("phone number");
      }
      i = j;
      continue;
    }
    i++;
  }
  return { kinds, steps };
}
