export type {
  BundleMaterialKind,
  BundleVerificationMaterial,
  ParsedBundle,
  SigstoreBundle,
} from "./bundle.js";
export { ACCEPTED_BUNDLE_MEDIA_TYPES, BUNDLE_MEDIA_TYPE, parseBundle } from "./bundle.js";
export type { DsseEnvelope } from "./dsse.js";
export { IN_TOTO_PAYLOAD_TYPE, pae } from "./dsse.js";
export type { SignErrorCode, SignErrorDetails } from "./errors.js";
export { isSignError, SignError } from "./errors.js";
export type { HashModelOptions, HashProgress } from "./hash.js";
export { DEFAULT_CHUNK_SIZE, DEFAULT_PARALLEL_THRESHOLD, hashModel } from "./hash.js";
export type {
  ImportPrivateKeyOptions,
  Jwk,
  KeyAlgorithm,
  KeyHintStyle,
  KeyPair,
  PublicKey,
  PublicKeyFormat,
  PublicKeyInput,
} from "./keys.js";
export {
  DEFAULT_KEY_ALGORITHM,
  exportPrivateKey,
  exportPublicKey,
  generateKeyPair,
  importPrivateKey,
  importPublicKey,
  KEY_ALGORITHMS,
  keyHint,
  PrivateKey,
  publicKeyFromBytes,
  signBytes,
  verifyBytes,
} from "./keys.js";
export type {
  HashAlgorithm,
  ManifestConvention,
  ManifestResource,
  ModelManifest,
  Serialization,
  SerializationMethod,
  ShardName,
} from "./manifest.js";
export {
  DEFAULT_CONVENTION,
  DEFAULT_HASH_ALGORITHM,
  DEFAULT_SHARD_SIZE,
  DIGEST_LENGTHS,
  HASH_ALGORITHMS,
  manifestFromStatement,
  modelStatement,
  OMS_LEGACY_PREDICATE_TYPE,
  OMS_PREDICATE_TYPE,
  parseShardName,
  rootDigest,
} from "./manifest.js";
export type {
  InferenceResponse,
  InferenceResponseClaim,
  VerifiedInferenceResponse,
  VerifyInferenceResponseOptions,
} from "./response.js";
export { RESPONSE_PREDICATE_TYPE, signInferenceResponse, verifyInferenceResponse } from "./response.js";
export type { SignModelOptions, SignStatementOptions } from "./sign.js";
export { DEFAULT_SIGNATURE_FILE, signDsse, signModel, signStatement } from "./sign.js";
export type { Signer, SignerMaterial, SignerOutput } from "./signer.js";
export { certificateSigner, keySigner } from "./signer.js";
export type { KeylessSignerOptions, SigstoreVerificationOptions } from "./sigstore.js";
export { keylessSigner } from "./sigstore.js";
export type { InTotoStatement, ResourceDescriptor, StatementStyle } from "./statement.js";
export { IN_TOTO_STATEMENT_TYPE, parseStatement, serializeStatement } from "./statement.js";
export type {
  CertificateChainOptions,
  VerificationMethod,
  VerificationOptions,
  VerifiedBundle,
  VerifiedModel,
  VerifiedStatement,
  VerifyModelOptions,
} from "./verify.js";
export { verifyBundle, verifyModel, verifyStatement } from "./verify.js";
export type { SymlinkScope } from "./walk.js";
export { DEFAULT_GIT_IGNORE_PATHS } from "./walk.js";
export type { CertificateInfo, CertificateInput, VerifiedChain } from "./x509.js";
export { verifyCertificateChain } from "./x509.js";
