export type { EnforceOptions } from "./enforce.js";
export { enforce } from "./enforce.js";
export { enforceParams } from "./enforce-params.js";
export type { SchemaErrorCode, SchemaErrorDetails } from "./errors.js";
export { SchemaError } from "./errors.js";
export type { ColumnData } from "./frame.js";
export { Frame, frame, isFrame } from "./frame.js";
export type { InferOptions, NumberType } from "./infer.js";
export { DEFAULT_FRACTION_TYPE, DEFAULT_INTEGER_TYPE } from "./infer.js";
export type { JSONSchema, ValidationIssue, ValidationResult, Validator } from "./json-schema.js";
export {
  compileJSONSchema,
  createRequestValidator,
  ISO_DATETIME_PATTERN,
  JSON_SCHEMA_DIALECT,
  paramsToJSONSchema,
  schemaToJSONSchema,
  signatureToJSONSchema,
} from "./json-schema.js";
export type { Logger } from "./logger.js";
export { DEFAULT_LOGGER, SILENT_LOGGER } from "./logger.js";
export type { MLmodelOptions } from "./mlmodel.js";
export { mlmodelSignatureBlock, readMLmodelSignature, writeMLmodelSignature } from "./mlmodel.js";
export type { ParamSpec, ParamType, ParamValue, SpecDict } from "./schema.js";
export { ParamSchema, paramSpec, Schema } from "./schema.js";
export type { SignatureDict, SignatureParts } from "./signature.js";
export { ModelSignature } from "./signature.js";
export type { InferSignerOptions, Signer, TensorSpecLike } from "./signer.js";
export { InferSigner, inferParamSchema, inferSchema, inferSignature, schemaFromTensorSpecs } from "./signer.js";
export type { NDArrayOptions } from "./tensor.js";
export { DEFAULT_MAX_DEPTH, isNDArray, NDArray, ndarray } from "./tensor.js";
export type {
  AnyType,
  ArrayType,
  ColSpec,
  ColType,
  DataType,
  InputSpec,
  MapType,
  ObjectType,
  Property,
  SparkMLVectorType,
  TensorDType,
  TensorSpec,
} from "./types.js";
export {
  ANY,
  arrayOf,
  colSpec,
  DATA_TYPES,
  isDataType,
  mapOf,
  objectOf,
  property,
  SPARKML_VECTOR,
  tensorSpec,
} from "./types.js";
export type { TensorLike, TypedArray } from "./values.js";
export { isTensorLike } from "./values.js";
