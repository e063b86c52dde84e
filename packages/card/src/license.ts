/**
 * SPDX licence expressions (SPDX License List via `spdx-license-ids`, syntax per SPDX 3.0.1 Annex B,
 * parsed by `spdx-expression-parse`) and their mapping to Hugging Face Hub licence ids. The Hub's id
 * list is the one its metadata validator accepts; ids that are not SPDX licences (e.g. `llama3`)
 * become `LicenseRef-hf-<id>` so that they survive a round trip.
 */
import parseSpdx from "spdx-expression-parse";
import deprecatedIds from "spdx-license-ids/deprecated.json";
import licenseIds from "spdx-license-ids/index.json";

/** Hugging Face Hub licence ids (as listed by the Hub's metadata validator). */
export const HUGGING_FACE_LICENSES: readonly string[] = [
  "apache-2.0",
  "mit",
  "openrail",
  "bigscience-openrail-m",
  "creativeml-openrail-m",
  "bigscience-bloom-rail-1.0",
  "bigcode-openrail-m",
  "afl-3.0",
  "artistic-2.0",
  "bsl-1.0",
  "bsd",
  "bsd-2-clause",
  "bsd-3-clause",
  "bsd-3-clause-clear",
  "c-uda",
  "cc",
  "cc0-1.0",
  "cc-by-2.0",
  "cc-by-2.5",
  "cc-by-3.0",
  "cc-by-4.0",
  "cc-by-sa-3.0",
  "cc-by-sa-4.0",
  "cc-by-nc-2.0",
  "cc-by-nc-3.0",
  "cc-by-nc-4.0",
  "cc-by-nd-4.0",
  "cc-by-nc-nd-3.0",
  "cc-by-nc-nd-4.0",
  "cc-by-nc-sa-2.0",
  "cc-by-nc-sa-3.0",
  "cc-by-nc-sa-4.0",
  "cdla-sharing-1.0",
  "cdla-permissive-1.0",
  "cdla-permissive-2.0",
  "wtfpl",
  "ecl-2.0",
  "epl-1.0",
  "epl-2.0",
  "etalab-2.0",
  "eupl-1.1",
  "eupl-1.2",
  "agpl-3.0",
  "gfdl",
  "gpl",
  "gpl-2.0",
  "gpl-3.0",
  "lgpl",
  "lgpl-2.1",
  "lgpl-3.0",
  "isc",
  "h-research",
  "intel-research",
  "lppl-1.3c",
  "ms-pl",
  "apple-ascl",
  "apple-amlr",
  "mpl-2.0",
  "odc-by",
  "odbl",
  "openmdw-1.0",
  "openmdw-1.1",
  "openrail++",
  "osl-3.0",
  "postgresql",
  "ofl-1.1",
  "ncsa",
  "unlicense",
  "zlib",
  "pddl",
  "lgpl-lr",
  "deepfloyd-if-license",
  "fair-noncommercial-research-license",
  "llama2",
  "llama3",
  "llama3.1",
  "llama3.2",
  "llama3.3",
  "llama4",
  "grok2-community",
  "gemma",
  "unknown",
  "other",
];

const HF_SET = new Set(HUGGING_FACE_LICENSES);
/** A Hub id as a LicenseRef idstring (`[A-Za-z0-9.-]` only): `+` is spelled `-plus`. */
const hfRefId = (id: string) => id.replace(/\+/g, "-plus").replace(/[^A-Za-z0-9.-]/g, "-");
const HF_BY_REF = new Map(HUGGING_FACE_LICENSES.map((id) => [hfRefId(id), id]));
const HF_REF_PREFIX = "LicenseRef-hf-";
let canonicalByLower: Map<string, string> | undefined;

function canonicalIds(): Map<string, string> {
  if (!canonicalByLower) {
    canonicalByLower = new Map();
    for (const id of [...(deprecatedIds as string[]), ...(licenseIds as string[])]) {
      canonicalByLower.set(id.toLowerCase(), id);
    }
  }
  return canonicalByLower;
}

/**
 * Checks an SPDX licence expression (e.g. `"Apache-2.0"`, `"MIT OR GPL-3.0-only"`,
 * `"LicenseRef-my-licence"`).
 *
 * @param expression - the expression to check
 * @returns `undefined` when valid, else why it is not (names the unknown id when there is one)
 * @example
 * ```ts
 * checkSpdxExpression("Apache-2.0"); // undefined
 * checkSpdxExpression("apache-2.0"); // "unknown licence id 'apache-2.0' (did you mean 'Apache-2.0'?)"
 * ```
 */
export function checkSpdxExpression(expression: string): string | undefined {
  if (expression.length === 0 || expression.length > 1024) return "must be 1 to 1024 characters";
  try {
    parseSpdx(expression);
    return undefined;
  } catch {
    const unknown = expression
      .split(/[\s()]+/)
      .filter((t) => t !== "" && !/^(AND|OR|WITH)$/i.test(t))
      .map((t) => t.replace(/\+$/, ""))
      .find((t) => {
        try {
          parseSpdx(t);
          return false;
        } catch {
          return true;
        }
      });
    if (unknown !== undefined) {
      const suggestion = canonicalIds().get(unknown.toLowerCase());
      return `unknown licence id '${unknown}'${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`;
    }
    return "not a valid SPDX licence expression";
  }
}

/** Whether `expression` is a single licence id (no operators). */
function isSingleId(expression: string): boolean {
  return !/[\s()]/.test(expression.trim());
}

/** A Hugging Face licence: the `license` value and, for `other`, `license_name` / `license_link`. */
export interface HuggingFaceLicense {
  /** The Hub id, e.g. `"apache-2.0"` or `"other"`. */
  license: string;
  /** Slug naming a licence that is not in the Hub's list. */
  licenseName?: string;
  /** URL of that licence. */
  licenseLink?: string;
}

/**
 * Maps a card licence to Hugging Face metadata: listed SPDX ids become the Hub's lowercase id,
 * `LicenseRef-hf-<id>` becomes `<id>`, `LicenseRef-<x>` becomes `other` named `<x>`, and any other
 * expression becomes `other` named by the expression itself, with a link.
 *
 * @param license - the card's SPDX expression
 * @param url - the card's `licenseUrl`, when set
 * @returns the Hub fields
 */
export function spdxToHuggingFace(license: string, url?: string): HuggingFaceLicense {
  const single = isSingleId(license);
  if (single && url === undefined) {
    const hub = license.startsWith(HF_REF_PREFIX) ? HF_BY_REF.get(license.slice(HF_REF_PREFIX.length)) : undefined;
    if (hub !== undefined) return { license: hub };
    if (HF_SET.has(license.toLowerCase()) && canonicalIds().get(license.toLowerCase()) === license) {
      return { license: license.toLowerCase() };
    }
  }
  if (single && license.startsWith("LicenseRef-")) {
    const out: HuggingFaceLicense = { license: "other", licenseName: license.slice("LicenseRef-".length) };
    if (url !== undefined) out.licenseLink = url;
    return out;
  }
  const out: HuggingFaceLicense = { license: "other", licenseName: license };
  const link = url ?? (single ? spdxUrl(license) : undefined);
  if (link !== undefined) out.licenseLink = link;
  return out;
}

/**
 * Maps Hugging Face licence metadata back to an SPDX expression: the inverse of
 * {@link spdxToHuggingFace}, and a sensible reading of Hub metadata written by others.
 *
 * @param hf - the Hub fields
 * @returns the SPDX expression and the licence URL when one is kept
 */
export function huggingFaceToSpdx(hf: HuggingFaceLicense): { license: string; url?: string } {
  if (hf.license === "other") {
    const name = hf.licenseName ?? "other";
    const link = hf.licenseLink;
    if (checkSpdxExpression(name) === undefined && !name.startsWith("LicenseRef-")) {
      const keepLink = link !== undefined && !(isSingleId(name) && link === spdxUrl(name));
      return keepLink ? { license: name, url: link } : { license: name };
    }
    const id = `LicenseRef-${name.replace(/^LicenseRef-/, "").replace(/[^A-Za-z0-9.-]/g, "-")}`;
    return link === undefined ? { license: id } : { license: id, url: link };
  }
  const canonical = canonicalIds().get(hf.license.toLowerCase());
  if (canonical !== undefined) return { license: canonical };
  return { license: `${HF_REF_PREFIX}${hfRefId(hf.license)}` };
}

/** The spdx.org page of a listed licence id. */
export function spdxUrl(id: string): string {
  return `https://spdx.org/licenses/${id}.html`;
}
