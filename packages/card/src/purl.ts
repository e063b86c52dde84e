/**
 * Package URLs (purl specification, github.com/package-url/purl-spec) for the two ecosystems the
 * SBOM builder reads: `pkg:npm/[%40scope/]name@version` and `pkg:pypi/name@version` (PyPI names
 * normalised as the purl PyPI type requires: lowercase, `_` becomes `-`).
 */
import type { Ecosystem } from "./types.js";

function encode(part: string): string {
  return encodeURIComponent(part).replace(/%3A/gi, ":").replace(/%2B/gi, "+");
}

/** The purl form of a PyPI package name: lowercase, `_` replaced by `-` (purl-spec PyPI type). */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/_/g, "-");
}

/**
 * Builds the purl of an npm or PyPI package.
 *
 * @param ecosystem - `"npm"` or `"pypi"`
 * @param name - package name (`@scope/name` for scoped npm packages)
 * @param version - exact version, when known
 * @returns the purl, e.g. `pkg:npm/%40scope/name@1.2.3`
 * @example
 * ```ts
 * toPurl("pypi", "Scikit_Learn", "1.4.0"); // "pkg:pypi/scikit-learn@1.4.0"
 * ```
 */
export function toPurl(ecosystem: Ecosystem, name: string, version?: string): string {
  let path: string;
  if (ecosystem === "npm") {
    const scoped = /^(@[^/]+)\/(.+)$/.exec(name);
    path = scoped ? `${encode(scoped[1]!)}/${encode(scoped[2]!)}` : encode(name);
  } else {
    path = encode(normalizePythonName(name));
  }
  return `pkg:${ecosystem}/${path}${version ? `@${encode(version)}` : ""}`;
}
