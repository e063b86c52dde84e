/**
 * Provenance records: a model's state as named components whose digests are the leaves of an
 * RFC 9162 tree. The root identifies the whole state; the record keeps the per-component digests
 * (and, optionally, the JSON values) so that anyone can see exactly which components changed.
 */
import {
  assertComponentName,
  type ComponentEncoding,
  type ComponentName,
  type ComponentValue,
  compareComponentNames,
  componentLeafData,
  digestComponent,
  type JsonValue,
} from "./components.js";
import { toHex } from "./encoding.js";
import { ProvenanceError } from "./errors.js";
import { MerkleTree } from "./merkle.js";
import { PROVENANCE_RECORD_TYPE, schemaIssues } from "./schema.js";

/** One component as the record stores it. */
export interface ComponentEntry {
  name: ComponentName;
  encoding: ComponentEncoding;
  /** Lowercase hex SHA-256 of the canonical JSON (encoding "json") or of the bytes ("bytes"). */
  digest: string;
  /** Byte length of what was hashed. */
  size: number;
  /** Random salt (hex) mixed into the leaf, when the record was built with `salt`. Keep salted records private. */
  salt?: string;
  /** The component's JSON value, when embedded. */
  value?: JsonValue;
}

/** A provenance record (see {@link PROVENANCE_RECORD_SCHEMA}). */
export interface ProvenanceRecord {
  type: typeof PROVENANCE_RECORD_TYPE;
  /** The model version this state belongs to, e.g. "1.2.0" or a timestamp. */
  version?: string;
  /** RFC 3339 time the record was built. */
  createdAt?: string;
  hashAlgorithm: "sha256";
  /** Number of leaves (= components); sign it together with the root. */
  treeSize: number;
  /** Lowercase hex RFC 9162 root over the component leaves in canonical order. */
  root: string;
  /** The state this one was derived from (base model -> fine-tune -> ...). */
  parent?: { root: string; version?: string; relation?: string };
  /** Components in canonical order; the index is the leaf index. */
  components: ComponentEntry[];
}

/** Component values keyed by name; a component that does not apply is absent, not empty. */
export type Components = { [K in ComponentName]?: ComponentValue };

/** Options of {@link buildProvenance}. */
export interface BuildProvenanceOptions {
  version?: string;
  /** RFC 3339 time; pass one for reproducible records (none is added by default). */
  createdAt?: string;
  parent?: ProvenanceRecord["parent"];
  /** Embed JSON component values in the record (default true). Bytes are never embedded. */
  embedValues?: boolean;
  /**
   * Salt every leaf with 32 random bytes, so that a component proof reveals nothing about the other
   * components, even low-entropy ones (default false: anyone holding the values can recompute the root).
   */
  salt?: boolean;
  /** Source of random bytes for salts (default crypto.getRandomValues). */
  randomBytes?: (length: number) => Uint8Array;
}

/** Default of {@link BuildProvenanceOptions.embedValues}. */
export const DEFAULT_EMBED_VALUES = true;

const defaultRandomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/**
 * Builds a provenance record: digests every component, orders them canonically, and computes the root.
 *
 * @param components component values keyed by name (at least one)
 * @returns the record, with `root`, `treeSize` and one entry per component
 * @throws {ProvenanceError} `UNKNOWN_COMPONENT` for a bad name, `NON_CANONICAL_JSON` for a value
 *   JSON cannot carry exactly (NaN, undefined, a Date...), `CORRUPTED_DATA` for no components
 * @example
 * const record = buildProvenance({
 *   training_config: { epochs: 3, batch_size: 32, learning_rate: 0.001 },
 *   metrics: { train_loss: 0.41, val_loss: 0.52 },
 * }, { version: "1.0.0" });
 * record.root; // "…64 hex…"
 */
export function buildProvenance(components: Components, options: BuildProvenanceOptions = {}): ProvenanceRecord {
  if (components === null || typeof components !== "object" || Array.isArray(components)) {
    throw new ProvenanceError("CORRUPTED_DATA", "components: expected an object keyed by component name");
  }
  const names = Object.keys(components);
  for (const n of names) assertComponentName(n);
  if (names.length === 0) throw new ProvenanceError("CORRUPTED_DATA", "components: at least one component is required");
  const embed = options.embedValues ?? DEFAULT_EMBED_VALUES;
  const random = options.randomBytes ?? defaultRandomBytes;

  const entries: ComponentEntry[] = (names as ComponentName[])
    .filter((name) => components[name] !== undefined)
    .sort(compareComponentNames)
    .map((name) => {
      const value = components[name] as ComponentValue;
      let d: ReturnType<typeof digestComponent>;
      try {
        d = digestComponent(value);
      } catch (e) {
        if (e instanceof ProvenanceError) {
          throw new ProvenanceError(e.code, `component ${name}: ${e.message}`, { component: name, cause: e });
        }
        throw e;
      }
      const entry: ComponentEntry = { name, encoding: d.encoding, digest: d.digest, size: d.size };
      if (options.salt) entry.salt = toHex(random(32));
      if (embed && d.encoding === "json") entry.value = structuredClone(value as JsonValue);
      return entry;
    });
  if (entries.length === 0) throw new ProvenanceError("CORRUPTED_DATA", "components: every component is undefined");

  const record: ProvenanceRecord = {
    type: PROVENANCE_RECORD_TYPE,
    ...(options.version !== undefined && { version: options.version }),
    ...(options.createdAt !== undefined && { createdAt: options.createdAt }),
    hashAlgorithm: "sha256",
    treeSize: entries.length,
    root: toHex(componentTree(entries).root()),
    ...(options.parent !== undefined && { parent: { ...options.parent } }),
    components: entries,
  };
  const issues = schemaIssues(record);
  if (issues.length > 0) {
    throw new ProvenanceError("CORRUPTED_DATA", `record does not match the schema: ${formatIssues(issues)}`, {
      issues,
    });
  }
  return record;
}

/** The Merkle tree over a record's component entries, in the order given. */
export function componentTree(entries: readonly ComponentEntry[]): MerkleTree {
  return MerkleTree.fromLeaves(entries.map((e) => componentLeafData(e.name, e.encoding, e.digest, e.salt)));
}

/**
 * Checks that `value` is a well-formed, internally consistent provenance record: valid against the
 * schema (every violation reported at once), components unique and in canonical order, embedded
 * values hashing to their digests, and the root and tree size recomputing.
 *
 * @returns the same value, typed
 * @throws {ProvenanceError} `CORRUPTED_DATA` (with `issues` for schema violations, or `component`,
 *   `expected`, `actual` for an inconsistency)
 */
export function validateProvenanceRecord(value: unknown): ProvenanceRecord {
  const issues = schemaIssues(value);
  if (issues.length > 0) {
    throw new ProvenanceError("CORRUPTED_DATA", `malformed provenance record: ${formatIssues(issues)}`, { issues });
  }
  const record = value as ProvenanceRecord;
  record.components.forEach((entry, i) => {
    const prev = record.components[i - 1];
    if (prev && compareComponentNames(prev.name, entry.name) >= 0) {
      throw new ProvenanceError(
        "CORRUPTED_DATA",
        `components are not unique and in canonical order at index ${i} (${prev.name}, ${entry.name})`,
        { component: entry.name },
      );
    }
    if (entry.value !== undefined) {
      const d = digestComponent(entry.value);
      if (d.digest !== entry.digest || d.size !== entry.size) {
        throw new ProvenanceError(
          "CORRUPTED_DATA",
          `component ${entry.name}: embedded value does not match its digest`,
          {
            component: entry.name,
            expected: entry.digest,
            actual: d.digest,
          },
        );
      }
    }
  });
  if (record.treeSize !== record.components.length) {
    throw new ProvenanceError(
      "CORRUPTED_DATA",
      `treeSize is ${record.treeSize} but the record lists ${record.components.length} components`,
    );
  }
  const root = toHex(componentTree(record.components).root());
  if (root !== record.root) {
    throw new ProvenanceError("CORRUPTED_DATA", "the component digests do not recompute to the recorded root", {
      expected: record.root,
      actual: root,
    });
  }
  return record;
}

/** One component that failed verification. */
export interface ComponentFailure {
  code: "HASH_MISMATCH" | "MISSING_COMPONENT";
  component: ComponentName;
  /** The digest recorded (absent when the record lacks the component). */
  expected?: string;
  /** The digest of the supplied value (absent when it was not supplied). */
  actual?: string;
}

/** What {@link verifyProvenance} found. */
export interface ProvenanceVerification {
  /** True when every recorded component was supplied and matches, and nothing extra was supplied. */
  ok: boolean;
  root: string;
  /** Components whose digest matches. */
  matched: ComponentName[];
  /** Components whose digest differs, with both digests. */
  changed: { name: ComponentName; expected: string; actual: string }[];
  /** In the record but not supplied. */
  missing: ComponentName[];
  /** Supplied but not in the record. */
  unexpected: ComponentName[];
  /** Every failure, as coded entries (HASH_MISMATCH, MISSING_COMPONENT). */
  failures: ComponentFailure[];
}

/**
 * Compares supplied components with a record.
 *
 * @param record a provenance record (validated first)
 * @param components the component values to check (as given to {@link buildProvenance})
 * @returns which components match, which changed, which are missing or unexpected; never throws for
 *   a mismatch (see {@link assertProvenance} for the throwing form)
 * @throws {ProvenanceError} `CORRUPTED_DATA` when the record is malformed or inconsistent,
 *   `UNKNOWN_COMPONENT` / `NON_CANONICAL_JSON` for bad supplied components
 */
export function verifyProvenance(record: unknown, components: Components): ProvenanceVerification {
  const rec = validateProvenanceRecord(record);
  if (components === null || typeof components !== "object" || Array.isArray(components)) {
    throw new ProvenanceError("CORRUPTED_DATA", "components: expected an object keyed by component name");
  }
  const supplied = new Map<ComponentName, ComponentValue>();
  for (const [name, value] of Object.entries(components)) {
    assertComponentName(name);
    if (value !== undefined) supplied.set(name, value as ComponentValue);
  }
  const result: ProvenanceVerification = {
    ok: true,
    root: rec.root,
    matched: [],
    changed: [],
    missing: [],
    unexpected: [],
    failures: [],
  };
  for (const entry of rec.components) {
    const value = supplied.get(entry.name);
    supplied.delete(entry.name);
    if (value === undefined) {
      result.missing.push(entry.name);
      result.failures.push({ code: "MISSING_COMPONENT", component: entry.name, expected: entry.digest });
      continue;
    }
    const actual = digestComponent(value);
    if (actual.digest === entry.digest && actual.encoding === entry.encoding) result.matched.push(entry.name);
    else {
      result.changed.push({ name: entry.name, expected: entry.digest, actual: actual.digest });
      result.failures.push({
        code: "HASH_MISMATCH",
        component: entry.name,
        expected: entry.digest,
        actual: actual.digest,
      });
    }
  }
  for (const name of [...supplied.keys()].sort(compareComponentNames)) {
    result.unexpected.push(name);
    result.failures.push({
      code: "MISSING_COMPONENT",
      component: name,
      actual: digestComponent(supplied.get(name)!).digest,
    });
  }
  result.ok = result.failures.length === 0;
  return result;
}

/**
 * Like {@link verifyProvenance}, but throws on the first failure.
 * @throws {ProvenanceError} `HASH_MISMATCH` or `MISSING_COMPONENT` carrying `component`, `expected`
 *   and `actual` (the message counts all failures), or `CORRUPTED_DATA` for a malformed record
 */
export function assertProvenance(record: unknown, components: Components): ProvenanceVerification {
  const result = verifyProvenance(record, components);
  const first = result.failures[0];
  if (first) {
    const what =
      first.code === "HASH_MISMATCH"
        ? `component ${first.component} changed`
        : first.expected === undefined
          ? `component ${first.component} is not in the record`
          : `component ${first.component} is missing`;
    const more = result.failures.length > 1 ? ` (and ${result.failures.length - 1} more failure(s))` : "";
    throw new ProvenanceError(first.code, `${what}${more}`, {
      component: first.component,
      expected: first.expected,
      actual: first.actual,
    });
  }
  return result;
}

function formatIssues(issues: { path: string; message: string }[]): string {
  const shown = issues.slice(0, 5).map((i) => `${i.path} ${i.message}`);
  return shown.join("; ") + (issues.length > 5 ? `; … ${issues.length - 5} more` : "");
}
