import { describe, expect, it } from "vitest";
import {
  generateKeyPair,
  keySigner,
  signInferenceResponse,
  signStatement,
  verifyInferenceResponse,
} from "../src/index.js";
import { codeOf } from "./helpers/fs.js";

describe("response binding", () => {
  const deployment = generateKeyPair("ed25519");
  const signer = keySigner(deployment.privateKey);
  const request = '{"prompt":"Who made you?"}';
  const response = "I am model X, fingerprinted by ACME.";
  const time = new Date("2026-11-22T10:00:00Z");

  it("proves which model produced a response", async () => {
    const proof = await signInferenceResponse({ modelId: "acme/x@1.2.0", request, response, time }, signer);
    const v = verifyInferenceResponse(JSON.stringify(proof), {
      publicKey: deployment.publicKey,
      response,
      request,
      modelId: "acme/x@1.2.0",
    });
    expect(v.claim).toMatchObject({ modelId: "acme/x@1.2.0", time: "2026-11-22T10:00:00.000Z" });
    expect(v.claim.responseSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("fails closed for another response, request, model, key or predicate", async () => {
    const proof = await signInferenceResponse(
      { modelId: "acme/x@1.2.0", request, response: new TextEncoder().encode(response), time },
      signer,
    );
    const trust = { publicKey: deployment.publicKey };
    expect(await codeOf(() => verifyInferenceResponse(proof, { ...trust, response: `${response}!` }))).toBe(
      "RESPONSE_MISMATCH",
    );
    expect(await codeOf(() => verifyInferenceResponse(proof, { ...trust, response, request: "other" }))).toBe(
      "RESPONSE_MISMATCH",
    );
    expect(await codeOf(() => verifyInferenceResponse(proof, { ...trust, response, modelId: "acme/y" }))).toBe(
      "RESPONSE_MISMATCH",
    );
    expect(
      await codeOf(() => verifyInferenceResponse(proof, { publicKey: generateKeyPair("ed25519").publicKey, response })),
    ).toBe("KEY_MISMATCH");
    const other = await signStatement(
      {
        _type: "https://in-toto.io/Statement/v1",
        subject: [{ name: "x", digest: { sha256: "00" } }],
        predicateType: "https://example/p",
        predicate: {},
      },
      signer,
    );
    expect(await codeOf(() => verifyInferenceResponse(other, { ...trust, response }))).toBe("UNSUPPORTED_PREDICATE");
    expect(await codeOf(() => signInferenceResponse({ modelId: "", request, response }, signer))).toBe(
      "INVALID_ARGUMENT",
    );
  });
});
