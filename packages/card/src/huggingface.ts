/**
 * Hugging Face model card (`README.md`): YAML front matter with the Hub's metadata keys (hub-docs
 * `modelcard.md`; `huggingface_hub` `ModelCardData`, `model-index` in the PapersWithCode results
 * format) and a markdown body laid out like the Hub's model card template. The body doubles as the
 * human-readable card page.
 *
 * What a README carries back into a card is listed in the package README ("Round trips"); sections
 * rendered only for people are marked with {@link GENERATED_MARKER} and are not read back, and any
 * front-matter key or section this module does not know is kept (`extensions.huggingface`,
 * `additionalSections`), never dropped.
 */

import { CardError } from "./errors.js";
import { huggingFaceToSpdx, spdxToHuggingFace } from "./license.js";
import { DEFAULT_INPUT_LIMITS, type InputLimits, parseYamlBounded } from "./limits.js";
import {
  bullet,
  cell,
  escapeBlock,
  paragraphs,
  readBullets,
  splitSections,
  trimBlank,
  unescapeBlock,
} from "./markdown.js";
import {
  CARD_SCHEMA_VERSION,
  type Creator,
  type Dataset,
  type LineageRelation,
  type Metric,
  type ModelCard,
} from "./types.js";
import { assertCard } from "./validate.js";
import { stringifyYaml } from "./yaml-out.js";

/** HTML comment put under headings whose content is generated from the card and not read back. */
export const GENERATED_MARKER = "<!-- modelproof:generated -->";

/** Front-matter keys this module maps; every other key goes to `extensions.huggingface`. */
export const HUGGING_FACE_KEYS = [
  "language",
  "license",
  "license_name",
  "license_link",
  "library_name",
  "tags",
  "datasets",
  "metrics",
  "base_model",
  "base_model_relation",
  "pipeline_tag",
  "co2_eq_emissions",
  "model-index",
] as const;

/** Suffix of `extensions.huggingface` keys that hold data kept from a parse but not written back. */
const UNMAPPED_SUFFIX = ":unmapped";
const HF_RELATIONS: readonly string[] = ["adapter", "merge", "quantized", "finetune"];
const PLACEHOLDER = /^\[?more information needed\]?$/i;
const FRONT_MATTER = /^\uFEFF?(\s*---[ \t]*(?:\r\n|\r|\n))([\s\S]*?)((?:\r\n|\r|\n)---[ \t]*(?:\r\n|\n|$))/;

/** Labels of `- **Label:** value` bullets in "Model Details" that are read back. */
const DETAIL_LABELS = {
  version: "Version",
  creators: "Developed by",
  created: "Created",
  updated: "Updated",
  family: "Architecture family",
  architecture: "Architecture",
} as const;
/** Labels the renderer writes in "Model Details" whose value the front matter already carries. */
const REDUNDANT_LABELS = new Set(["language(s)", "language(s) (nlp)", "license", "finetuned from model"]);

// ---------------------------------------------------------------------------------------------
// rendering
// ---------------------------------------------------------------------------------------------

function frontMatter(card: ModelCard): Record<string, unknown> {
  const fm: Record<string, unknown> = {};
  if (card.languages?.length) fm.language = card.languages;
  const lic = spdxToHuggingFace(card.license, card.licenseUrl);
  fm.license = lic.license;
  if (lic.licenseName !== undefined) fm.license_name = lic.licenseName;
  if (lic.licenseLink !== undefined) fm.license_link = lic.licenseLink;
  if (card.libraryName) fm.library_name = card.libraryName;
  if (card.tags?.length) fm.tags = card.tags;
  const trainSets = card.training?.datasets ?? [];
  if (trainSets.length) fm.datasets = trainSets.map((d) => d.id ?? d.name);
  const metricTypes = [...new Set((card.evaluation?.metrics ?? []).map((m) => m.type))];
  if (metricTypes.length) fm.metrics = metricTypes;
  const bases = card.lineage?.baseModels ?? [];
  if (bases.length) fm.base_model = bases.length === 1 ? bases[0]!.id : bases.map((b) => b.id);
  if (card.lineage?.relation && HF_RELATIONS.includes(card.lineage.relation)) {
    fm.base_model_relation = card.lineage.relation;
  }
  if (card.task) fm.pipeline_tag = card.task;
  const compute = card.training?.compute;
  if (compute?.co2eqKg !== undefined) {
    const co2: Record<string, unknown> = { emissions: roundSig(compute.co2eqKg * 1000) };
    if (compute.region) co2.geographical_location = compute.region;
    if (compute.hardware) co2.hardware_used = compute.hardware;
    fm.co2_eq_emissions = co2;
  }
  const index = modelIndex(card);
  if (index) fm["model-index"] = index;
  for (const [k, v] of Object.entries(card.extensions?.huggingface ?? {})) {
    if (k === "metrics" && Array.isArray(v)) fm.metrics = [...new Set([...((fm.metrics as string[]) ?? []), ...v])];
    else if (!(k in fm) && !k.endsWith(UNMAPPED_SUFFIX)) fm[k] = v;
  }
  return fm;
}

function roundSig(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}

function modelIndex(card: ModelCard): unknown[] | undefined {
  const metrics = (card.evaluation?.metrics ?? []).filter((m) => m.dataset !== undefined);
  if (metrics.length === 0) return undefined;
  const datasets = new Map<string, Dataset>();
  for (const d of [...(card.evaluation?.benchmarks ?? []), ...(card.training?.datasets ?? [])]) {
    if (!datasets.has(d.name)) datasets.set(d.name, d);
  }
  // Consecutive metrics on the same dataset and split form one result, so that parsing gives the
  // metrics back in their original order.
  const groups: { key: string; dataset: Dataset; split?: string; metrics: Metric[] }[] = [];
  for (const m of metrics) {
    const key = JSON.stringify([m.dataset, m.split ?? null]);
    let g = groups[groups.length - 1];
    if (!g || g.key !== key) {
      g = { key, dataset: datasets.get(m.dataset!) ?? { name: m.dataset! }, metrics: [] };
      if (m.split !== undefined) g.split = m.split;
      groups.push(g);
    }
    g.metrics.push(m);
  }
  const results = groups.map((g) => {
    const dataset: Record<string, unknown> = { name: g.dataset.name, type: g.dataset.id ?? g.dataset.name };
    if (g.split !== undefined) dataset.split = g.split;
    if (g.dataset.version !== undefined) dataset.revision = g.dataset.version;
    return {
      task: { type: card.task ?? "other" },
      dataset,
      metrics: g.metrics.map((m) => {
        const out: Record<string, unknown> = { type: m.type, value: m.value };
        if (m.name !== undefined) out.name = m.name;
        if (m.verified !== undefined) out.verified = m.verified;
        return out;
      }),
    };
  });
  return [{ name: card.name, results }];
}

function creatorText(c: Creator): string {
  let s = c.name;
  if (c.email) s += ` <${c.email}>`;
  if (c.url) s += ` (${c.url})`;
  return s;
}

function field(label: string, value: string): string {
  return bullet(`**${label}:** ${value}`);
}

function list(items: string[] | undefined): string[] {
  return (items ?? []).map((i) => bullet(i));
}

function section(out: string[], heading: string, body: string[], generated = false): void {
  if (body.length === 0) return;
  out.push("", heading, "");
  if (generated) out.push(GENERATED_MARKER, "");
  out.push(...body);
}

function fmt(n: number): string {
  return String(n);
}

/**
 * Renders a card as a Hugging Face `README.md`: front matter (license, language, library_name, tags,
 * datasets, metrics, base_model, pipeline_tag, co2_eq_emissions, model-index) and a markdown body in
 * the layout of the Hub's model card template.
 *
 * @param card - a valid model card
 * @returns the README text (LF line endings, ends with a newline)
 * @throws {@link CardError} `INVALID_CARD` when the card does not validate
 * @example
 * ```ts
 * const readme = renderHuggingFaceReadme(card);
 * ```
 */
export function renderHuggingFaceReadme(card: ModelCard): string {
  assertCard(card);
  const out: string[] = ["---", stringifyYaml(frontMatter(card)).trimEnd(), "---", "", `# ${escapeBlock(card.name)}`];
  if (card.summary) out.push("", escapeBlock(card.summary));
  if (card.description) out.push("", escapeBlock(card.description));

  const details: string[] = [];
  details.push(field(DETAIL_LABELS.version, card.version));
  if (card.creators?.length) details.push(field(DETAIL_LABELS.creators, card.creators.map(creatorText).join("; ")));
  if (card.created) details.push(field(DETAIL_LABELS.created, card.created));
  if (card.updated) details.push(field(DETAIL_LABELS.updated, card.updated));
  if (card.architecture?.family) details.push(field(DETAIL_LABELS.family, card.architecture.family));
  if (card.architecture?.name) details.push(field(DETAIL_LABELS.architecture, card.architecture.name));
  if (card.languages?.length) details.push(field("Language(s)", card.languages.join(", ")));
  details.push(field("License", card.licenseName ? `${card.license} (${card.licenseName})` : card.license));
  if (card.lineage?.baseModels?.length) {
    details.push(field("Finetuned from model", card.lineage.baseModels.map((b) => b.id).join(", ")));
  }
  section(out, "## Model Details", details);

  const use = card.intendedUse;
  const useParts: [string, string[] | undefined][] = [
    ["### Direct Use", use?.primary],
    ["### Downstream Use", use?.secondary],
    ["### Out-of-Scope Use", use?.outOfScope],
    ["### Intended Users", use?.users],
  ];
  if (useParts.some(([, v]) => v?.length)) {
    out.push("", "## Uses");
    for (const [h, v] of useParts) section(out, h, list(v));
  }

  const hasRisks = (card.limitations?.length ?? 0) + (card.ethicalConsiderations?.length ?? 0) > 0;
  if (hasRisks) {
    out.push("", "## Bias, Risks, and Limitations");
    if (card.limitations?.length) out.push("", ...list(card.limitations));
    section(
      out,
      "### Risks and Mitigations",
      (card.ethicalConsiderations ?? []).map((e) =>
        bullet(e.mitigation ? `${e.risk} — Mitigation: ${e.mitigation}` : e.risk),
      ),
    );
  }

  const training = card.training;
  if (training) {
    out.push("", "## Training Details");
    const data: string[] = (training.datasets ?? []).map((d) => bullet(datasetLine(d)));
    section(out, "### Training Data", data, true);
    const proc: string[] = [];
    if (training.procedure?.method) proc.push(field("Method", training.procedure.method));
    if (training.procedure?.duration) proc.push(field("Duration", training.procedure.duration));
    if (training.procedure?.description) proc.push("", escapeBlock(training.procedure.description));
    const hp = Object.entries(training.procedure?.hyperparameters ?? {}).map(([k, v]) =>
      bullet(`**${k}:** ${JSON.stringify(v)}`),
    );
    if (proc.length || hp.length || training.preprocessing?.length) {
      out.push("", "### Training Procedure");
      section(out, "#### Preprocessing", list(training.preprocessing));
      section(out, "#### Training Hyperparameters", hp);
      section(out, "#### Procedure Details", proc, true);
    }
  }

  const evaluation = card.evaluation;
  if (evaluation?.metrics?.length || evaluation?.benchmarks?.length) {
    const body: string[] = [];
    if (evaluation.benchmarks?.length) body.push(...evaluation.benchmarks.map((d) => bullet(datasetLine(d))), "");
    if (evaluation.metrics?.length) {
      body.push(
        "| Metric | Value | Dataset | Split | Slice | Confidence interval |",
        "| --- | --- | --- | --- | --- | --- |",
      );
      for (const m of evaluation.metrics) {
        const ci = m.confidence
          ? `[${fmt(m.confidence.lower)}, ${fmt(m.confidence.upper)}]${m.confidence.level ? ` (${fmt(m.confidence.level * 100)}%)` : ""}`
          : "";
        body.push(
          `| ${cell(m.name ?? m.type)} | ${fmt(m.value)}${m.verified ? " (verified)" : ""} | ${cell(m.dataset ?? "")} | ${cell(m.split ?? "")} | ${cell(m.slice ?? "")} | ${ci} |`,
        );
      }
    }
    section(out, "## Evaluation", trimBlank(body), true);
  }

  const compute = training?.compute;
  if (compute) {
    const env: string[] = [];
    if (compute.hardware)
      env.push(
        field(
          "Hardware Type",
          compute.hardwareCount ? `${compute.hardwareCount} × ${compute.hardware}` : compute.hardware,
        ),
      );
    if (compute.hours !== undefined) env.push(field("Hours used", fmt(compute.hours)));
    if (compute.provider) env.push(field("Cloud Provider", compute.provider));
    if (compute.region) env.push(field("Compute Region", compute.region));
    if (compute.energyKwh !== undefined) env.push(field("Energy", `${fmt(compute.energyKwh)} kWh`));
    if (compute.co2eqKg !== undefined) env.push(field("Carbon Emitted", `${fmt(compute.co2eqKg)} kg CO2eq`));
    section(out, "## Environmental Impact", env, true);
  }

  const tech: string[] = [];
  if (card.approach) tech.push(field("Training approach", card.approach));
  const io = card.ioSignature;
  if (io?.inputFormat) tech.push(field("Input format", io.inputFormat));
  if (io?.outputFormat) tech.push(field("Output format", io.outputFormat));
  for (const f of io?.inputs ?? []) tech.push(bullet(`Input ${ioText(f)}`));
  for (const f of io?.outputs ?? []) tech.push(bullet(`Output ${ioText(f)}`));
  if (card.tradeoffs?.length) tech.push(...card.tradeoffs.map((t) => bullet(`Trade-off: ${t}`)));
  if (card.safetyRiskAssessment) tech.push(field("Safety risk assessment", card.safetyRiskAssessment));
  if (card.usesPersonalInformation !== undefined) {
    tech.push(field("Trained on personal information", card.usesPersonalInformation ? "yes" : "no"));
  }
  section(out, "## Technical Specifications", tech, true);

  const integrity: string[] = [];
  for (const h of card.hashes ?? []) integrity.push(field(`Model ${h.alg}`, `\`${h.value}\``));
  for (const a of card.artifacts ?? []) {
    integrity.push(
      bullet(
        `\`${a.path}\`${a.size !== undefined ? ` (${a.size} bytes)` : ""}: ${a.hashes.map((h) => `${h.alg} \`${h.value}\``).join(", ")}`,
      ),
    );
  }
  if (card.provenance) {
    integrity.push(
      field(
        "Provenance root",
        `\`${card.provenance.root}\`${card.provenance.algorithm ? ` (${card.provenance.algorithm})` : ""}`,
      ),
    );
    if (card.provenance.recordUrl) integrity.push(field("Provenance record", card.provenance.recordUrl));
  }
  for (const s of card.signatures ?? []) {
    const where = [s.path, s.url].filter(Boolean).join(", ");
    integrity.push(
      field(
        `Signature (${s.kind})`,
        [where, s.identity ? `signed by ${s.identity}` : ""].filter(Boolean).join("; ") || "present",
      ),
    );
  }
  section(out, "## Provenance and Integrity", integrity, true);

  const sw = card.software;
  if (sw && (sw.dependencies.length || sw.vulnerabilities.length)) {
    const body = sw.dependencies.map((d) =>
      bullet(
        `${d.name}${d.version ? ` ${d.version}` : d.versionSpec ? ` ${d.versionSpec}` : ""} (${d.ecosystem}${d.license ? `, ${d.license}` : ""})`,
      ),
    );
    body.push(
      "",
      sw.vulnerabilities.length
        ? `Known vulnerabilities: ${sw.vulnerabilities.map((v) => v.id).join(", ")}`
        : "Known vulnerabilities: none",
    );
    section(out, "## Software Dependencies", body, true);
  }

  const maint: string[] = [];
  const m = card.maintenance;
  if (m?.versioning) maint.push(field("Versioning", m.versioning));
  if (m?.updateFrequency) maint.push(field("Update frequency", m.updateFrequency));
  if (m?.contact) maint.push(field("Contact", m.contact));
  for (const h of card.lineage?.history ?? [])
    maint.push(bullet(`${h.version}${h.date ? ` (${h.date})` : ""}: ${h.changes}`));
  for (const [k, v] of Object.entries(card.urls ?? {})) maint.push(field(k[0]!.toUpperCase() + k.slice(1), v));
  for (const r of card.references ?? []) maint.push(field("Reference", r));
  section(out, "## More Information", maint, true);

  for (const c of card.citations ?? []) {
    out.push(
      "",
      "## Citation",
      "",
      `\`\`\`${c.style ?? ""}`,
      ...c.text.split("\n").map((l) => l.replace(/^(```|~~~)/, " $1")),
      "```",
    );
  }
  for (const s of card.additionalSections ?? []) section(out, `## ${s.title}`, [s.body]);
  return `${out.join("\n")}\n`;
}

function datasetLine(d: Dataset): string {
  const bits: string[] = [];
  if (d.id && d.id !== d.name) bits.push(`id ${d.id}`);
  if (d.version) bits.push(`version ${d.version}`);
  if (d.records !== undefined) bits.push(`${d.records} records`);
  if (d.sizeBytes !== undefined) bits.push(`${d.sizeBytes} bytes`);
  if (d.license) bits.push(`licence ${d.license}`);
  for (const h of d.hashes ?? []) bits.push(`${h.alg} ${h.value}`);
  let s = `**${d.name}**${bits.length ? ` (${bits.join("; ")})` : ""}`;
  if (d.url) s += ` — ${d.url}`;
  if (d.description) s += `: ${d.description}`;
  return s;
}

function ioText(f: {
  name?: string;
  type: string;
  dtype?: string;
  shape?: number[];
  required?: boolean;
  description?: string;
}): string {
  let s = `${f.name ? `\`${f.name}\`: ` : ""}${f.type}`;
  if (f.dtype) s += ` ${f.dtype}`;
  if (f.shape) s += ` [${f.shape.join(", ")}]`;
  if (f.required === false) s += " (optional)";
  if (f.description) s += ` — ${f.description}`;
  return s;
}

// ---------------------------------------------------------------------------------------------
// parsing
// ---------------------------------------------------------------------------------------------

/** Options of {@link parseHuggingFaceReadme}. */
export interface ParseHuggingFaceOptions {
  /** Card fields to use when the README does not give them (e.g. `{ version: "1.0.0" }`). */
  defaults?: Partial<ModelCard>;
  /** Input limits (size, nesting, YAML nodes); defaults to {@link DEFAULT_INPUT_LIMITS}. */
  limits?: InputLimits;
}

type Issues = { path: string; message: string }[];

function asStringList(v: unknown, path: string, issues: Issues): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  issues.push({ path, message: "must be a string or a list of strings" });
  return undefined;
}

function asString(v: unknown, path: string, issues: Issues): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v;
  issues.push({ path, message: "must be a string" });
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function parseCreators(text: string): Creator[] {
  return text
    .split(/;\s*/)
    .filter((s) => s.trim() !== "")
    .map((s) => {
      // "Name <email> (url)", taken apart from the end with string operations (no regex backtracking).
      let rest = s.trim();
      const c: Partial<Creator> = {};
      if (rest.endsWith(")")) {
        const open = rest.lastIndexOf(" (");
        const url = open >= 0 ? rest.slice(open + 2, -1) : "";
        if (/^[a-z][a-z0-9+.-]*:\S*$/i.test(url)) {
          c.url = url;
          rest = rest.slice(0, open).trimEnd();
        }
      }
      if (rest.endsWith(">")) {
        const open = rest.lastIndexOf(" <");
        const email = open >= 0 ? rest.slice(open + 2, -1) : "";
        if (email !== "" && !/[<>\s]/.test(email)) {
          c.email = email;
          rest = rest.slice(0, open).trimEnd();
        }
      }
      return { name: rest, ...c };
    });
}

/** `key: value` or `` `key`: value `` split at the first colon, as [whole, key, value]. */
function plainKeyValue(t: string): [string, string, string] | undefined {
  const colon = t.indexOf(":");
  if (colon <= 0) return undefined;
  const key = t
    .slice(0, colon)
    .trim()
    .replace(/^`(.*)`$/, "$1");
  if (key === "" || key.includes("`")) return undefined;
  return [t, key, t.slice(colon + 1).trim()];
}

function normalTitle(t: string): string {
  return t
    .toLowerCase()
    .replace(/\[optional\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function meaningful(lines: string[]): string[] {
  const body = trimBlank(lines);
  return body.every((l) => l.trim() === "" || PLACEHOLDER.test(l.trim()) || /^<!--.*-->$/.test(l.trim())) ? [] : body;
}

/**
 * Parses a Hugging Face `README.md` into a card: front matter keys, the H1 title, the opening
 * paragraphs and the template's sections (uses, limitations, risks, preprocessing,
 * hyperparameters, citation, model details). Unknown front-matter keys go to
 * `extensions.huggingface` and unknown sections to `additionalSections`; nothing is dropped.
 *
 * @param readme - the README text
 * @param options - defaults for fields the README lacks (a card needs `version` and `license`), limits
 * @returns a valid card
 * @throws {@link CardError} `INPUT_TOO_LARGE`, `INVALID_YAML` (anchors, aliases, tags, malformed),
 *   `INVALID_DOCUMENT` (front matter of the wrong shape), `INVALID_CARD` (the result does not validate)
 * @example
 * ```ts
 * const card = parseHuggingFaceReadme(readmeText, { defaults: { version: "1.0.0" } });
 * ```
 */
export function parseHuggingFaceReadme(readme: string, options: ParseHuggingFaceOptions = {}): ModelCard {
  const limits = { ...DEFAULT_INPUT_LIMITS, ...options.limits };
  if (readme.length > limits.maxBytes * 4) {
    throw new CardError("INPUT_TOO_LARGE", `README is larger than the limit of ${limits.maxBytes} bytes`);
  }
  const fmMatch = FRONT_MATTER.exec(readme);
  let fm: Record<string, unknown> = {};
  let body = readme;
  if (fmMatch) {
    const firstLine = fmMatch[1]!.split(/\r\n|\r|\n/).length;
    const parsed = parseYamlBounded(fmMatch[2]!, "README front matter", { ...limits, firstLine });
    if (parsed !== null && parsed !== undefined && !isRecord(parsed)) {
      throw new CardError("INVALID_DOCUMENT", "README front matter must be a YAML mapping", {
        issues: [{ path: "", message: "must be a mapping" }],
      });
    }
    fm = (parsed as Record<string, unknown> | null) ?? {};
    body = readme.slice(fmMatch[0].length);
  } else if (readme.length > limits.maxBytes) {
    throw new CardError("INPUT_TOO_LARGE", `README is larger than the limit of ${limits.maxBytes} bytes`);
  }
  if (body.length > limits.maxBytes) {
    throw new CardError("INPUT_TOO_LARGE", `README body is larger than the limit of ${limits.maxBytes} bytes`);
  }

  const issues: Issues = [];
  const card: Record<string, unknown> = {};
  const extensions: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fm)) {
    if (!(HUGGING_FACE_KEYS as readonly string[]).includes(k)) extensions[k] = v;
  }

  const languages = asStringList(fm.language, "/language", issues);
  if (languages?.length) card.languages = languages;
  const license = asString(fm.license, "/license", issues);
  if (license !== undefined) {
    const lic = huggingFaceToSpdx({
      license,
      ...(typeof fm.license_name === "string" ? { licenseName: fm.license_name } : {}),
      ...(typeof fm.license_link === "string" ? { licenseLink: fm.license_link } : {}),
    });
    card.license = lic.license;
    if (lic.url !== undefined) card.licenseUrl = lic.url;
  }
  asString(fm.license_name, "/license_name", issues);
  asString(fm.license_link, "/license_link", issues);
  const library = asString(fm.library_name, "/library_name", issues);
  if (library) card.libraryName = library;
  const tags = asStringList(fm.tags, "/tags", issues);
  if (tags?.length) card.tags = tags;
  const task = asString(fm.pipeline_tag, "/pipeline_tag", issues);
  if (task) card.task = task;
  const bases = asStringList(fm.base_model, "/base_model", issues);
  const relation = asString(fm.base_model_relation, "/base_model_relation", issues);
  if (bases?.length || relation) {
    const lineage: Record<string, unknown> = {};
    if (bases?.length) lineage.baseModels = bases.map((id) => ({ id }));
    if (relation) lineage.relation = relation as LineageRelation;
    card.lineage = lineage;
  }
  const training: Record<string, unknown> = {};
  const trainIds = asStringList(fm.datasets, "/datasets", issues);
  if (trainIds?.length) training.datasets = trainIds.map((id) => ({ name: id, id }));
  if (fm.co2_eq_emissions !== undefined) {
    const co2 = fm.co2_eq_emissions;
    const compute: Record<string, unknown> = {};
    if (typeof co2 === "number") compute.co2eqKg = roundSig(co2 / 1000);
    else if (isRecord(co2)) {
      if (typeof co2.emissions === "number") compute.co2eqKg = roundSig(co2.emissions / 1000);
      else issues.push({ path: "/co2_eq_emissions/emissions", message: "must be a number (grams)" });
      if (typeof co2.geographical_location === "string") compute.region = co2.geographical_location;
      if (typeof co2.hardware_used === "string") compute.hardware = co2.hardware_used;
      const rest = Object.fromEntries(
        Object.entries(co2).filter(([k]) => !["emissions", "geographical_location", "hardware_used"].includes(k)),
      );
      if (Object.keys(rest).length) extensions.co2_eq_emissions = rest;
    } else issues.push({ path: "/co2_eq_emissions", message: "must be a number or a mapping" });
    training.compute = compute;
  }

  const evaluation = readModelIndex(fm["model-index"], issues, extensions);
  const declaredMetrics = asStringList(fm.metrics, "/metrics", issues) ?? [];
  const measured = new Set((evaluation.metrics ?? []).map((m) => m.type));
  const unmeasured = declaredMetrics.filter((m) => !measured.has(m));
  if (unmeasured.length) extensions.metrics = unmeasured;
  if (evaluation.name && !card.name) card.name = evaluation.name;

  if (issues.length) {
    throw new CardError("INVALID_DOCUMENT", `README front matter has ${issues.length} problem(s)`, { issues });
  }

  readBody(body, card, training);
  if (evaluation.metrics?.length || evaluation.benchmarks?.length) {
    const ev: Record<string, unknown> = {};
    if (evaluation.benchmarks?.length) ev.benchmarks = evaluation.benchmarks;
    if (evaluation.metrics?.length) ev.metrics = evaluation.metrics;
    card.evaluation = ev;
  }
  if (Object.keys(training).length) card.training = { ...training, ...(card.training as object) };
  if (Object.keys(extensions).length) card.extensions = { huggingface: extensions };

  const result = { schemaVersion: CARD_SCHEMA_VERSION, ...options.defaults, ...card } as Record<string, unknown>;
  for (const [k, v] of Object.entries(options.defaults ?? {})) if (result[k] === undefined) result[k] = v;
  const ordered = { schemaVersion: CARD_SCHEMA_VERSION, name: result.name, version: result.version, ...result };
  assertCard(ordered);
  return ordered;
}

function readModelIndex(
  raw: unknown,
  issues: Issues,
  extensions: Record<string, unknown>,
): { name?: string; metrics?: Metric[]; benchmarks?: Dataset[] } {
  if (raw === undefined || raw === null) return {};
  if (!Array.isArray(raw)) {
    issues.push({ path: "/model-index", message: "must be a list" });
    return {};
  }
  const metrics: Metric[] = [];
  const benchmarks = new Map<string, Dataset>();
  let name: string | undefined;
  const extra: unknown[] = [];
  raw.forEach((entry, i) => {
    const p = `/model-index/${i}`;
    if (!isRecord(entry)) {
      issues.push({ path: p, message: "must be a mapping" });
      return;
    }
    if (typeof entry.name === "string" && name === undefined) name = entry.name;
    if (!Array.isArray(entry.results)) {
      issues.push({ path: `${p}/results`, message: "must be a list" });
      return;
    }
    entry.results.forEach((r, j) => {
      const rp = `${p}/results/${j}`;
      if (!isRecord(r)) {
        issues.push({ path: rp, message: "must be a mapping" });
        return;
      }
      const ds = r.dataset;
      if (!isRecord(ds) || typeof ds.name !== "string" || typeof ds.type !== "string") {
        issues.push({ path: `${rp}/dataset`, message: "must have string 'name' and 'type'" });
        return;
      }
      const d: Dataset = { name: ds.name };
      if (ds.type !== ds.name) d.id = ds.type;
      if (typeof ds.revision === "string") d.version = ds.revision;
      if (!benchmarks.has(d.name)) benchmarks.set(d.name, d);
      const leftovers: Record<string, unknown> = {};
      for (const k of Object.keys(ds))
        if (!["name", "type", "split", "revision"].includes(k)) leftovers[`dataset.${k}`] = ds[k];
      if (isRecord(r.task) && typeof r.task.name === "string") leftovers["task.name"] = r.task.name;
      if (r.source !== undefined) leftovers.source = r.source;
      if (!Array.isArray(r.metrics)) {
        issues.push({ path: `${rp}/metrics`, message: "must be a list" });
        return;
      }
      r.metrics.forEach((m, k) => {
        const mp = `${rp}/metrics/${k}`;
        if (!isRecord(m) || typeof m.type !== "string") {
          issues.push({ path: `${mp}/type`, message: "must be a string" });
          return;
        }
        const value =
          typeof m.value === "string" && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(m.value.trim())
            ? Number(m.value)
            : m.value;
        if (typeof value !== "number" || !Number.isFinite(value)) {
          issues.push({ path: `${mp}/value`, message: "must be a number" });
          return;
        }
        const metric: Metric = { type: m.type, value, dataset: d.name };
        if (typeof m.name === "string") metric.name = m.name;
        if (typeof ds.split === "string") metric.split = ds.split;
        if (typeof m.verified === "boolean") metric.verified = m.verified;
        for (const key of Object.keys(m))
          if (!["type", "value", "name", "verified"].includes(key)) leftovers[`metric.${k}.${key}`] = m[key];
        metrics.push(metric);
      });
      if (Object.keys(leftovers).length) extra.push({ result: j, ...leftovers });
    });
  });
  if (extra.length) extensions[`model-index${UNMAPPED_SUFFIX}`] = extra;
  const out: { name?: string; metrics?: Metric[]; benchmarks?: Dataset[] } = {};
  if (name !== undefined) out.name = name;
  if (metrics.length) out.metrics = metrics;
  if (benchmarks.size) out.benchmarks = [...benchmarks.values()];
  return out;
}

function readBody(body: string, card: Record<string, unknown>, training: Record<string, unknown>): void {
  const { preamble, sections } = splitSections(body);
  const additional: { title: string; body: string }[] = [];
  const intended: Record<string, string[]> = {};
  let generatedLevel: number | undefined;
  let sawTitle = false;
  const leading: string[] = [...preamble];

  for (const s of sections) {
    if (generatedLevel !== undefined && s.level > generatedLevel) continue;
    generatedLevel = undefined;
    const body = trimBlank(s.lines);
    if (body[0]?.trim() === GENERATED_MARKER) {
      generatedLevel = s.level;
      continue;
    }
    if (s.level === 1 && !sawTitle) {
      sawTitle = true;
      if (card.name === undefined) card.name = unescapeBlock(s.title);
      leading.push(...s.lines);
      continue;
    }
    const title = normalTitle(s.title);
    const items = () => readBullets(meaningful(s.lines)).items;
    const keepRest = (rest: string[]) => {
      const r = meaningful(rest);
      if (r.length) additional.push({ title: s.title, body: r.join("\n") });
    };
    switch (title) {
      case "direct use":
      case "downstream use":
      case "out-of-scope use":
      case "intended users": {
        const { items: it, rest } = readBullets(meaningful(s.lines));
        const key = {
          "direct use": "primary",
          "downstream use": "secondary",
          "out-of-scope use": "outOfScope",
          "intended users": "users",
        }[title];
        if (it.length) intended[key] = it;
        keepRest(rest);
        break;
      }
      case "bias, risks, and limitations": {
        const { items: it, rest } = readBullets(meaningful(s.lines));
        if (it.length) card.limitations = it;
        keepRest(rest);
        break;
      }
      case "risks and mitigations": {
        const it = items();
        if (it.length) {
          card.ethicalConsiderations = it.map((t) => {
            const i = t.indexOf(" — Mitigation: ");
            return i < 0 ? { risk: t } : { risk: t.slice(0, i), mitigation: t.slice(i + " — Mitigation: ".length) };
          });
        }
        break;
      }
      case "preprocessing": {
        const { items: it, rest } = readBullets(meaningful(s.lines));
        if (it.length) training.preprocessing = it;
        keepRest(rest);
        break;
      }
      case "training hyperparameters": {
        const { items: it, rest } = readBullets(meaningful(s.lines));
        const hp: Record<string, string | number | boolean> = {};
        const unread: string[] = [];
        for (const t of it) {
          const m = /^\*\*(.+?):\*\*\s*(.*)$/s.exec(t) ?? plainKeyValue(t);
          if (!m) {
            unread.push(bullet(t));
            continue;
          }
          let v: unknown;
          try {
            v = JSON.parse(m[2]!);
          } catch {
            v = m[2]!;
          }
          hp[m[1]!] = typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : m[2]!;
        }
        if (Object.keys(hp).length) training.procedure = { ...(training.procedure as object), hyperparameters: hp };
        keepRest([...unread, ...rest]);
        break;
      }
      case "citation":
      case "citation [optional]": {
        const lines = meaningful(s.lines);
        const fenced = /^(```|~~~)(\S*)\s*$/.exec(lines[0] ?? "");
        const end = lines.lastIndexOf(fenced?.[1] ?? "```");
        if (fenced && end > 0) {
          const text = lines
            .slice(1, end)
            .map((l) => l.replace(/^ (```|~~~)/, "$1"))
            .join("\n");
          const citations = (card.citations as unknown[] | undefined) ?? [];
          citations.push(fenced[2] ? { style: fenced[2], text } : { text });
          card.citations = citations;
          keepRest(lines.slice(end + 1));
        } else keepRest(lines);
        break;
      }
      case "model details":
      case "model description": {
        const { items: it, rest } = readBullets(meaningful(s.lines));
        const unread: string[] = [];
        for (const t of it) {
          const m = /^\*\*(.+?):\*\*\s*(.*)$/s.exec(t);
          const label = m?.[1]?.trim();
          const value = m?.[2]?.trim() ?? "";
          if (!m || !label) {
            unread.push(bullet(t));
            continue;
          }
          if (PLACEHOLDER.test(value) || REDUNDANT_LABELS.has(normalTitle(label))) continue;
          if (label === DETAIL_LABELS.version) card.version = value;
          else if (label === DETAIL_LABELS.creators) card.creators = parseCreators(value);
          else if (label === DETAIL_LABELS.created) card.created = value;
          else if (label === DETAIL_LABELS.updated) card.updated = value;
          else if (label === DETAIL_LABELS.family)
            card.architecture = { ...(card.architecture as object), family: value };
          else if (label === DETAIL_LABELS.architecture)
            card.architecture = { ...(card.architecture as object), name: value };
          else unread.push(bullet(t));
        }
        keepRest([...unread, ...rest]);
        break;
      }
      default: {
        const b = meaningful(s.lines);
        if (b.length) additional.push({ title: s.title, body: b.join("\n") });
      }
    }
  }
  const paras = paragraphs(trimBlank(leading)).filter((p) => !/^<!--.*-->$/s.test(p.trim()));
  if (paras[0] !== undefined) card.summary = unescapeBlock(paras[0]);
  if (paras.length > 1) card.description = unescapeBlock(paras.slice(1).join("\n\n"));
  if (Object.keys(intended).length) card.intendedUse = intended;
  if (additional.length) card.additionalSections = additional;
}
