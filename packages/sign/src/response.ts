/**
 * Response binding: a deployment signs each inference response with its key, so that a client can
 * later prove which model produced an output. The claim is an in-toto Statement v1 whose subject is
 * the response (by SHA-256) and whose predicate ({@link RESPONSE_PREDICATE_TYPE}) names the model,
 * the request digest and the time; it travels as a Sigstore bundle like any other attestation.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import type { SigstoreBundle } from "./bundle.js";
import { toHex, utf8 } from "./encoding.js";
import { SignError } from "./errors.js";
import { signStatement } from "./sign.js";
import type { Signer } from "./signer.js";
import { IN_TOTO_STATEMENT_TYPE } from "./statement.js";
import { type VerificationOptions, type VerifiedStatement, verifyStatement } from "./verify.js";

/** The predicate type of a signed inference response. */
export const RESPONSE_PREDICATE_TYPE = "https://modelproof.dev/inference-response/v1";

/** What a signed response asserts. */
export interface InferenceResponseClaim {
  /** The model's identifier (e.g. its registry id, or the root digest of its manifest). */
  modelId: string;
  /** SHA-256 of the request bytes, hex. */
  requestSha256: string;
  /** SHA-256 of the response bytes, hex. */
  responseSha256: string;
  /** When the response was produced (RFC 3339, UTC). */
  time: string;
}

/** Input of {@link signInferenceResponse}. */
export interface InferenceResponse {
  modelId: string;
  /** The request as received (bytes, or text encoded as UTF-8). */
  request: Uint8Array | string;
  /** The response as sent. */
  response: Uint8Array | string;
  /** Production time (default now). */
  time?: Date;
}

const digestOf = (x: Uint8Array | string): string => toHex(sha256(typeof x === "string" ? utf8(x) : x));

/**
 * Signs an inference response with the deployment's key.
 *
 * @param input - model id, request, response and time
 * @param signer - the deployment's signer
 * @returns a bundle to return to the client next to the response
 * @example
 * const proof = await signInferenceResponse({ modelId, request: body, response: text }, keySigner(deploymentKey));
 */
export async function signInferenceResponse(input: InferenceResponse, signer: Signer): Promise<SigstoreBundle> {
  if (typeof input?.modelId !== "string" || input.modelId === "")
    throw new SignError("INVALID_ARGUMENT", "modelId must be a non-empty string");
  const time = input.time ?? new Date();
  if (!(time instanceof Date) || Number.isNaN(time.getTime()))
    throw new SignError("INVALID_ARGUMENT", "time must be a valid Date");
  const claim: InferenceResponseClaim = {
    modelId: input.modelId,
    requestSha256: digestOf(input.request),
    responseSha256: digestOf(input.response),
    time: time.toISOString(),
  };
  return signStatement(
    {
      _type: IN_TOTO_STATEMENT_TYPE,
      subject: [{ name: "response", digest: { sha256: claim.responseSha256 } }],
      predicateType: RESPONSE_PREDICATE_TYPE,
      predicate: { modelId: claim.modelId, request: { digest: { sha256: claim.requestSha256 } }, time: claim.time },
    },
    signer,
  );
}

/** Options of {@link verifyInferenceResponse}: the trust plus what the client holds. */
export type VerifyInferenceResponseOptions = VerificationOptions & {
  /** The response the client received. */
  response: Uint8Array | string;
  /** The request the client sent (checked when given). */
  request?: Uint8Array | string;
  /** The model the client expects (checked when given). */
  modelId?: string;
};

/** What {@link verifyInferenceResponse} established. */
export interface VerifiedInferenceResponse extends VerifiedStatement {
  claim: InferenceResponseClaim;
}

/**
 * Verifies a signed response: the signature (with the deployment's key, certificate or Sigstore
 * identity), then that it covers exactly this response, this request and this model.
 *
 * @throws SignError the codes of {@link verifyStatement}, `UNSUPPORTED_PREDICATE`,
 *   `MALFORMED_STATEMENT`, `RESPONSE_MISMATCH`
 */
export function verifyInferenceResponse(
  bundle: string | Uint8Array | object,
  options: VerifyInferenceResponseOptions,
): VerifiedInferenceResponse {
  const { response, request, modelId, ...trust } = options;
  const verified = verifyStatement(bundle, trust as VerificationOptions);
  const st = verified.statement;
  if (st.predicateType !== RESPONSE_PREDICATE_TYPE) {
    throw new SignError("UNSUPPORTED_PREDICATE", "not a signed inference response", {
      expected: RESPONSE_PREDICATE_TYPE,
      actual: st.predicateType,
    });
  }
  const p = st.predicate as
    | { modelId?: unknown; request?: { digest?: { sha256?: unknown } }; time?: unknown }
    | undefined;
  const responseSha256 = st.subject.length === 1 ? st.subject[0]?.digest?.sha256 : undefined;
  const requestSha256 = p?.request?.digest?.sha256;
  if (
    typeof p?.modelId !== "string" ||
    typeof p.time !== "string" ||
    typeof responseSha256 !== "string" ||
    typeof requestSha256 !== "string"
  ) {
    throw new SignError("MALFORMED_STATEMENT", "the response claim lacks modelId, time or digests");
  }
  const claim: InferenceResponseClaim = { modelId: p.modelId, requestSha256, responseSha256, time: p.time };
  const mismatch = (what: string, expected: string, actual: string): never => {
    throw new SignError("RESPONSE_MISMATCH", `the signed claim is for another ${what}`, { expected, actual });
  };
  if (digestOf(response) !== responseSha256) mismatch("response", responseSha256, digestOf(response));
  if (request !== undefined && digestOf(request) !== requestSha256)
    mismatch("request", requestSha256, digestOf(request));
  if (modelId !== undefined && modelId !== claim.modelId) mismatch("model", modelId, claim.modelId);
  return { ...verified, claim };
}
