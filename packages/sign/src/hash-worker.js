// @ts-check
/**
 * Streaming file-range hashing (SHA-256 and BLAKE2b-512 with node:crypto, BLAKE3 with
 * @noble/hashes), used both on the main thread and inside the worker threads of hashModel.
 *
 * This file is plain JavaScript on purpose: hashModel starts it with `new Worker(url)`, and Node
 * runs it as it is from `src/` under the tests (no TypeScript loader exists inside a worker) and
 * from `dist/` after tsup has built it as its own entry.
 *
 * Every read checks that the file opened is the file that was enumerated (same device and inode,
 * same size) and stops after exactly `end - start` bytes, so a file swapped or grown between
 * enumeration and hashing fails with IO_ERROR instead of being hashed silently.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";
import { blake3 } from "@noble/hashes/blake3.js";

/**
 * @typedef {object} HashUnit
 * @property {string} path  path relative to the model (for errors)
 * @property {string} abs   absolute path to open
 * @property {number} start first byte (inclusive)
 * @property {number} end   last byte (exclusive)
 * @property {number} size  file size seen at enumeration
 * @property {string} dev   device id seen at enumeration (bigint as decimal text)
 * @property {string} ino   inode seen at enumeration (bigint as decimal text)
 * @property {boolean} followSymlink  open through a symlink (only when symlinks are allowed)
 */

/**
 * @typedef {object} Hasher
 * @property {(data: Uint8Array) => void} update
 * @property {() => Uint8Array} digest
 */

/** A coded failure that crosses the worker boundary as plain data. */
export class HashFailure extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {string} path
   */
  constructor(code, message, path) {
    super(message);
    this.code = code;
    this.path = path;
  }
}

/**
 * @param {string} algorithm "sha256" | "blake2b" | "blake3"
 * @returns {Hasher}
 */
export function createHasher(algorithm) {
  if (algorithm === "sha256" || algorithm === "blake2b") {
    const h = createHash(algorithm === "sha256" ? "sha256" : "blake2b512");
    return {
      update: (data) => {
        h.update(data);
      },
      digest: () => new Uint8Array(h.digest()),
    };
  }
  if (algorithm === "blake3") {
    const h = blake3.create();
    return {
      update: (data) => {
        h.update(data);
      },
      digest: () => h.digest(),
    };
  }
  throw new HashFailure("UNSUPPORTED_HASH", `unsupported hash algorithm ${algorithm}`, "");
}

/**
 * @param {HashUnit} unit
 * @param {import("node:fs").BigIntStats} st
 */
function checkIdentity(unit, st) {
  if (!st.isFile()) throw new HashFailure("NOT_A_REGULAR_FILE", `${unit.path} is not a regular file`, unit.path);
  if (String(st.dev) !== unit.dev || String(st.ino) !== unit.ino) {
    throw new HashFailure("IO_ERROR", `${unit.path} was replaced while the model was being hashed`, unit.path);
  }
  if (Number(st.size) !== unit.size) {
    throw new HashFailure("IO_ERROR", `${unit.path} changed size while the model was being hashed`, unit.path);
  }
}

/**
 * @param {unknown} e
 * @param {HashUnit} unit
 * @returns {HashFailure}
 */
function ioFailure(e, unit) {
  if (e instanceof HashFailure) return e;
  const code = /** @type {{ code?: string }} */ (e)?.code;
  if (code === "ELOOP") return new HashFailure("SYMLINK_REFUSED", `${unit.path} became a symbolic link`, unit.path);
  if (code === "ENOENT")
    return new HashFailure("IO_ERROR", `${unit.path} disappeared while the model was being hashed`, unit.path);
  if (code === "EISDIR") return new HashFailure("NOT_A_REGULAR_FILE", `${unit.path} is a directory`, unit.path);
  return new HashFailure(
    "IO_ERROR",
    `cannot read ${unit.path}: ${code ?? (e instanceof Error ? e.message : "error")}`,
    unit.path,
  );
}

/** @param {HashUnit} unit */
function openFlags(unit) {
  // O_NOFOLLOW: the last component must not have become a symlink since enumeration.
  // O_NONBLOCK: opening a FIFO that replaced the file must not hang.
  return constants.O_RDONLY | (unit.followSymlink ? 0 : constants.O_NOFOLLOW) | constants.O_NONBLOCK;
}

/**
 * Hashes one unit with blocking reads (worker threads only).
 * @param {HashUnit} unit
 * @param {string} algorithm
 * @param {Uint8Array} buffer reused read buffer
 * @param {(bytes: number) => void} onBytes
 * @returns {Uint8Array}
 */
export function hashUnitSync(unit, algorithm, buffer, onBytes) {
  let fd = -1;
  try {
    fd = openSync(unit.abs, openFlags(unit));
    checkIdentity(unit, fstatSync(fd, { bigint: true }));
    const hasher = createHasher(algorithm);
    let pos = unit.start;
    while (pos < unit.end) {
      const want = Math.min(buffer.length, unit.end - pos);
      const n = readSync(fd, buffer, 0, want, pos);
      if (n === 0) throw new HashFailure("IO_ERROR", `${unit.path} shrank while the model was being hashed`, unit.path);
      hasher.update(n === buffer.length ? buffer : buffer.subarray(0, n));
      pos += n;
      onBytes(n);
    }
    return hasher.digest();
  } catch (e) {
    throw ioFailure(e, unit);
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/**
 * Hashes one unit with non-blocking reads (main thread).
 * @param {HashUnit} unit
 * @param {string} algorithm
 * @param {Uint8Array} buffer reused read buffer
 * @param {(bytes: number) => void} onBytes
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<Uint8Array>}
 */
export async function hashUnitAsync(unit, algorithm, buffer, onBytes, signal) {
  /** @type {import("node:fs/promises").FileHandle | undefined} */
  let fh;
  try {
    fh = await open(unit.abs, openFlags(unit));
    checkIdentity(unit, await fh.stat({ bigint: true }));
    const hasher = createHasher(algorithm);
    let pos = unit.start;
    while (pos < unit.end) {
      if (signal?.aborted) throw new HashFailure("ABORTED", "hashing was aborted", unit.path);
      const want = Math.min(buffer.length, unit.end - pos);
      const { bytesRead: n } = await fh.read(buffer, 0, want, pos);
      if (n === 0) throw new HashFailure("IO_ERROR", `${unit.path} shrank while the model was being hashed`, unit.path);
      hasher.update(n === buffer.length ? buffer : buffer.subarray(0, n));
      pos += n;
      onBytes(n);
    }
    return hasher.digest();
  } catch (e) {
    throw ioFailure(e, unit);
  } finally {
    await fh?.close();
  }
}

// ---- worker side ----

const PROGRESS_EVERY = 16 * 1024 * 1024;

if (parentPort !== null && workerData?.modelproofHashWorker === true) {
  const port = parentPort;
  const buffer = new Uint8Array(workerData.chunkSize);
  let pending = 0;
  const onBytes = (/** @type {number} */ n) => {
    pending += n;
    if (pending >= PROGRESS_EVERY) {
      port.postMessage({ type: "progress", bytes: pending });
      pending = 0;
    }
  };
  port.on("message", (/** @type {{ id: number, units: HashUnit[] }} */ job) => {
    try {
      const digests = job.units.map((u) => hashUnitSync(u, workerData.algorithm, buffer, onBytes));
      if (pending > 0) port.postMessage({ type: "progress", bytes: pending });
      pending = 0;
      port.postMessage({ type: "done", id: job.id, digests });
    } catch (e) {
      const f = e instanceof HashFailure ? e : new HashFailure("IO_ERROR", String(e), "");
      port.postMessage({ type: "error", id: job.id, code: f.code, message: f.message, path: f.path });
    }
  });
}
