import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as nodeSign,
  verify as nodeVerify,
} from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "node:util";
import { fixture } from "@modelproof/tooling/fixtures";
import { describe, expect, it } from "vitest";
import {
  exportPrivateKey,
  exportPublicKey,
  generateKeyPair,
  importPrivateKey,
  importPublicKey,
  KEY_ALGORITHMS,
  type KeyAlgorithm,
  keyHint,
  signBytes,
  verifyBytes,
} from "../src/index.js";
import { codeOf } from "./helpers/fs.js";

const NODE_CURVE: Record<KeyAlgorithm, [string, string | undefined, string | undefined]> = {
  ed25519: ["ed25519", undefined, undefined],
  "ecdsa-p256": ["ec", "P-256", "sha256"],
  "ecdsa-p384": ["ec", "P-384", "sha384"],
  "ecdsa-p521": ["ec", "P-521", "sha512"],
};
const msg = new TextEncoder().encode("DSSEv1 28 application/vnd.in-toto+json 2 {}");

describe("keys", () => {
  it.each(KEY_ALGORITHMS)(
    "%s: generated keys round-trip through PEM, DER and JWK and interoperate with node:crypto",
    (alg) => {
      const { privateKey, publicKey } = generateKeyPair(alg);
      const pem = exportPrivateKey(privateKey, "pem");
      const pubPem = exportPublicKey(publicKey, "pem");
      // node:crypto (OpenSSL) reads what we write, and writes the same SPKI PEM text (the hint depends on it).
      const nodePriv = createPrivateKey(pem);
      const nodePub = createPublicKey(pubPem);
      expect(nodePub.export({ type: "spki", format: "pem" })).toBe(pubPem);
      expect(createPublicKey(nodePriv).export({ type: "spki", format: "pem" })).toBe(pubPem);
      expect(importPrivateKey(pem).publicKey).toEqual(publicKey);
      expect(importPrivateKey(exportPrivateKey(privateKey, "der")).publicKey).toEqual(publicKey);
      expect(importPrivateKey(exportPrivateKey(privateKey, "jwk")).publicKey).toEqual(publicKey);
      expect(importPublicKey(exportPublicKey(publicKey, "jwk"))).toEqual(publicKey);
      expect(importPublicKey(exportPublicKey(publicKey, "der"))).toEqual(publicKey);
      // Node's own JWK export matches ours.
      expect(nodePub.export({ format: "jwk" })).toEqual(exportPublicKey(publicKey, "jwk"));

      const [, , hash] = NODE_CURVE[alg];
      const ours = signBytes(privateKey, msg);
      expect(nodeVerify(hash ?? null, msg, nodePub, ours)).toBe(true);
      const theirs = nodeSign(hash ?? null, msg, nodePriv);
      expect(verifyBytes(publicKey, msg, theirs)).toBe(true);
      expect(verifyBytes(publicKey, new TextEncoder().encode("other"), theirs)).toBe(false);
    },
  );

  it.each(KEY_ALGORITHMS)("%s: reads keys written by OpenSSL (PKCS#8, SEC1, encrypted PKCS#8)", (alg) => {
    const [type, namedCurve] = NODE_CURVE[alg];
    const pair =
      type === "ec" ? generateKeyPairSync("ec", { namedCurve: namedCurve! }) : generateKeyPairSync("ed25519");
    const spki = pair.publicKey.export({ type: "spki", format: "pem" }) as string;
    const pub = importPublicKey(spki);
    expect(importPrivateKey(pair.privateKey.export({ type: "pkcs8", format: "pem" }) as string).publicKey).toEqual(pub);
    if (type === "ec")
      expect(importPrivateKey(pair.privateKey.export({ type: "sec1", format: "pem" }) as string).publicKey).toEqual(
        pub,
      );
    const enc = pair.privateKey.export({
      type: "pkcs8",
      format: "pem",
      cipher: "aes-256-cbc",
      passphrase: "s3cret",
    }) as string;
    expect(importPrivateKey(enc, { password: "s3cret" }).publicKey).toEqual(pub);
  });

  it("rejects a wrong or missing password with KEY_DECRYPTION_FAILED", async () => {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const enc = pair.privateKey.export({
      type: "pkcs8",
      format: "pem",
      cipher: "aes-256-cbc",
      passphrase: "right",
    }) as string;
    expect(await codeOf(() => importPrivateKey(enc, { password: "wrong" }))).toBe("KEY_DECRYPTION_FAILED");
    expect(await codeOf(() => importPrivateKey(enc))).toBe("KEY_DECRYPTION_FAILED");
  });

  it("computes model_signing's key hint and Sigstore's", () => {
    const { publicKey } = generateKeyPair("ecdsa-p256");
    const pem = exportPublicKey(publicKey, "pem");
    const nodeHash = (data: string | Uint8Array, enc: "hex" | "base64") =>
      createHash("sha256").update(data).digest(enc);
    expect(keyHint(publicKey)).toBe(nodeHash(pem, "hex"));
    expect(keyHint(publicKey, "sigstore")).toBe(nodeHash(exportPublicKey(publicKey, "der"), "base64"));
  });

  it("never shows a private key in logs, JSON or errors", async () => {
    const { privateKey } = generateKeyPair("ecdsa-p256");
    const d = exportPrivateKey(privateKey, "jwk").d!;
    const shown = [
      inspect(privateKey),
      JSON.stringify({ privateKey }),
      String(privateKey),
      inspect({ nested: privateKey }),
    ].join(" ");
    expect(shown).not.toContain(d);
    expect(shown).toContain("[PrivateKey ecdsa-p256]");
    // A malformed key's error does not echo the key text.
    const pem = exportPrivateKey(privateKey, "pem");
    const broken = pem.replace(/[A-Za-z0-9+/]{20}\n/, (m) => `${m.slice(0, 10)}!!${m.slice(12)}`);
    let message = "";
    try {
      importPrivateKey(broken);
    } catch (e) {
      message = `${(e as Error).message} ${String((e as Error).cause ?? "")}`;
    }
    expect(message).not.toContain(pem.split("\n")[1]!);
  });

  describe("bad input", () => {
    it.each([
      ["no PEM block", "hello", "MALFORMED_PEM"],
      ["PEM with a bad base64 body", "-----BEGIN PUBLIC KEY-----\nMF!kw\n-----END PUBLIC KEY-----\n", "MALFORMED_PEM"],
      [
        "truncated SPKI",
        "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n",
        "MALFORMED_KEY",
      ],
      [
        "a certificate where a key is expected",
        "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n",
        "MALFORMED_PEM",
      ],
      ["malformed JWK JSON", "{not json", "MALFORMED_JSON"],
      ["JWK of an unsupported curve", '{"kty":"EC","crv":"secp256k1","x":"AA","y":"AA"}', "UNSUPPORTED_KEY"],
    ])("public key: %s -> %s", async (_what, input, code) => {
      expect(await codeOf(() => importPublicKey(input))).toBe(code);
    });

    it("rejects RSA and secp256k1 keys with UNSUPPORTED_KEY", async () => {
      const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
      expect(await codeOf(() => importPublicKey(rsa.publicKey.export({ type: "spki", format: "pem" }) as string))).toBe(
        "UNSUPPORTED_KEY",
      );
      expect(
        await codeOf(() => importPrivateKey(rsa.privateKey.export({ type: "pkcs8", format: "pem" }) as string)),
      ).toBe("UNSUPPORTED_KEY");
      const k1 = generateKeyPairSync("ec", { namedCurve: "secp256k1" });
      expect(await codeOf(() => importPublicKey(k1.publicKey.export({ type: "spki", format: "der" })))).toBe(
        "UNSUPPORTED_KEY",
      );
    });

    it("rejects a point that is not on the curve", async () => {
      const der = exportPublicKey(generateKeyPair("ecdsa-p256").publicKey, "der");
      der[der.length - 1] = (der[der.length - 1] ?? 0) ^ 1;
      expect(await codeOf(() => importPublicKey(der))).toBe("MALFORMED_KEY");
    });

    it("rejects a private key whose embedded public key is another key", async () => {
      const a = generateKeyPairSync("ec", { namedCurve: "P-256" });
      const b = generateKeyPairSync("ec", { namedCurve: "P-256" });
      const jwk = {
        ...(a.privateKey.export({ format: "jwk" }) as object),
        x: (b.publicKey.export({ format: "jwk" }) as { x: string }).x,
      };
      expect(await codeOf(() => importPrivateKey(JSON.stringify(jwk)))).toBe("MALFORMED_KEY");
    });

    it("never returns a valid signature check for garbage signatures", () => {
      for (const alg of KEY_ALGORITHMS) {
        const { publicKey } = generateKeyPair(alg);
        for (const sig of [
          new Uint8Array(0),
          new Uint8Array(64),
          Uint8Array.of(0x30, 0x02, 0x02, 0x00),
          new Uint8Array(200).fill(0xff),
        ]) {
          expect(verifyBytes(publicKey, msg, sig)).toBe(false);
        }
      }
    });
  });
});

const mt = fixture("model-transparency");
describe.skipIf(mt.skip)("model_signing test keys", () => {
  const dir = join(mt.path, "scripts/tests/keys/certificate");
  it("reads the P-384 test key pair (files start with certtool text) and reproduces the documented hint", () => {
    const priv = importPrivateKey(readFileSync(join(dir, "signing-key.pem"), "utf8"));
    const pub = importPublicKey(readFileSync(join(dir, "signing-key-pub.pem"), "utf8"));
    expect(priv.algorithm).toBe("ecdsa-p384");
    expect(priv.publicKey).toEqual(pub);
    expect(keyHint(pub)).toBe("e8450dec4eb99dae995da9af1bc2cc9f76ed669ee2e744f57abba763df3e3f8e");
  });
});
