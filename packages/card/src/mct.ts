/**
 * Google Model Card Toolkit JSON, schema v0.0.2 (`model_card_toolkit/schema/v0.0.2/model_card.schema.json`):
 * export and import. MCT values are strings (metric values and confidence bounds included); MCT has
 * no place for many card fields (see the package README), and whatever an imported MCT document
 * holds that the card does not model is kept in `extensions.mct`.
 */
import { toDateOnly } from "./dates.js";
import { CardError, summarizeIssues } from "./errors.js";
import { checkDepth, type InputLimits, parseJsonBounded } from "./limits.js";
import { CARD_SCHEMA_VERSION, type ModelCard } from "./types.js";
import { assertCard } from "./validate.js";

type Json = Record<string, unknown>;

/** The MCT schema version written. */
export const MCT_SCHEMA_VERSION = "0.0.2";

const isRecord = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

function put(target: Json, key: string, value: unknown): void {
  if (value === undefined) return;
  if (Array.isArray(value) && value.length === 0) return;
  if (isRecord(value) && Object.keys(value).length === 0) return;
  target[key] = value;
}

/** Merges `b` over `a`; objects present on both sides are merged recursively. */
function mergeDeep(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isRecord(v) && isRecord(a[k]) ? mergeDeep(a[k], v) : v;
  return out;
}

/**
 * Renders a card as Model Card Toolkit v0.0.2 JSON.
 *
 * @param card - a valid model card
 * @returns the MCT document as a plain object
 * @throws {@link CardError} `INVALID_CARD`
 */
export function renderModelCardToolkit(card: ModelCard): Json {
  assertCard(card);
  const details: Json = { name: card.name };
  put(details, "overview", card.summary);
  put(details, "documentation", card.description);
  put(
    details,
    "owners",
    card.creators?.map((c) => {
      const o: Json = { name: c.name };
      put(o, "contact", c.email);
      return o;
    }),
  );
  const version: Json = { name: card.version };
  if (card.created) version.date = toDateOnly(card.created);
  details.version = version;
  details.licenses = [{ identifier: card.license }];
  put(
    details,
    "references",
    card.references?.map((reference) => ({ reference })),
  );
  put(
    details,
    "citations",
    card.citations?.map((c) => (c.style ? { style: c.style, citation: c.text } : { citation: c.text })),
  );
  put(details, "path", card.urls?.download);

  const params: Json = {};
  put(params, "model_architecture", card.architecture?.name);
  const datasets = [...(card.training?.datasets ?? []), ...(card.evaluation?.benchmarks ?? [])];
  put(
    params,
    "data",
    datasets.map((d) => {
      const o: Json = { name: d.name };
      put(o, "link", d.url);
      if (d.sensitiveData?.length) o.sensitive = { sensitive_data: d.sensitiveData };
      put(o, "description", d.description);
      return o;
    }),
  );
  const io = card.ioSignature;
  put(params, "input_format", io?.inputFormat);
  put(
    params,
    "input_format_map",
    io?.inputs?.filter((f) => f.name).map((f) => ({ key: f.name, value: f.type })),
  );
  put(params, "output_format", io?.outputFormat);
  put(
    params,
    "output_format_map",
    io?.outputs?.filter((f) => f.name).map((f) => ({ key: f.name, value: f.type })),
  );

  const qa: Json = {};
  put(
    qa,
    "performance_metrics",
    card.evaluation?.metrics?.map((m) => {
      const o: Json = { type: m.type, value: String(m.value) };
      put(o, "slice", m.slice);
      if (m.confidence)
        o.confidence_interval = { lower_bound: String(m.confidence.lower), upper_bound: String(m.confidence.upper) };
      return o;
    }),
  );

  const cons: Json = {};
  const described = (list: string[] | undefined) => list?.map((description) => ({ description }));
  put(cons, "users", described(card.intendedUse?.users));
  put(cons, "use_cases", described(card.intendedUse?.primary));
  put(cons, "limitations", described(card.limitations));
  put(cons, "tradeoffs", described(card.tradeoffs));
  put(
    cons,
    "ethical_considerations",
    card.ethicalConsiderations?.map((e) =>
      e.mitigation ? { name: e.risk, mitigation_strategy: e.mitigation } : { name: e.risk },
    ),
  );

  const out: Json = { schema_version: MCT_SCHEMA_VERSION, model_details: details };
  put(out, "model_parameters", params);
  put(out, "quantitative_analysis", qa);
  put(out, "considerations", cons);
  const foreign = card.extensions?.mct;
  if (foreign) {
    for (const [section, extra] of Object.entries(foreign)) {
      // Only the four sections accept extra keys; the top level of MCT v0.0.2 is closed.
      if (section in KNOWN && isRecord(extra) && (isRecord(out[section]) || out[section] === undefined)) {
        out[section] = mergeDeep(extra, (out[section] as Json | undefined) ?? {});
      }
    }
  }
  return out;
}

/** Options of {@link parseModelCardToolkit}. */
export interface ParseModelCardToolkitOptions {
  /** Card fields to use when the MCT document does not give them (e.g. `{ version: "1" }`). */
  defaults?: Partial<ModelCard>;
  /** Input limits for text input. */
  limits?: InputLimits;
}

const KNOWN: Record<string, string[]> = {
  model_details: [
    "name",
    "overview",
    "documentation",
    "owners",
    "version",
    "licenses",
    "references",
    "citations",
    "path",
  ],
  model_parameters: [
    "model_architecture",
    "data",
    "input_format",
    "input_format_map",
    "output_format",
    "output_format_map",
  ],
  quantitative_analysis: ["performance_metrics"],
  considerations: ["users", "use_cases", "limitations", "tradeoffs", "ethical_considerations"],
};

/**
 * Parses Model Card Toolkit v0.0.x JSON into a card. Metric values must be numbers written as
 * strings. Unknown keys (graphics, sensitive-data descriptions of other shapes, version diffs, …)
 * are kept in `extensions.mct`, section by section.
 *
 * @param input - MCT JSON text or a parsed object
 * @param options - defaults for missing card fields (a card needs `version` and `license`), limits
 * @returns a valid card
 * @throws {@link CardError} `INVALID_JSON`, `INPUT_TOO_LARGE`, `INVALID_DOCUMENT` (wrong types,
 *   non-numeric metric values, with paths), `INVALID_CARD`
 */
export function parseModelCardToolkit(input: string | unknown, options: ParseModelCardToolkitOptions = {}): ModelCard {
  const doc = typeof input === "string" ? parseJsonBounded(input, "MCT model card", options.limits) : input;
  if (typeof input !== "string") checkDepth(input, "MCT model card", options.limits);
  if (!isRecord(doc))
    throw new CardError("INVALID_DOCUMENT", "an MCT model card must be a JSON object", {
      issues: [{ path: "", message: "must be an object" }],
    });
  const issues: { path: string; message: string }[] = [];
  const section = (k: string): Json => {
    const v = doc[k];
    if (v === undefined) return {};
    if (isRecord(v)) return v;
    issues.push({ path: `/${k}`, message: "must be an object" });
    return {};
  };
  const str = (v: unknown, path: string): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === "string") return v;
    issues.push({ path, message: "must be a string" });
    return undefined;
  };
  const arr = (v: unknown, path: string): Json[] => {
    if (v === undefined) return [];
    if (Array.isArray(v) && v.every(isRecord)) return v as Json[];
    issues.push({ path, message: "must be an array of objects" });
    return [];
  };
  const num = (v: unknown, path: string): number | undefined => {
    if (typeof v === "string" && /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
    issues.push({ path, message: `must be a number written as a string (got ${JSON.stringify(v)})` });
    return undefined;
  };
  const details = section("model_details");
  const params = section("model_parameters");
  const qa = section("quantitative_analysis");
  const cons = section("considerations");
  const card: Json = {};
  const extensions: Json = {};

  put(card, "name", str(details.name, "/model_details/name"));
  const version = isRecord(details.version) ? details.version : {};
  put(card, "version", str(version.name, "/model_details/version/name"));
  put(card, "summary", str(details.overview, "/model_details/overview"));
  put(card, "description", str(details.documentation, "/model_details/documentation"));
  put(
    card,
    "creators",
    arr(details.owners, "/model_details/owners").map((o, i) => {
      const c: Json = { name: str(o.name, `/model_details/owners/${i}/name`) };
      const contact = str(o.contact, `/model_details/owners/${i}/contact`);
      if (contact !== undefined) {
        if (/^[^\s@]+@[^\s@]+$/.test(contact)) c.email = contact;
        else if (/^https?:\/\//.test(contact)) c.url = contact;
        else extensions[`owners.${i}.contact`] = contact;
      }
      return c;
    }),
  );
  const licenses = arr(details.licenses, "/model_details/licenses");
  const ids = licenses.map((l, i) => {
    if (typeof l.identifier === "string")
      return l.identifier === "proprietary" ? "LicenseRef-proprietary" : l.identifier;
    if (typeof l.custom_text === "string") {
      extensions[`licenses.${i}.custom_text`] = l.custom_text;
      return `LicenseRef-custom-${i}`;
    }
    issues.push({ path: `/model_details/licenses/${i}`, message: "needs identifier or custom_text" });
    return undefined;
  });
  const validIds = ids.filter((x): x is string => x !== undefined);
  if (validIds.length)
    card.license =
      validIds.length === 1 ? validIds[0] : validIds.map((x) => (/\s/.test(x) ? `(${x})` : x)).join(" AND ");
  if (typeof version.date === "string") card.created = version.date;
  put(
    card,
    "references",
    arr(details.references, "/model_details/references").map((r, i) =>
      str(r.reference, `/model_details/references/${i}/reference`),
    ),
  );
  put(
    card,
    "citations",
    arr(details.citations, "/model_details/citations").map((c, i) => {
      const o: Json = { text: str(c.citation, `/model_details/citations/${i}/citation`) };
      put(o, "style", str(c.style, `/model_details/citations/${i}/style`));
      return o;
    }),
  );
  const path = str(details.path, "/model_details/path");
  if (path !== undefined) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) card.urls = { download: path };
    else extensions.path = path;
  }
  const arch = str(params.model_architecture, "/model_parameters/model_architecture");
  if (arch) card.architecture = { name: arch };
  const data = arr(params.data, "/model_parameters/data").map((d, i) => {
    const o: Json = { name: str(d.name, `/model_parameters/data/${i}/name`) };
    put(o, "url", str(d.link, `/model_parameters/data/${i}/link`));
    put(o, "description", str(d.description, `/model_parameters/data/${i}/description`));
    if (isRecord(d.sensitive) && Array.isArray(d.sensitive.sensitive_data))
      put(o, "sensitiveData", d.sensitive.sensitive_data);
    const rest = Object.fromEntries(
      Object.entries(d).filter(([k]) => !["name", "link", "description", "sensitive"].includes(k)),
    );
    if (Object.keys(rest).length) extensions[`data.${i}`] = rest;
    return o;
  });
  if (data.length) card.training = { datasets: data };
  const io: Json = {};
  put(io, "inputFormat", str(params.input_format, "/model_parameters/input_format"));
  put(io, "outputFormat", str(params.output_format, "/model_parameters/output_format"));
  put(
    io,
    "inputs",
    arr(params.input_format_map, "/model_parameters/input_format_map").map((kv) => ({ name: kv.key, type: kv.value })),
  );
  put(
    io,
    "outputs",
    arr(params.output_format_map, "/model_parameters/output_format_map").map((kv) => ({
      name: kv.key,
      type: kv.value,
    })),
  );
  put(card, "ioSignature", io);
  const metrics = arr(qa.performance_metrics, "/quantitative_analysis/performance_metrics").map((m, i) => {
    const p = `/quantitative_analysis/performance_metrics/${i}`;
    const o: Json = { type: str(m.type, `${p}/type`), value: num(m.value, `${p}/value`) };
    put(o, "slice", str(m.slice, `${p}/slice`));
    if (isRecord(m.confidence_interval)) {
      o.confidence = {
        lower: num(m.confidence_interval.lower_bound, `${p}/confidence_interval/lower_bound`),
        upper: num(m.confidence_interval.upper_bound, `${p}/confidence_interval/upper_bound`),
      };
    }
    return o;
  });
  if (metrics.length) card.evaluation = { metrics };
  const described = (k: string) =>
    arr(cons[k], `/considerations/${k}`).map((o, i) => str(o.description, `/considerations/${k}/${i}/description`));
  const intended: Json = {};
  put(intended, "primary", described("use_cases"));
  put(intended, "users", described("users"));
  put(card, "intendedUse", intended);
  put(card, "limitations", described("limitations"));
  put(card, "tradeoffs", described("tradeoffs"));
  put(
    card,
    "ethicalConsiderations",
    arr(cons.ethical_considerations, "/considerations/ethical_considerations").map((e, i) => {
      const o: Json = { risk: str(e.name, `/considerations/ethical_considerations/${i}/name`) };
      put(
        o,
        "mitigation",
        str(e.mitigation_strategy, `/considerations/ethical_considerations/${i}/mitigation_strategy`),
      );
      return o;
    }),
  );

  const mct: Json = {};
  for (const [name, keys] of Object.entries(KNOWN)) {
    const sec = section(name);
    const rest = Object.fromEntries(Object.entries(sec).filter(([k]) => !keys.includes(k)));
    if (name === "model_details") {
      const vrest = Object.fromEntries(Object.entries(version).filter(([k]) => k !== "name" && k !== "date"));
      if (Object.keys(vrest).length) rest.version = vrest;
    }
    if (Object.keys(rest).length) mct[name] = rest;
  }
  for (const [k, v] of Object.entries(doc)) {
    if (k !== "schema_version" && !(k in KNOWN)) mct[k] = v;
  }
  if (Object.keys(extensions).length) mct["values:unmapped"] = extensions;
  if (Object.keys(mct).length) card.extensions = { mct };
  if (issues.length)
    throw new CardError("INVALID_DOCUMENT", summarizeIssues("MCT model card cannot become a card", issues), { issues });
  const result: Json = { schemaVersion: CARD_SCHEMA_VERSION, ...card };
  for (const [k, v] of Object.entries(options.defaults ?? {})) if (result[k] === undefined) result[k] = v;
  assertCard(result);
  return result;
}
