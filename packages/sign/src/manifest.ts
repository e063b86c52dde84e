/**
 * OMS model manifests (OpenSSF model signing spec v1.0 §5–§6; model_signing 1.1): the resources
 * (one per file, or one per `path:start:end` shard), their order, the root digest
 * `SHA-256(digest_0 || digest_1 || ...)`, the in-toto statement with predicate
 * `https://model_signing/signature/v1.0`, and the strict parsing of such a statement when verifying.
 *
 * Two conventions exist (see the package README): `"model_signing"` reproduces the Python reference
 * byte for byte (path-component order, shard algorithm `sha256-sharded-<size>`, single-file name
 * `"."`, `shard_size` as a float); `"oms-spec"` follows the spec text (code-point order, shard
 * algorithm = hash type, single-file name = basename). Verification accepts both.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { concatBytes, fromHex, toHex } from "./encoding.js";
import { SignError } from "./errors.js";
import { IN_TOTO_STATEMENT_TYPE, type InTotoStatement } from "./statement.js";
import { assertSafeRelativePath } from "./walk.js";

/** The OMS predicate type. */
export const OMS_PREDICATE_TYPE = "https://model_signing/signature/v1.0";
/** The legacy predicate of model_signing v0.2 (verify only). */
export const OMS_LEGACY_PREDICATE_TYPE = "https://model_signing/Digests/v0.1";

/** Hash algorithms of OMS resources. */
export type HashAlgorithm = "sha256" | "blake2b" | "blake3";
/** Every {@link HashAlgorithm}. */
export const HASH_ALGORITHMS: readonly HashAlgorithm[] = ["sha256", "blake2b", "blake3"];
/** Digest length in bytes of each algorithm (BLAKE2b is BLAKE2b-512, BLAKE3 is BLAKE3-256). */
export const DIGEST_LENGTHS: Readonly<Record<HashAlgorithm, number>> = { sha256: 32, blake2b: 64, blake3: 32 };

/** Serialization methods: one resource per file, or per fixed-size shard of a file. */
export type SerializationMethod = "files" | "shards";
/** Which OMS dialect to write (see the module header). */
export type ManifestConvention = "model_signing" | "oms-spec";

/** The default hash algorithm. */
export const DEFAULT_HASH_ALGORITHM: HashAlgorithm = "sha256";
/** The default shard size: 1 GB (decimal), as model_signing. */
export const DEFAULT_SHARD_SIZE = 1_000_000_000;
/** The default convention. */
export const DEFAULT_CONVENTION: ManifestConvention = "model_signing";

/** How the model was serialised (the predicate's `serialization`). */
export interface Serialization {
  method: SerializationMethod;
  hashType: HashAlgorithm;
  allowSymlinks: boolean;
  /** Shard size in bytes (shards only). */
  shardSize?: number;
  /** Ignored paths, relative to the model root, as recorded (since model_signing 1.1). */
  ignorePaths?: string[];
}

/** One signed resource: a file (`path`) or a shard (`path:start:end`). */
export interface ManifestResource {
  name: string;
  algorithm: string;
  /** Lowercase hex digest. */
  digest: string;
}

/** A model manifest: what {@link hashModel} computes and what a signature covers. */
export interface ModelManifest {
  /** The subject name (the model's directory or file name; informational). */
  modelName: string;
  serialization: Serialization;
  resources: ManifestResource[];
}

/** The parsed parts of a shard resource name. */
export interface ShardName {
  path: string;
  start: number;
  end: number;
}

/** Splits `path:start:end` at its last two colons (the spec's rule; file names may contain ':'). */
export function parseShardName(name: string): ShardName {
  const m = /^(.*):(0|[1-9][0-9]*):(0|[1-9][0-9]*)$/s.exec(name);
  if (m === null)
    throw new SignError("MALFORMED_MANIFEST", `shard resource ${JSON.stringify(name)} is not path:start:end`, {
      path: name,
    });
  const start = Number(m[2]);
  const end = Number(m[3]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end <= start) {
    throw new SignError("MALFORMED_MANIFEST", `shard resource ${JSON.stringify(name)} has an invalid range`, {
      path: name,
    });
  }
  return { path: m[1]!, start, end };
}

function codePointCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

// model_signing sorts PurePosixPath objects: component lists compared element-wise.
function componentCompare(a: string, b: string): number {
  const pa = a.split("/");
  const pb = b.split("/");
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const c = codePointCompare(pa[i]!, pb[i]!);
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}

/** Sorts resources in place the way the convention does. */
export function sortResources(
  resources: ManifestResource[],
  method: SerializationMethod,
  convention: ManifestConvention,
): ManifestResource[] {
  if (convention === "oms-spec") return resources.sort((x, y) => codePointCompare(x.name, y.name));
  if (method === "files") return resources.sort((x, y) => componentCompare(x.name, y.name));
  const keyed = resources.map((r) => ({ r, s: parseShardName(r.name) }));
  keyed.sort((x, y) => componentCompare(x.s.path, y.s.path) || x.s.start - y.s.start || x.s.end - y.s.end);
  resources.splice(0, resources.length, ...keyed.map((k) => k.r));
  return resources;
}

/** The resource `algorithm` string for a serialization under a convention. */
export function resourceAlgorithm(s: Serialization, convention: ManifestConvention): string {
  if (s.method === "shards" && convention === "model_signing") return `${s.hashType}-sharded-${s.shardSize}`;
  return s.hashType;
}

/**
 * The OMS root digest: SHA-256 over the concatenated raw digests, in the listed order.
 *
 * @param resources - the resources, in manifest order
 * @returns lowercase hex
 */
export function rootDigest(resources: readonly ManifestResource[]): string {
  return toHex(
    sha256(concatBytes(...resources.map((r) => fromHex(r.digest, `digest of ${r.name}`, "MALFORMED_MANIFEST")))),
  );
}

/**
 * Builds the in-toto statement of a manifest (predicate `https://model_signing/signature/v1.0`), with
 * keys in the order model_signing's goldens use.
 *
 * @param manifest - from {@link hashModel}
 * @returns the statement; serialise it with {@link serializeStatement}
 */
export function modelStatement(manifest: ModelManifest): InTotoStatement {
  const s = manifest.serialization;
  const serialization: Record<string, unknown> = {
    method: s.method,
    hash_type: s.hashType,
    allow_symlinks: s.allowSymlinks,
  };
  if (s.method === "shards") serialization.shard_size = s.shardSize;
  if (s.ignorePaths !== undefined && s.ignorePaths.length > 0) serialization.ignore_paths = [...s.ignorePaths];
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: manifest.modelName, digest: { sha256: rootDigest(manifest.resources) } }],
    predicateType: OMS_PREDICATE_TYPE,
    predicate: {
      serialization,
      resources: manifest.resources.map((r) => ({ algorithm: r.algorithm, digest: r.digest, name: r.name })),
    },
  };
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const bad = (why: string, path?: string): never => {
  throw new SignError("MALFORMED_MANIFEST", `invalid OMS predicate: ${why}`, path === undefined ? {} : { path });
};

function checkDigest(r: ManifestResource, hashType: HashAlgorithm): void {
  if (!/^[0-9a-f]+$/.test(r.digest) || r.digest.length !== DIGEST_LENGTHS[hashType] * 2) {
    bad(`digest of ${JSON.stringify(r.name)} is not ${DIGEST_LENGTHS[hashType]} bytes of lowercase hex`, r.name);
  }
}

/**
 * Parses and checks the manifest inside an OMS statement (also the legacy v0.2 predicate), and
 * checks that the subject digest equals the root digest recomputed over the listed resources.
 *
 * @param statement - a statement from {@link parseStatement}
 * @returns the manifest, resources in their signed order
 * @throws SignError `UNSUPPORTED_PREDICATE`, `MALFORMED_STATEMENT`, `MALFORMED_MANIFEST`,
 *   `UNSAFE_PATH`, `DUPLICATE_RESOURCE`, `UNSUPPORTED_HASH`, `SUBJECT_DIGEST_MISMATCH`
 */
export function manifestFromStatement(statement: InTotoStatement): ModelManifest {
  if (statement.predicateType === OMS_LEGACY_PREDICATE_TYPE) return legacyManifest(statement);
  if (statement.predicateType !== OMS_PREDICATE_TYPE) {
    throw new SignError(
      "UNSUPPORTED_PREDICATE",
      `predicateType ${JSON.stringify(statement.predicateType)} is not the OMS predicate`,
      {
        expected: OMS_PREDICATE_TYPE,
        actual: String(statement.predicateType),
      },
    );
  }
  if (statement.subject.length !== 1) {
    throw new SignError(
      "MALFORMED_STATEMENT",
      `an OMS statement has exactly one subject (found ${statement.subject.length})`,
    );
  }
  const p = statement.predicate;
  if (!isObj(p)) throw new SignError("MALFORMED_STATEMENT", "the OMS statement has no predicate");
  const ser = p.serialization;
  if (!isObj(ser)) return bad("serialization is missing");
  const method = ser.method;
  if (method !== "files" && method !== "shards")
    return bad(`serialization.method ${JSON.stringify(method)} is not files or shards`);
  const hashType = ser.hash_type;
  if (typeof hashType !== "string") return bad("serialization.hash_type is missing");
  if (!HASH_ALGORITHMS.includes(hashType as HashAlgorithm)) {
    throw new SignError("UNSUPPORTED_HASH", `hash_type ${JSON.stringify(hashType)} is not supported`, {
      actual: hashType,
    });
  }
  if (typeof ser.allow_symlinks !== "boolean") return bad("serialization.allow_symlinks must be a boolean");
  const serialization: Serialization = {
    method,
    hashType: hashType as HashAlgorithm,
    allowSymlinks: ser.allow_symlinks,
  };
  if (method === "shards") {
    const size = ser.shard_size;
    if (typeof size !== "number" || !Number.isSafeInteger(size) || size <= 0)
      return bad("serialization.shard_size must be a positive integer");
    serialization.shardSize = size;
  } else if (ser.shard_size !== undefined) {
    return bad("serialization.shard_size must be absent for method files");
  }
  if (ser.ignore_paths !== undefined) {
    if (!Array.isArray(ser.ignore_paths) || ser.ignore_paths.some((x) => typeof x !== "string"))
      return bad("serialization.ignore_paths must be strings");
    serialization.ignorePaths = [...(ser.ignore_paths as string[])];
  }
  if (!Array.isArray(p.resources)) return bad("resources is missing");
  if (p.resources.length === 0) return bad("resources is empty (a signed model has at least one file)");
  const accepted = new Set([
    hashType,
    method === "shards" ? `${hashType}-sharded-${serialization.shardSize}` : hashType,
  ]);
  const seen = new Set<string>();
  const resources: ManifestResource[] = [];
  for (const r of p.resources) {
    if (!isObj(r) || typeof r.name !== "string" || typeof r.algorithm !== "string" || typeof r.digest !== "string") {
      return bad("every resource needs string name, algorithm and digest");
    }
    const res: ManifestResource = { name: r.name, algorithm: r.algorithm, digest: r.digest };
    if (!accepted.has(res.algorithm))
      return bad(`resource ${JSON.stringify(res.name)} has algorithm ${JSON.stringify(res.algorithm)}`, res.name);
    const path = method === "shards" ? parseShardName(res.name).path : res.name;
    if (path !== ".") assertSafeRelativePath(path, "resource name");
    checkDigest(res, serialization.hashType);
    if (seen.has(res.name))
      throw new SignError("DUPLICATE_RESOURCE", `resource ${JSON.stringify(res.name)} is listed twice`, {
        path: res.name,
      });
    seen.add(res.name);
    resources.push(res);
  }
  const subject = statement.subject[0]!;
  const claimed = subject.digest?.sha256;
  if (typeof claimed !== "string") throw new SignError("MALFORMED_STATEMENT", "the subject has no sha256 digest");
  const actual = rootDigest(resources);
  if (claimed.toLowerCase() !== actual) {
    throw new SignError("SUBJECT_DIGEST_MISMATCH", "the subject digest does not match the listed resources", {
      expected: claimed,
      actual,
    });
  }
  return { modelName: typeof subject.name === "string" ? subject.name : "", serialization, resources };
}

// model_signing v0.2: one subject per file, sha256 each, no root digest.
function legacyManifest(statement: InTotoStatement): ModelManifest {
  const resources: ManifestResource[] = [];
  const seen = new Set<string>();
  for (const s of statement.subject) {
    const name = s.name;
    const digest = s.digest?.sha256;
    if (typeof name !== "string" || typeof digest !== "string")
      return bad("legacy subjects need a name and a sha256 digest");
    if (name !== ".") assertSafeRelativePath(name, "resource name");
    const res = { name, algorithm: "sha256", digest: digest.toLowerCase() };
    checkDigest(res, "sha256");
    if (seen.has(name))
      throw new SignError("DUPLICATE_RESOURCE", `resource ${JSON.stringify(name)} is listed twice`, { path: name });
    seen.add(name);
    resources.push(res);
  }
  return { modelName: "", serialization: { method: "files", hashType: "sha256", allowSymlinks: false }, resources };
}
