import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import { isSignError, SignError } from "../src/index.js";

describe("SignError", () => {
  it("carries its code, details and cause", () => {
    const cause = new Error("low level");
    const e = new SignError("MODEL_MISMATCH", "changed", {
      added: ["a"],
      removed: [],
      changed: ["b"],
      path: "p",
      cause,
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("SignError");
    expect([e.code, e.path, e.added, e.removed, e.changed, e.cause]).toEqual([
      "MODEL_MISMATCH",
      "p",
      ["a"],
      [],
      ["b"],
      cause,
    ]);
    expect(isSignError(e, "MODEL_MISMATCH")).toBe(true);
    expect(isSignError(e, "IO_ERROR")).toBe(false);
    expect(isSignError(new Error("x"))).toBe(false);
  });
});

describe("public API", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "ACCEPTED_BUNDLE_MEDIA_TYPES",
        "BUNDLE_MEDIA_TYPE",
        "DEFAULT_CHUNK_SIZE",
        "DEFAULT_CONVENTION",
        "DEFAULT_GIT_IGNORE_PATHS",
        "DEFAULT_HASH_ALGORITHM",
        "DEFAULT_KEY_ALGORITHM",
        "DEFAULT_PARALLEL_THRESHOLD",
        "DEFAULT_SHARD_SIZE",
        "DEFAULT_SIGNATURE_FILE",
        "DIGEST_LENGTHS",
        "HASH_ALGORITHMS",
        "IN_TOTO_PAYLOAD_TYPE",
        "IN_TOTO_STATEMENT_TYPE",
        "KEY_ALGORITHMS",
        "OMS_LEGACY_PREDICATE_TYPE",
        "OMS_PREDICATE_TYPE",
        "PrivateKey",
        "RESPONSE_PREDICATE_TYPE",
        "SignError",
        "certificateSigner",
        "exportPrivateKey",
        "exportPublicKey",
        "generateKeyPair",
        "hashModel",
        "importPrivateKey",
        "importPublicKey",
        "isSignError",
        "keyHint",
        "keySigner",
        "keylessSigner",
        "manifestFromStatement",
        "modelStatement",
        "pae",
        "parseBundle",
        "parseShardName",
        "parseStatement",
        "publicKeyFromBytes",
        "rootDigest",
        "serializeStatement",
        "signBytes",
        "signDsse",
        "signInferenceResponse",
        "signModel",
        "signStatement",
        "verifyBundle",
        "verifyBytes",
        "verifyCertificateChain",
        "verifyInferenceResponse",
        "verifyModel",
        "verifyStatement",
      ]
    `);
  });
});
