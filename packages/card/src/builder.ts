/**
 * A builder for model cards with sensible defaults: schema version, a first version number, the
 * creation date, lowercase hex digests, de-duplicated tags and languages, an empty vulnerability
 * list next to dependencies, and no `undefined` values. The result is validated.
 */

import type { Hash, ModelCard, SoftwareBom } from "./types.js";
import { CARD_SCHEMA_VERSION } from "./types.js";
import { assertCard } from "./validate.js";

/** Version given to a card that names none. */
export const DEFAULT_CARD_VERSION = "0.1.0";

/** What {@link buildCard} accepts: a card without the fields it can fill in. */
export type CardInput = Omit<ModelCard, "schemaVersion" | "version" | "software"> & {
  schemaVersion?: typeof CARD_SCHEMA_VERSION;
  version?: string;
  software?: { dependencies: SoftwareBom["dependencies"]; vulnerabilities?: SoftwareBom["vulnerabilities"] };
};

/** Options of {@link buildCard}. */
export interface BuildCardOptions {
  /** The clock used for the default `created` date (default: now). */
  now?: Date;
}

function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(clean);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = clean(v);
    return out;
  }
  return value;
}

function lowerHashes(value: unknown): void {
  if (Array.isArray(value)) value.forEach(lowerHashes);
  else if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.alg === "string" && typeof o.value === "string" && /^[0-9A-Fa-f]+$/.test(o.value))
      (o as unknown as Hash).value = o.value.toLowerCase();
    for (const v of Object.values(o)) lowerHashes(v);
  }
}

/**
 * Builds a validated model card from the fields you have, filling in defaults:
 * `schemaVersion` `"1.0"`, `version` {@link DEFAULT_CARD_VERSION}, `created` today (UTC), digests in
 * lowercase, tags and languages without duplicates, `software.vulnerabilities` `[]`.
 *
 * @param input - the card's fields; `name` and `license` are required
 * @param options - the clock for the default creation date
 * @returns the card
 * @throws {@link CardError} `INVALID_CARD` with every issue (unknown fields, bad licence ids, dates, URLs, …)
 * @example
 * ```ts
 * const card = buildCard({ name: "sentiment-tiny", license: "Apache-2.0", task: "text-classification" });
 * ```
 */
export function buildCard(input: CardInput, options: BuildCardOptions = {}): ModelCard {
  const card = clean(input) as Record<string, unknown> & Partial<ModelCard>;
  lowerHashes(card);
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const out: Record<string, unknown> = {
    schemaVersion: CARD_SCHEMA_VERSION,
    name: card.name,
    version: card.version ?? DEFAULT_CARD_VERSION,
    ...card,
  };
  if (out.version === undefined) out.version = DEFAULT_CARD_VERSION;
  if (out.created === undefined) out.created = today;
  if (Array.isArray(card.tags)) out.tags = [...new Set(card.tags)];
  if (Array.isArray(card.languages)) out.languages = [...new Set(card.languages)];
  if (
    card.software &&
    typeof card.software === "object" &&
    (card.software as { vulnerabilities?: unknown }).vulnerabilities === undefined
  ) {
    out.software = { ...card.software, vulnerabilities: [] };
  }
  assertCard(out);
  return out;
}
