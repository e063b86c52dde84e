/**
 * Sigstore keyless (Fulcio certificate + Rekor transparency log + optional RFC 3161 timestamp):
 * offline verification of bundles with @sigstore/verify against a TrustedRoot given as a value
 * (no TUF, no network), and online signing with the optional peer dependency @sigstore/sign.
 * Inclusion in the transparency log (inclusion proof or signed promise, checkpoint), the Fulcio
 * chain, SCTs and timestamps are all checked by @sigstore/verify; the identity (certificate SAN)
 * and OIDC issuer are compared here so that each mismatch gets its own code.
 */
import { bundleFromJSON, bundleToJSON } from "@sigstore/bundle";
import { TrustedRoot } from "@sigstore/protobuf-specs";
import { toSignedEntity, toTrustMaterial, Verifier } from "@sigstore/verify";
import type { SigstoreBundle } from "./bundle.js";
import { isSignError, SignError, type SignErrorCode } from "./errors.js";
import { importPublicKey, type PublicKey } from "./keys.js";
import type { Signer } from "./signer.js";

/** Options for verifying a Sigstore keyless bundle, fully offline. */
export interface SigstoreVerificationOptions {
  /** The Sigstore TrustedRoot (JSON text or parsed object), e.g. the public-good `trusted_root.json`. */
  trustedRoot: string | object;
  /** The expected certificate identity (SAN): an e-mail address or a URI such as a workflow ref. */
  identity: string;
  /** The expected OIDC issuer, e.g. `https://token.actions.githubusercontent.com`. */
  issuer: string;
  /** Minimum transparency log entries (default 1). */
  tlogThreshold?: number;
  /** Minimum SCTs in the certificate (default 1). */
  ctlogThreshold?: number;
  /** Minimum verified timestamps, from the log or a TSA (default 1). */
  timestampThreshold?: number;
}

/** What a verified Sigstore bundle says about its signer. */
export interface SigstoreSignerInfo {
  publicKey: PublicKey;
  identity: string;
  issuer: string;
}

function mapSigstoreError(e: unknown): SignError {
  const code = (e as { code?: string })?.code ?? "";
  const message = e instanceof Error ? e.message : String(e);
  let mapped: SignErrorCode = "SIGSTORE_VERIFICATION_FAILED";
  if (code.startsWith("TLOG")) mapped = "TRANSPARENCY_LOG_INVALID";
  else if (code === "SIGNATURE_ERROR") mapped = "SIGNATURE_INVALID";
  else if (code === "CERTIFICATE_ERROR") mapped = "CERTIFICATE_UNTRUSTED";
  return new SignError(mapped, `Sigstore verification failed: ${message}`, {
    actual: code || undefined,
    cause: e,
  } as never);
}

/**
 * @internal Verifies a keyless bundle offline. The DSSE signature, the certificate chain to the
 * trusted Fulcio CA, the SCTs, the transparency log entry and the timestamps are all checked.
 */
export function verifySigstoreBundle(
  bundleJson: SigstoreBundle,
  options: SigstoreVerificationOptions,
): SigstoreSignerInfo {
  if (
    typeof options.identity !== "string" ||
    options.identity === "" ||
    typeof options.issuer !== "string" ||
    options.issuer === ""
  ) {
    throw new SignError("INVALID_ARGUMENT", "sigstore verification needs a non-empty identity and issuer");
  }
  let rootJson: unknown = options.trustedRoot;
  if (typeof rootJson === "string") {
    try {
      rootJson = JSON.parse(rootJson);
    } catch {
      throw new SignError("MALFORMED_JSON", "the trusted root is not valid JSON");
    }
  }
  let verifier: Verifier;
  try {
    if (
      typeof rootJson !== "object" ||
      rootJson === null ||
      !String((rootJson as { mediaType?: string }).mediaType).includes("trustedroot")
    ) {
      throw new Error("not a TrustedRoot document");
    }
    const material = toTrustMaterial(TrustedRoot.fromJSON(rootJson));
    verifier = new Verifier(material, {
      tlogThreshold: options.tlogThreshold ?? 1,
      ctlogThreshold: options.ctlogThreshold ?? 1,
      timestampThreshold: options.timestampThreshold ?? 1,
    });
  } catch (e) {
    throw new SignError(
      "MALFORMED_TRUSTED_ROOT",
      `invalid Sigstore trusted root: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  const entries = bundleJson.verificationMaterial.tlogEntries ?? [];
  if (entries.length < (options.tlogThreshold ?? 1)) {
    throw new SignError("TRANSPARENCY_LOG_INVALID", "the bundle has no transparency log entry", {
      expected: `${options.tlogThreshold ?? 1} entries`,
      actual: `${entries.length}`,
    });
  }
  let entity: ReturnType<typeof toSignedEntity>;
  try {
    entity = toSignedEntity(bundleFromJSON(bundleJson));
  } catch (e) {
    throw new SignError(
      "MALFORMED_BUNDLE",
      `not a valid Sigstore bundle: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  let signer: ReturnType<Verifier["verify"]>;
  try {
    signer = verifier.verify(entity);
  } catch (e) {
    throw mapSigstoreError(e);
  }
  const san = signer.identity?.subjectAlternativeName ?? "";
  const iss = signer.identity?.extensions?.issuer ?? "";
  if (san !== options.identity) {
    throw new SignError("IDENTITY_MISMATCH", "the certificate was issued to another identity", {
      expected: options.identity,
      actual: san,
    });
  }
  if (iss !== options.issuer) {
    throw new SignError("ISSUER_MISMATCH", "the certificate names another OIDC issuer", {
      expected: options.issuer,
      actual: iss,
    });
  }
  let publicKey: PublicKey;
  try {
    publicKey = importPublicKey(new Uint8Array(signer.key.export({ type: "spki", format: "der" })));
  } catch (e) {
    if (isSignError(e)) throw e;
    throw new SignError("UNSUPPORTED_KEY", "unsupported key in the Sigstore certificate", { cause: e });
  }
  return { publicKey, identity: san, issuer: iss };
}

/** Options for {@link keylessSigner}. */
export interface KeylessSignerOptions {
  /** The OIDC identity token, or a function that fetches one (e.g. from CI). */
  identityToken: string | (() => Promise<string>);
  /** Fulcio URL; default the public-good instance. */
  fulcioURL?: string;
  /** Rekor URL; default the public-good instance. */
  rekorURL?: string;
  /** RFC 3161 timestamp authority URL; none by default. */
  tsaURL?: string;
  /** Network timeout in milliseconds (default 30 s). */
  timeout?: number;
  /** Rekor entry kind: `"dsse"` (default, what model_signing logs) or the older `"intoto"`. */
  rekorEntryType?: "dsse" | "intoto";
}

const JWT_LIKE = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;

function redactTokens(text: string): string {
  return text.replace(JWT_LIKE, "[redacted token]");
}

type KeylessBundler = (payload: Uint8Array, payloadType: string) => Promise<SigstoreBundle>;
const keylessBundlers = new WeakMap<Signer, KeylessBundler>();

/** @internal The bundler of a signer made by {@link keylessSigner}, if it is one. */
export function keylessBundler(s: Signer): KeylessBundler | undefined {
  return keylessBundlers.get(s);
}

/**
 * A keyless Sigstore signer: an ephemeral key certified by Fulcio for the OIDC identity, the
 * signature logged in Rekor (and timestamped by a TSA if `tsaURL` is given). Needs the network and
 * the optional peer dependency `@sigstore/sign`. Bundles verify offline with the `sigstore` option
 * of {@link verifyModel} / {@link verifyBundle}.
 *
 * @throws SignError `KEYLESS_UNAVAILABLE` (when signing) if @sigstore/sign is not installed;
 *   `KEYLESS_SIGNING_FAILED` for token, Fulcio, Rekor or TSA failures
 */
export function keylessSigner(options: KeylessSignerOptions): Signer {
  const bundle = async (payload: Uint8Array, payloadType: string): Promise<SigstoreBundle> => {
    let sign: typeof import("@sigstore/sign");
    try {
      sign = await import("@sigstore/sign");
    } catch (e) {
      throw new SignError(
        "KEYLESS_UNAVAILABLE",
        "keyless signing needs the optional dependency @sigstore/sign (npm i @sigstore/sign@4)",
        { cause: e },
      );
    }
    try {
      const getToken =
        typeof options.identityToken === "function"
          ? options.identityToken
          : async () => options.identityToken as string;
      const signer = new sign.FulcioSigner({
        identityProvider: { getToken },
        ...(options.fulcioURL !== undefined ? { fulcioBaseURL: options.fulcioURL } : {}),
        timeout: options.timeout ?? 30_000,
        retry: 0,
      });
      const witnesses: import("@sigstore/sign").Witness[] = [
        new sign.RekorWitness({
          ...(options.rekorURL !== undefined ? { rekorBaseURL: options.rekorURL } : {}),
          entryType: options.rekorEntryType ?? "dsse",
          timeout: options.timeout ?? 30_000,
          retry: 0,
        }),
      ];
      if (options.tsaURL !== undefined)
        witnesses.push(
          new sign.TSAWitness({ tsaBaseURL: options.tsaURL, timeout: options.timeout ?? 30_000, retry: 0 }),
        );
      const builder = new sign.DSSEBundleBuilder({ signer, witnesses });
      const built = await builder.create({ data: Buffer.from(payload), type: payloadType });
      return bundleToJSON(built) as unknown as SigstoreBundle;
    } catch (e) {
      // Errors from the OIDC/Fulcio path can quote the identity token, a bearer credential: redact it.
      const message = redactTokens(e instanceof Error ? e.message : String(e));
      const code = (e as { code?: string })?.code;
      const cause = new Error(code === undefined ? message : `${code}: ${message}`);
      throw new SignError("KEYLESS_SIGNING_FAILED", `keyless signing failed: ${message}`, { cause });
    }
  };
  const signer: Signer = {
    sign: async () => {
      throw new SignError(
        "INVALID_ARGUMENT",
        "a keyless signer signs whole statements: use signStatement or signModel",
      );
    },
  };
  keylessBundlers.set(signer, bundle);
  return signer;
}
