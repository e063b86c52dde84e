export type { ProvenanceErrorCode, ProvenanceErrorDetails } from "./errors.js";
export { ProvenanceError } from "./errors.js";
