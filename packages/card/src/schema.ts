/**
 * JSON Schema (draft-07) of the modelproof model card, schema version 1.0. Every object is closed
 * (`additionalProperties: false`), so unknown fields are reported, never dropped. Two custom formats
 * are used: `card-date` (`YYYY-MM-DD` or an RFC 3339 date-time with a real calendar date) and
 * `spdx-expression` (a valid SPDX licence expression, SPDX License List via `spdx-license-ids`);
 * `uri` and `email` are the ajv-formats ones. Semantic rules that a schema cannot state (hash length
 * per algorithm, metric dataset references, confidence bounds) are checked in validate.ts.
 */
import { CARD_SCHEMA_VERSION, DATASET_TYPES, HASH_ALGORITHMS } from "./types.js";

const text = { type: "string", minLength: 1 } as const;
const textList = { type: "array", items: text } as const;
const uri = { type: "string", format: "uri", maxLength: 8192 } as const;
const date = { type: "string", format: "card-date" } as const;
const spdx = { type: "string", format: "spdx-expression", maxLength: 1024 } as const;
const nonNegativeInteger = { type: "integer", minimum: 0 } as const;
const nonNegativeNumber = { type: "number", minimum: 0 } as const;

/** The card's JSON Schema as a plain object (draft-07). Use {@link validateCard} to apply it. */
export const MODEL_CARD_JSON_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://modelproof.dev/schema/card/1.0/model-card.schema.json",
  title: "modelproof model card",
  type: "object",
  additionalProperties: false,
  required: ["schemaVersion", "name", "version", "license"],
  definitions: {
    hash: {
      type: "object",
      additionalProperties: false,
      required: ["alg", "value"],
      properties: {
        alg: { enum: [...HASH_ALGORITHMS] },
        value: { type: "string", pattern: "^[0-9a-f]+$" },
      },
    },
    hashes: { type: "array", items: { $ref: "#/definitions/hash" } },
    dataset: {
      type: "object",
      additionalProperties: false,
      required: ["name"],
      properties: {
        name: text,
        id: text,
        version: text,
        url: uri,
        description: text,
        license: spdx,
        types: { type: "array", items: { enum: [...DATASET_TYPES] }, uniqueItems: true },
        sizeBytes: nonNegativeInteger,
        records: nonNegativeInteger,
        hashes: { $ref: "#/definitions/hashes" },
        publisher: text,
        released: date,
        sensitiveData: textList,
      },
    },
    datasets: { type: "array", items: { $ref: "#/definitions/dataset" } },
    ioField: {
      type: "object",
      additionalProperties: false,
      required: ["type"],
      properties: {
        name: text,
        type: text,
        dtype: text,
        shape: { type: "array", items: { type: "integer", minimum: -1 } },
        required: { type: "boolean" },
        description: text,
      },
    },
  },
  properties: {
    schemaVersion: { const: CARD_SCHEMA_VERSION },
    name: text,
    version: text,
    summary: text,
    description: text,
    creators: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name"],
        properties: {
          name: text,
          kind: { enum: ["person", "organization"] },
          email: { type: "string", format: "email" },
          url: uri,
        },
      },
    },
    license: spdx,
    licenseName: text,
    licenseUrl: uri,
    created: date,
    updated: date,
    task: text,
    approach: { enum: ["supervised", "unsupervised", "reinforcement-learning", "semi-supervised", "self-supervised"] },
    architecture: {
      type: "object",
      additionalProperties: false,
      properties: { family: text, name: text },
    },
    libraryName: text,
    languages: textList,
    tags: textList,
    urls: {
      type: "object",
      additionalProperties: false,
      properties: { homepage: uri, repository: uri, documentation: uri, download: uri, issues: uri },
    },
    lineage: {
      type: "object",
      additionalProperties: false,
      properties: {
        baseModels: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["id"],
            properties: { id: text, version: text, url: uri },
          },
        },
        relation: { enum: ["finetune", "adapter", "merge", "quantized", "distillation", "other"] },
        history: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["version", "changes"],
            properties: { version: text, date, changes: text },
          },
        },
      },
    },
    training: {
      type: "object",
      additionalProperties: false,
      properties: {
        datasets: { $ref: "#/definitions/datasets" },
        preprocessing: textList,
        procedure: {
          type: "object",
          additionalProperties: false,
          properties: {
            method: text,
            description: text,
            hyperparameters: {
              type: "object",
              additionalProperties: { type: ["string", "number", "boolean"] },
            },
            duration: text,
          },
        },
        compute: {
          type: "object",
          additionalProperties: false,
          properties: {
            hardware: text,
            hardwareCount: { type: "integer", minimum: 1 },
            hours: nonNegativeNumber,
            provider: text,
            region: text,
            energyKwh: nonNegativeNumber,
            co2eqKg: nonNegativeNumber,
          },
        },
      },
    },
    evaluation: {
      type: "object",
      additionalProperties: false,
      properties: {
        benchmarks: { $ref: "#/definitions/datasets" },
        metrics: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["type", "value"],
            properties: {
              type: text,
              value: { type: "number" },
              name: text,
              dataset: text,
              split: text,
              slice: text,
              confidence: {
                type: "object",
                additionalProperties: false,
                required: ["lower", "upper"],
                properties: {
                  lower: { type: "number" },
                  upper: { type: "number" },
                  level: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
                },
              },
              verified: { type: "boolean" },
            },
          },
        },
      },
    },
    intendedUse: {
      type: "object",
      additionalProperties: false,
      properties: { primary: textList, secondary: textList, outOfScope: textList, users: textList },
    },
    limitations: textList,
    tradeoffs: textList,
    ethicalConsiderations: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["risk"],
        properties: { risk: text, mitigation: text },
      },
    },
    safetyRiskAssessment: { enum: ["serious", "high", "medium", "low"] },
    usesPersonalInformation: { type: "boolean" },
    maintenance: {
      type: "object",
      additionalProperties: false,
      properties: { versioning: text, updateFrequency: text, contact: text },
    },
    ioSignature: {
      type: "object",
      additionalProperties: false,
      properties: {
        inputs: { type: "array", items: { $ref: "#/definitions/ioField" } },
        outputs: { type: "array", items: { $ref: "#/definitions/ioField" } },
        inputFormat: text,
        outputFormat: text,
      },
    },
    hashes: { $ref: "#/definitions/hashes" },
    artifacts: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["path", "hashes"],
        properties: {
          path: text,
          size: nonNegativeInteger,
          hashes: { type: "array", minItems: 1, items: { $ref: "#/definitions/hash" } },
        },
      },
    },
    provenance: {
      type: "object",
      additionalProperties: false,
      required: ["root"],
      properties: {
        root: { type: "string", pattern: "^[0-9a-f]{64}$" },
        algorithm: text,
        recordUrl: uri,
      },
    },
    signatures: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["kind"],
        properties: {
          kind: { enum: ["oms", "sigstore-bundle", "dsse", "in-toto", "other"] },
          url: uri,
          path: text,
          digest: { $ref: "#/definitions/hash" },
          identity: text,
        },
      },
    },
    software: {
      type: "object",
      additionalProperties: false,
      required: ["dependencies", "vulnerabilities"],
      properties: {
        dependencies: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["name", "ecosystem"],
            properties: {
              name: text,
              version: text,
              versionSpec: text,
              ecosystem: { enum: ["npm", "pypi"] },
              purl: { type: "string", pattern: "^pkg:[a-z][a-z0-9.+-]*/" },
              license: text,
              hashes: { $ref: "#/definitions/hashes" },
              scope: { enum: ["required", "optional", "dev"] },
              direct: { type: "boolean" },
            },
          },
        },
        vulnerabilities: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["id", "affects"],
            properties: {
              id: text,
              affects: { type: "array", minItems: 1, items: text },
              severity: { enum: ["critical", "high", "medium", "low", "info", "none", "unknown"] },
              score: { type: "number", minimum: 0, maximum: 10 },
              description: text,
              url: uri,
            },
          },
        },
      },
    },
    citations: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["text"],
        properties: { style: text, text },
      },
    },
    references: { type: "array", items: uri },
    additionalSections: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["title", "body"],
        properties: { title: text, body: text },
      },
    },
    extensions: {
      type: "object",
      propertyNames: { pattern: "^[a-z0-9][a-z0-9.-]*$" },
      additionalProperties: { type: "object" },
    },
  },
} as const;
