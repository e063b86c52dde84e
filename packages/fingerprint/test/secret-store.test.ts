import { describe, expect, it } from "vitest";
import {
  commitFingerprints,
  DEFAULT_SCRYPT_PARAMS,
  type FingerprintError,
  generateRandomWordFingerprints,
  openFingerprintStore,
  SECRET_STORE_FORMAT,
  sealFingerprintStore,
} from "../src/index.js";

// Fast parameters for tests; the default (N = 2^17) is exercised once below.
const FAST = { scrypt: { N: 2 ** 10, r: 8, p: 1 } };
const SET = generateRandomWordFingerprints({ count: 20, seed: "store" });
const PASS = "correct horse battery staple";

async function code(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return (e as FingerprintError).code;
  }
  return undefined;
}

type Json = Record<string, unknown>;

/** The store with one field replaced (or removed when `value` is undefined). */
function withField(store: string, path: string[], value: unknown): string {
  const doc = JSON.parse(store) as Json;
  let target = doc;
  for (const name of path.slice(0, -1)) target = target[name] as Json;
  const last = path[path.length - 1]!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return JSON.stringify(doc);
}

describe("sealFingerprintStore / openFingerprintStore", () => {
  it("round-trips fingerprints, salts and metadata, from text or bytes", async () => {
    const commitment = commitFingerprints(SET);
    const metadata = { model: "tiny-lm", root: commitment.rootHex };
    const store = await sealFingerprintStore({ fingerprints: SET, salts: [...commitment.salts], metadata }, PASS, FAST);
    const opened = await openFingerprintStore(store, PASS);
    expect(opened.fingerprints).toEqual(SET);
    expect(opened.metadata).toEqual(metadata);
    expect(commitFingerprints(opened.fingerprints, { salts: opened.salts }).rootHex).toBe(commitment.rootHex);
    expect((await openFingerprintStore(new TextEncoder().encode(store), PASS)).fingerprints).toEqual(SET);
  });

  it("writes the documented, versioned header and no secret in clear", async () => {
    const store = await sealFingerprintStore({ fingerprints: SET }, PASS, FAST);
    const doc = JSON.parse(store);
    expect(Object.keys(doc)).toEqual(["format", "version", "kdf", "cipher", "ciphertext"]);
    expect(doc).toMatchObject({
      format: SECRET_STORE_FORMAT,
      version: 1,
      kdf: { name: "scrypt", N: 1024, r: 8, p: 1 },
      cipher: { name: "xchacha20-poly1305" },
    });
    expect(Buffer.from(doc.kdf.salt, "base64")).toHaveLength(32);
    expect(Buffer.from(doc.cipher.nonce, "base64")).toHaveLength(24);
    for (const f of SET) expect(store).not.toContain(f.key);
    expect(store).not.toContain(PASS);
    // Two seals of the same data differ (fresh salt and nonce).
    expect(await sealFingerprintStore({ fingerprints: SET }, PASS, FAST)).not.toBe(store);
  });

  it("uses scrypt N = 2^17, r = 8, p = 1 by default", async () => {
    const store = await sealFingerprintStore({ fingerprints: SET.slice(0, 1) }, PASS);
    expect(JSON.parse(store).kdf).toMatchObject(DEFAULT_SCRYPT_PARAMS);
    expect((await openFingerprintStore(store, PASS)).fingerprints).toEqual(SET.slice(0, 1));
  });

  it("fails with WRONG_PASSPHRASE for a wrong passphrase or an altered store", async () => {
    const store = await sealFingerprintStore({ fingerprints: SET }, PASS, FAST);
    expect(await code(openFingerprintStore(store, "correct horse battery stapler"))).toBe("WRONG_PASSPHRASE");
    expect(await code(openFingerprintStore(store, new TextEncoder().encode("x")))).toBe("WRONG_PASSPHRASE");
    const ct = Buffer.from(JSON.parse(store).ciphertext, "base64");
    ct[3]! ^= 1;
    const flipped = withField(store, ["ciphertext"], ct.toString("base64"));
    expect(await code(openFingerprintStore(flipped, PASS))).toBe("WRONG_PASSPHRASE");
    // The header is authenticated: changing a parameter fails even if the key still derives.
    const reNonced = withField(store, ["cipher", "nonce"], Buffer.alloc(24, 1).toString("base64"));
    expect(await code(openFingerprintStore(reNonced, PASS))).toBe("WRONG_PASSPHRASE");
    const reCosted = withField(store, ["kdf", "N"], 2048);
    expect(await code(openFingerprintStore(reCosted, PASS))).toBe("WRONG_PASSPHRASE");
  });

  it("normalises string passphrases to NFC", async () => {
    const store = await sealFingerprintStore({ fingerprints: SET }, "caf\u00e9", FAST);
    expect((await openFingerprintStore(store, "cafe\u0301")).fingerprints).toEqual(SET);
  });

  it("rejects other formats, versions and malformed fields with coded errors", async () => {
    const store = await sealFingerprintStore({ fingerprints: SET }, PASS, FAST);
    const cases: [string | Uint8Array, string][] = [
      ["not json", "INVALID_FORMAT"],
      ["[1, 2]", "INVALID_STORE"],
      [withField(store, ["format"], "something-else"), "UNSUPPORTED_VERSION"],
      [withField(store, ["version"], 2), "UNSUPPORTED_VERSION"],
      [withField(store, ["cipher", "name"], "aes-256-gcm"), "UNSUPPORTED_VERSION"],
      [withField(store, ["kdf", "N"], 2 ** 21), "INVALID_STORE"],
      [withField(store, ["kdf", "N"], 1000), "INVALID_STORE"],
      [withField(store, ["kdf", "r"], 0), "INVALID_STORE"],
      [withField(store, ["kdf", "salt"], "!!"), "INVALID_STORE"],
      [withField(store, ["cipher", "nonce"], "AAAA"), "INVALID_STORE"],
      [withField(store, ["ciphertext"], undefined), "INVALID_STORE"],
    ];
    for (const [input, expected] of cases) expect(await code(openFingerprintStore(input, PASS))).toBe(expected);
  });

  it("validates what it seals", async () => {
    expect(await code(sealFingerprintStore({ fingerprints: SET }, "", FAST))).toBe("INVALID_OPTION");
    expect(await code(sealFingerprintStore({ fingerprints: [] }, PASS, FAST))).toBe("EMPTY_SET");
    expect(await code(sealFingerprintStore({ fingerprints: [...SET, SET[0]!] }, PASS, FAST))).toBe("DUPLICATE_KEY");
    expect(await code(sealFingerprintStore({ fingerprints: SET, salts: [new Uint8Array(32)] }, PASS, FAST))).toBe(
      "INVALID_OPTION",
    );
    expect(await code(sealFingerprintStore({ fingerprints: SET, metadata: [] as unknown as Json }, PASS, FAST))).toBe(
      "INVALID_OPTION",
    );
    expect(await code(sealFingerprintStore({ fingerprints: SET }, PASS, { scrypt: { N: 3000, r: 8, p: 1 } }))).toBe(
      "INVALID_OPTION",
    );
    expect(await code(sealFingerprintStore(null as unknown as { fingerprints: [] }, PASS, FAST))).toBe(
      "INVALID_OPTION",
    );
    expect(await code(openFingerprintStore("{}", ""))).toBe("INVALID_OPTION");
  });
});
