// The OpenSSF model signing spec's own test vectors (../shared/fixtures/oms-spec). The valid
// bundles sign models that the model_signing fixtures also ship (the key and certificate vectors
// the v1.1.0-elliptic-key model, the sigstore vector the v1.1.0-sigstore model).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixture } from "@modelproof/tooling/fixtures";
import { describe, expect, it } from "vitest";
import { type SignErrorCode, verifyModel } from "../src/index.js";
import { codeOf } from "./helpers/fs.js";

const spec = fixture("oms-spec");
const mt = fixture("model-transparency");
const sj = fixture("sigstore-js");
const vectors = join(spec.path, "test-vectors/v1.0");
const modelFor = (kind: string) =>
  join(mt.path, "scripts/tests", kind === "sigstore" ? "v1.1.0-sigstore" : "v1.1.0-elliptic-key");
const keys = join(mt.path, "scripts/tests/keys/certificate");

describe.skipIf(spec.skip || mt.skip || sj.skip)("OMS spec v1.0 test vectors", () => {
  const trust = {
    key: () => ({ publicKey: readFileSync(join(keys, "signing-key-pub.pem"), "utf8") }),
    certificate: () => ({ certificateChain: { trustAnchors: readFileSync(join(keys, "ca-cert.pem"), "utf8") } }),
    sigstore: () => ({
      sigstore: {
        trustedRoot: readFileSync(join(sj.path, "trusted_root.public-good.json"), "utf8"),
        identity: "stefanb@us.ibm.com",
        issuer: "https://sigstore.verify.ibm.com/oauth2",
      },
    }),
  };

  it.each(["key", "certificate", "sigstore"] as const)(
    "valid/%s.bundle.json verifies against the simple model",
    async (kind) => {
      const bundle = readFileSync(join(vectors, "valid", `${kind}.bundle.json`));
      const result = await verifyModel(modelFor(kind), bundle, {
        ...trust[kind](),
        ignorePaths: ["ignore-me"],
      } as never);
      expect(result.resources).toEqual(["signme-1", "signme-2"]);
    },
  );

  const invalid: [string, keyof typeof trust, SignErrorCode][] = [
    ["invalid/empty.bundle.json", "key", "MALFORMED_JSON"],
    ["invalid/missing-envelope.bundle.json", "key", "MALFORMED_BUNDLE"],
    ["invalid/missing-verification-material.bundle.json", "key", "MALFORMED_BUNDLE"],
    ["invalid/missing-tlog-entries.bundle.json", "sigstore", "TRANSPARENCY_LOG_INVALID"],
    ["invalid-payload/wrong-predicate.bundle.json", "key", "SIGNATURE_INVALID"],
  ];
  it.each(invalid)("%s fails with %s (%s method)", async (file, kind, code) => {
    const bundle = readFileSync(join(vectors, file));
    expect(
      await codeOf(() =>
        verifyModel(modelFor(kind), bundle, { ...trust[kind](), ignorePaths: ["ignore-me"] } as never),
      ),
    ).toBe(code);
  });
});
