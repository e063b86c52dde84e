import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixture } from "@modelproof/tooling/fixtures";
import { beforeAll, describe, expect, it } from "vitest";
import {
  certificateSigner,
  generateKeyPair,
  importPrivateKey,
  parseBundle,
  signModel,
  verifyCertificateChain,
  verifyModel,
} from "../src/index.js";
import { codeOf, tempDir, writeTree } from "./helpers/fs.js";

const mt = fixture("model-transparency");
const oc = fixture("oms-conformance");
const pki = join(mt.path, "scripts/tests/keys/certificate");
const read = (p: string) => readFileSync(p, "utf8");
const der = (pem: string) =>
  new Uint8Array(
    Buffer.from(pem.split("-----BEGIN CERTIFICATE-----")[1]!.split("-----END")[0]!.replace(/\s/g, ""), "base64"),
  );

describe.skipIf(mt.skip)(
  "verifyCertificateChain (model_signing test PKI: RSA root -> RSA intermediate -> P-384 leaf)",
  () => {
    // Read in beforeAll: the describe body also runs (then skips) when the fixtures are absent.
    let leaf = new Uint8Array();
    let inter = new Uint8Array();
    let ca = "";
    beforeAll(() => {
      leaf = der(read(join(pki, "signing-key-cert.pem")));
      inter = der(read(join(pki, "int-ca-cert.pem")));
      ca = read(join(pki, "ca-cert.pem"));
    });
    const at = new Date("2026-01-01T00:00:00Z");

    it("builds the path leaf -> intermediate -> root", () => {
      const v = verifyCertificateChain([leaf, inter], ca, at);
      expect(v.publicKey.algorithm).toBe("ecdsa-p384");
      // (the test PKI names its leaf "intermediate-ca" too)
      expect(v.path.map((c) => c.subject)).toEqual(["CN=intermediate-ca", "CN=intermediate-ca", "CN=root-ca"]);
      expect(v.path[0]!.notAfter.toISOString()).toBe("2035-04-30T23:36:28.000Z");
    });

    it("fails closed on a missing intermediate, another root, a time outside validity, garbage", async () => {
      expect(await codeOf(() => verifyCertificateChain([leaf], ca, at))).toBe("CERTIFICATE_UNTRUSTED");
      expect(await codeOf(() => verifyCertificateChain([leaf, inter], ca, new Date("2040-01-01T00:00:00Z")))).toBe(
        "CERTIFICATE_EXPIRED",
      );
      expect(await codeOf(() => verifyCertificateChain([leaf, inter], ca, new Date("2020-01-01T00:00:00Z")))).toBe(
        "CERTIFICATE_NOT_YET_VALID",
      );
      expect(await codeOf(() => verifyCertificateChain([new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])], ca, at))).toBe(
        "MALFORMED_CERTIFICATE",
      );
      expect(await codeOf(() => verifyCertificateChain([leaf, inter], "not a pem", at))).toBe("MALFORMED_PEM");
    });

    it.skipIf(oc.skip)("refuses a chain to a CA that did not issue it", async () => {
      const wrong = read(join(oc.path, "test/assets/keys/wrong/wrong-ca-cert.pem"));
      expect(await codeOf(() => verifyCertificateChain([leaf, inter], wrong, at))).toBe("CERTIFICATE_UNTRUSTED");
    });

    it("signs with the certificate method; the bundle carries leaf and intermediate and verifies against the root", async () => {
      const dir = writeTree(join(tempDir(), "model"), { "w.bin": "w" });
      const key = importPrivateKey(read(join(pki, "signing-key.pem")));
      const signer = certificateSigner(key, [
        read(join(pki, "signing-key-cert.pem")),
        read(join(pki, "int-ca-cert.pem")),
      ]);
      const bundle = await signModel(dir, { signer });
      expect(parseBundle(bundle).certificates).toHaveLength(2);
      const res = await verifyModel(dir, bundle, { certificateChain: { trustAnchors: ca, at } });
      expect(res).toMatchObject({ method: "certificate", algorithm: "ecdsa-p384" });
      expect(res.certificates).toHaveLength(3);
      expect(
        await codeOf(() =>
          certificateSigner(generateKeyPair("ecdsa-p384").privateKey, read(join(pki, "signing-key-cert.pem"))),
        ),
      ).toBe("KEY_MISMATCH");
    });
  },
);
