/**
 * The shipped lexicon of the lexicon-and-rules classifier: words and phrases per label, the
 * context rules that separate "kill you" from "kill the process", weighted cues that only count
 * together ("cut" + "vein"), and an allow-list of idioms ("shoot me an email", "died laughing").
 * Written from general knowledge of abusive and sensitive language (profanity and slur lists,
 * common threat, self-harm and hate phrasings, euphemisms, drug and weapon vocabulary), organised
 * per category under `lexicon/`; README.md reports how well it does on three labelled sets.
 */
import { DANGEROUS } from "./lexicon/dangerous.js";
import { EXPLICIT } from "./lexicon/explicit.js";
import { HATE } from "./lexicon/hate.js";
import { IDIOMS } from "./lexicon/idioms.js";
import { OFFENSIVE } from "./lexicon/offensive.js";
import { OTHER_LANGUAGES } from "./lexicon/other-languages.js";
import { PERSONAL_DATA } from "./lexicon/personal-data.js";
import { SELF_HARM } from "./lexicon/self-harm.js";
import { TOPICS } from "./lexicon/topics.js";
import { VIOLENCE } from "./lexicon/violence.js";
import { WARNINGS } from "./lexicon/warnings.js";
import type { AgeRating, SafetyLabel } from "./taxonomy.js";

/**
 * A context condition: one of `words` must occur within `window` words before the match, after
 * it, or on either side (the default).
 */
export interface ContextCondition {
  /** Words to look for (single words; any spelling or stem of a text word counts). */
  words: readonly string[];
  /** Where to look (default `"either"`). */
  side?: "before" | "after" | "either";
  /** How far, in words (default: the entry's `window`; 1..16). */
  window?: number;
}

/** Context rules shared by lexicon entries and allow-list entries. */
export interface ContextRules {
  /** At least one of these words must occur within `window` words on either side. */
  near?: readonly string[];
  /** At least one of these words must follow within `window` words. */
  after?: readonly string[];
  /** At least one of these words must precede within `window` words. */
  before?: readonly string[];
  /** No match when one of these words occurs within `window` words on either side. */
  notNear?: readonly string[];
  /** No match when one of these words follows within `window` words. */
  notAfter?: readonly string[];
  /** No match when one of these words precedes within `window` words. */
  notBefore?: readonly string[];
  /** Further conditions, each with its own side and window: every one must hold. */
  requires?: readonly ContextCondition[];
  /** Conditions any one of which cancels the match. */
  unless?: readonly ContextCondition[];
  /** Context window in words (default 4, at most 16). */
  window?: number;
}

/**
 * One lexicon entry: terms (single words or space-separated phrases, lowercase, matched after
 * normalisation and with simple English inflections) that report `label`, optionally only in context.
 */
export interface LexiconEntry extends ContextRules {
  /** A stable identifier, reported as the finding's `rule`. */
  id: string;
  /** The label a match reports. */
  label: SafetyLabel;
  /** Words or phrases; a phrase matches consecutive words. */
  terms: readonly string[];
  /** Rating of the matched content (defaults to the label's, see `DEFAULT_LABEL_RATINGS`). */
  rating?: AgeRating;
  /** Score of a match, 0..1 (default 1). Ignored for cues. */
  score?: number;
  /**
   * Makes the entry a cue of this weight (0..1) instead of a finding of its own: the weights of
   * the distinct cue entries of one label that match within 12 words of each other add up, and the
   * label is reported (score = the sum, at most 1) when the sum reaches 0.5.
   */
  cue?: number;
}

/**
 * An allow-list entry: an idiom or technical phrase ("shoot me an email", "died laughing", "child
 * process") whose words cannot make a finding for `labels`; any match of those labels that
 * overlaps a matched allow phrase is dropped.
 */
export interface AllowEntry extends ContextRules {
  /** A stable identifier. */
  id: string;
  /** The labels the phrase may not report. */
  labels: readonly SafetyLabel[];
  /** Words or phrases, as in {@link LexiconEntry.terms}. */
  terms: readonly string[];
}

/** A lexicon: a list of entries and an optional allow-list of idioms. */
export interface Lexicon {
  /** The entries, matched independently. */
  entries: readonly LexiconEntry[];
  /** Idioms and technical phrases that cancel overlapping matches of some labels. */
  allow?: readonly AllowEntry[];
}

/** The lexicon shipped with {@link createLexiconClassifier}. */
export const DEFAULT_LEXICON: Lexicon = {
  entries: [
    ...VIOLENCE,
    ...EXPLICIT,
    ...OFFENSIVE,
    ...HATE,
    ...SELF_HARM,
    ...DANGEROUS,
    ...PERSONAL_DATA,
    ...TOPICS,
    ...WARNINGS,
    ...OTHER_LANGUAGES,
  ],
  allow: IDIOMS,
};
