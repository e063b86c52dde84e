// Keyless Sigstore signing against local mocks of Fulcio and Rekor (@sigstore/mock), served over
// HTTP on 127.0.0.1: the real @sigstore/sign client talks to them, and the bundle is then verified
// offline against a trusted root built from the mocks' keys.
import { createHash, generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, rekorHandler } from "@sigstore/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keylessSigner, signModel, verifyModel } from "../src/index.js";
import { codeOf, tempDir, writeTree } from "./helpers/fs.js";

type Handler = {
  path: string;
  fn: (body: string) => Promise<{ statusCode: number; response: string; contentType?: string }>;
};

function serve(handler: Handler): Promise<Server> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", async () => {
      if (req.method !== "POST" || req.url !== handler.path) {
        res.writeHead(404).end();
        return;
      }
      const out = await handler.fn(body);
      res.writeHead(out.statusCode, { "Content-Type": out.contentType ?? "text/plain" }).end(out.response);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const url = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
// An unsigned JWT: the mock Fulcio reads its claims without checking a signature.
const b64u = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
const IDENTITY = "ml-team@example.com";
const ISSUER = "https://issuer.example.com";
const token = `${b64u({ alg: "none" })}.${b64u({ iss: ISSUER, sub: IDENTITY, email: IDENTITY, email_verified: true, aud: "sigstore" })}.`;

describe("keyless signing (Fulcio + Rekor mocks on localhost)", () => {
  const servers: Server[] = [];
  let fulcioURL = "";
  let rekorURL = "";
  let trustedRoot: object = {};
  const trust = (identity: string, issuer: string, root: object = trustedRoot) => ({
    sigstore: { trustedRoot: root, identity, issuer, ctlogThreshold: 0 },
  });

  beforeAll(async () => {
    const caKey = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const ctKey = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const tlogKey = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const ctlog = await initializeCTLog(ctKey);
    // The mock's SCT extension does not parse with @sigstore/core 3.2.1 ("request past end of buffer"),
    // so the mock CA issues certificates without SCTs and these tests verify with ctlogThreshold 0.
    // SCT checking itself is exercised by the real public-good fixtures (model-transparency *-sigstore).
    const ca = await initializeCA(caKey);
    const fulcio = await serve(fulcioHandler(ca) as Handler);
    const rekorBase = "http://127.0.0.1";
    const tlog = await initializeTLog(rekorBase, tlogKey);
    const rekor = await serve(rekorHandler(tlog) as Handler);
    servers.push(fulcio, rekor);
    fulcioURL = url(fulcio);
    rekorURL = url(rekor);
    const start = new Date(Date.now() - 60_000).toISOString();
    const logId = (der: Buffer) => createHash("sha256").update(der).digest("base64");
    trustedRoot = {
      mediaType: "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
      tlogs: [
        {
          baseUrl: rekorURL,
          hashAlgorithm: "SHA2_256",
          publicKey: {
            rawBytes: tlog.publicKey.toString("base64"),
            keyDetails: "PKIX_ECDSA_P256_SHA_256",
            validFor: { start },
          },
          logId: { keyId: logId(tlog.publicKey) },
        },
      ],
      certificateAuthorities: [
        {
          subject: { organization: "sigstore.mock", commonName: "sigstore" },
          uri: fulcioURL,
          certChain: { certificates: [{ rawBytes: ca.rootCertificate.toString("base64") }] },
          validFor: { start },
        },
      ],
      ctlogs: [
        {
          baseUrl: "https://ctfe.example",
          hashAlgorithm: "SHA2_256",
          publicKey: {
            rawBytes: ctlog.publicKey.toString("base64"),
            keyDetails: "PKIX_ECDSA_P256_SHA_256",
            validFor: { start },
          },
          logId: { keyId: ctlog.logID.toString("base64") },
        },
      ],
      timestampAuthorities: [],
    };
  });

  afterAll(() => {
    for (const s of servers) s.close();
  });

  it("signs a model keyless and verifies it offline with identity, issuer and the log entry", async () => {
    const dir = writeTree(join(tempDir(), "model"), { "weights.bin": "w", "config.json": "{}" });
    const bundle = await signModel(dir, {
      signer: keylessSigner({
        identityToken: token,
        fulcioURL,
        rekorURL,
        timeout: 5000,
        // The mock Rekor logs proposed entries verbatim; only "intoto" proposals already carry the
        // fields of a canonical entry (a real Rekor canonicalises "dsse" ones, see the *-sigstore fixtures).
        rekorEntryType: "intoto",
      }),
    });
    expect(bundle.verificationMaterial.certificate).toBeDefined();
    expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1);
    const result = await verifyModel(dir, bundle, trust(IDENTITY, ISSUER));
    expect(result).toMatchObject({
      method: "sigstore",
      identity: IDENTITY,
      issuer: ISSUER,
      resources: ["config.json", "weights.bin"],
    });

    expect(await codeOf(() => verifyModel(dir, bundle, trust("other@example.com", ISSUER)))).toBe("IDENTITY_MISMATCH");
    expect(await codeOf(() => verifyModel(dir, bundle, trust(IDENTITY, "https://other")))).toBe("ISSUER_MISMATCH");
    // Without the log entry the bundle does not verify: inclusion in the transparency log is required.
    const noLog = { ...bundle, verificationMaterial: { ...bundle.verificationMaterial, tlogEntries: [] } };
    expect(await codeOf(() => verifyModel(dir, noLog, trust(IDENTITY, ISSUER)))).toBe("TRANSPARENCY_LOG_INVALID");
    expect(await codeOf(() => verifyModel(dir, bundle, trust(IDENTITY, ISSUER, { hello: 1 })))).toBe(
      "MALFORMED_TRUSTED_ROOT",
    );
  });

  it("never puts the identity token into an error", async () => {
    const dir = writeTree(join(tempDir(), "model"), { "weights.bin": "w" });
    const bad = `${b64u({ alg: "none" })}.${b64u({ iss: ISSUER, sub: IDENTITY, email: IDENTITY, aud: "sigstore" })}.sig-part`;
    const err = await signModel(dir, { signer: keylessSigner({ identityToken: bad, fulcioURL, rekorURL }) }).catch(
      (e: Error) => e,
    );
    expect((err as { code?: string }).code).toBe("KEYLESS_SIGNING_FAILED");
    const shown = `${(err as Error).message} ${String((err as Error).cause)}`;
    expect(shown).not.toContain(bad.split(".")[1]);
  });

  it("reports a failing service as KEYLESS_SIGNING_FAILED", async () => {
    const dir = writeTree(join(tempDir(), "model"), { "weights.bin": "w" });
    const signer = keylessSigner({
      identityToken: token,
      fulcioURL: `${rekorURL}/nothing-here`,
      rekorURL,
      timeout: 2000,
    });
    expect(await codeOf(() => signModel(dir, { signer }))).toBe("KEYLESS_SIGNING_FAILED");
  });
});
