/**
 * X.509 certificate chains (RFC 5280 §6, simplified path validation) for the OMS `certificate`
 * method, which @sigstore/verify cannot check (it rejects v0.3 bundles with `x509CertificateChain`).
 * Signatures of each link are checked with node's `X509Certificate.verify` (RSA, ECDSA, Ed25519
 * issuers); validity periods, basic constraints, key usage, extended key usage and unknown critical
 * extensions are read from the DER here. Unlike model_signing (which sets the check time to the
 * leaf's notBefore), expiry is enforced, as the OMS spec requires.
 */
import { X509Certificate } from "node:crypto";
import { children, type DerNode, decodeOid, expectTag, parseDer, TAG } from "./der.js";
import { equalBytes, plainBytes, toHex } from "./encoding.js";
import { isSignError, SignError } from "./errors.js";
import { importPublicKey, type PublicKey } from "./keys.js";
import { parsePem } from "./pem.js";

/** A certificate as PEM text (one or more `CERTIFICATE` blocks) or DER bytes. */
export type CertificateInput = string | Uint8Array;

/** What a verified certificate says, for reports. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 fingerprint of the DER, lowercase hex. */
  sha256: string;
}

/** A parsed certificate: node's object plus the fields read from the DER. */
export interface ParsedCertificate {
  der: Uint8Array;
  x509: X509Certificate;
  info: CertificateInfo;
  spki: Uint8Array;
  isCA: boolean;
  pathLen?: number;
  /** KeyUsage bits by name, or undefined when the extension is absent. */
  keyUsage?: Set<string>;
  /** Extended key usage OIDs, or undefined when absent. */
  extKeyUsage?: string[];
  unknownCritical: string[];
}

const KU_NAMES = [
  "digitalSignature",
  "nonRepudiation",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly",
];
const EKU_CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
const KNOWN_EXTENSIONS = new Set([
  "2.5.29.14", // subject key identifier
  "2.5.29.15", // key usage
  "2.5.29.17", // subject alternative name
  "2.5.29.19", // basic constraints
  "2.5.29.31", // CRL distribution points
  "2.5.29.32", // certificate policies
  "2.5.29.35", // authority key identifier
  "2.5.29.37", // extended key usage
  "1.3.6.1.5.5.7.1.1", // authority information access
]);

const C = "MALFORMED_CERTIFICATE" as const;

function parseTime(node: DerNode): Date {
  const text = Buffer.from(node.content).toString("latin1");
  const utc = node.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : null;
  const gen = node.tag === 0x18 ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : null;
  const m = utc ?? gen;
  if (m === null) throw new SignError(C, "invalid certificate validity time");
  let year = Number(m[1]);
  if (utc !== null) year = year < 50 ? 2000 + year : 1900 + year;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

/** Parses one DER certificate. @throws SignError `MALFORMED_CERTIFICATE` */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch (e) {
    throw new SignError(C, "not a valid X.509 certificate", { cause: e });
  }
  try {
    const cert = children(expectTag(parseDer(der, C), TAG.SEQUENCE, C, "Certificate"), C);
    const tbs = children(expectTag(cert[0], TAG.SEQUENCE, C, "TBSCertificate"), C);
    let i = tbs[0]?.tag === 0xa0 ? 1 : 0;
    i += 2; // serialNumber, signature algorithm
    i += 1; // issuer
    const validity = children(expectTag(tbs[i++], TAG.SEQUENCE, C, "Validity"), C);
    i += 1; // subject
    const spki = expectTag(tbs[i++], TAG.SEQUENCE, C, "SubjectPublicKeyInfo").raw;
    const parsed: ParsedCertificate = {
      der: plainBytes(der),
      x509,
      spki: plainBytes(spki),
      info: {
        subject: x509.subject,
        issuer: x509.issuer,
        serialNumber: x509.serialNumber,
        notBefore: parseTime(validity[0]!),
        notAfter: parseTime(validity[1]!),
        sha256: x509.fingerprint256.replace(/:/g, "").toLowerCase(),
      },
      isCA: false,
      unknownCritical: [],
    };
    for (const node of tbs.slice(i)) {
      if (node.tag !== 0xa3) continue;
      const exts = children(expectTag(children(node, C)[0], TAG.SEQUENCE, C, "Extensions"), C);
      for (const ext of exts) {
        const parts = children(expectTag(ext, TAG.SEQUENCE, C, "Extension"), C);
        const extOid = decodeOid(parts[0]!, C);
        const critical = parts[1]?.tag === TAG.BOOLEAN && parts[1].content[0] !== 0;
        const value = expectTag(parts[parts.length - 1], TAG.OCTET_STRING, C, "extension value").content;
        if (extOid === "2.5.29.19") {
          const bc = children(expectTag(parseDer(value, C), TAG.SEQUENCE, C, "BasicConstraints"), C);
          let k = 0;
          if (bc[k]?.tag === TAG.BOOLEAN) parsed.isCA = bc[k++]!.content[0] !== 0;
          if (bc[k]?.tag === TAG.INTEGER) parsed.pathLen = Number.parseInt(toHex(bc[k]!.content) || "0", 16);
        } else if (extOid === "2.5.29.15") {
          const node2 = parseDer(value, C);
          expectTag(node2, TAG.BIT_STRING, C, "KeyUsage");
          const bytes = node2.content.subarray(1);
          const set = new Set<string>();
          KU_NAMES.forEach((name, bit) => {
            const byte = bytes[bit >> 3] ?? 0;
            if (byte & (0x80 >> (bit & 7))) set.add(name);
          });
          parsed.keyUsage = set;
        } else if (extOid === "2.5.29.37") {
          parsed.extKeyUsage = children(expectTag(parseDer(value, C), TAG.SEQUENCE, C, "ExtKeyUsage"), C).map((n) =>
            decodeOid(n, C),
          );
        } else if (critical && !KNOWN_EXTENSIONS.has(extOid)) {
          parsed.unknownCritical.push(extOid);
        }
      }
    }
    return parsed;
  } catch (e) {
    if (isSignError(e)) throw new SignError(C, `invalid certificate: ${e.message}`, { cause: e });
    throw e;
  }
}

/** Parses certificates from PEM text (every `CERTIFICATE` block, other text ignored) or DER. */
export function parseCertificates(input: CertificateInput | readonly CertificateInput[]): ParsedCertificate[] {
  const list = Array.isArray(input) ? input : [input];
  const out: ParsedCertificate[] = [];
  for (const item of list as CertificateInput[]) {
    if (item instanceof Uint8Array) out.push(parseCertificate(item));
    else if (typeof item === "string") {
      const blocks = parsePem(item).filter((b) => b.label === "CERTIFICATE");
      if (blocks.length === 0) throw new SignError("MALFORMED_PEM", "no CERTIFICATE PEM block found");
      for (const b of blocks) out.push(parseCertificate(b.der));
    } else throw new SignError("INVALID_ARGUMENT", "a certificate must be PEM text or DER bytes");
  }
  return out;
}

function checkTime(cert: ParsedCertificate, at: Date, role: string): void {
  if (at.getTime() > cert.info.notAfter.getTime()) {
    throw new SignError(
      "CERTIFICATE_EXPIRED",
      `the ${role} certificate expired on ${cert.info.notAfter.toISOString()}`,
      {
        expected: `valid at ${at.toISOString()}`,
        actual: `notAfter ${cert.info.notAfter.toISOString()}`,
      },
    );
  }
  if (at.getTime() < cert.info.notBefore.getTime()) {
    throw new SignError(
      "CERTIFICATE_NOT_YET_VALID",
      `the ${role} certificate is valid only from ${cert.info.notBefore.toISOString()}`,
      {
        expected: `valid at ${at.toISOString()}`,
        actual: `notBefore ${cert.info.notBefore.toISOString()}`,
      },
    );
  }
  if (cert.unknownCritical.length > 0) {
    throw new SignError(
      "CERTIFICATE_USAGE",
      `the ${role} certificate has unsupported critical extensions ${cert.unknownCritical.join(", ")}`,
    );
  }
}

function issued(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  try {
    return child.x509.checkIssued(issuer.x509) && child.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}

/** @internal The public key of the first certificate of a chain (no trust decision). */
export function leafPublicKey(chain: readonly Uint8Array[]): PublicKey {
  const leaf = chain[0];
  if (leaf === undefined) throw new SignError("SIGNER_FAILED", "the signer returned an empty certificate chain");
  return importPublicKey(parseCertificate(leaf).spki);
}

/** The result of {@link verifyCertificateChain}. */
export interface VerifiedChain {
  /** The leaf's public key (the signing key). */
  publicKey: PublicKey;
  /** Leaf first, trust anchor last. */
  path: CertificateInfo[];
}

/**
 * Verifies that `chain[0]` (the leaf) chains to one of `trustAnchors` through the other
 * certificates of `chain`, at time `at`.
 *
 * @param chain - DER certificates from the bundle, leaf first
 * @param trustAnchors - trusted root (or intermediate) certificates
 * @param at - verification time (default now)
 * @throws SignError `MALFORMED_CERTIFICATE`, `CERTIFICATE_UNTRUSTED`, `CERTIFICATE_EXPIRED`,
 *   `CERTIFICATE_NOT_YET_VALID`, `CERTIFICATE_USAGE`, `UNSUPPORTED_KEY`
 */
export function verifyCertificateChain(
  chain: readonly Uint8Array[],
  trustAnchors: CertificateInput | readonly CertificateInput[],
  at: Date = new Date(),
): VerifiedChain {
  if (chain.length === 0) throw new SignError("MALFORMED_BUNDLE", "the certificate chain is empty");
  if (chain.length > 10) throw new SignError("MALFORMED_BUNDLE", "the certificate chain is too long");
  const certs = chain.map((der) => parseCertificate(der));
  const anchors = parseCertificates(trustAnchors);
  if (anchors.length === 0) throw new SignError("INVALID_ARGUMENT", "no trust anchor given");
  const leaf = certs[0]!;
  checkTime(leaf, at, "signing");

  const path: ParsedCertificate[] = [leaf];
  const used = new Set<number>([0]);
  let current = leaf;
  let trusted = anchors.some((a) => equalBytes(a.der, leaf.der));
  while (!trusted) {
    if (path.length > 10) throw new SignError("CERTIFICATE_UNTRUSTED", "certificate chain too long");
    const anchor = anchors.find((a) => issued(current, a));
    if (anchor !== undefined) {
      path.push(anchor);
      trusted = true;
      break;
    }
    const idx = certs.findIndex((c, k) => !used.has(k) && issued(current, c));
    if (idx < 0) {
      throw new SignError("CERTIFICATE_UNTRUSTED", "the signing certificate does not chain to a trusted root", {
        actual: current.info.issuer,
      });
    }
    used.add(idx);
    current = certs[idx]!;
    path.push(current);
    if (anchors.some((a) => equalBytes(a.der, current.der))) trusted = true;
  }

  for (let k = 1; k < path.length; k++) {
    const ca = path[k]!;
    checkTime(ca, at, k === path.length - 1 ? "root" : "intermediate");
    if (!ca.isCA)
      throw new SignError(
        "CERTIFICATE_USAGE",
        `certificate "${ca.info.subject}" is not a CA but issued another certificate`,
      );
    if (ca.keyUsage !== undefined && !ca.keyUsage.has("keyCertSign")) {
      throw new SignError("CERTIFICATE_USAGE", `certificate "${ca.info.subject}" may not sign certificates`);
    }
    const below = k - 1; // intermediate CAs between this CA and the leaf
    if (ca.pathLen !== undefined && below > ca.pathLen) {
      throw new SignError("CERTIFICATE_USAGE", `certificate "${ca.info.subject}" exceeds its path length constraint`);
    }
  }
  const canSign =
    leaf.keyUsage?.has("digitalSignature") === true || leaf.extKeyUsage?.includes(EKU_CODE_SIGNING) === true;
  if (!canSign) {
    throw new SignError("CERTIFICATE_USAGE", "the signing certificate allows neither digitalSignature nor codeSigning");
  }
  return { publicKey: importPublicKey(leaf.spki), path: path.map((c) => c.info) };
}
