/**
 * The `signature:` block of an MLflow `MLmodel` file (YAML written by `yaml.safe_dump`, MLflow
 * `mlflow/models/model.py`): three JSON strings (or `null`) under `signature.inputs/outputs/params`.
 * PyYAML folds long single-quoted strings across lines, so the block is always read with a YAML
 * parser, never by pattern. Writing edits the document in place (other keys, comments and quoting are
 * kept) and places `signature` where PyYAML's sorted keys would put it. Text in, text out: reading and
 * writing the file itself is the caller's business.
 */
import { Document, isMap, isScalar, parseDocument, Scalar, YAMLMap } from "yaml";
import { SchemaError } from "./errors.js";
import { DEFAULT_LOGGER, type Logger, logAndRethrow } from "./logger.js";
import { ModelSignature } from "./signature.js";
import { describe } from "./types.js";
import { isPlainObject } from "./values.js";

/** Options of the MLmodel functions. */
export interface MLmodelOptions {
  /** Where errors are logged (default {@link DEFAULT_LOGGER}). */
  logger?: Logger;
  /** Bound on nesting of types in the signature (default 64). */
  maxDepth?: number;
}

/** YAML alias expansion bound (a "billion laughs" document fails instead of exhausting memory). */
const MAX_ALIAS_COUNT = 100;

/**
 * Reads the signature from MLmodel text.
 * @param text - the MLmodel file's content
 * @param options - `logger`, `maxDepth`
 * @returns the signature, or `undefined` when the file has no (or a null) `signature`
 * @throws SchemaError `INVALID_MLMODEL` (not YAML, not a mapping, malformed block), or
 *   `INVALID_JSON` / `INVALID_SCHEMA` / `INVALID_PARAM` / `INVALID_SIGNATURE` for the strings in it
 * @example readMLmodelSignature(await readFile("model/MLmodel", "utf8"))?.inputs?.inputNames()
 */
export function readMLmodelSignature(text: string, options: MLmodelOptions = {}): ModelSignature | undefined {
  try {
    const doc = parse(text);
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
    if (!isPlainObject(data))
      throw new SchemaError("INVALID_MLMODEL", `MLmodel must be a YAML mapping, got ${describe(data)}`);
    const sig = Object.hasOwn(data, "signature") ? data.signature : undefined;
    if (sig === undefined || sig === null) return undefined;
    if (!isPlainObject(sig)) {
      throw new SchemaError("INVALID_MLMODEL", `MLmodel 'signature' must be a mapping, got ${describe(sig)}`, {
        path: "signature",
      });
    }
    return ModelSignature.fromDict(sig, options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth });
  } catch (e) {
    return logAndRethrow(
      options.logger ?? DEFAULT_LOGGER,
      e,
      "INVALID_MLMODEL",
      "Failed to read the MLmodel signature",
    );
  }
}

/**
 * Writes (or, with `undefined`, removes) the signature in MLmodel text and returns the new text.
 * @param text - the MLmodel content; empty or `undefined` starts a new document
 * @param signature - the signature to write, or `undefined` to remove the block
 * @param options - `logger`
 * @returns the updated YAML text
 * @throws SchemaError `INVALID_MLMODEL` when `text` is not a YAML mapping
 * @example const mlmodel = writeMLmodelSignature(previousText, new InferSigner().sign(inputs, outputs));
 */
export function writeMLmodelSignature(
  text: string | undefined,
  signature: ModelSignature | undefined,
  options: MLmodelOptions = {},
): string {
  try {
    const doc = text === undefined || text.trim() === "" ? new Document({}) : parse(text);
    if (doc.contents === null) doc.contents = doc.createNode({}) as YAMLMap;
    if (!isMap(doc.contents)) throw new SchemaError("INVALID_MLMODEL", "MLmodel must be a YAML mapping");
    const root = doc.contents;
    if (signature === undefined) {
      root.delete("signature");
      return doc.toString();
    }
    if (!(signature instanceof ModelSignature)) {
      throw new SchemaError("INVALID_SIGNATURE", `Expected a ModelSignature, got ${describe(signature)}`);
    }
    const block = signatureNode(signature);
    const keys = root.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ""));
    const existing = keys.indexOf("signature");
    if (existing >= 0) {
      (root.items[existing] as { value: unknown }).value = block;
    } else {
      // PyYAML writes keys sorted; keep that order when the file has it, else append.
      const sorted = keys.every((k, i) => i === 0 || (keys[i - 1] as string) <= k);
      root.set("signature", block);
      if (sorted) {
        const pair = root.items.pop()!;
        const at = keys.findIndex((k) => k > "signature");
        root.items.splice(at < 0 ? root.items.length : at, 0, pair);
      }
    }
    return doc.toString({ lineWidth: 80 });
  } catch (e) {
    return logAndRethrow(
      options.logger ?? DEFAULT_LOGGER,
      e,
      "INVALID_MLMODEL",
      "Failed to write the MLmodel signature",
    );
  }
}

/**
 * The `signature:` block alone, as MLflow writes it (single-quoted JSON strings, `null` for absent parts).
 * @param signature - the signature
 * @returns YAML text ending in a newline
 * @example
 * mlmodelSignatureBlock(sig)
 * // signature:
 * //   inputs: '[{"type": "string", "name": "prompt", "required": true}]'
 * //   outputs: '[{"type": "string", "required": true}]'
 * //   params: null
 */
export function mlmodelSignatureBlock(signature: ModelSignature): string {
  const doc = new Document({});
  (doc.contents as YAMLMap).set("signature", signatureNode(signature));
  return doc.toString({ lineWidth: 80 });
}

function signatureNode(signature: ModelSignature): YAMLMap {
  const dict = signature.toDict();
  const map = new YAMLMap();
  for (const key of ["inputs", "outputs", "params"] as const) {
    const value = dict[key];
    const node = new Scalar(value);
    if (value !== null) node.type = Scalar.QUOTE_SINGLE;
    map.set(new Scalar(key), node);
  }
  return map;
}

function parse(text: string): Document.Parsed {
  if (typeof text !== "string")
    throw new SchemaError("INVALID_MLMODEL", `Expected MLmodel text, got ${describe(text)}`);
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new SchemaError("INVALID_MLMODEL", `MLmodel is not valid YAML: ${doc.errors[0]?.message.split("\n")[0]}`, {
      cause: doc.errors[0],
    });
  }
  return doc;
}
