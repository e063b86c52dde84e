// Runs every case of the OMS conformance suite (../shared/fixtures/oms-conformance, read in place:
// that repository has no licence, so nothing of it is copied into this one). Verify cases are
// pre-signed bundles (Python and Go signers) plus a model; roundtrip cases sign with this package,
// then verify. Each failing case must fail with the precise code listed below.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fixture } from "@modelproof/tooling/fixtures";
import { afterAll, describe, expect, it } from "vitest";
import {
  certificateSigner,
  exportPublicKey,
  generateKeyPair,
  importPrivateKey,
  keySigner,
  parseBundle,
  parseStatement,
  SignError,
  type SignErrorCode,
  signModel,
  verifyModel,
} from "../src/index.js";

const oc = fixture("oms-conformance");
const sj = fixture("sigstore-js");
const assets = join(oc.path, "test/assets");
const casesDir = join(oc.path, "test/test-cases");

interface CaseConfig {
  description: string;
  method: "key" | "certificate" | "sigstore";
  model: string;
  model_relative_to?: "test_dir";
  expect?: "fail";
  expected_signed_files?: string[];
  sig_inside_model?: boolean;
  requires_ci?: boolean;
  model_modifications?: {
    inject?: Record<string, string>;
    delete?: string[];
    tamper?: Record<string, string>;
    symlinks?: Record<string, string>;
  };
  sign?: { private_key?: string; signing_cert?: string; cert_chain?: string[] };
  verify: {
    public_key?: string;
    cert_chain?: string[];
    identity?: string;
    identity_provider?: string;
    ignore_paths?: string[];
    ignore_unsigned_files?: boolean;
  };
}

// The code each failing verify case must produce, and why.
const EXPECTED_FAILURES: Record<string, SignErrorCode> = {
  "certificate-expired_fail": "CERTIFICATE_EXPIRED", // leaf notAfter 2020-01-02
  "certificate-simple-wrong-ca_fail": "CERTIFICATE_UNTRUSTED", // chain does not reach the given CA
  "key-simple-corrupted-bundle_fail": "MALFORMED_JSON",
  "key-simple-extra-file_fail": "MODEL_MISMATCH", // added: injected.bin
  "key-simple-missing-file_fail": "MODEL_MISMATCH", // removed: signme-2
  "key-simple-no-signature_fail": "MALFORMED_ENVELOPE", // signatures: []
  "key-simple-tampered-content_fail": "MODEL_MISMATCH", // changed: signme-1
  "key-simple-truncated-bundle_fail": "MALFORMED_JSON", // first 100 bytes of a bundle
  "key-simple-wrong-key_fail": "KEY_MISMATCH", // the hint names another key
  "key-simple-wrong-mediatype_fail": "UNSUPPORTED_BUNDLE", // mediaType application/json
  "key-verify-as-certificate_fail": "VERIFICATION_MATERIAL_MISMATCH",
  "malformed-empty-bundle_fail": "MALFORMED_JSON", // zero bytes
  "malformed-empty-resources_fail": "SIGNATURE_INVALID", // payload edited, old signature kept
  "malformed-missing-envelope_fail": "MALFORMED_BUNDLE",
  "malformed-no-predicate_fail": "SIGNATURE_INVALID",
  "malformed-no-subject_fail": "SIGNATURE_INVALID",
  "malformed-wrong-payload-type_fail": "MALFORMED_ENVELOPE",
  "malformed-wrong-predicate_fail": "SIGNATURE_INVALID",
  "malformed-wrong-statement-type_fail": "SIGNATURE_INVALID",
  "sigstore-tampered-content_fail": "MODEL_MISMATCH",
  "sigstore-verify-as-key_fail": "VERIFICATION_MATERIAL_MISMATCH",
  "sigstore-wrong-identity_fail": "IDENTITY_MISMATCH",
  // This case's identity is wrong as well as its issuer; the identity is compared first.
  "sigstore-wrong-issuer_fail": "IDENTITY_MISMATCH",
};

const tmpRoots: string[] = [];
afterAll(() => {
  for (const d of tmpRoots) rmSync(d, { recursive: true, force: true });
});

function readConfig(dir: string): CaseConfig {
  return JSON.parse(readFileSync(join(dir, "config.json"), "utf8")) as CaseConfig;
}

function listCases(group: string): { name: string; dir: string; config: CaseConfig }[] {
  const root = join(casesDir, group);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .map((name) => ({ name, dir: join(root, name), config: readConfig(join(root, name)) }));
}

/** Copies the case's model into a fresh temp dir and applies its modifications. */
function prepareModel(caseDir: string, config: CaseConfig): string {
  const source = config.model_relative_to === "test_dir" ? join(caseDir, config.model) : join(assets, config.model);
  const tmp = mkdtempSync(join(tmpdir(), "oms-conf-"));
  tmpRoots.push(tmp);
  const model = join(tmp, basename(source));
  cpSync(source, model, { recursive: true });
  const mods = config.model_modifications ?? {};
  for (const [p, text] of Object.entries(mods.inject ?? {})) writeFileSync(join(model, p), text);
  for (const [p, text] of Object.entries(mods.tamper ?? {})) writeFileSync(join(model, p), text);
  for (const p of mods.delete ?? []) if (existsSync(join(model, p))) unlinkSync(join(model, p));
  for (const [p, target] of Object.entries(mods.symlinks ?? {})) symlinkSync(target, join(model, p));
  return model;
}

function asset(p: string): string {
  return readFileSync(join(assets, p), "utf8");
}

function trustFor(config: CaseConfig): Record<string, unknown> {
  const v = config.verify;
  if (config.method === "key") {
    // sigstore-verify-as-key_fail names keys/ec-p256/signing-key-pub.pem, which the suite does not
    // ship; any P-256 key shows the same thing (a certificate bundle checked with the key method).
    const p = v.public_key ?? "";
    return {
      publicKey: existsSync(join(assets, p))
        ? asset(p)
        : exportPublicKey(generateKeyPair("ecdsa-p256").publicKey, "pem"),
    };
  }
  if (config.method === "certificate") return { certificateChain: { trustAnchors: (v.cert_chain ?? []).map(asset) } };
  return {
    sigstore: {
      trustedRoot: readFileSync(join(sj.path, "trusted_root.public-good.json"), "utf8"),
      identity: v.identity ?? "",
      issuer: v.identity_provider ?? "",
    },
  };
}

function verifyOptions(config: CaseConfig): Record<string, unknown> {
  return {
    ...trustFor(config),
    ...(config.verify.ignore_paths ? { ignorePaths: config.verify.ignore_paths } : {}),
    ...(config.verify.ignore_unsigned_files ? { ignoreUnsignedFiles: true } : {}),
  };
}

function signedFiles(resources: string[]): string[] {
  return resources.map((r) => r).sort();
}

describe.skipIf(oc.skip || sj.skip)("OMS conformance: verify cases", () => {
  for (const group of ["positive", "historical", "negative"]) {
    describe(group, () => {
      for (const c of listCases(join("verify", group))) {
        it(`${c.name}: ${c.config.expect === "fail" ? "fails" : "verifies"}`, async () => {
          const model = prepareModel(c.dir, c.config);
          const bundle = readFileSync(join(c.dir, "bundle.sig"));
          const run = () => verifyModel(model, bundle, verifyOptions(c.config) as never);
          if (c.config.expect === "fail") {
            const expected = EXPECTED_FAILURES[c.name];
            expect(expected, `no expected code listed for ${c.name}`).toBeDefined();
            const err = await run().then(
              () => undefined,
              (e: unknown) => e,
            );
            expect(err, `${c.name} must fail`).toBeInstanceOf(SignError);
            expect((err as SignError).code).toBe(expected);
            return;
          }
          const result = await run();
          if (c.config.expected_signed_files) {
            const model1 = c.config.expected_signed_files.length === 1 && c.config.expected_signed_files[0] === ".";
            expect(signedFiles(result.resources)).toEqual(model1 ? ["."] : [...c.config.expected_signed_files].sort());
          }
        });
      }
    });
  }

  it("reports exactly which files were added, removed and changed", async () => {
    const c = listCases("verify/negative");
    const byName = new Map(c.map((x) => [x.name, x]));
    const details: Record<string, unknown> = {};
    for (const name of [
      "key-simple-extra-file_fail",
      "key-simple-missing-file_fail",
      "key-simple-tampered-content_fail",
    ]) {
      const k = byName.get(name)!;
      const model = prepareModel(k.dir, k.config);
      const err = await verifyModel(
        model,
        readFileSync(join(k.dir, "bundle.sig")),
        verifyOptions(k.config) as never,
      ).catch((e: SignError) => e);
      details[name] = {
        added: (err as SignError).added,
        removed: (err as SignError).removed,
        changed: (err as SignError).changed,
      };
    }
    expect(details).toEqual({
      "key-simple-extra-file_fail": { added: ["injected.bin"], removed: [], changed: [] },
      "key-simple-missing-file_fail": { added: [], removed: ["signme-2"], changed: [] },
      "key-simple-tampered-content_fail": { added: [], removed: [], changed: ["signme-1"] },
    });
  });
});

describe.skipIf(oc.skip)("OMS conformance: roundtrip cases (sign with this package, then verify)", () => {
  const roundtrips = listCases("roundtrip")
    .filter((c) => c.config.method !== "sigstore")
    .flatMap((c) => (["oms-spec", "model_signing"] as const).map((convention) => ({ ...c, convention })));
  it.each(roundtrips)("$name ($convention)", async ({ name, dir, config, convention }) => {
    const model = prepareModel(dir, config);
    const s = config.sign ?? {};
    const key = importPrivateKey(asset(s.private_key ?? ""));
    const signer =
      config.method === "certificate"
        ? certificateSigner(key, [asset(s.signing_cert ?? ""), ...(s.cert_chain ?? []).map(asset)])
        : keySigner(key);
    const signatureFile = config.sig_inside_model ? join(model, "model.sig") : join(model, "..", "model.sig");
    // The suite's harness passes the case's ignore paths to both `sign` and `verify`.
    const ignorePaths = config.verify.ignore_paths ?? [];
    const sign = () => signModel(model, { signer, signatureFile, convention, ignorePaths });
    if (config.expect === "fail") {
      const err = await sign().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SignError);
      expect(["EMPTY_MODEL", "SYMLINK_REFUSED"]).toContain((err as SignError).code);
      return;
    }
    const bundle = await sign();
    writeFileSync(signatureFile, JSON.stringify(bundle));
    const statement = parseStatement(parseBundle(bundle).payload);
    const names = ((statement.predicate?.resources ?? []) as { name: string }[]).map((r) => r.name);
    // §5.2.1: resources sorted by name; §6.1.2: relative POSIX paths.
    expect(names).toEqual([...names].sort());
    if (config.expected_signed_files) expect(names).toEqual([...config.expected_signed_files].sort());
    const result = await verifyModel(model, readFileSync(signatureFile), {
      ...verifyOptions(config),
      signatureFile,
    } as never);
    expect(result.resources).toEqual(names);
    if (name === "key-simple-deterministic") {
      const again = await sign();
      expect(parseBundle(again).payload).toEqual(parseBundle(bundle).payload);
    }
  });

  it("lists the keyless roundtrip cases it cannot run offline", () => {
    const keyless = listCases("roundtrip")
      .filter((c) => c.config.method === "sigstore")
      .map((c) => c.name);
    // These need a live OIDC token, Fulcio and Rekor; keyless signing is covered by test/keyless.test.ts
    // against a local mock of those services.
    expect(keyless).toEqual([
      "sigstore-ignore-paths",
      "sigstore-multi-file",
      "sigstore-sig-inside-model",
      "sigstore-simple",
      "sigstore-single-file",
    ]);
  });
});
