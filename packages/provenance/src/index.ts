export { canonicalJson, canonicalJsonBytes, MAX_CANONICAL_DEPTH, parseCanonicalJson } from "./canonical-json.js";
export type { ComponentProof, VerifiedComponent } from "./component-proof.js";
export { COMPONENT_PROOF_TYPE, proveComponent, verifyComponentProof } from "./component-proof.js";
export type {
  CanonicalComponentName,
  ComponentDigest,
  ComponentEncoding,
  ComponentName,
  ComponentValue,
  JsonValue,
} from "./components.js";
export {
  COMPONENT_NAMES,
  compareComponentNames,
  componentLeafData,
  digestComponent,
  isComponentName,
} from "./components.js";
export type { ProvenanceDiff } from "./diff.js";
export { diffProvenance } from "./diff.js";
export { assertHash, bytesEqual, fromBase64, fromHex, hashFromHex, toBase64, toHex } from "./encoding.js";
export type { ProvenanceErrorCode, ProvenanceErrorDetails } from "./errors.js";
export { ProvenanceError } from "./errors.js";
export { HASH_SIZE, sha256, sha256Backend } from "./hash.js";
export type { LineageCheckpoint, LineageEntry, LineageInclusionProof, LineageLogJSON } from "./lineage.js";
export {
  LINEAGE_LOG_TYPE,
  LineageLog,
  lineageLeafData,
  verifyLineageInclusion,
  verifyLogExtension,
} from "./lineage.js";
export { leafHash, MerkleTree, nodeHash } from "./merkle.js";
export type {
  BuildProvenanceOptions,
  ComponentEntry,
  ComponentFailure,
  Components,
  ProvenanceRecord,
  ProvenanceVerification,
} from "./record.js";
export {
  assertProvenance,
  buildProvenance,
  componentTree,
  DEFAULT_EMBED_VALUES,
  validateProvenanceRecord,
  verifyProvenance,
} from "./record.js";
export type { SchemaIssue } from "./schema.js";
export { COMPONENT_VALUE_SCHEMAS, PROVENANCE_RECORD_SCHEMA, PROVENANCE_RECORD_TYPE } from "./schema.js";
export { consistencyProofLength, inclusionProofLength, verifyConsistency, verifyInclusion } from "./verify.js";
