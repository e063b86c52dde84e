/**
 * SPDX 3.0.1 JSON-LD (`https://spdx.org/rdf/3.0.1/spdx-context.jsonld`) with the Core, Software,
 * SimpleLicensing, AI, Dataset and Security profiles: the model as an `ai_AIPackage`, datasets as
 * `dataset_DatasetPackage` linked by `trainedOn` / `testedOn` relationships, licences as
 * `simplelicensing_LicenseExpression` with `hasDeclaredLicense`, dependencies as `software_Package`.
 *
 * The official JSON schema does not enforce the AI and Dataset profiles' required properties (they
 * live in the SHACL model: AIPackage needs releaseTime, suppliedBy, software_downloadLocation,
 * software_packageVersion, software_primaryPurpose; DatasetPackage needs builtTime, originatedBy,
 * releaseTime, software_downloadLocation, software_primaryPurpose, dataset_datasetType), so
 * {@link checkSpdxProfiles} checks them in code and {@link renderSpdx} refuses to write a document
 * that lacks them.
 */
import { toUtcSeconds } from "./dates.js";
import { CardError, type CardIssue, summarizeIssues } from "./errors.js";
import { SPDX_HASH_ALG } from "./hashes.js";
import { checkSpdxExpression } from "./license.js";
import type { Creator, Dataset, Hash, ModelCard } from "./types.js";
import { assertCard } from "./validate.js";

type Json = Record<string, unknown>;

/** The JSON-LD context every SPDX 3.0.1 document names. */
export const SPDX_CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";

/** Options of {@link renderSpdx}. */
export interface RenderSpdxOptions {
  /**
   * IRI prefix for the document's `spdxId`s; use a URL you control. Default
   * `urn:modelproof:spdx:<name>:<version>:` (percent-encoded).
   */
  namespace?: string;
  /** `CreationInfo.created` (any card date); default the card's `updated`, else `created`. */
  created?: string;
  /**
   * When true (the default), a card that lacks what the AI or Dataset profile requires is refused
   * with `PROFILE_VIOLATION`; when false, the document is written anyway (still schema-valid).
   */
  requireProfileFields?: boolean;
}

/** Properties the AI profile requires of every `ai_AIPackage` (SPDX 3.0.1 SHACL). */
export const AI_PACKAGE_REQUIRED = [
  "releaseTime",
  "suppliedBy",
  "software_downloadLocation",
  "software_packageVersion",
  "software_primaryPurpose",
] as const;

/** Properties the Dataset profile requires of every `dataset_DatasetPackage` (SPDX 3.0.1 SHACL). */
export const DATASET_PACKAGE_REQUIRED = [
  "builtTime",
  "originatedBy",
  "releaseTime",
  "software_downloadLocation",
  "software_primaryPurpose",
  "dataset_datasetType",
] as const;

const isRecord = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Checks the AI and Dataset profile requirements that the SPDX 3.0.1 JSON schema does not enforce:
 * required properties present and non-empty, agents referenced by `suppliedBy` / `originatedBy`
 * present in the graph, `software_primaryPurpose` of `model` / `data`.
 *
 * @param doc - an SPDX 3.0.1 JSON-LD document (`@graph` form)
 * @returns every issue, with JSON-pointer paths into `doc`; empty when the profiles are satisfied
 */
export function checkSpdxProfiles(doc: unknown): CardIssue[] {
  const issues: CardIssue[] = [];
  if (!isRecord(doc) || !Array.isArray(doc["@graph"])) return [{ path: "/@graph", message: "must be an array" }];
  const graph = doc["@graph"] as unknown[];
  const agents = new Set<string>();
  for (const e of graph) {
    if (
      isRecord(e) &&
      ["Person", "Organization", "SoftwareAgent", "Agent"].includes(String(e.type)) &&
      typeof e.spdxId === "string"
    ) {
      agents.add(e.spdxId);
    }
  }
  const empty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
  const agentRef = (v: unknown, path: string) => {
    for (const [i, a] of (Array.isArray(v) ? v : [v]).entries()) {
      if (typeof a === "string" && !agents.has(a)) {
        issues.push({
          path: Array.isArray(v) ? `${path}/${i}` : path,
          message: `names no agent of the document (${a})`,
        });
      }
    }
  };
  graph.forEach((e, i) => {
    if (!isRecord(e)) return;
    const base = `/@graph/${i}`;
    if (e.type === "ai_AIPackage") {
      for (const k of AI_PACKAGE_REQUIRED)
        if (empty(e[k])) issues.push({ path: `${base}/${k}`, message: "is required by the SPDX 3.0.1 AI profile" });
      if (!empty(e.suppliedBy)) agentRef(e.suppliedBy, `${base}/suppliedBy`);
      if (!empty(e.software_primaryPurpose) && e.software_primaryPurpose !== "model") {
        issues.push({ path: `${base}/software_primaryPurpose`, message: 'should be "model" for an AI package' });
      }
    } else if (e.type === "dataset_DatasetPackage") {
      for (const k of DATASET_PACKAGE_REQUIRED)
        if (empty(e[k]))
          issues.push({ path: `${base}/${k}`, message: "is required by the SPDX 3.0.1 Dataset profile" });
      if (!empty(e.originatedBy)) agentRef(e.originatedBy, `${base}/originatedBy`);
      if (!empty(e.software_primaryPurpose) && e.software_primaryPurpose !== "data") {
        issues.push({ path: `${base}/software_primaryPurpose`, message: 'should be "data" for a dataset package' });
      }
    }
  });
  return issues;
}

function verified(hashes: Hash[] | undefined): Json[] | undefined {
  if (!hashes?.length) return undefined;
  return hashes.map((h) => ({ type: "Hash", algorithm: SPDX_HASH_ALG[h.alg], hashValue: h.value }));
}

function put(target: Json, key: string, value: unknown): void {
  if (value === undefined) return;
  if (Array.isArray(value) && value.length === 0) return;
  target[key] = value;
}

/** What a card lacks for the AI / Dataset profiles, as card paths. */
function missingForProfiles(card: ModelCard): CardIssue[] {
  const issues: CardIssue[] = [];
  if (!card.created && !card.updated)
    issues.push({ path: "/created", message: "is needed for the AI package's releaseTime" });
  if (!card.creators?.length) issues.push({ path: "/creators", message: "is needed for the AI package's suppliedBy" });
  if (!card.urls?.download)
    issues.push({ path: "/urls/download", message: "is needed for the AI package's software_downloadLocation" });
  const check = (list: Dataset[] | undefined, base: string) =>
    list?.forEach((d, i) => {
      if (!d.url)
        issues.push({ path: `${base}/${i}/url`, message: "is needed for the dataset's software_downloadLocation" });
      if (!d.released)
        issues.push({
          path: `${base}/${i}/released`,
          message: "is needed for the dataset's builtTime and releaseTime",
        });
      if (!d.publisher)
        issues.push({ path: `${base}/${i}/publisher`, message: "is needed for the dataset's originatedBy" });
    });
  check(card.training?.datasets, "/training/datasets");
  check(card.evaluation?.benchmarks, "/evaluation/benchmarks");
  return issues;
}

/**
 * Renders a card as an SPDX 3.0.1 JSON-LD document with the AI and Dataset profiles.
 *
 * @param card - a valid model card; for the AI profile it needs `created` (or `updated`),
 *   `creators` and `urls.download`, and each dataset needs `url`, `released` and `publisher`
 * @param options - IRI namespace, creation time, whether profile fields are required
 * @returns the document as a plain object
 * @throws {@link CardError} `INVALID_CARD`; `PROFILE_VIOLATION` naming the card fields to fill
 * @example
 * ```ts
 * const doc = renderSpdx(card, { namespace: "https://example.com/spdx/sentiment/1.2.0/" });
 * ```
 */
export function renderSpdx(card: ModelCard, options: RenderSpdxOptions = {}): Json {
  assertCard(card);
  const requireProfile = options.requireProfileFields ?? true;
  if (requireProfile) {
    const missing = missingForProfiles(card);
    if (missing.length) {
      throw new CardError(
        "PROFILE_VIOLATION",
        summarizeIssues("the card lacks what the SPDX 3.0.1 AI/Dataset profiles require", missing),
        { issues: missing },
      );
    }
  }
  const created = options.created ?? card.updated ?? card.created;
  if (created === undefined) {
    throw new CardError(
      "PROFILE_VIOLATION",
      "an SPDX document needs a creation time: set card.created or options.created",
      {
        issues: [{ path: "/created", message: "is needed for CreationInfo.created" }],
      },
    );
  }
  const ns =
    options.namespace ?? `urn:modelproof:spdx:${encodeURIComponent(card.name)}:${encodeURIComponent(card.version)}:`;
  if (!/^(?!_:)[^\s]+:[^\s]*$/.test(ns)) throw new CardError("INVALID_ARGUMENT", "namespace must be an IRI prefix");
  const ci = "_:creationinfo";
  const graph: Json[] = [];
  const elements: string[] = [];
  const add = (e: Json) => {
    graph.push(e);
    if (typeof e.spdxId === "string") elements.push(e.spdxId);
    return e;
  };
  const tool = `${ns}tool/modelproof-card`;
  const agentIds: string[] = [];
  const agent = (c: Creator, id: string) => {
    const e: Json = {
      type: c.kind === "organization" ? "Organization" : "Person",
      spdxId: id,
      creationInfo: ci,
      name: c.name,
    };
    if (c.email)
      e.externalIdentifier = [{ type: "ExternalIdentifier", externalIdentifierType: "email", identifier: c.email }];
    if (c.url) e.externalRef = [{ type: "ExternalRef", externalRefType: "altWebPage", locator: [c.url] }];
    return e;
  };
  const creationInfo: Json = {
    type: "CreationInfo",
    "@id": ci,
    specVersion: "3.0.1",
    created: toUtcSeconds(created),
    createdBy: [] as string[],
    createdUsing: [tool],
  };
  graph.push(creationInfo);
  (card.creators ?? []).forEach((c, i) => {
    const id = `${ns}agent/${i}`;
    add(agent(c, id));
    agentIds.push(id);
  });
  const toolAgent = `${ns}agent/modelproof-card`;
  if (agentIds.length === 0)
    add({ type: "SoftwareAgent", spdxId: toolAgent, creationInfo: ci, name: "@modelproof/card" });
  creationInfo.createdBy = agentIds.length ? agentIds : [toolAgent];
  add({ type: "Tool", spdxId: tool, creationInfo: ci, name: "@modelproof/card" });

  const relationships: Json[] = [];
  let relN = 0;
  const rel = (from: string, type: string, to: string[]) => {
    if (to.length === 0) return;
    relationships.push({
      type: "Relationship",
      spdxId: `${ns}relationship/${relN++}`,
      creationInfo: ci,
      from,
      relationshipType: type,
      to,
    });
  };
  let licN = 0;
  const licenseIds = new Map<string, string>();
  const license = (expression: string): string | undefined => {
    if (checkSpdxExpression(expression) !== undefined) return undefined;
    let id = licenseIds.get(expression);
    if (!id) {
      id = `${ns}license/${licN++}`;
      licenseIds.set(expression, id);
      add({
        type: "simplelicensing_LicenseExpression",
        spdxId: id,
        creationInfo: ci,
        simplelicensing_licenseExpression: expression,
      });
    }
    return id;
  };

  const modelId = `${ns}model`;
  const model: Json = { type: "ai_AIPackage", spdxId: modelId, creationInfo: ci, name: card.name };
  put(model, "summary", card.summary);
  put(model, "description", card.description);
  put(model, "software_packageVersion", card.version);
  put(model, "software_downloadLocation", card.urls?.download);
  put(model, "software_homePage", card.urls?.homepage);
  model.software_primaryPurpose = "model";
  const releaseTime = card.created ?? card.updated;
  if (releaseTime) model.releaseTime = toUtcSeconds(releaseTime);
  const supplier = (card.creators ?? []).findIndex((c) => c.kind === "organization");
  if (agentIds.length) model.suppliedBy = agentIds[Math.max(supplier, 0)];
  put(model, "originatedBy", agentIds);
  put(model, "verifiedUsing", verified(card.hashes));
  const refs: Json[] = [];
  if (card.urls?.repository)
    refs.push({ type: "ExternalRef", externalRefType: "vcs", locator: [card.urls.repository] });
  if (card.urls?.documentation)
    refs.push({ type: "ExternalRef", externalRefType: "documentation", locator: [card.urls.documentation] });
  if (card.urls?.issues)
    refs.push({ type: "ExternalRef", externalRefType: "issueTracker", locator: [card.urls.issues] });
  if (card.provenance?.recordUrl) {
    refs.push({
      type: "ExternalRef",
      externalRefType: "secureSoftwareAttestation",
      locator: [card.provenance.recordUrl],
      comment: "provenance record",
    });
  }
  for (const s of card.signatures ?? []) {
    if (s.url)
      refs.push({
        type: "ExternalRef",
        externalRefType: "secureSoftwareAttestation",
        locator: [s.url],
        comment: `signature (${s.kind})`,
      });
  }
  for (const r of card.references ?? []) refs.push({ type: "ExternalRef", externalRefType: "other", locator: [r] });
  put(model, "externalRef", refs);
  if (card.provenance)
    model.comment = `Provenance root (${card.provenance.algorithm ?? "rfc9162-sha256"}): ${card.provenance.root}`;
  put(model, "ai_domain", card.task ? [card.task] : undefined);
  put(
    model,
    "ai_typeOfModel",
    [card.architecture?.family, card.architecture?.name].filter((x): x is string => !!x),
  );
  put(
    model,
    "ai_hyperparameter",
    Object.entries(card.training?.procedure?.hyperparameters ?? {}).map(([key, value]) => ({
      type: "DictionaryEntry",
      key,
      value: String(value),
    })),
  );
  const use = card.intendedUse;
  const application = [
    ...(use?.primary ?? []).map((u) => `Primary use: ${u}`),
    ...(use?.secondary ?? []).map((u) => `Secondary use: ${u}`),
    ...(use?.outOfScope ?? []).map((u) => `Out of scope: ${u}`),
    ...(use?.users ?? []).map((u) => `Intended users: ${u}`),
  ];
  put(model, "ai_informationAboutApplication", application.length ? application.join("\n") : undefined);
  const proc = card.training?.procedure;
  const trainingInfo = [
    proc?.method,
    proc?.description,
    proc?.duration ? `Duration: ${proc.duration}` : undefined,
  ].filter(Boolean);
  put(model, "ai_informationAboutTraining", trainingInfo.length ? trainingInfo.join("\n") : undefined);
  put(model, "ai_limitation", card.limitations?.length ? card.limitations.join("\n") : undefined);
  put(
    model,
    "ai_metric",
    (card.evaluation?.metrics ?? []).map((m) => ({
      type: "DictionaryEntry",
      key: [m.name ?? m.type, m.dataset, m.split, m.slice].filter(Boolean).join(" / "),
      value: m.confidence ? `${m.value} [${m.confidence.lower}, ${m.confidence.upper}]` : String(m.value),
    })),
  );
  put(model, "ai_modelDataPreprocessing", card.training?.preprocessing);
  put(model, "ai_safetyRiskAssessment", card.safetyRiskAssessment);
  if (card.usesPersonalInformation !== undefined)
    model.ai_useSensitivePersonalInformation = card.usesPersonalInformation ? "yes" : "no";
  const energy = card.training?.compute?.energyKwh;
  if (energy !== undefined) {
    model.ai_energyConsumption = {
      type: "ai_EnergyConsumption",
      ai_trainingEnergyConsumption: [
        { type: "ai_EnergyConsumptionDescription", ai_energyQuantity: energy, ai_energyUnit: "kilowattHour" },
      ],
    };
  }
  add(model);
  const modelLicense = license(card.license);
  if (modelLicense) rel(modelId, "hasDeclaredLicense", [modelLicense]);

  const dataset = (d: Dataset, id: string) => {
    const e: Json = { type: "dataset_DatasetPackage", spdxId: id, creationInfo: ci, name: d.name };
    put(e, "description", d.description);
    put(e, "software_packageVersion", d.version);
    put(e, "software_downloadLocation", d.url);
    e.software_primaryPurpose = "data";
    if (d.released) {
      e.builtTime = toUtcSeconds(d.released);
      e.releaseTime = toUtcSeconds(d.released);
    }
    if (d.publisher) {
      const pid = `${id}/publisher`;
      add({ type: "Organization", spdxId: pid, creationInfo: ci, name: d.publisher });
      e.originatedBy = [pid];
    }
    put(e, "verifiedUsing", verified(d.hashes));
    e.dataset_datasetType = d.types?.length ? d.types : ["noAssertion"];
    put(e, "dataset_datasetSize", d.sizeBytes);
    if (d.sensitiveData?.length) e.dataset_hasSensitivePersonalInformation = "yes";
    add(e);
    if (d.license) {
      const lid = license(d.license);
      if (lid) rel(id, "hasDeclaredLicense", [lid]);
    }
    return id;
  };
  const trained = (card.training?.datasets ?? []).map((d, i) => dataset(d, `${ns}dataset/training/${i}`));
  const tested = (card.evaluation?.benchmarks ?? []).map((d, i) => dataset(d, `${ns}dataset/evaluation/${i}`));
  rel(modelId, "trainedOn", trained);
  rel(modelId, "testedOn", tested);

  const bases = (card.lineage?.baseModels ?? []).map((b, i) => {
    const id = `${ns}base-model/${i}`;
    const e: Json = {
      type: "software_Package",
      spdxId: id,
      creationInfo: ci,
      name: b.id,
      software_primaryPurpose: "model",
    };
    put(e, "software_packageVersion", b.version);
    put(e, "software_downloadLocation", b.url);
    add(e);
    return id;
  });
  rel(modelId, "descendantOf", bases);

  const files = (card.artifacts ?? []).map((a, i) => {
    const id = `${ns}file/${i}`;
    add({
      type: "software_File",
      spdxId: id,
      creationInfo: ci,
      name: a.path,
      verifiedUsing: verified(a.hashes),
      software_primaryPurpose: "model",
    });
    return id;
  });
  rel(modelId, "contains", files);

  const depIds = new Map<string, string>();
  const deps = (card.software?.dependencies ?? []).map((d, i) => {
    const id = `${ns}package/${i}`;
    const e: Json = {
      type: "software_Package",
      spdxId: id,
      creationInfo: ci,
      name: d.name,
      software_primaryPurpose: "library",
    };
    put(e, "software_packageVersion", d.version);
    put(e, "software_packageUrl", d.purl);
    put(e, "verifiedUsing", verified(d.hashes));
    add(e);
    depIds.set(d.name, id);
    if (d.purl) depIds.set(d.purl, id);
    if (d.license) {
      const lid = license(d.license);
      if (lid) rel(id, "hasDeclaredLicense", [lid]);
    }
    return id;
  });
  rel(modelId, "dependsOn", deps);
  (card.software?.vulnerabilities ?? []).forEach((v, i) => {
    const id = `${ns}vulnerability/${i}`;
    const e: Json = { type: "security_Vulnerability", spdxId: id, creationInfo: ci, name: v.id };
    put(e, "description", v.description);
    e.externalIdentifier = [
      {
        type: "ExternalIdentifier",
        externalIdentifierType: /^CVE-/.test(v.id) ? "cve" : "securityOther",
        identifier: v.id,
      },
    ];
    if (v.url) e.externalRef = [{ type: "ExternalRef", externalRefType: "securityAdvisory", locator: [v.url] }];
    add(e);
    for (const a of v.affects) {
      const target = depIds.get(a);
      if (target) rel(target, "hasAssociatedVulnerability", [id]);
    }
  });
  for (const r of relationships) add(r);

  const docLicense = license("CC0-1.0")!;
  const profiles = ["core", "software", "simpleLicensing", "ai", "dataset"];
  if (card.software?.vulnerabilities.length) profiles.push("security");
  graph.push({
    type: "SpdxDocument",
    spdxId: `${ns}document`,
    creationInfo: ci,
    name: `${card.name} ${card.version}`,
    dataLicense: docLicense,
    profileConformance: profiles,
    rootElement: [modelId],
    element: elements,
  });
  const doc: Json = { "@context": SPDX_CONTEXT, "@graph": graph };
  if (requireProfile) {
    const issues = checkSpdxProfiles(doc);
    if (issues.length)
      throw new CardError("PROFILE_VIOLATION", summarizeIssues("SPDX AI/Dataset profile check failed", issues), {
        issues,
      });
  }
  return doc;
}
