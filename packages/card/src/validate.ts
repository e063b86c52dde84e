/**
 * Validation of model cards against {@link MODEL_CARD_JSON_SCHEMA} (ajv, draft-07, compiled once,
 * all errors at once) plus the semantic rules a schema cannot express. Every issue has a JSON
 * pointer path into the card.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { isCardDate } from "./dates.js";
import { CardError, type CardIssue, summarizeIssues } from "./errors.js";
import { checkSpdxExpression } from "./license.js";
import { escapeToken, joinPointer } from "./pointer.js";
import { MODEL_CARD_JSON_SCHEMA } from "./schema.js";
import type { Dataset, Hash, HashAlgorithm, ModelCard } from "./types.js";

/** Hex digest length, in characters, of each hash algorithm. */
export const HASH_HEX_LENGTH: Readonly<Record<HashAlgorithm, number>> = {
  sha256: 64,
  sha384: 96,
  sha512: 128,
  "sha3-256": 64,
  "sha3-384": 96,
  "sha3-512": 128,
  "blake2b-256": 64,
  "blake2b-384": 96,
  "blake2b-512": 128,
  blake3: 64,
  sha1: 40,
  md5: 32,
};

/** Deepest nesting accepted anywhere in a card (extensions included). */
export const MAX_CARD_DEPTH = 64;

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv, { mode: "full", formats: ["uri", "email"] });
    ajv.addFormat("card-date", { type: "string", validate: isCardDate });
    ajv.addFormat("spdx-expression", { type: "string", validate: (s: string) => checkSpdxExpression(s) === undefined });
    compiled = ajv.compile(MODEL_CARD_JSON_SCHEMA);
  }
  return compiled;
}

function issueFromAjv(e: ErrorObject, data: unknown): CardIssue {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return { path: joinPointer(e.instancePath, String(p.missingProperty)), message: "is required" };
    case "additionalProperties":
      return {
        path: joinPointer(e.instancePath, String(p.additionalProperty)),
        message: "is not a known field (unknown fields are not allowed)",
      };
    case "enum":
      return { path: e.instancePath, message: `must be one of: ${(p.allowedValues as unknown[]).join(", ")}` };
    case "const":
      return { path: e.instancePath, message: `must be ${JSON.stringify(p.allowedValue)}` };
    case "format": {
      const value = valueAt(data, e.instancePath);
      const format = String(p.format);
      if (format === "spdx-expression" && typeof value === "string") {
        return { path: e.instancePath, message: `invalid SPDX licence expression: ${checkSpdxExpression(value)}` };
      }
      const what: Record<string, string> = {
        "card-date": "a date (YYYY-MM-DD) or RFC 3339 date-time with a real calendar date",
        uri: "an absolute URI",
        email: "an e-mail address",
        "spdx-expression": "an SPDX licence expression",
      };
      return { path: e.instancePath, message: `must be ${what[format] ?? format}` };
    }
    case "propertyNames":
      return { path: e.instancePath, message: `has an invalid key '${String(p.propertyName)}'` };
    default:
      return { path: e.instancePath, message: e.message ?? e.keyword };
  }
}

function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === "") return data;
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[token];
  }
  return cur;
}

function walkValues(value: unknown, path: string, depth: number, issues: CardIssue[]): void {
  if (depth > MAX_CARD_DEPTH) {
    issues.push({ path, message: `is nested deeper than ${MAX_CARD_DEPTH} levels` });
    return;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    issues.push({ path, message: "must be a finite number" });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      walkValues(v, `${path}/${i}`, depth + 1, issues);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) walkValues(v, `${path}/${escapeToken(k)}`, depth + 1, issues);
  } else if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") {
    issues.push({ path, message: `must be JSON data, not a ${typeof value}` });
  }
}

function checkHash(hash: Hash | undefined, path: string, issues: CardIssue[]): void {
  if (!hash || typeof hash.value !== "string") return;
  const want = HASH_HEX_LENGTH[hash.alg];
  if (want !== undefined && hash.value.length !== want) {
    issues.push({
      path: `${path}/value`,
      message: `a ${hash.alg} digest has ${want} hex characters, not ${hash.value.length}`,
    });
  }
}

function checkHashes(hashes: Hash[] | undefined, path: string, issues: CardIssue[]): void {
  if (!Array.isArray(hashes)) return;
  hashes.forEach((h, i) => {
    checkHash(h, `${path}/${i}`, issues);
  });
}

function checkDatasets(list: Dataset[] | undefined, path: string, names: Map<string, string>, issues: CardIssue[]) {
  if (!Array.isArray(list)) return;
  list.forEach((d, i) => {
    if (!d || typeof d !== "object") return;
    const p = `${path}/${i}`;
    checkHashes(d.hashes, `${p}/hashes`, issues);
    if (typeof d.name === "string") {
      const seen = names.get(d.name);
      if (seen !== undefined) issues.push({ path: `${p}/name`, message: `duplicates the dataset name at ${seen}` });
      else names.set(d.name, `${p}/name`);
    }
  });
}

function semanticIssues(card: ModelCard): CardIssue[] {
  const issues: CardIssue[] = [];
  checkHashes(card.hashes, "/hashes", issues);
  if (Array.isArray(card.artifacts)) {
    const paths = new Set<string>();
    card.artifacts.forEach((a, i) => {
      if (!a) return;
      checkHashes(a.hashes, `/artifacts/${i}/hashes`, issues);
      if (paths.has(a.path)) issues.push({ path: `/artifacts/${i}/path`, message: "duplicates another artifact path" });
      paths.add(a.path);
    });
  }
  card.signatures?.forEach?.((s, i) => {
    checkHash(s?.digest, `/signatures/${i}/digest`, issues);
  });
  card.software?.dependencies?.forEach?.((d, i) => {
    checkHashes(d?.hashes, `/software/dependencies/${i}/hashes`, issues);
  });

  const names = new Map<string, string>();
  checkDatasets(card.training?.datasets, "/training/datasets", names, issues);
  checkDatasets(card.evaluation?.benchmarks, "/evaluation/benchmarks", names, issues);
  card.evaluation?.metrics?.forEach?.((m, i) => {
    if (!m) return;
    if (typeof m.dataset === "string" && !names.has(m.dataset)) {
      issues.push({
        path: `/evaluation/metrics/${i}/dataset`,
        message: `names no dataset of the card ('${m.dataset}' is not in training.datasets or evaluation.benchmarks)`,
      });
    }
    const c = m.confidence;
    if (c && typeof c.lower === "number" && typeof c.upper === "number" && c.lower > c.upper) {
      issues.push({ path: `/evaluation/metrics/${i}/confidence`, message: "lower bound is above upper bound" });
    }
  });

  if (typeof card.created === "string" && typeof card.updated === "string") {
    const a = Date.parse(card.created);
    const b = Date.parse(card.updated);
    if (Number.isFinite(a) && Number.isFinite(b) && b < a) {
      issues.push({ path: "/updated", message: "is before /created" });
    }
  }

  const deps = card.software?.dependencies;
  if (Array.isArray(deps)) {
    const known = new Set<string>();
    for (const d of deps) {
      if (!d) continue;
      if (d.purl) known.add(d.purl);
      known.add(d.name);
    }
    card.software?.vulnerabilities?.forEach?.((v, i) => {
      v?.affects?.forEach?.((a, j) => {
        if (!known.has(a)) {
          issues.push({
            path: `/software/vulnerabilities/${i}/affects/${j}`,
            message: `names no dependency ('${a}' is neither a purl nor a name in software.dependencies)`,
          });
        }
      });
    });
  }
  return issues;
}

/** The outcome of {@link validateCard}. */
export type CardValidation = { valid: true; card: ModelCard } | { valid: false; issues: CardIssue[] };

/**
 * Validates a value as a model card: the JSON Schema (unknown fields, types, formats, SPDX licence
 * expressions, dates, URLs) and the semantic rules (hash lengths, metric dataset references,
 * confidence bounds, date order, vulnerability references). Reports every issue at once.
 *
 * @param value - anything, typically parsed JSON
 * @returns `{ valid: true, card }` or `{ valid: false, issues }` with JSON-pointer paths
 * @example
 * ```ts
 * const r = validateCard({ schemaVersion: "1.0", name: "m", version: "1", license: "MIT" });
 * if (!r.valid) console.log(r.issues);
 * ```
 */
export function validateCard(value: unknown): CardValidation {
  const issues: CardIssue[] = [];
  walkValues(value, "", 0, issues);
  if (issues.some((i) => i.message.startsWith("is nested deeper"))) return { valid: false, issues };
  const validate = validator();
  if (!validate(value)) {
    // A non-finite number is already reported by walkValues; ajv's type error at the same path adds nothing.
    const reported = new Set(issues.map((i) => i.path));
    for (const e of validate.errors ?? []) {
      const issue = issueFromAjv(e, value);
      if (!reported.has(issue.path)) issues.push(issue);
    }
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    issues.push(...semanticIssues(value as ModelCard));
  }
  const unique = dedupe(issues);
  return unique.length === 0 ? { valid: true, card: value as ModelCard } : { valid: false, issues: unique };
}

/**
 * Like {@link validateCard}, but throws.
 *
 * @param value - anything
 * @throws {@link CardError} `INVALID_CARD` with every issue in `issues`
 */
export function assertCard(value: unknown): asserts value is ModelCard {
  const r = validateCard(value);
  if (!r.valid)
    throw new CardError("INVALID_CARD", summarizeIssues("invalid model card", r.issues), { issues: r.issues });
}

function dedupe(issues: CardIssue[]): CardIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
