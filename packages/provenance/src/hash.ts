/**
 * SHA-256 for Node and browsers. In Node (and Bun/Deno with node:crypto) the digest comes from
 * node:crypto (OpenSSL, SHA-NI: ~15x faster than pure JS); elsewhere from @noble/hashes.
 * node:crypto is reached through `process.getBuiltinModule` (Node >= 20.16) rather than an import,
 * so browser bundles never see a `node:` specifier.
 */
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";

/** Size in bytes of every hash this package produces (SHA-256). */
export const HASH_SIZE = 32;

interface NodeHash {
  update(data: Uint8Array): NodeHash;
  digest(): Uint8Array;
}

interface NodeCryptoSubset {
  hash?: (algorithm: string, data: Uint8Array, outputEncoding: "buffer") => Uint8Array;
  createHash: (algorithm: string) => NodeHash;
}

function loadNodeCrypto(): NodeCryptoSubset | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const mod = proc?.getBuiltinModule?.("node:crypto") as NodeCryptoSubset | undefined;
    return mod && typeof mod.createHash === "function" ? mod : undefined;
  } catch {
    return undefined;
  }
}

const nodeCrypto = /* @__PURE__ */ loadNodeCrypto();

/**
 * The raw digest function used internally. It may return a subclass of Uint8Array (a Node
 * Buffer); callers that hand the result to users copy it into a plain Uint8Array.
 */
export const rawSha256: (data: Uint8Array) => Uint8Array = /* @__PURE__ */ pickSha256(nodeCrypto);

/** Picks the digest function for a node:crypto-like module, or pure JS without one (exported for tests). */
export function pickSha256(c: NodeCryptoSubset | undefined): (data: Uint8Array) => Uint8Array {
  const oneShot = c?.hash;
  if (oneShot) return (data) => oneShot("sha256", data, "buffer");
  if (c) return (data) => c.createHash("sha256").update(data).digest();
  return nobleSha256;
}

/** A streaming SHA-256 (two or more parts without concatenating them). */
export function sha256Parts(parts: readonly Uint8Array[]): Uint8Array {
  if (nodeCrypto) {
    const h = nodeCrypto.createHash("sha256");
    for (const p of parts) h.update(p);
    return plain(h.digest());
  }
  const h = nobleSha256.create();
  for (const p of parts) h.update(p);
  return h.digest();
}

/**
 * SHA-256 of `data`.
 * @param data bytes to hash
 * @returns the 32-byte digest as a plain Uint8Array
 * @example
 * toHex(sha256(new TextEncoder().encode("abc"))) // "ba7816bf...15ad"
 */
export function sha256(data: Uint8Array): Uint8Array {
  return plain(rawSha256(data));
}

/** Which SHA-256 implementation is in use: `"node:crypto"` or `"@noble/hashes"`. */
export function sha256Backend(): "node:crypto" | "@noble/hashes" {
  return nodeCrypto ? "node:crypto" : "@noble/hashes";
}

/** Copies a Buffer (or any Uint8Array subclass) into a plain Uint8Array; plain arrays pass through. */
export function plain(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes);
}
