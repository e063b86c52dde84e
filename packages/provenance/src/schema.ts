/**
 * JSON Schema (draft 2020-12) of the provenance record and of the component shapes this package
 * owns, and the validator (ajv, compiled once on first use and reused).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { COMPONENT_NAMES } from "./components.js";

/** The `type` of every provenance record this version writes and reads. */
export const PROVENANCE_RECORD_TYPE = "https://modelproof.dev/provenance/v1";

const hex64 = { type: "string", pattern: "^[0-9a-f]{64}$" } as const;
const count = { type: "integer", minimum: 0 } as const;
const finite = { type: "number" } as const;
const numberMap = { type: "object", additionalProperties: finite } as const;

/** Schemas of the embedded values of components whose shape this package defines. */
export const COMPONENT_VALUE_SCHEMAS = {
  model_weights: {
    type: "object",
    required: ["digest"],
    properties: {
      format: { type: "string" },
      digest: { type: "object", required: ["sha256"], properties: { sha256: hex64 } },
      files: {
        type: "array",
        items: {
          type: "object",
          required: ["name", "digest"],
          properties: {
            name: { type: "string", minLength: 1 },
            digest: hex64,
            algorithm: { type: "string" },
            size: count,
          },
          additionalProperties: false,
        },
      },
      architecture: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string", minLength: 1 },
          layers: {
            type: "array",
            items: {
              type: "object",
              required: ["name", "type"],
              properties: {
                name: { type: "string" },
                type: { type: "string" },
                parameters: count,
                shape: { type: "array", items: { type: ["integer", "null"] } },
              },
            },
          },
          total_parameters: count,
          trainable_parameters: count,
        },
      },
    },
  },
  training_config: {
    type: "object",
    properties: {
      epochs: count,
      steps: count,
      batch_size: { type: "integer", minimum: 1 },
      learning_rate: { type: "number", exclusiveMinimum: 0 },
      optimizer: { type: "string" },
      seed: { type: "integer" },
    },
  },
  metrics: {
    type: "object",
    additionalProperties: { oneOf: [finite, numberMap, { type: "null" }] },
  },
  data_statistics: {
    type: "object",
    minProperties: 1,
    additionalProperties: {
      type: "object",
      required: ["samples"],
      properties: {
        samples: count,
        statistics: {
          type: "object",
          properties: { mean: finite, std: { type: "number", minimum: 0 }, min: finite, max: finite },
          additionalProperties: finite,
        },
        sha256: hex64,
        source: { type: "string" },
        size_bytes: count,
      },
    },
  },
  safety_config: { type: "object" },
  // The shape @modelproof/safety's SafetyMetrics has (its counts are checked here too).
  safety_metrics: {
    type: "object",
    properties: {
      totalChecks: count,
      passedChecks: count,
      failedChecks: count,
      contentWarnings: count,
      criticalFailures: count,
      nonCriticalFailures: count,
    },
  },
  system_info: { type: "object" },
  io_signature: { type: "object" },
  fingerprint_commitment: {
    type: "object",
    required: ["root", "count"],
    properties: { root: hex64, count: { type: "integer", minimum: 1 }, scheme: { type: "string" } },
  },
  model_card: { type: "object" },
} as const;

const componentEntry = {
  type: "object",
  required: ["name", "encoding", "digest", "size"],
  additionalProperties: false,
  properties: {
    name: {
      anyOf: [{ enum: [...COMPONENT_NAMES] }, { type: "string", pattern: "^x-[a-z0-9][a-z0-9_.-]{0,62}$" }],
    },
    encoding: { enum: ["json", "bytes"] },
    digest: hex64,
    size: count,
    salt: hex64,
    value: true,
  },
  // An embedded value must have the shape its component defines, and only JSON components embed.
  allOf: [
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
    { if: { required: ["value"] }, then: { properties: { encoding: { const: "json" } } } },
    ...Object.entries(COMPONENT_VALUE_SCHEMAS).map(([name, schema]) => ({
      if: { required: ["name", "value"], properties: { name: { const: name } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
      then: { properties: { value: schema } },
    })),
  ],
} as const;

/** JSON Schema (2020-12) of a provenance record. */
export const PROVENANCE_RECORD_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://modelproof.dev/schemas/provenance-record.v1.json",
  title: "modelproof provenance record",
  type: "object",
  required: ["type", "hashAlgorithm", "treeSize", "root", "components"],
  additionalProperties: false,
  properties: {
    type: { const: PROVENANCE_RECORD_TYPE },
    version: { type: "string", minLength: 1, maxLength: 256 },
    createdAt: { type: "string", format: "date-time" },
    hashAlgorithm: { const: "sha256" },
    treeSize: { type: "integer", minimum: 1 },
    root: hex64,
    parent: {
      type: "object",
      required: ["root"],
      additionalProperties: false,
      properties: {
        root: hex64,
        version: { type: "string", minLength: 1, maxLength: 256 },
        relation: { type: "string", minLength: 1, maxLength: 64 },
      },
    },
    components: { type: "array", minItems: 1, items: componentEntry },
  },
} as const;

// RFC 3339 date-time (the JSON Schema "date-time" format), checked without an extra dependency.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addFormat("date-time", {
    type: "string",
    validate: (s: string) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)),
  });
  return ajv.compile(PROVENANCE_RECORD_SCHEMA);
}

/** One schema violation: where (JSON pointer) and what. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** Validates against {@link PROVENANCE_RECORD_SCHEMA}; returns every violation (empty when valid). */
export function schemaIssues(value: unknown): SchemaIssue[] {
  validator ??= compile();
  if (validator(value)) return [];
  return (validator.errors ?? []).filter((e) => e.keyword !== "if").map(toIssue);
}

function toIssue(e: ErrorObject): SchemaIssue {
  const extra =
    e.keyword === "additionalProperties"
      ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
      : "";
  return { path: e.instancePath || "/", message: `${e.message ?? e.keyword}${extra}` };
}
