import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixture } from "@modelproof/tooling/fixtures";
import { describe, expect, it } from "vitest";
import { verifyModel } from "../src/index.js";

const mt = fixture("model-transparency");
const sj = fixture("sigstore-js");
const tests = join(mt.path, "scripts/tests");
const keys = join(tests, "keys/certificate");
const IDENTITY = "stefanb@us.ibm.com";
const ISSUER = "https://sigstore.verify.ibm.com/oauth2";

const versions = ["v0.2.0", "v0.3.1", "v1.0.0", "v1.0.1", "v1.1.0"];

describe.skipIf(mt.skip || sj.skip)("model-transparency signed fixtures (model_signing 0.2 to 1.1)", () => {
  const cases: { dir: string; method: string }[] = [];
  for (const v of versions)
    for (const m of ["certificate", "elliptic-key", "sigstore"])
      if (!(v === "v0.2.0" && m !== "certificate")) cases.push({ dir: `${v}-${m}`, method: m });

  it.each(cases)("$dir verifies", async ({ dir, method }) => {
    const root = join(tests, dir);
    const bundle = readFileSync(join(root, "model.sig"));
    // v0.3.1 and v1.0.0 elliptic-key sign the single file signme-1.
    const single = method === "elliptic-key" && (dir.startsWith("v0.3.1") || dir.startsWith("v1.0.0"));
    const modelPath = single ? join(root, "signme-1") : root;
    const trust =
      method === "elliptic-key"
        ? { publicKey: readFileSync(join(keys, "signing-key-pub.pem"), "utf8") }
        : method === "certificate"
          ? { certificateChain: { trustAnchors: readFileSync(join(keys, "ca-cert.pem"), "utf8") } }
          : {
              sigstore: {
                trustedRoot: readFileSync(join(sj.path, "trusted_root.public-good.json"), "utf8"),
                identity: IDENTITY,
                issuer: ISSUER,
              },
            };
    const result = await verifyModel(modelPath, bundle, { ...trust, ignorePaths: ["ignore-me"] } as never);
    expect(result.method).toBe(method === "elliptic-key" ? "key" : method);
    expect(result.resources).toEqual(single ? ["."] : ["signme-1", "signme-2"]);
    expect(result.legacyEncoding).toBe(dir === "v0.2.0-certificate");
  });
});
