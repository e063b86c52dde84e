/**
 * CycloneDX 1.6 JSON ML-BOM (schema `bom-1.6.schema.json`, specification 1.6.2): the model as a
 * `machine-learning-model` component with a `modelCard`, datasets as `data` components, software
 * dependencies as `library` components with purls, a dependency graph rooted at the model, and known
 * vulnerabilities. Metric values and confidence bounds are strings, as the schema requires.
 *
 * Card fields with a native CycloneDX place go there; the others travel as component properties
 * named `modelproof:card.<field>` (the schema's own extension point), so that
 * {@link parseCycloneDx} gives back exactly the card that {@link renderCycloneDx} was given.
 */
import { toUtcSeconds } from "./dates.js";
import { CardError, summarizeIssues } from "./errors.js";
import { CYCLONEDX_HASH_ALG, fromCycloneDxAlg } from "./hashes.js";
import { checkSpdxExpression } from "./license.js";
import { checkDepth, type InputLimits, parseJsonBounded } from "./limits.js";
import {
  CARD_SCHEMA_VERSION,
  type Dataset,
  type Hash,
  type Metric,
  type ModelCard,
  type SoftwareDependency,
  type Vulnerability,
} from "./types.js";
import { assertCard } from "./validate.js";

type Json = Record<string, unknown>;
type Property = { name: string; value: string };
const isRecord = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** Prefix of the component properties that carry card fields without a native CycloneDX place. */
export const CYCLONEDX_PROPERTY_PREFIX = "modelproof:card.";

/** Options of {@link renderCycloneDx}. */
export interface RenderCycloneDxOptions {
  /** BOM serial number, `urn:uuid:<lowercase uuid>`; omitted when not given (keeps output deterministic). */
  serialNumber?: string;
  /** BOM version (default 1). */
  bomVersion?: number;
  /** `metadata.timestamp` (RFC 3339); omitted when not given. */
  timestamp?: string;
  /** Version of the generating tool recorded in `metadata.tools`. */
  toolVersion?: string;
}

const REF_PREFIX = { model: "model/", dataset: "dataset/", file: "model-file/", vuln: "vulnerability/" } as const;
const URL_REF_TYPES: Record<string, string> = {
  homepage: "website",
  repository: "vcs",
  documentation: "documentation",
  download: "distribution",
  issues: "issue-tracker",
};

function hashes(list: Hash[] | undefined): Json[] | undefined {
  if (!list?.length) return undefined;
  return list.map((h) => ({ alg: CYCLONEDX_HASH_ALG[h.alg], content: h.value }));
}

function licenses(expression: string | undefined): Json[] | undefined {
  if (expression === undefined) return undefined;
  return checkSpdxExpression(expression) === undefined ? [{ expression }] : [{ license: { name: expression } }];
}

function put(target: Json, key: string, value: unknown): void {
  if (value === undefined) return;
  if (Array.isArray(value) && value.length === 0) return;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) return;
  target[key] = value;
}

/** Adds a `modelproof:card.<path>` property: strings as they are, everything else as JSON. */
function prop(props: Property[], path: string, value: unknown): void {
  if (value === undefined) return;
  if (Array.isArray(value) && value.length === 0) return;
  props.push({
    name: CYCLONEDX_PROPERTY_PREFIX + path,
    value: typeof value === "string" ? value : JSON.stringify(value),
  });
}

function datasetRef(d: Dataset): string {
  return REF_PREFIX.dataset + d.name;
}

function dependencyRef(d: SoftwareDependency): string {
  return d.purl ?? `${d.ecosystem}/${d.name}${d.version ? `@${d.version}` : ""}`;
}

function datasetComponent(d: Dataset, role: "training" | "evaluation"): Json {
  const c: Json = { type: "data", "bom-ref": datasetRef(d), name: d.name };
  put(c, "version", d.version);
  put(c, "description", d.description);
  put(c, "publisher", d.publisher);
  put(c, "hashes", hashes(d.hashes));
  put(c, "licenses", licenses(d.license));
  if (d.url) c.externalReferences = [{ type: "distribution", url: d.url }];
  const data: Json = { type: "dataset", name: d.name };
  if (d.url) data.contents = { url: d.url };
  put(data, "sensitiveData", d.sensitiveData);
  c.data = [data];
  const props: Property[] = [{ name: `${CYCLONEDX_PROPERTY_PREFIX}dataset.role`, value: role }];
  prop(props, "dataset.id", d.id);
  prop(props, "dataset.types", d.types);
  prop(props, "dataset.sizeBytes", d.sizeBytes);
  prop(props, "dataset.records", d.records);
  prop(props, "dataset.released", d.released);
  c.properties = props;
  return c;
}

function libraryComponent(d: SoftwareDependency): Json {
  const c: Json = { type: "library", "bom-ref": dependencyRef(d), name: d.name };
  put(c, "version", d.version);
  put(c, "scope", d.scope === undefined ? undefined : d.scope === "dev" ? "excluded" : d.scope);
  put(c, "hashes", hashes(d.hashes));
  put(c, "licenses", licenses(d.license));
  put(c, "purl", d.purl);
  const props: Property[] = [{ name: `${CYCLONEDX_PROPERTY_PREFIX}dependency.ecosystem`, value: d.ecosystem }];
  prop(props, "dependency.versionSpec", d.versionSpec);
  prop(props, "dependency.direct", d.direct);
  if (d.scope === "dev") prop(props, "dependency.scope", "dev");
  c.properties = props;
  return c;
}

function vulnerability(v: Vulnerability, refByKey: Map<string, string>): Json {
  const out: Json = { "bom-ref": REF_PREFIX.vuln + v.id, id: v.id };
  put(out, "description", v.description);
  if (v.severity !== undefined || v.score !== undefined) {
    const rating: Json = {};
    put(rating, "score", v.score);
    put(rating, "severity", v.severity);
    out.ratings = [rating];
  }
  if (v.url) out.advisories = [{ url: v.url }];
  out.affects = v.affects.map((a) => ({ ref: refByKey.get(a) ?? a }));
  return out;
}

/**
 * Renders a card as a CycloneDX 1.6 JSON ML-BOM.
 *
 * @param card - a valid model card
 * @param options - serial number, timestamp and BOM version (all optional; output is deterministic)
 * @returns the BOM as a plain object (serialise with `JSON.stringify`)
 * @throws {@link CardError} `INVALID_CARD` when the card does not validate, `INVALID_ARGUMENT` for a bad serial number
 * @example
 * ```ts
 * const bom = renderCycloneDx(card, { serialNumber: `urn:uuid:${crypto.randomUUID()}` });
 * ```
 */
export function renderCycloneDx(card: ModelCard, options: RenderCycloneDxOptions = {}): Json {
  assertCard(card);
  if (
    options.serialNumber !== undefined &&
    !/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(options.serialNumber)
  ) {
    throw new CardError("INVALID_ARGUMENT", "serialNumber must be urn:uuid: followed by a lowercase UUID");
  }
  const modelRef = `${REF_PREFIX.model}${card.name}@${card.version}`;
  const props: Property[] = [];
  const model: Json = { type: "machine-learning-model", "bom-ref": modelRef, name: card.name, version: card.version };
  put(model, "description", card.description);
  const creators = card.creators ?? [];
  put(
    model,
    "authors",
    creators.map((c) => (c.email ? { name: c.name, email: c.email } : { name: c.name })),
  );
  creators.forEach((c, i) => {
    prop(props, `creators.${i}.kind`, c.kind);
    prop(props, `creators.${i}.url`, c.url);
  });
  put(model, "licenses", [{ expression: card.license }]);
  put(model, "hashes", hashes(card.hashes));
  put(model, "tags", card.tags);

  const refs: Json[] = [];
  for (const [k, t] of Object.entries(URL_REF_TYPES)) {
    const url = card.urls?.[k as keyof NonNullable<ModelCard["urls"]>];
    if (url) refs.push({ type: t, url });
  }
  if (card.licenseUrl) refs.push({ type: "license", url: card.licenseUrl });
  for (const r of card.references ?? []) refs.push({ type: "other", url: r, comment: "reference" });
  if (card.provenance?.recordUrl)
    refs.push({ type: "attestation", url: card.provenance.recordUrl, comment: "provenance record" });
  put(model, "externalReferences", refs);

  const bases = card.lineage?.baseModels ?? [];
  if (bases.length) {
    model.pedigree = {
      ancestors: bases.map((b) => {
        const a: Json = { type: "machine-learning-model", name: b.id };
        put(a, "version", b.version);
        if (b.url) a.externalReferences = [{ type: "website", url: b.url }];
        return a;
      }),
    };
  }

  const files = (card.artifacts ?? []).map((a) => {
    const f: Json = { type: "file", "bom-ref": REF_PREFIX.file + a.path, name: a.path, hashes: hashes(a.hashes) };
    if (a.size !== undefined)
      f.properties = [{ name: `${CYCLONEDX_PROPERTY_PREFIX}artifact.size`, value: String(a.size) }];
    return f;
  });
  put(model, "components", files);

  // modelCard
  const mc: Json = {};
  const params: Json = {};
  if (card.approach) params.approach = { type: card.approach };
  put(params, "task", card.task);
  put(params, "architectureFamily", card.architecture?.family);
  put(params, "modelArchitecture", card.architecture?.name);
  const trainSets = card.training?.datasets ?? [];
  const evalSets = card.evaluation?.benchmarks ?? [];
  put(
    params,
    "datasets",
    [...trainSets, ...evalSets].map((d) => ({ ref: datasetRef(d) })),
  );
  const io = card.ioSignature;
  put(params, "inputs", io?.inputFormat ? [{ format: io.inputFormat }] : undefined);
  put(params, "outputs", io?.outputFormat ? [{ format: io.outputFormat }] : undefined);
  put(mc, "modelParameters", params);

  const metrics = card.evaluation?.metrics ?? [];
  if (metrics.length) {
    mc.quantitativeAnalysis = {
      performanceMetrics: metrics.map((m, i) => {
        const pm: Json = { type: m.type, value: String(m.value) };
        put(pm, "slice", m.slice);
        if (m.confidence) {
          pm.confidenceInterval = { lowerBound: String(m.confidence.lower), upperBound: String(m.confidence.upper) };
        }
        prop(props, `metrics.${i}.name`, m.name);
        prop(props, `metrics.${i}.dataset`, m.dataset);
        prop(props, `metrics.${i}.split`, m.split);
        prop(props, `metrics.${i}.confidence.level`, m.confidence?.level);
        prop(props, `metrics.${i}.verified`, m.verified);
        return pm;
      }),
    };
  }

  const cons: Json = {};
  put(cons, "users", card.intendedUse?.users);
  put(cons, "useCases", card.intendedUse?.primary);
  put(cons, "technicalLimitations", card.limitations);
  put(cons, "performanceTradeoffs", card.tradeoffs);
  put(
    cons,
    "ethicalConsiderations",
    card.ethicalConsiderations?.map((e) =>
      e.mitigation ? { name: e.risk, mitigationStrategy: e.mitigation } : { name: e.risk },
    ),
  );
  const compute = card.training?.compute;
  if (compute?.energyKwh !== undefined) {
    const ec: Json = {
      activity: "training",
      energyProviders: [],
      activityEnergyCost: { value: compute.energyKwh, unit: "kWh" },
    };
    if (compute.co2eqKg !== undefined) ec.co2CostEquivalent = { value: compute.co2eqKg / 1000, unit: "tCO2eq" };
    cons.environmentalConsiderations = { energyConsumptions: [ec] };
  }
  put(mc, "considerations", cons);

  prop(props, "summary", card.summary);
  prop(props, "licenseName", card.licenseName);
  prop(props, "created", card.created);
  prop(props, "updated", card.updated);
  prop(props, "libraryName", card.libraryName);
  prop(props, "languages", card.languages);
  prop(props, "lineage.relation", card.lineage?.relation);
  prop(props, "lineage.history", card.lineage?.history);
  prop(props, "training.preprocessing", card.training?.preprocessing);
  prop(props, "training.procedure", card.training?.procedure);
  prop(props, "training.compute", card.training?.compute);
  prop(props, "intendedUse.secondary", card.intendedUse?.secondary);
  prop(props, "intendedUse.outOfScope", card.intendedUse?.outOfScope);
  prop(props, "safetyRiskAssessment", card.safetyRiskAssessment);
  prop(props, "usesPersonalInformation", card.usesPersonalInformation);
  prop(props, "maintenance", card.maintenance);
  prop(props, "ioSignature.inputs", io?.inputs);
  prop(props, "ioSignature.outputs", io?.outputs);
  prop(props, "provenance.root", card.provenance?.root);
  prop(props, "provenance.algorithm", card.provenance?.algorithm);
  prop(props, "signatures", card.signatures);
  prop(props, "citations", card.citations);
  prop(props, "additionalSections", card.additionalSections);
  const { cyclonedx: foreign, ...otherExtensions } = card.extensions ?? {};
  if (Object.keys(otherExtensions).length) prop(props, "extensions", otherExtensions);
  put(model, "properties", props);
  if (Object.keys(mc).length) model.modelCard = mc;

  const foreignComponent = (foreign?.component ?? {}) as Json;
  for (const [k, v] of Object.entries(foreignComponent)) {
    if (k === "properties" && Array.isArray(v)) model.properties = [...((model.properties as Property[]) ?? []), ...v];
    else if (k === "modelCard" && isRecord(v)) model.modelCard = mergeTwoLevels(v, (model.modelCard as Json) ?? {});
    else if (!(k in model)) model[k] = v;
  }

  const deps = card.software?.dependencies ?? [];
  const refByKey = new Map<string, string>();
  for (const d of deps) {
    refByKey.set(d.name, dependencyRef(d));
    if (d.purl) refByKey.set(d.purl, dependencyRef(d));
  }
  const components: Json[] = [
    model,
    ...trainSets.map((d) => datasetComponent(d, "training")),
    ...evalSets.map((d) => datasetComponent(d, "evaluation")),
    ...deps.map(libraryComponent),
    ...(Array.isArray(foreign?.components) ? (foreign.components as Json[]) : []),
  ];

  const tool: Json = { type: "library", name: "@modelproof/card" };
  put(tool, "version", options.toolVersion);
  const metadata: Json = {};
  if (options.timestamp !== undefined) metadata.timestamp = toUtcSeconds(options.timestamp);
  metadata.tools = { components: [tool] };

  const bom: Json = { bomFormat: "CycloneDX", specVersion: "1.6" };
  put(bom, "serialNumber", options.serialNumber);
  bom.version = options.bomVersion ?? 1;
  bom.metadata = metadata;
  bom.components = components;
  const dependsOn = [...trainSets, ...evalSets]
    .map(datasetRef)
    .concat(deps.filter((d) => d.direct !== false).map(dependencyRef));
  bom.dependencies = [
    { ref: modelRef, dependsOn: [...new Set(dependsOn)] },
    ...deps.map((d) => ({ ref: dependencyRef(d), dependsOn: [] })),
    ...[...trainSets, ...evalSets].map((d) => ({ ref: datasetRef(d), dependsOn: [] })),
  ];
  const vulns = card.software?.vulnerabilities;
  if (card.software) bom.vulnerabilities = (vulns ?? []).map((v) => vulnerability(v, refByKey));
  for (const [k, v] of Object.entries((foreign?.bom ?? {}) as Json)) {
    if (k === "metadata" && isRecord(v)) bom.metadata = { ...v, ...metadata };
    else if (!(k in bom)) bom[k] = v;
  }
  return bom;
}

/** `{...a, ...b}`, where keys holding objects on both sides are merged one level deeper (b wins). */
function mergeTwoLevels(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isRecord(v) && isRecord(a[k]) ? { ...a[k], ...v } : v;
  return out;
}

// ---------------------------------------------------------------------------------------------
// parsing
// ---------------------------------------------------------------------------------------------

/** Options of {@link parseCycloneDx}. */
export interface ParseCycloneDxOptions {
  /** `bom-ref` of the model component when the BOM has more than one `machine-learning-model`. */
  modelRef?: string;
  /** Card fields to use when the BOM does not give them (e.g. `{ license: "Apache-2.0" }`). */
  defaults?: Partial<ModelCard>;
  /** Input limits for text input. */
  limits?: InputLimits;
}

class Reader {
  readonly issues: { path: string; message: string }[] = [];
  str(v: unknown, path: string): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v === "string") return v;
    this.issues.push({ path, message: "must be a string" });
    return undefined;
  }
  arr(v: unknown, path: string): unknown[] {
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    this.issues.push({ path, message: "must be an array" });
    return [];
  }
  num(v: unknown, path: string): number | undefined {
    if (v === undefined) return undefined;
    const n = typeof v === "string" && /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v) ? Number(v) : Number.NaN;
    if (Number.isFinite(n)) return n;
    this.issues.push({ path, message: `must be a number written as a string (got ${JSON.stringify(v)})` });
    return undefined;
  }
  hashes(v: unknown, path: string): Hash[] | undefined {
    const out: Hash[] = [];
    this.arr(v, path).forEach((h, i) => {
      const alg = isRecord(h) && typeof h.alg === "string" ? fromCycloneDxAlg(h.alg) : undefined;
      if (!isRecord(h) || !alg || typeof h.content !== "string") {
        this.issues.push({ path: `${path}/${i}`, message: "must be {alg, content} with a known algorithm" });
        return;
      }
      out.push({ alg, value: h.content.toLowerCase() });
    });
    return out.length ? out : undefined;
  }
  license(v: unknown, path: string): string | undefined {
    const list = this.arr(v, path);
    if (list.length === 0) return undefined;
    const parts: string[] = [];
    list.forEach((l, i) => {
      if (isRecord(l) && typeof l.expression === "string") parts.push(l.expression);
      else if (isRecord(l) && isRecord(l.license) && typeof l.license.id === "string") parts.push(l.license.id);
      else if (isRecord(l) && isRecord(l.license) && typeof l.license.name === "string") parts.push(l.license.name);
      else this.issues.push({ path: `${path}/${i}`, message: "must be {expression} or {license: {id | name}}" });
    });
    if (parts.length === 1) return parts[0];
    return parts.map((p) => (/\s/.test(p) ? `(${p})` : p)).join(" AND ");
  }
}

class Props {
  private readonly map = new Map<string, string>();
  readonly rest: Property[] = [];
  constructor(list: unknown[], reader: Reader, path: string) {
    list.forEach((p, i) => {
      if (!isRecord(p) || typeof p.name !== "string") {
        reader.issues.push({ path: `${path}/${i}`, message: "must have a string name" });
        return;
      }
      if (p.name.startsWith(CYCLONEDX_PROPERTY_PREFIX) && typeof p.value === "string") {
        this.map.set(p.name.slice(CYCLONEDX_PROPERTY_PREFIX.length), p.value);
      } else this.rest.push(p as Property);
    });
  }
  str(key: string): string | undefined {
    return this.map.get(key);
  }
  json(key: string, reader: Reader, path: string): unknown {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v);
    } catch {
      reader.issues.push({ path, message: `property ${CYCLONEDX_PROPERTY_PREFIX}${key} is not valid JSON` });
      return undefined;
    }
  }
}

function set(target: Json, key: string, value: unknown): void {
  if (value === undefined) return;
  if (Array.isArray(value) && value.length === 0) return;
  if (isRecord(value) && Object.keys(value).length === 0) return;
  target[key] = value;
}

function readDataset(c: Json, path: string, r: Reader): { dataset: Dataset; role: string | undefined; rest: Json } {
  const props = new Props(r.arr(c.properties, `${path}/properties`), r, `${path}/properties`);
  const d: Json = { name: r.str(c.name, `${path}/name`) ?? "" };
  set(d, "id", props.str("dataset.id"));
  set(d, "version", r.str(c.version, `${path}/version`));
  const data = Array.isArray(c.data) && isRecord(c.data[0]) ? c.data[0] : undefined;
  const refUrl = r
    .arr(c.externalReferences, `${path}/externalReferences`)
    .find((e) => isRecord(e) && e.type === "distribution");
  set(
    d,
    "url",
    (isRecord(refUrl) ? refUrl.url : undefined) ?? (isRecord(data?.contents) ? data.contents.url : undefined),
  );
  set(
    d,
    "description",
    r.str(c.description, `${path}/description`) ??
      (typeof data?.description === "string" ? data.description : undefined),
  );
  set(d, "license", r.license(c.licenses, `${path}/licenses`));
  set(d, "types", props.json("dataset.types", r, `${path}/properties`));
  set(d, "sizeBytes", props.json("dataset.sizeBytes", r, `${path}/properties`));
  set(d, "records", props.json("dataset.records", r, `${path}/properties`));
  set(d, "hashes", r.hashes(c.hashes, `${path}/hashes`));
  set(d, "publisher", r.str(c.publisher, `${path}/publisher`));
  set(d, "released", props.str("dataset.released"));
  set(d, "sensitiveData", Array.isArray(data?.sensitiveData) ? data.sensitiveData : undefined);
  const known = new Set([
    "type",
    "bom-ref",
    "name",
    "version",
    "description",
    "licenses",
    "hashes",
    "publisher",
    "externalReferences",
    "data",
    "properties",
  ]);
  const rest: Json = {};
  for (const [k, v] of Object.entries(c)) if (!known.has(k)) rest[k] = v;
  if (props.rest.length) rest.properties = props.rest;
  return { dataset: d as unknown as Dataset, role: props.str("dataset.role"), rest };
}

function readLibrary(c: Json, path: string, r: Reader): SoftwareDependency {
  const props = new Props(r.arr(c.properties, `${path}/properties`), r, `${path}/properties`);
  const purl = r.str(c.purl, `${path}/purl`);
  const ecosystem = props.str("dependency.ecosystem") ?? (purl?.startsWith("pkg:pypi/") ? "pypi" : "npm");
  const d: Json = { name: r.str(c.name, `${path}/name`) ?? "" };
  set(d, "version", r.str(c.version, `${path}/version`));
  set(d, "versionSpec", props.str("dependency.versionSpec"));
  d.ecosystem = ecosystem;
  set(d, "purl", purl);
  set(d, "license", r.license(c.licenses, `${path}/licenses`));
  set(d, "hashes", r.hashes(c.hashes, `${path}/hashes`));
  const scope = props.str("dependency.scope") ?? (c.scope === "excluded" ? "dev" : (c.scope as string | undefined));
  set(d, "scope", scope);
  set(d, "direct", props.json("dependency.direct", r, `${path}/properties`));
  return d as unknown as SoftwareDependency;
}

function readSimpleEnergy(env: Json): Json | undefined {
  const list = env.energyConsumptions;
  if (Object.keys(env).some((k) => k !== "energyConsumptions") || !Array.isArray(list) || list.length !== 1)
    return undefined;
  const e = list[0];
  if (!isRecord(e) || e.activity !== "training" || !Array.isArray(e.energyProviders) || e.energyProviders.length > 0)
    return undefined;
  if (
    Object.keys(e).some((k) => !["activity", "energyProviders", "activityEnergyCost", "co2CostEquivalent"].includes(k))
  )
    return undefined;
  const cost = e.activityEnergyCost;
  if (!isRecord(cost) || cost.unit !== "kWh" || typeof cost.value !== "number" || cost.value < 0) return undefined;
  const out: Json = { energyKwh: cost.value };
  const co2 = e.co2CostEquivalent;
  if (co2 !== undefined) {
    if (!isRecord(co2) || co2.unit !== "tCO2eq" || typeof co2.value !== "number" || co2.value < 0) return undefined;
    out.co2eqKg = Number.parseFloat((co2.value * 1000).toPrecision(12));
  }
  return out;
}

/**
 * Parses a CycloneDX 1.5/1.6 JSON BOM back into a card: the `machine-learning-model` component and
 * its `modelCard`, the `data` components it uses, `library` components and vulnerabilities. Fields
 * the card does not model are kept in `extensions.cyclonedx` (model component keys, other components,
 * BOM-level keys), never dropped. Metric values must be numbers written as strings.
 *
 * @param input - the BOM as JSON text or as a parsed object
 * @param options - which model component, defaults for missing card fields, limits
 * @returns a valid card
 * @throws {@link CardError} `INVALID_JSON`, `INPUT_TOO_LARGE`, `UNSUPPORTED_VERSION`,
 *   `INVALID_DOCUMENT` (no or several model components, wrong types, non-numeric metric values,
 *   all with paths), `INVALID_CARD`
 */
export function parseCycloneDx(input: string | unknown, options: ParseCycloneDxOptions = {}): ModelCard {
  const bom = typeof input === "string" ? parseJsonBounded(input, "CycloneDX BOM", options.limits) : input;
  if (typeof input !== "string") checkDepth(input, "CycloneDX BOM", options.limits);
  if (!isRecord(bom) || bom.bomFormat !== "CycloneDX") {
    throw new CardError("INVALID_DOCUMENT", 'not a CycloneDX BOM (bomFormat must be "CycloneDX")', {
      issues: [{ path: "/bomFormat", message: 'must be "CycloneDX"' }],
    });
  }
  if (bom.specVersion !== "1.6" && bom.specVersion !== "1.5") {
    throw new CardError(
      "UNSUPPORTED_VERSION",
      `CycloneDX specVersion ${JSON.stringify(bom.specVersion)} is not supported (1.5, 1.6)`,
      {
        issues: [{ path: "/specVersion", message: "must be 1.5 or 1.6" }],
      },
    );
  }
  const r = new Reader();
  const components = r.arr(bom.components, "/components");
  const models = components
    .map((c, i) => ({ c, i }))
    .filter(
      ({ c }) =>
        isRecord(c) &&
        c.type === "machine-learning-model" &&
        (options.modelRef === undefined || c["bom-ref"] === options.modelRef),
    );
  if (models.length !== 1) {
    throw new CardError(
      "INVALID_DOCUMENT",
      models.length === 0
        ? "the BOM has no machine-learning-model component" +
            (options.modelRef ? ` with bom-ref ${options.modelRef}` : "")
        : "the BOM has several machine-learning-model components; pass options.modelRef",
      {
        issues: [
          {
            path: "/components",
            message:
              models.length === 0 ? "no machine-learning-model component" : "several machine-learning-model components",
          },
        ],
      },
    );
  }
  const { c: modelRaw, i: modelIndex } = models[0]!;
  const model = modelRaw as Json;
  const mp = `/components/${modelIndex}`;
  const props = new Props(r.arr(model.properties, `${mp}/properties`), r, `${mp}/properties`);
  const json = (key: string) => props.json(key, r, `${mp}/properties`);
  const card: Json = {};
  set(card, "name", r.str(model.name, `${mp}/name`));
  set(card, "version", r.str(model.version, `${mp}/version`));
  set(card, "summary", props.str("summary"));
  set(card, "description", r.str(model.description, `${mp}/description`));
  const authors = r.arr(model.authors, `${mp}/authors`);
  set(
    card,
    "creators",
    authors.map((a, i) => {
      const c: Json = { name: isRecord(a) ? r.str(a.name, `${mp}/authors/${i}/name`) : undefined };
      if (isRecord(a)) set(c, "email", r.str(a.email, `${mp}/authors/${i}/email`));
      set(c, "kind", props.str(`creators.${i}.kind`));
      set(c, "url", props.str(`creators.${i}.url`));
      return c;
    }),
  );
  set(card, "license", r.license(model.licenses, `${mp}/licenses`));
  set(card, "licenseName", props.str("licenseName"));
  const extRefs = r.arr(model.externalReferences, `${mp}/externalReferences`);
  const urls: Json = {};
  const references: string[] = [];
  const unusedRefs: unknown[] = [];
  let recordUrl: string | undefined;
  for (const e of extRefs) {
    if (!isRecord(e) || typeof e.url !== "string") {
      unusedRefs.push(e);
      continue;
    }
    const urlKey = Object.entries(URL_REF_TYPES).find(([, t]) => t === e.type)?.[0];
    if (urlKey && urls[urlKey] === undefined && e.comment === undefined) urls[urlKey] = e.url;
    else if (e.type === "license" && card.licenseUrl === undefined) card.licenseUrl = e.url;
    else if (e.type === "other" && e.comment === "reference") references.push(e.url);
    else if (e.type === "attestation" && e.comment === "provenance record") recordUrl = e.url;
    else unusedRefs.push(e);
  }
  set(card, "created", props.str("created"));
  set(card, "updated", props.str("updated"));
  const mc = isRecord(model.modelCard) ? model.modelCard : {};
  const params = isRecord(mc.modelParameters) ? mc.modelParameters : {};
  set(card, "task", r.str(params.task, `${mp}/modelCard/modelParameters/task`));
  if (isRecord(params.approach)) set(card, "approach", params.approach.type);
  const arch: Json = {};
  set(arch, "family", r.str(params.architectureFamily, `${mp}/modelCard/modelParameters/architectureFamily`));
  set(arch, "name", r.str(params.modelArchitecture, `${mp}/modelCard/modelParameters/modelArchitecture`));
  set(card, "architecture", arch);
  set(card, "libraryName", props.str("libraryName"));
  set(card, "languages", json("languages"));
  set(card, "tags", r.arr(model.tags, `${mp}/tags`));
  set(card, "urls", urls);

  const lineage: Json = {};
  const pedigree = isRecord(model.pedigree) ? model.pedigree : {};
  set(
    lineage,
    "baseModels",
    r.arr(pedigree.ancestors, `${mp}/pedigree/ancestors`).map((a, i) => {
      const ap = `${mp}/pedigree/ancestors/${i}`;
      const b: Json = { id: isRecord(a) ? r.str(a.name, `${ap}/name`) : undefined };
      if (isRecord(a)) {
        set(b, "version", r.str(a.version, `${ap}/version`));
        const web = r
          .arr(a.externalReferences, `${ap}/externalReferences`)
          .find((e) => isRecord(e) && e.type === "website");
        if (isRecord(web)) set(b, "url", web.url);
      }
      return b;
    }),
  );
  set(lineage, "relation", props.str("lineage.relation"));
  set(lineage, "history", json("lineage.history"));
  set(card, "lineage", lineage);

  // datasets and libraries
  const byRef = new Map<string, { c: Json; i: number }>();
  components.forEach((c, i) => {
    if (isRecord(c) && typeof c["bom-ref"] === "string") byRef.set(c["bom-ref"], { c, i });
  });
  const used = new Set<number>([modelIndex]);
  const training: Json = {};
  const trainSets: Dataset[] = [];
  const evalSets: Dataset[] = [];
  const datasetRest: Json[] = [];
  r.arr(params.datasets, `${mp}/modelCard/modelParameters/datasets`).forEach((ref, i) => {
    const dp = `${mp}/modelCard/modelParameters/datasets/${i}`;
    let d: { dataset: Dataset; role: string | undefined; rest: Json };
    if (isRecord(ref) && typeof ref.ref === "string") {
      const target = byRef.get(ref.ref);
      if (!target) {
        r.issues.push({ path: `${dp}/ref`, message: `refers to no component (${ref.ref})` });
        return;
      }
      used.add(target.i);
      d = readDataset(target.c, `/components/${target.i}`, r);
    } else if (isRecord(ref)) {
      if (typeof ref.name !== "string") {
        r.issues.push({ path: `${dp}/name`, message: "an inline dataset needs a name" });
        return;
      }
      d = readDataset(ref, dp, r);
    } else {
      r.issues.push({ path: dp, message: "must be a componentData or {ref}" });
      return;
    }
    (d.role === "evaluation" ? evalSets : trainSets).push(d.dataset);
    if (Object.keys(d.rest).length) datasetRest.push({ name: d.dataset.name, ...d.rest });
  });
  set(training, "datasets", trainSets);
  set(training, "preprocessing", json("training.preprocessing"));
  set(training, "procedure", json("training.procedure"));
  const compute = json("training.compute") as Json | undefined;
  const env =
    isRecord(mc.considerations) && isRecord(mc.considerations.environmentalConsiderations)
      ? mc.considerations.environmentalConsiderations
      : undefined;
  // A foreign energy record is read into training.compute only when that loses nothing: one
  // training entry with no providers, a kWh cost and at most a CO2 equivalent. Otherwise it is
  // kept whole (see the leftovers below).
  const simpleEnergy = compute === undefined && env !== undefined ? readSimpleEnergy(env) : undefined;
  if (compute) training.compute = compute;
  else if (simpleEnergy) training.compute = simpleEnergy;
  const envConsumed = compute !== undefined || simpleEnergy !== undefined;
  set(card, "training", training);

  const evaluation: Json = {};
  set(evaluation, "benchmarks", evalSets);
  const qa = isRecord(mc.quantitativeAnalysis) ? mc.quantitativeAnalysis : {};
  const metrics: Metric[] = [];
  r.arr(qa.performanceMetrics, `${mp}/modelCard/quantitativeAnalysis/performanceMetrics`).forEach((m, i) => {
    const pp = `${mp}/modelCard/quantitativeAnalysis/performanceMetrics/${i}`;
    if (!isRecord(m)) {
      r.issues.push({ path: pp, message: "must be an object" });
      return;
    }
    const out: Json = { type: r.str(m.type, `${pp}/type`), value: r.num(m.value, `${pp}/value`) };
    set(out, "name", props.str(`metrics.${i}.name`));
    set(out, "dataset", props.str(`metrics.${i}.dataset`));
    set(out, "split", props.str(`metrics.${i}.split`));
    set(out, "slice", r.str(m.slice, `${pp}/slice`));
    if (isRecord(m.confidenceInterval)) {
      const ci: Json = {
        lower: r.num(m.confidenceInterval.lowerBound, `${pp}/confidenceInterval/lowerBound`),
        upper: r.num(m.confidenceInterval.upperBound, `${pp}/confidenceInterval/upperBound`),
      };
      set(ci, "level", json(`metrics.${i}.confidence.level`));
      out.confidence = ci;
    }
    set(out, "verified", json(`metrics.${i}.verified`));
    metrics.push(out as unknown as Metric);
  });
  set(evaluation, "metrics", metrics);
  set(card, "evaluation", evaluation);

  const cons = isRecord(mc.considerations) ? mc.considerations : {};
  const cp = `${mp}/modelCard/considerations`;
  const intended: Json = {};
  set(intended, "primary", r.arr(cons.useCases, `${cp}/useCases`));
  set(intended, "secondary", json("intendedUse.secondary"));
  set(intended, "outOfScope", json("intendedUse.outOfScope"));
  set(intended, "users", r.arr(cons.users, `${cp}/users`));
  set(card, "intendedUse", intended);
  set(card, "limitations", r.arr(cons.technicalLimitations, `${cp}/technicalLimitations`));
  set(card, "tradeoffs", r.arr(cons.performanceTradeoffs, `${cp}/performanceTradeoffs`));
  set(
    card,
    "ethicalConsiderations",
    r.arr(cons.ethicalConsiderations, `${cp}/ethicalConsiderations`).map((e, i) => {
      const out: Json = { risk: isRecord(e) ? r.str(e.name, `${cp}/ethicalConsiderations/${i}/name`) : undefined };
      if (isRecord(e))
        set(out, "mitigation", r.str(e.mitigationStrategy, `${cp}/ethicalConsiderations/${i}/mitigationStrategy`));
      return out;
    }),
  );
  set(card, "safetyRiskAssessment", props.str("safetyRiskAssessment"));
  set(card, "usesPersonalInformation", json("usesPersonalInformation"));
  set(card, "maintenance", json("maintenance"));
  const io: Json = {};
  set(io, "inputs", json("ioSignature.inputs"));
  set(io, "outputs", json("ioSignature.outputs"));
  const ins = r.arr(params.inputs, `${mp}/modelCard/modelParameters/inputs`);
  const outs = r.arr(params.outputs, `${mp}/modelCard/modelParameters/outputs`);
  if (isRecord(ins[0])) set(io, "inputFormat", ins[0].format);
  if (isRecord(outs[0])) set(io, "outputFormat", outs[0].format);
  set(card, "ioSignature", io);
  set(card, "hashes", r.hashes(model.hashes, `${mp}/hashes`));
  const files = r.arr(model.components, `${mp}/components`);
  const otherSub: unknown[] = [];
  const artifacts = files.flatMap((f, i) => {
    const fp = `${mp}/components/${i}`;
    if (!isRecord(f) || f.type !== "file") {
      otherSub.push(f);
      return [];
    }
    const fprops = new Props(r.arr(f.properties, `${fp}/properties`), r, `${fp}/properties`);
    const a: Json = { path: r.str(f.name, `${fp}/name`), hashes: r.hashes(f.hashes, `${fp}/hashes`) ?? [] };
    const size = fprops.json("artifact.size", r, `${fp}/properties`);
    if (size !== undefined) a.size = size;
    return [a];
  });
  set(card, "artifacts", artifacts);
  const prov: Json = {};
  set(prov, "root", props.str("provenance.root"));
  set(prov, "algorithm", props.str("provenance.algorithm"));
  set(prov, "recordUrl", recordUrl);
  set(card, "provenance", prov);
  set(card, "signatures", json("signatures"));

  const deps: SoftwareDependency[] = [];
  const depRefToKey = new Map<string, string>();
  components.forEach((c, i) => {
    if (used.has(i) || !isRecord(c) || c.type !== "library") return;
    used.add(i);
    const d = readLibrary(c, `/components/${i}`, r);
    deps.push(d);
    if (typeof c["bom-ref"] === "string") depRefToKey.set(c["bom-ref"], d.purl ?? d.name);
  });
  const vulns: Vulnerability[] = [];
  r.arr(bom.vulnerabilities, "/vulnerabilities").forEach((v, i) => {
    const vp = `/vulnerabilities/${i}`;
    if (!isRecord(v)) {
      r.issues.push({ path: vp, message: "must be an object" });
      return;
    }
    const out: Json = { id: r.str(v.id, `${vp}/id`) };
    out.affects = r
      .arr(v.affects, `${vp}/affects`)
      .map((a, j) =>
        isRecord(a) && typeof a.ref === "string"
          ? (depRefToKey.get(a.ref) ?? a.ref)
          : r.str(undefined, `${vp}/affects/${j}`),
      );
    const rating = Array.isArray(v.ratings) && isRecord(v.ratings[0]) ? v.ratings[0] : undefined;
    set(out, "severity", rating?.severity);
    set(out, "score", rating?.score);
    set(out, "description", r.str(v.description, `${vp}/description`));
    if (Array.isArray(v.advisories) && isRecord(v.advisories[0])) set(out, "url", v.advisories[0].url);
    vulns.push(out as unknown as Vulnerability);
  });
  if (deps.length || bom.vulnerabilities !== undefined) card.software = { dependencies: deps, vulnerabilities: vulns };
  set(card, "citations", json("citations"));
  set(card, "references", references);
  set(card, "additionalSections", json("additionalSections"));

  // everything not mapped is kept
  const knownModelKeys = new Set([
    "type",
    "bom-ref",
    "name",
    "version",
    "description",
    "authors",
    "licenses",
    "hashes",
    "tags",
    "externalReferences",
    "pedigree",
    "components",
    "properties",
    "modelCard",
  ]);
  const restComponent: Json = {};
  for (const [k, v] of Object.entries(model)) if (!knownModelKeys.has(k)) restComponent[k] = v;
  if (props.rest.length) restComponent.properties = props.rest;
  if (unusedRefs.length) restComponent.externalReferences = unusedRefs;
  if (otherSub.length) restComponent.components = otherSub;
  const mcRest: Json = {};
  for (const [k, v] of Object.entries(mc))
    if (!["modelParameters", "quantitativeAnalysis", "considerations"].includes(k)) mcRest[k] = v;
  const qaRest = Object.fromEntries(Object.entries(qa).filter(([k]) => k !== "performanceMetrics"));
  if (Object.keys(qaRest).length) mcRest.quantitativeAnalysis = qaRest;
  const consRest = Object.fromEntries(
    Object.entries(cons).filter(
      ([k]) =>
        !["users", "useCases", "technicalLimitations", "performanceTradeoffs", "ethicalConsiderations"].includes(k) &&
        // our own energy entry is a view of training.compute; a foreign one is kept whole
        !(k === "environmentalConsiderations" && envConsumed),
    ),
  );
  if (Object.keys(consRest).length) mcRest.considerations = consRest;
  if (Object.keys(mcRest).length) restComponent.modelCard = mcRest;
  if (datasetRest.length) restComponent["datasets:unmapped"] = datasetRest;
  const cdx: Json = {};
  if (Object.keys(restComponent).length) cdx.component = restComponent;
  const unusedComponents = components.filter((_c, i) => !used.has(i));
  if (unusedComponents.length) cdx.components = unusedComponents;
  const bomRest: Json = {};
  for (const [k, v] of Object.entries(bom)) {
    if (
      ![
        "bomFormat",
        "specVersion",
        "serialNumber",
        "version",
        "metadata",
        "components",
        "dependencies",
        "vulnerabilities",
        "$schema",
      ].includes(k)
    )
      bomRest[k] = v;
  }
  if (isRecord(bom.metadata)) {
    const meta = Object.fromEntries(Object.entries(bom.metadata).filter(([k]) => k !== "timestamp" && k !== "tools"));
    if (Object.keys(meta).length) bomRest.metadata = meta;
  }
  if (Object.keys(bomRest).length) cdx.bom = bomRest;
  const ext = json("extensions") as Record<string, Json> | undefined;
  if (ext || Object.keys(cdx).length)
    card.extensions = { ...ext, ...(Object.keys(cdx).length ? { cyclonedx: cdx } : {}) };

  if (r.issues.length) {
    throw new CardError("INVALID_DOCUMENT", summarizeIssues("CycloneDX BOM cannot become a card", r.issues), {
      issues: r.issues,
    });
  }
  const result: Json = { schemaVersion: CARD_SCHEMA_VERSION, ...card };
  for (const [k, v] of Object.entries(options.defaults ?? {})) if (result[k] === undefined) result[k] = v;
  assertCard(result);
  return result;
}
