/**
 * The modelproof model card: one typed document that says what a model is, where it came from and
 * what it is for. Its JSON Schema is {@link MODEL_CARD_JSON_SCHEMA} (schema.ts); every renderer in
 * this package starts from this type. Field names follow the issue that defines the card and,
 * where they exist, the names of CycloneDX 1.6 `modelCard`, SPDX 3.0.1 AI and Google MCT v0.0.2.
 */

/** The card format version this package writes and reads. */
export const CARD_SCHEMA_VERSION = "1.0";

/** Hash algorithms a card may name (lowercase; mapped to each standard's spelling on output). */
export const HASH_ALGORITHMS = [
  "sha256",
  "sha384",
  "sha512",
  "sha3-256",
  "sha3-384",
  "sha3-512",
  "blake2b-256",
  "blake2b-384",
  "blake2b-512",
  "blake3",
  "sha1",
  "md5",
] as const;

/** A hash algorithm name, see {@link HASH_ALGORITHMS}. */
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

/** A digest: algorithm and lowercase hex value (length must match the algorithm). */
export interface Hash {
  /** The algorithm, e.g. `"sha256"`. */
  alg: HashAlgorithm;
  /** The digest as lowercase hex, e.g. 64 characters for SHA-256. */
  value: string;
}

/** A person or organisation who made the model. */
export interface Creator {
  /** Display name. */
  name: string;
  /** `"person"` (default) or `"organization"`. */
  kind?: "person" | "organization";
  /** Contact e-mail address. */
  email?: string;
  /** Web page of the creator. */
  url?: string;
}

/** A model that this one derives from. */
export interface ModelReference {
  /** Identifier, e.g. a Hugging Face id `"distilbert/distilbert-base-uncased"`. */
  id: string;
  /** Version or revision of that model. */
  version?: string;
  /** Where it can be found. */
  url?: string;
}

/** SPDX 3.0.1 dataset types (`dataset_DatasetType`). */
export const DATASET_TYPES = [
  "audio",
  "categorical",
  "graph",
  "image",
  "noAssertion",
  "numeric",
  "other",
  "sensor",
  "structured",
  "syntactic",
  "text",
  "timeseries",
  "timestamp",
  "video",
] as const;

/** One SPDX dataset type, see {@link DATASET_TYPES}. */
export type DatasetType = (typeof DATASET_TYPES)[number];

/** A data source used to train or evaluate the model. */
export interface Dataset {
  /** Human name, unique within the card; metrics refer to datasets by this name. */
  name: string;
  /** Hub identifier (e.g. Hugging Face dataset id `"stanfordnlp/imdb"`), when it has one. */
  id?: string;
  /** Dataset version or revision. */
  version?: string;
  /** Where it can be downloaded or read about. */
  url?: string;
  /** What it is and how it was collected. */
  description?: string;
  /** Its licence, as an SPDX expression. */
  license?: string;
  /** Kinds of data it holds (SPDX dataset types). */
  types?: DatasetType[];
  /** Size in bytes. */
  sizeBytes?: number;
  /** Number of records / examples. */
  records?: number;
  /** Digests of the data. */
  hashes?: Hash[];
  /** Who produced or published it. */
  publisher?: string;
  /** When it was released (date or date-time). */
  released?: string;
  /** Kinds of sensitive or personal data it contains. */
  sensitiveData?: string[];
}

/** How a derived model relates to its base models (Hugging Face `base_model_relation`, plus two more). */
export type LineageRelation = "finetune" | "adapter" | "merge" | "quantized" | "distillation" | "other";

/** Where the model came from. */
export interface Lineage {
  /** Models this one was derived from. */
  baseModels?: ModelReference[];
  /** How it was derived from them. */
  relation?: LineageRelation;
  /** Earlier versions of this model, oldest first. */
  history?: { version: string; date?: string; changes: string }[];
}

/** How the model was trained. */
export interface Training {
  /** Data sources, with sizes and hashes. */
  datasets?: Dataset[];
  /** Preprocessing steps, in order. */
  preprocessing?: string[];
  /** The training procedure. */
  procedure?: {
    /** Method in a few words, e.g. `"supervised fine-tuning"`. */
    method?: string;
    /** Longer description. */
    description?: string;
    /** Hyperparameters by name. */
    hyperparameters?: Record<string, string | number | boolean>;
    /** Wall-clock duration in words, e.g. `"6 hours"`. */
    duration?: string;
  };
  /** Compute used. */
  compute?: {
    /** Hardware, e.g. `"NVIDIA A100 80GB"`. */
    hardware?: string;
    /** Number of accelerators. */
    hardwareCount?: number;
    /** Accelerator-hours. */
    hours?: number;
    /** Cloud provider or site. */
    provider?: string;
    /** Region or country. */
    region?: string;
    /** Energy used, in kWh. */
    energyKwh?: number;
    /** Emissions, in kg CO2 equivalent. */
    co2eqKg?: number;
  };
}

/** One reported metric. Values are numbers here; formats that want strings get strings. */
export interface Metric {
  /** Metric id, e.g. `"accuracy"`, `"f1"`. */
  type: string;
  /** The value (a number; strings are rejected). */
  value: number;
  /** Display name, e.g. `"Accuracy (macro)"`. */
  name?: string;
  /** Name of the benchmark or dataset it was measured on (a `Dataset.name` in the card). */
  dataset?: string;
  /** Split, e.g. `"test"`. */
  split?: string;
  /** Data slice, e.g. `"age>65"`. */
  slice?: string;
  /** Confidence interval. */
  confidence?: {
    /** Lower bound. */
    lower: number;
    /** Upper bound. */
    upper: number;
    /** Confidence level in (0, 1), e.g. 0.95. */
    level?: number;
  };
  /** Whether a third party verified the value. */
  verified?: boolean;
}

/** How the model was evaluated. */
export interface Evaluation {
  /** Benchmarks and test sets. */
  benchmarks?: Dataset[];
  /** Metrics with optional confidence intervals. */
  metrics?: Metric[];
}

/** What the model is for. */
export interface IntendedUse {
  /** Primary intended uses. */
  primary?: string[];
  /** Secondary (downstream) uses. */
  secondary?: string[];
  /** Uses it is not meant for. */
  outOfScope?: string[];
  /** Intended users. */
  users?: string[];
}

/** An ethical risk and what was done about it. */
export interface EthicalConsideration {
  /** The risk. */
  risk: string;
  /** How it is mitigated. */
  mitigation?: string;
}

/** How the model is maintained. */
export interface Maintenance {
  /** Versioning scheme, e.g. `"semver"`. */
  versioning?: string;
  /** How often it is updated, e.g. `"monthly"`. */
  updateFrequency?: string;
  /** Who to contact (e-mail or URL). */
  contact?: string;
}

/** One input or output of the model (compatible with MLflow column and tensor specs). */
export interface IOField {
  /** Name, when the field is named. */
  name?: string;
  /** Type, e.g. `"string"`, `"double"`, `"tensor"`. */
  type: string;
  /** Element dtype for tensors, e.g. `"float32"`. */
  dtype?: string;
  /** Shape for tensors (`-1` = variable). */
  shape?: number[];
  /** Whether it must be present (default true). */
  required?: boolean;
  /** What it means. */
  description?: string;
}

/** The model's I/O signature. */
export interface IOSignature {
  /** Inputs. */
  inputs?: IOField[];
  /** Outputs. */
  outputs?: IOField[];
  /** Input format in words, e.g. `"UTF-8 text, up to 512 tokens"`. */
  inputFormat?: string;
  /** Output format in words. */
  outputFormat?: string;
}

/** One file of the model, with its digests (from the model manifest). */
export interface Artifact {
  /** Path relative to the model directory, `/`-separated. */
  path: string;
  /** Size in bytes. */
  size?: number;
  /** Digests of the file. */
  hashes: Hash[];
}

/** Where the provenance record of the model is. */
export interface ProvenanceReference {
  /** The RFC 9162 Merkle root of the provenance record, 64 lowercase hex characters. */
  root: string;
  /** How the root was computed. */
  algorithm?: string;
  /** Where the record can be fetched. */
  recordUrl?: string;
}

/** A signature over the model or its provenance. */
export interface SignatureReference {
  /** What kind of signature it is. */
  kind: "oms" | "sigstore-bundle" | "dsse" | "in-toto" | "other";
  /** Where it can be fetched. */
  url?: string;
  /** Path relative to the model directory, e.g. `"model.sig"`. */
  path?: string;
  /** Digest of the signature file. */
  digest?: Hash;
  /** Signer identity (key id, e-mail, workflow URI). */
  identity?: string;
}

/** Package ecosystems the SBOM builder knows. */
export type Ecosystem = "npm" | "pypi";

/** One software dependency of the run that produced the model. */
export interface SoftwareDependency {
  /** Package name as its registry spells it (`@scope/name` for npm). */
  name: string;
  /** Exact version, when known. */
  version?: string;
  /** Version constraint as written when no exact version is known, e.g. `">=2.0,<3"`. */
  versionSpec?: string;
  /** Registry ecosystem. */
  ecosystem: Ecosystem;
  /** Package URL (purl). */
  purl?: string;
  /** Declared licence: an SPDX expression when the source gives one, else the text as given. */
  license?: string;
  /** Digests of the package archive. */
  hashes?: Hash[];
  /** `"required"` for runtime dependencies, `"optional"` for optional ones, `"dev"` for development-only ones. */
  scope?: "required" | "optional" | "dev";
  /** Whether the project names it directly (false: pulled in transitively). */
  direct?: boolean;
}

/** A known vulnerability in a dependency. */
export interface Vulnerability {
  /** Identifier, e.g. `"CVE-2024-3568"` or `"GHSA-…"`. */
  id: string;
  /** purls (or names) of the affected dependencies. */
  affects: string[];
  /** Severity. */
  severity?: "critical" | "high" | "medium" | "low" | "info" | "none" | "unknown";
  /** Numeric score (e.g. CVSS). */
  score?: number;
  /** What it is. */
  description?: string;
  /** Advisory URL. */
  url?: string;
}

/** The software bill of materials of the run. */
export interface SoftwareBom {
  /** Every dependency, direct and transitive. */
  dependencies: SoftwareDependency[];
  /** Known vulnerabilities (an empty list means none are known). */
  vulnerabilities: Vulnerability[];
}

/** A free markdown section, kept as written. */
export interface AdditionalSection {
  /** Heading text. */
  title: string;
  /** Markdown body. */
  body: string;
}

/** SPDX 3.0.1 `ai_SafetyRiskAssessmentType`. */
export type SafetyRiskAssessment = "serious" | "high" | "medium" | "low";

/** CycloneDX 1.6 learning approach. */
export type LearningApproach =
  | "supervised"
  | "unsupervised"
  | "reinforcement-learning"
  | "semi-supervised"
  | "self-supervised";

/** The modelproof model card (schema version {@link CARD_SCHEMA_VERSION}). */
export interface ModelCard {
  /** Card format version; always `"1.0"`. */
  schemaVersion: typeof CARD_SCHEMA_VERSION;
  /** Model name. */
  name: string;
  /** Model version. */
  version: string;
  /** One-line summary. */
  summary?: string;
  /** Longer description (plain text or light markdown). */
  description?: string;
  /** Who made it. */
  creators?: Creator[];
  /** Licence, as an SPDX licence expression (`LicenseRef-…` for custom licences). */
  license: string;
  /** Human name of a custom licence. */
  licenseName?: string;
  /** Where the licence text is. */
  licenseUrl?: string;
  /** When this version was created (`YYYY-MM-DD` or RFC 3339 date-time). */
  created?: string;
  /** When the card was last updated (`YYYY-MM-DD` or RFC 3339 date-time). */
  updated?: string;
  /** Task, as a Hugging Face pipeline tag, e.g. `"text-classification"`. */
  task?: string;
  /** Learning approach. */
  approach?: LearningApproach;
  /** Architecture family (e.g. `"transformer"`) and name (e.g. `"DistilBERT"`). */
  architecture?: { family?: string; name?: string };
  /** Library the model is used with, e.g. `"transformers"`, `"tfjs"`. */
  libraryName?: string;
  /** Natural languages (ISO 639 codes). */
  languages?: string[];
  /** Free-form tags. */
  tags?: string[];
  /** Related URLs. */
  urls?: { homepage?: string; repository?: string; documentation?: string; download?: string; issues?: string };
  /** Base models and history. */
  lineage?: Lineage;
  /** Training data, procedure and compute. */
  training?: Training;
  /** Benchmarks and metrics. */
  evaluation?: Evaluation;
  /** Intended uses and users. */
  intendedUse?: IntendedUse;
  /** Known limitations. */
  limitations?: string[];
  /** Known performance trade-offs. */
  tradeoffs?: string[];
  /** Ethical risks and mitigations. */
  ethicalConsiderations?: EthicalConsideration[];
  /** Overall safety risk level (SPDX AI). */
  safetyRiskAssessment?: SafetyRiskAssessment;
  /** Whether personal information was used to train it. */
  usesPersonalInformation?: boolean;
  /** Versioning and update policy. */
  maintenance?: Maintenance;
  /** Inputs and outputs. */
  ioSignature?: IOSignature;
  /** Digests of the model as a whole (e.g. of its manifest). */
  hashes?: Hash[];
  /** The model's files with their digests. */
  artifacts?: Artifact[];
  /** Provenance record root. */
  provenance?: ProvenanceReference;
  /** Signatures over the model or its provenance. */
  signatures?: SignatureReference[];
  /** Software dependencies and known vulnerabilities. */
  software?: SoftwareBom;
  /** How to cite the model. */
  citations?: { style?: string; text: string }[];
  /** Links with more information. */
  references?: string[];
  /** Extra markdown sections, kept as written. */
  additionalSections?: AdditionalSection[];
  /**
   * Data this card does not model, by namespace (e.g. `huggingface`, `cyclonedx`, `mct`): parsers put
   * what they cannot map here instead of dropping it, and the matching renderer writes it back.
   */
  extensions?: Record<string, Record<string, unknown>>;
}
