import { execFileSync } from "node:child_process";
import { createHash, createPublicKey } from "node:crypto";
import { mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleFromJSON } from "@sigstore/bundle";
import { TrustedRoot } from "@sigstore/protobuf-specs";
import { toSignedEntity, toTrustMaterial, Verifier } from "@sigstore/verify";
import { describe, expect, it } from "vitest";
import {
  exportPublicKey,
  generateKeyPair,
  IN_TOTO_PAYLOAD_TYPE,
  KEY_ALGORITHMS,
  keyHint,
  keySigner,
  OMS_PREDICATE_TYPE,
  parseBundle,
  parseStatement,
  type Signer,
  type SigstoreBundle,
  serializeStatement,
  signDsse,
  signModel,
  signStatement,
  verifyBundle,
  verifyModel,
  verifyStatement,
} from "../src/index.js";
import { codeOf, errorOf, tempDir, writeTree } from "./helpers/fs.js";

const root = tempDir();
let n = 0;
function model(
  files: Record<string, string> = { "weights.bin": "w".repeat(1000), "config.json": "{}", "sub/adapter.bin": "a" },
): string {
  return writeTree(join(root, `m${n++}`), files);
}

/** Verifies a key-hint bundle with @sigstore/verify alone (no code of ours), offline. */
function sigstoreJsVerify(bundle: SigstoreBundle, pem: string): void {
  const empty = TrustedRoot.fromJSON({
    mediaType: "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
    tlogs: [],
    certificateAuthorities: [],
    ctlogs: [],
    timestampAuthorities: [],
  });
  const hint = bundle.verificationMaterial.publicKey?.hint ?? "";
  const material = toTrustMaterial(empty, (h: string) => {
    if (h !== hint) throw new Error("unknown key");
    return { publicKey: createPublicKey(pem), validFor: () => true };
  });
  new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(
    toSignedEntity(bundleFromJSON(bundle)),
  );
}

describe("signModel / verifyModel", () => {
  it.each(KEY_ALGORITHMS)("%s: signs a model that verifies with this package", async (alg) => {
    const dir = model();
    const { privateKey, publicKey } = generateKeyPair(alg);
    const bundle = await signModel(dir, { signer: keySigner(privateKey) });
    expect(bundle.mediaType).toBe("application/vnd.dev.sigstore.bundle.v0.3+json");
    expect(bundle.verificationMaterial.publicKey?.hint).toBe(keyHint(publicKey));
    writeFileSync(join(dir, "model.sig"), JSON.stringify(bundle));
    const result = await verifyModel(dir, readFileSync(join(dir, "model.sig"), "utf8"), {
      publicKey: exportPublicKey(publicKey, "pem"),
    });
    expect(result).toMatchObject({
      method: "key",
      algorithm: alg,
      resources: ["config.json", "sub/adapter.bin", "weights.bin"],
    });
    const st = parseStatement(parseBundle(bundle).payload);
    expect(st.predicateType).toBe(OMS_PREDICATE_TYPE);
    expect((st.predicate as { serialization: { ignore_paths: string[] } }).serialization.ignore_paths).toEqual([
      ".git",
      ".gitattributes",
      ".github",
      ".gitignore",
      "model.sig",
    ]);
  });

  it.each(["ed25519", "ecdsa-p256"] as const)("%s: bundles also verify with @sigstore/verify", async (alg) => {
    const { privateKey, publicKey } = generateKeyPair(alg);
    const bundle = await signModel(model(), { signer: keySigner(privateKey) });
    expect(() => sigstoreJsVerify(bundle, exportPublicKey(publicKey, "pem"))).not.toThrow();
    const tampered = structuredClone(bundle);
    tampered.dsseEnvelope.payload = Buffer.from(
      `${Buffer.from(bundle.dsseEnvelope.payload, "base64").toString()} `,
    ).toString("base64");
    expect(() => sigstoreJsVerify(tampered, exportPublicKey(publicKey, "pem"))).toThrow(/signature/i);
  });

  it("signs in shards with blake2b and blake3, and re-hashes with the signed serialization", async () => {
    const dir = model({ "a.bin": "x".repeat(100), "b.bin": "y".repeat(10) });
    const { privateKey, publicKey } = generateKeyPair("ecdsa-p256");
    for (const hashAlgorithm of ["sha256", "blake2b", "blake3"] as const) {
      const bundle = await signModel(dir, {
        signer: keySigner(privateKey),
        method: "shards",
        shardSize: 32,
        hashAlgorithm,
        signatureFile: null,
      });
      const result = await verifyModel(dir, bundle, { publicKey, signatureFile: null });
      expect(result.resources).toEqual(["a.bin:0:32", "a.bin:32:64", "a.bin:64:96", "a.bin:96:100", "b.bin:0:10"]);
      expect(result.manifest.serialization).toMatchObject({ method: "shards", hashType: hashAlgorithm, shardSize: 32 });
    }
  });

  it("names exactly the files and shards that were added, removed or changed", async () => {
    const dir = model({ "a.bin": "x".repeat(100), "b.bin": "b", "c.bin": "c" });
    const { privateKey, publicKey } = generateKeyPair("ed25519");
    const bundle = await signModel(dir, { signer: keySigner(privateKey), method: "shards", shardSize: 40 });
    // a.bin grows from 100 to 120 bytes with one byte changed in 40:80: its last shard 80:100 becomes 80:120.
    writeFileSync(join(dir, "a.bin"), `${"x".repeat(50)}Z${"x".repeat(69)}`);
    writeFileSync(join(dir, "d.bin"), "new");
    unlinkSync(join(dir, "c.bin"));
    const err = await errorOf(() => verifyModel(dir, bundle, { publicKey }));
    expect(err.code).toBe("MODEL_MISMATCH");
    expect({ added: err.added, removed: err.removed, changed: err.changed }).toEqual({
      added: ["a.bin:80:120", "d.bin:0:3"],
      removed: ["a.bin:80:100", "c.bin:0:1"],
      changed: ["a.bin:40:80"],
    });
  });

  it("accepts extra files with ignoreUnsignedFiles, still checks every signed file", async () => {
    const dir = model({ "a.bin": "a", "b.bin": "b" });
    const { privateKey, publicKey } = generateKeyPair("ed25519");
    const bundle = await signModel(dir, { signer: keySigner(privateKey) });
    writeFileSync(join(dir, "runtime.log"), "x");
    expect(await codeOf(() => verifyModel(dir, bundle, { publicKey }))).toBe("MODEL_MISMATCH");
    await expect(verifyModel(dir, bundle, { publicKey, ignoreUnsignedFiles: true })).resolves.toMatchObject({
      resources: ["a.bin", "b.bin"],
    });
    writeFileSync(join(dir, "b.bin"), "B");
    expect(await codeOf(() => verifyModel(dir, bundle, { publicKey, ignoreUnsignedFiles: true }))).toBe(
      "MODEL_MISMATCH",
    );
  });

  it("verifies a single-file model signed under either convention", async () => {
    const dir = model({ "model.onnx": "onnx bytes" });
    const file = join(dir, "model.onnx");
    const { privateKey, publicKey } = generateKeyPair("ecdsa-p384");
    for (const convention of ["model_signing", "oms-spec"] as const) {
      const bundle = await signModel(file, { signer: keySigner(privateKey), convention });
      const res = await verifyModel(file, bundle, { publicKey });
      expect(res.resources).toEqual([convention === "model_signing" ? "." : "model.onnx"]);
    }
  });

  it("refuses an empty model (EMPTY_MODEL)", async () => {
    const dir = model({ ".gitignore": "x" });
    expect(await codeOf(() => signModel(dir, { signer: keySigner(generateKeyPair().privateKey) }))).toBe("EMPTY_MODEL");
  });
});

describe("signStatement / verifyStatement", () => {
  const statement = {
    _type: "https://in-toto.io/Statement/v1",
    subject: [{ name: "model", digest: { sha256: "a".repeat(64) } }],
    predicateType: "https://slsa.dev/provenance/v1",
    predicate: {
      buildDefinition: { buildType: "https://modelproof.dev/train/v1", externalParameters: {} },
      runDetails: { builder: { id: "x" } },
    },
  };

  it("signs any statement and verifies it with this package and @sigstore/verify", async () => {
    const { privateKey, publicKey } = generateKeyPair("ecdsa-p256");
    const bundle = await signStatement(statement, keySigner(privateKey));
    expect(verifyStatement(bundle, { publicKey }).statement).toEqual(statement);
    sigstoreJsVerify(bundle, exportPublicKey(publicKey, "pem"));
  });

  it("plugs in any Signer (a KMS stand-in) and refuses one whose signature does not verify", async () => {
    const { privateKey, publicKey } = generateKeyPair("ecdsa-p256");
    const inner = keySigner(privateKey);
    const kms: Signer = { sign: async (data) => inner.sign(data) };
    const bundle = await signStatement(statement, kms);
    expect(verifyStatement(bundle, { publicKey }).method).toBe("key");
    const liar: Signer = {
      sign: async (data) => ({
        ...(await inner.sign(data)),
        material: { type: "publicKey", publicKey: generateKeyPair().publicKey },
      }),
    };
    expect(await codeOf(() => signStatement(statement, liar))).toBe("SIGNER_FAILED");
    const broken: Signer = { sign: async () => Promise.reject(new Error("HSM offline")) };
    expect(await codeOf(() => signStatement(statement, broken))).toBe("SIGNER_FAILED");
    expect(await codeOf(() => signStatement({ ...statement, _type: "x" }, inner))).toBe("MALFORMED_STATEMENT");
  });
});

describe("bad input fails closed with a precise code", () => {
  const key = generateKeyPair("ecdsa-p256");
  const signer = keySigner(key.privateKey);
  const opts = { publicKey: key.publicKey };
  const dir = model({ "a.bin": "a", "b.bin": "b" });
  const hash = (s: string) => createHash("sha256").update(s).digest("hex");
  const resA = { algorithm: "sha256", digest: hash("a"), name: "a.bin" };
  const resB = { algorithm: "sha256", digest: hash("b"), name: "b.bin" };
  const rootOf = (rs: { digest: string }[]) =>
    createHash("sha256")
      .update(Buffer.concat(rs.map((r) => Buffer.from(r.digest, "hex"))))
      .digest("hex");
  const stmt = (resources: object[], extra: Record<string, unknown> = {}, subjectDigest?: string) => ({
    _type: "https://in-toto.io/Statement/v1",
    subject: [{ name: "m", digest: { sha256: subjectDigest ?? rootOf(resources as { digest: string }[]) } }],
    predicateType: OMS_PREDICATE_TYPE,
    predicate: { serialization: { method: "files", hash_type: "sha256", allow_symlinks: false }, resources, ...extra },
  });
  // Validly signed, but malformed inside: the checks after the signature must catch each.
  const signed = (s: object) => signDsse(serializeStatement(s as never), IN_TOTO_PAYLOAD_TYPE, signer);

  it("accepts the well-formed baseline", async () => {
    await expect(verifyModel(dir, await signed(stmt([resA, resB])), opts)).resolves.toMatchObject({
      resources: ["a.bin", "b.bin"],
    });
  });

  it.each([
    ["truncated resources (a file left out)", () => stmt([resA]), "MODEL_MISMATCH"],
    [
      "reordered resources under the original subject digest",
      () => stmt([resB, resA], {}, rootOf([resA, resB])),
      "SUBJECT_DIGEST_MISMATCH",
    ],
    ["a duplicated resource", () => stmt([resA, resB, resA]), "DUPLICATE_RESOURCE"],
    ["a '..' path", () => stmt([resA, { ...resB, name: "../b.bin" }]), "UNSAFE_PATH"],
    ["an absolute path", () => stmt([resA, { ...resB, name: "/etc/passwd" }]), "UNSAFE_PATH"],
    ["a backslash path", () => stmt([resA, { ...resB, name: "x\\..\\b.bin" }]), "UNSAFE_PATH"],
    ["no resources", () => stmt([]), "MALFORMED_MANIFEST"],
    ["a non-hex digest", () => stmt([resA, { ...resB, digest: "zz" }]), "MALFORMED_MANIFEST"],
    [
      "an unknown hash",
      () => ({
        ...stmt([resA]),
        predicate: { serialization: { method: "files", hash_type: "md5", allow_symlinks: false }, resources: [resA] },
      }),
      "UNSUPPORTED_HASH",
    ],
    ["no predicate", () => ({ ...stmt([resA]), predicate: undefined }), "MALFORMED_STATEMENT"],
    [
      "two subjects",
      () => ({ ...stmt([resA]), subject: [stmt([resA]).subject[0], stmt([resA]).subject[0]] }),
      "MALFORMED_STATEMENT",
    ],
    [
      "another predicate type",
      () => ({ ...stmt([resA]), predicateType: "https://slsa.dev/provenance/v1" }),
      "UNSUPPORTED_PREDICATE",
    ],
    [
      "another statement type",
      () => ({ ...stmt([resA]), _type: "https://in-toto.io/Statement/v0.1" }),
      "MALFORMED_STATEMENT",
    ],
  ])("%s -> %s", async (_what, build, code) => {
    expect(await codeOf(async () => verifyModel(dir, await signed(build()), opts))).toBe(code);
  });

  it("a manifest naming a directory -> NOT_A_REGULAR_FILE", async () => {
    const d = model({ "a.bin": "a", "sub/x": "x" });
    const s = stmt([resA, { algorithm: "sha256", digest: hash("x"), name: "sub" }]);
    expect(await codeOf(async () => verifyModel(d, await signed(s), { ...opts, ignoreUnsignedFiles: true }))).toBe(
      "NOT_A_REGULAR_FILE",
    );
  });

  it("a symlink escaping the model -> SYMLINK_REFUSED (signing and verifying)", async () => {
    const outside = model({ "secret.txt": "s" });
    const d = model({ "a.bin": "a" });
    symlinkSync(join(outside, "secret.txt"), join(d, "b.bin"));
    expect(await codeOf(() => signModel(d, { signer }))).toBe("SYMLINK_REFUSED");
    expect(await codeOf(() => signModel(d, { signer, allowSymlinks: true }))).toBe("SYMLINK_REFUSED");
    const s = stmt([resA, { ...resB, digest: hash("s") }], {});
    (s.predicate.serialization as Record<string, unknown>).allow_symlinks = true;
    expect(await codeOf(async () => verifyModel(d, await signed(s), opts))).toBe("SYMLINK_REFUSED");
    // A directory symlinked to outside the model, reached through a signed name.
    const d2 = model({ "a.bin": "a" });
    symlinkSync(outside, join(d2, "dir"));
    const s2 = stmt([resA, { ...resB, name: "dir/secret.txt", digest: hash("s") }]);
    expect(await codeOf(async () => verifyModel(d2, await signed(s2), { ...opts, ignoreUnsignedFiles: true }))).toBe(
      "SYMLINK_REFUSED",
    );
  });

  it("malformed bundles", async () => {
    const good = await signed(stmt([resA, resB]));
    const text = JSON.stringify(good);
    const cases: [string, unknown, string][] = [
      ["empty", "", "MALFORMED_JSON"],
      ["truncated JSON", text.slice(0, 100), "MALFORMED_JSON"],
      ["not UTF-8", new Uint8Array([0xff, 0xfe]), "MALFORMED_JSON"],
      ["an array", "[]", "MALFORMED_BUNDLE"],
      ["wrong mediaType", { ...good, mediaType: "application/json" }, "UNSUPPORTED_BUNDLE"],
      ["no dsseEnvelope", { ...good, dsseEnvelope: undefined }, "MALFORMED_BUNDLE"],
      [
        "two kinds of material",
        { ...good, verificationMaterial: { ...good.verificationMaterial, certificate: { rawBytes: "AA==" } } },
        "MALFORMED_BUNDLE",
      ],
      ["payload not base64", { ...good, dsseEnvelope: { ...good.dsseEnvelope, payload: "%%%" } }, "MALFORMED_BASE64"],
      [
        "signature not base64",
        { ...good, dsseEnvelope: { ...good.dsseEnvelope, signatures: [{ sig: "a b" }] } },
        "MALFORMED_BASE64",
      ],
      ["no signature", { ...good, dsseEnvelope: { ...good.dsseEnvelope, signatures: [] } }, "MALFORMED_ENVELOPE"],
      [
        "two signatures",
        {
          ...good,
          dsseEnvelope: {
            ...good.dsseEnvelope,
            signatures: [good.dsseEnvelope.signatures[0], good.dsseEnvelope.signatures[0]],
          },
        },
        "MALFORMED_ENVELOPE",
      ],
      [
        "wrong payloadType",
        { ...good, dsseEnvelope: { ...good.dsseEnvelope, payloadType: "application/json" } },
        "MALFORMED_ENVELOPE",
      ],
      [
        "garbage certificate",
        { ...good, verificationMaterial: { x509CertificateChain: { certificates: [{ rawBytes: "AAAA" }] } } },
        "VERIFICATION_MATERIAL_MISMATCH",
      ],
    ];
    for (const [what, input, code] of cases) {
      expect([what, await codeOf(() => verifyModel(dir, input as never, opts))]).toEqual([what, code]);
    }
  });

  it("a bundle signed by another key -> KEY_MISMATCH, or SIGNATURE_INVALID when the hint is stripped", async () => {
    const other = keySigner(generateKeyPair("ecdsa-p256").privateKey);
    const bundle = await signDsse(serializeStatement(stmt([resA, resB]) as never), IN_TOTO_PAYLOAD_TYPE, other);
    expect(await codeOf(() => verifyModel(dir, bundle, opts))).toBe("KEY_MISMATCH");
    const noHint = { ...bundle, verificationMaterial: { publicKey: {} } };
    expect(await codeOf(() => verifyModel(dir, noHint, opts))).toBe("SIGNATURE_INVALID");
  });

  it("wrong options -> INVALID_ARGUMENT; the method must fit the material", async () => {
    const bundle = await signed(stmt([resA, resB]));
    expect(await codeOf(() => verifyBundle(bundle, {} as never))).toBe("INVALID_ARGUMENT");
    expect(await codeOf(() => verifyBundle(bundle, { publicKey: key.publicKey, sigstore: {} } as never))).toBe(
      "INVALID_ARGUMENT",
    );
    expect(await codeOf(() => verifyBundle(bundle, { certificateChain: { trustAnchors: [] } }))).toBe(
      "VERIFICATION_MATERIAL_MISMATCH",
    );
  });

  it("a missing model -> MODEL_NOT_FOUND; a FIFO in the model -> NOT_A_REGULAR_FILE", async () => {
    expect(await codeOf(() => signModel(join(root, "nope"), { signer }))).toBe("MODEL_NOT_FOUND");
    const d = model({ "a.bin": "a" });
    mkdirSync(join(d, "sub"));
    execFileSync("mkfifo", [join(d, "sub", "pipe")]);
    expect(await codeOf(() => signModel(d, { signer }))).toBe("NOT_A_REGULAR_FILE");
  });
});
