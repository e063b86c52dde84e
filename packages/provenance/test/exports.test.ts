import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

describe("public API", () => {
  it("exports exactly the documented names", () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "COMPONENT_NAMES",
        "COMPONENT_PROOF_TYPE",
        "COMPONENT_VALUE_SCHEMAS",
        "DEFAULT_EMBED_VALUES",
        "HASH_SIZE",
        "LINEAGE_LOG_TYPE",
        "LineageLog",
        "MAX_CANONICAL_DEPTH",
        "MerkleTree",
        "PROVENANCE_RECORD_SCHEMA",
        "PROVENANCE_RECORD_TYPE",
        "ProvenanceError",
        "assertHash",
        "assertProvenance",
        "buildProvenance",
        "bytesEqual",
        "canonicalJson",
        "canonicalJsonBytes",
        "compareComponentNames",
        "componentLeafData",
        "componentTree",
        "consistencyProofLength",
        "diffProvenance",
        "digestComponent",
        "fromBase64",
        "fromHex",
        "hashFromHex",
        "inclusionProofLength",
        "isComponentName",
        "leafHash",
        "lineageLeafData",
        "nodeHash",
        "parseCanonicalJson",
        "proveComponent",
        "sha256",
        "sha256Backend",
        "toBase64",
        "toHex",
        "validateProvenanceRecord",
        "verifyComponentProof",
        "verifyConsistency",
        "verifyInclusion",
        "verifyLineageInclusion",
        "verifyLogExtension",
        "verifyProvenance",
      ]
    `);
  });
});
