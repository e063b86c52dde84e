import { createHash } from "node:crypto";
import { buildProvenance, validateProvenanceRecord } from "@modelproof/provenance";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COMMITMENT_SCHEME,
  commitFingerprints,
  type Fingerprint,
  type FingerprintError,
  type FingerprintOpening,
  fingerprintLeafData,
  generateRandomWordFingerprints,
  verifyOpening,
} from "../src/index.js";

const sha = (...parts: Uint8Array[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

/** The leaf encoding of the module header, written out independently. */
function referenceLeaf({ key, response }: Fingerprint, salt: Uint8Array): Uint8Array {
  const k = Buffer.from(key, "utf8");
  const r = Buffer.from(response, "utf8");
  const len = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
  return new Uint8Array(Buffer.concat([Buffer.from([1]), salt, len(k.length), k, len(r.length), r]));
}

/** RFC 9162 §2.1.1 MTH, recursively. */
function referenceRoot(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 1) return sha(new Uint8Array([0]), leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(new Uint8Array([1]), referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

const SET = generateRandomWordFingerprints({ count: 13, seed: "commit" });

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as FingerprintError).code;
  }
  return undefined;
}

describe("commitFingerprints", () => {
  it("is the RFC 9162 root over the documented salted leaves (differential, any size)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.string(), (n, seed) => {
        const set = generateRandomWordFingerprints({ count: n, seed, keyLength: 3 });
        const c = commitFingerprints(set, { seed });
        const leaves = set.map((f, i) => referenceLeaf(f, c.salts[i]!));
        expect(c.root).toEqual(referenceRoot(leaves));
        expect(fingerprintLeafData(set[0]!, c.salts[0]!)).toEqual(leaves[0]);
      }),
      { numRuns: 40 },
    );
  });

  it("encodes non-ASCII text as UTF-8 with byte lengths", () => {
    const fp = { key: "clé 😀", response: "ответ" };
    const salt = new Uint8Array(32).fill(7);
    expect(fingerprintLeafData(fp, salt)).toEqual(referenceLeaf(fp, salt));
    expect(code(() => fingerprintLeafData(fp, new Uint8Array(31)))).toBe("INVALID_OPTION");
  });

  it("uses fresh random salts by default, and reproduces a root from stored salts", () => {
    const a = commitFingerprints(SET);
    const b = commitFingerprints(SET);
    expect(a.rootHex).not.toBe(b.rootHex);
    expect(new Set(a.salts.map((s) => Buffer.from(s).toString("hex"))).size).toBe(SET.length);
    expect(commitFingerprints(SET, { salts: a.salts }).rootHex).toBe(a.rootHex);
    expect(commitFingerprints(SET, { seed: "x" }).rootHex).toBe(commitFingerprints(SET, { seed: "x" }).rootHex);
    expect(
      commitFingerprints(generateRandomWordFingerprints({ count: 5, seed: "pinned" }), { seed: "salts" }).rootHex,
    ).toBe("9b736eb1d6020330decd771ee103c75ef9afc10640cd3fb677604a80c6fd56ba");
  });

  it("gives the public component value the provenance record accepts", () => {
    const c = commitFingerprints(SET);
    expect(c.toJSON()).toEqual({ scheme: COMMITMENT_SCHEME, root: c.rootHex, count: 13 });
    const record = buildProvenance({ fingerprint_commitment: c.toJSON() });
    expect(() => validateProvenanceRecord(record)).not.toThrow();
    expect(JSON.stringify(c.toJSON())).not.toContain(SET[0]!.key);
  });

  it("rejects bad sets and bad salts", () => {
    expect(code(() => commitFingerprints([]))).toBe("EMPTY_SET");
    expect(code(() => commitFingerprints([...SET, SET[0]!]))).toBe("DUPLICATE_KEY");
    expect(code(() => commitFingerprints(SET, { salts: [new Uint8Array(32)] }))).toBe("INVALID_OPTION");
    expect(code(() => commitFingerprints(SET, { salts: SET.map(() => new Uint8Array(16)) }))).toBe("INVALID_OPTION");
    expect(code(() => commitFingerprints(SET, { salts: SET.map(() => new Uint8Array(32)), seed: "x" }))).toBe(
      "INVALID_OPTION",
    );
  });
});

describe("openings and verifyOpening", () => {
  const commitment = commitFingerprints(SET, { seed: "openings" });

  it("proves every fingerprint, against the root bytes, its hex or the public JSON", () => {
    for (let i = 0; i < SET.length; i++) {
      const opening = JSON.parse(JSON.stringify(commitment.open(i))) as FingerprintOpening;
      expect(opening.index).toBe(i);
      expect(verifyOpening(commitment.root, opening)).toEqual(SET[i]);
      expect(verifyOpening(commitment.rootHex, opening)).toEqual(SET[i]);
      expect(verifyOpening(commitment.toJSON(), opening)).toEqual(SET[i]);
    }
  });

  it("discloses only the opened fingerprint", () => {
    const text = JSON.stringify(commitment.open(4));
    for (let i = 0; i < SET.length; i++) if (i !== 4) expect(text).not.toContain(SET[i]!.key);
  });

  it("rejects any altered field with OPENING_INVALID", () => {
    const good = commitment.open(6);
    const flip = (hex: string) => (hex[0] === "0" ? "1" : "0") + hex.slice(1);
    const tampered: Partial<FingerprintOpening>[] = [
      { key: `${good.key} ` },
      { response: "forged" },
      { salt: flip(good.salt) },
      { proof: [flip(good.proof[0]!), ...good.proof.slice(1)] },
      { proof: good.proof.slice(1) },
      { proof: [...good.proof, good.proof[0]!] },
      { index: 7 },
      { index: 13 },
      { index: -1 },
      { treeSize: 0 },
      { treeSize: 2 },
      { scheme: "other/v1" },
      { salt: "zz" },
      { proof: "nope" as unknown as string[] },
      { key: "" },
    ];
    for (const change of tampered) {
      expect(code(() => verifyOpening(commitment.root, { ...good, ...change }))).toBe("OPENING_INVALID");
    }
    expect(code(() => verifyOpening(commitment.root, null as unknown as FingerprintOpening))).toBe("OPENING_INVALID");
  });

  it("rejects an opening under another root, or for another tree size than committed", () => {
    const other = commitFingerprints(SET, { seed: "other" });
    expect(code(() => verifyOpening(other.root, commitment.open(0)))).toBe("OPENING_INVALID");
    const bigger = commitFingerprints([...SET, { key: "extra", response: "x" }], { seed: "openings" });
    expect(code(() => verifyOpening({ ...commitment.toJSON(), count: 14 }, commitment.open(0)))).toBe(
      "OPENING_INVALID",
    );
    // A bare root does not fix the tree size (RFC 9162 tree heads are (size, root) pairs): the
    // membership still holds, and the public JSON (root + count) pins the size too.
    expect(verifyOpening(commitment.root, { ...commitment.open(6), treeSize: 12 })).toEqual(SET[6]);
    expect(code(() => verifyOpening(commitment.toJSON(), { ...commitment.open(6), treeSize: 12 }))).toBe(
      "OPENING_INVALID",
    );
    expect(code(() => verifyOpening(commitment.root, bigger.open(0)))).toBe("OPENING_INVALID");
  });

  it("rejects a malformed root with INVALID_OPTION and a bad index to open()", () => {
    expect(code(() => verifyOpening(new Uint8Array(31), commitment.open(0)))).toBe("INVALID_OPTION");
    expect(code(() => verifyOpening("abc", commitment.open(0)))).toBe("INVALID_OPTION");
    expect(code(() => verifyOpening({ ...commitment.toJSON(), scheme: "x" }, commitment.open(0)))).toBe(
      "INVALID_OPTION",
    );
    expect(code(() => commitment.open(13))).toBe("INVALID_OPTION");
  });
});
