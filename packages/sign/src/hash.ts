/**
 * `hashModel`: serialises a model file or directory into an OMS manifest (OpenSSF model signing
 * spec v1.0 §6; model_signing 1.1 `hashing.py` and `_serialization/`). Files are streamed in
 * fixed-size chunks (memory does not grow with file size) and, above a small threshold, hashed in
 * parallel on worker threads, largest work first. SHA-256 and BLAKE2b use node:crypto (OpenSSL,
 * SHA-NI where the CPU has it); BLAKE3 uses @noble/hashes.
 */
import { availableParallelism } from "node:os";
import { toHex } from "./encoding.js";
import { SignError } from "./errors.js";
import { hashOnWorkers } from "./hash-pool.js";
import { HashFailure, type HashUnit, hashUnitAsync } from "./hash-worker.js";
import {
  DEFAULT_CONVENTION,
  DEFAULT_HASH_ALGORITHM,
  DEFAULT_SHARD_SIZE,
  HASH_ALGORITHMS,
  type HashAlgorithm,
  type ManifestConvention,
  type ManifestResource,
  type ModelManifest,
  resourceAlgorithm,
  type Serialization,
  type SerializationMethod,
  sortResources,
} from "./manifest.js";
import { enumerateModel, type ModelListing, type SymlinkScope } from "./walk.js";

/**
 * Bytes read per `read()` call: 128 KiB keeps each chunk in the core's L2 cache between the copy
 * from the page cache and the hash (1 MiB and larger chunks measured slower; see bench/).
 */
export const DEFAULT_CHUNK_SIZE = 128 * 1024;
/** Below this many bytes in total, hashing stays on the calling thread (starting workers costs more). */
export const DEFAULT_PARALLEL_THRESHOLD = 32 * 1024 * 1024;

/** Progress of {@link hashModel}, reported as bytes are hashed. */
export interface HashProgress {
  /** Bytes hashed so far. */
  bytesHashed: number;
  /** Bytes to hash in total. */
  totalBytes: number;
  /** Number of resources (files or shards) in the manifest. */
  totalResources: number;
}

/** Options of {@link hashModel}. */
export interface HashModelOptions {
  /** `"files"` (default): one resource per file; `"shards"`: one per `shardSize` bytes of a file. */
  method?: SerializationMethod;
  /** Hash algorithm; default `"sha256"`. */
  hashAlgorithm?: HashAlgorithm;
  /** Shard size in bytes for `method: "shards"`; default {@link DEFAULT_SHARD_SIZE}. */
  shardSize?: number;
  /** Paths to leave out, relative to the model root (a directory excludes its subtree). Recorded in the manifest. */
  ignorePaths?: readonly string[];
  /** Leave out the top-level `.git`, `.gitattributes`, `.github`, `.gitignore` (default true). */
  ignoreGitPaths?: boolean;
  /** Follow symbolic links to regular files (default false: a symlink fails with `SYMLINK_REFUSED`). */
  allowSymlinks?: boolean;
  /**
   * Where allowed symlinks may point: `"model"` (default) refuses targets outside the model;
   * `"any"` accepts them, as model_signing does.
   */
  symlinkScope?: SymlinkScope;
  /** Naming and ordering dialect; default `"model_signing"` (see the README). */
  convention?: ManifestConvention;
  /** Worker threads; default `os.availableParallelism()`. `1` hashes on the calling thread. */
  concurrency?: number;
  /** Bytes per read; default {@link DEFAULT_CHUNK_SIZE}. */
  chunkSize?: number;
  /** Use workers only above this many bytes in total; default {@link DEFAULT_PARALLEL_THRESHOLD}. */
  parallelThreshold?: number;
  /** Called as bytes are hashed (at least once per resource batch, at most every 16 MiB per worker). */
  onProgress?: (progress: HashProgress) => void;
  /** Cancels hashing (`ABORTED`). */
  signal?: AbortSignal;
}

/** @internal Options for re-hashing during verification. */
export interface RehashOptions extends HashModelOptions {
  only?: ReadonlySet<string>;
}

function checkOptions(
  o: HashModelOptions,
): Required<Pick<HashModelOptions, "method" | "hashAlgorithm" | "shardSize" | "convention" | "chunkSize">> {
  const method = o.method ?? "files";
  if (method !== "files" && method !== "shards")
    throw new SignError("INVALID_ARGUMENT", `method must be "files" or "shards"`);
  const hashAlgorithm = o.hashAlgorithm ?? DEFAULT_HASH_ALGORITHM;
  if (!HASH_ALGORITHMS.includes(hashAlgorithm))
    throw new SignError("UNSUPPORTED_HASH", `unsupported hash algorithm ${String(hashAlgorithm)}`);
  const shardSize = o.shardSize ?? DEFAULT_SHARD_SIZE;
  if (!Number.isSafeInteger(shardSize) || shardSize <= 0)
    throw new SignError("INVALID_ARGUMENT", "shardSize must be a positive integer");
  const convention = o.convention ?? DEFAULT_CONVENTION;
  if (convention !== "model_signing" && convention !== "oms-spec")
    throw new SignError("INVALID_ARGUMENT", `unknown convention ${String(convention)}`);
  const chunkSize = o.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 4096 || chunkSize > 256 * 1024 * 1024) {
    throw new SignError("INVALID_ARGUMENT", "chunkSize must be an integer between 4 KiB and 256 MiB");
  }
  if (o.concurrency !== undefined && (!Number.isSafeInteger(o.concurrency) || o.concurrency < 1)) {
    throw new SignError("INVALID_ARGUMENT", "concurrency must be a positive integer");
  }
  return { method, hashAlgorithm, shardSize, convention, chunkSize };
}

/** @internal Hashes an enumerated listing into a manifest. */
export async function hashListing(listing: ModelListing, options: HashModelOptions): Promise<ModelManifest> {
  const { method, hashAlgorithm, shardSize, convention, chunkSize } = checkOptions(options);
  const serialization: Serialization = {
    method,
    hashType: hashAlgorithm,
    allowSymlinks: options.allowSymlinks ?? false,
  };
  if (method === "shards") serialization.shardSize = shardSize;
  if (listing.ignorePaths.length > 0) serialization.ignorePaths = listing.ignorePaths;
  const algorithm = resourceAlgorithm(serialization, convention);
  const fileName = (path: string) => (path === "." && convention === "oms-spec" ? listing.modelName : path);

  const units: HashUnit[] = [];
  const names: string[] = [];
  for (const f of listing.files) {
    const base = { path: f.path, abs: f.abs, size: f.size, dev: f.dev, ino: f.ino, followSymlink: f.viaSymlink };
    if (method === "files") {
      units.push({ ...base, start: 0, end: f.size });
      names.push(fileName(f.path));
      continue;
    }
    // Zero-length files have no shard and do not appear in a sharded manifest (model_signing, spec).
    for (let start = 0; start < f.size; start += shardSize) {
      const end = Math.min(start + shardSize, f.size);
      units.push({ ...base, start, end });
      names.push(`${fileName(f.path)}:${start}:${end}`);
    }
  }

  const totalBytes = units.reduce((n, u) => n + (u.end - u.start), 0);
  let bytesHashed = 0;
  const onBytes = (n: number) => {
    bytesHashed += n;
    options.onProgress?.({ bytesHashed, totalBytes, totalResources: units.length });
  };
  const workers = Math.min(options.concurrency ?? availableParallelism(), 64);
  const parallel =
    workers > 1 && units.length > 1 && totalBytes >= (options.parallelThreshold ?? DEFAULT_PARALLEL_THRESHOLD);

  let digests: Uint8Array[];
  try {
    if (parallel) {
      digests = await hashOnWorkers(units, {
        algorithm: hashAlgorithm,
        workers,
        chunkSize,
        onBytes,
        signal: options.signal,
      });
    } else {
      const buffer = new Uint8Array(Math.min(chunkSize, Math.max(4096, totalBytes)));
      digests = [];
      for (const u of units) {
        if (options.signal?.aborted) throw new SignError("ABORTED", "hashing was aborted");
        digests.push(await hashUnitAsync(u, hashAlgorithm, buffer, onBytes, options.signal));
      }
      if (units.length === 0) options.onProgress?.({ bytesHashed: 0, totalBytes: 0, totalResources: 0 });
    }
  } catch (e) {
    if (e instanceof HashFailure) throw new SignError(e.code as "IO_ERROR", e.message, e.path ? { path: e.path } : {});
    throw e;
  }
  const resources: ManifestResource[] = names.map((name, i) => ({ name, algorithm, digest: toHex(digests[i]!) }));
  sortResources(resources, method, convention);
  return { modelName: listing.modelName, serialization, resources };
}

/**
 * Hashes a model (a directory, or a single file) into an OMS manifest, exactly as the OpenSSF
 * model signing tools serialise it.
 *
 * @param modelPath - the model directory or file
 * @param options - serialization method, hash, shards, ignore paths, symlink policy, convention,
 *   concurrency, progress callback, abort signal
 * @returns the manifest: the model name, the serialization and the sorted resources
 * @throws SignError `MODEL_NOT_FOUND`, `SYMLINK_REFUSED`, `NOT_A_REGULAR_FILE`, `UNSAFE_PATH`,
 *   `IO_ERROR`, `UNSUPPORTED_HASH`, `INVALID_ARGUMENT`, `ABORTED`
 * @example
 * const manifest = await hashModel("./my-model", { onProgress: (p) => console.log(p.bytesHashed) });
 * console.log(manifest.resources.length, rootDigest(manifest.resources));
 */
export async function hashModel(modelPath: string, options: HashModelOptions = {}): Promise<ModelManifest> {
  checkOptions(options);
  return hashListing(await listModel(modelPath, options), options);
}

/** @internal */
export async function listModel(modelPath: string, options: RehashOptions): Promise<ModelListing> {
  return enumerateModel(modelPath, {
    ignorePaths: options.ignorePaths ?? [],
    ignoreGitPaths: options.ignoreGitPaths ?? true,
    allowSymlinks: options.allowSymlinks ?? false,
    symlinkScope: options.symlinkScope ?? "model",
    ...(options.only !== undefined ? { only: options.only } : {}),
  });
}
