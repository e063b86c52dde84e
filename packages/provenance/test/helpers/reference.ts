// A deliberately naive RFC 9162 reference, written straight from the recursive definitions in
// §2.1.1-2.1.4 with node:crypto. Tests compare the optimised tree against it.
import { createHash } from "node:crypto";

const sha = (...parts: Uint8Array[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

export const refLeaf = (d: Uint8Array) => sha(new Uint8Array([0]), d);
export const refNode = (l: Uint8Array, r: Uint8Array) => sha(new Uint8Array([1]), l, r);

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function refMth(d: Uint8Array[]): Uint8Array {
  if (d.length === 0) return sha();
  if (d.length === 1) return refLeaf(d[0]!);
  const k = split(d.length);
  return refNode(refMth(d.slice(0, k)), refMth(d.slice(k)));
}

export function refPath(m: number, d: Uint8Array[]): Uint8Array[] {
  if (d.length <= 1) return [];
  const k = split(d.length);
  return m < k
    ? [...refPath(m, d.slice(0, k)), refMth(d.slice(k))]
    : [...refPath(m - k, d.slice(k)), refMth(d.slice(0, k))];
}

function refSubproof(m: number, d: Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [refMth(d)];
  const k = split(d.length);
  return m <= k
    ? [...refSubproof(m, d.slice(0, k), b), refMth(d.slice(k))]
    : [...refSubproof(m - k, d.slice(k), false), refMth(d.slice(0, k))];
}

export const refProof = (m: number, d: Uint8Array[]) => refSubproof(m, d, true);

/** The eight leaf inputs used by RFC 6962 test suites (transparency-dev, certificate-transparency). */
export const STANDARD_LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map((h) => new Uint8Array(Buffer.from(h, "hex")));

export const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
export const unhex = (h: string) => new Uint8Array(Buffer.from(h, "hex"));
