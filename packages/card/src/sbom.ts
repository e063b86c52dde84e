/**
 * SBOM builder: the software dependencies of a run (name, version, licence, purl, hashes) from the
 * *contents* of an npm `package.json` with its lockfile (`package-lock.json` v1–v3 or
 * `pnpm-lock.yaml` v6/v9) and of a pip `requirements.txt` (pip's requirements file format, PEP 508
 * requirement specifiers), plus a list of known vulnerabilities (empty or filled).
 * No file or network I/O: callers read the files and pass the text.
 */
import { CardError, type CardIssue, summarizeIssues } from "./errors.js";
import { checkSize, type InputLimits, parseJsonBounded, parseYamlBounded } from "./limits.js";
import { toPurl } from "./purl.js";
import type { Hash, SoftwareBom, SoftwareDependency, Vulnerability } from "./types.js";

/** Something in a manifest that names software but could not be resolved to a dependency. */
export interface UnresolvedEntry {
  /** Which input: `"requirements.txt"`, `"package.json"` or `"lockfile"`. */
  source: string;
  /** 1-based line (text inputs) or JSON pointer (JSON/YAML inputs). */
  location: string;
  /** The entry as written. */
  text: string;
  /** Why it was not turned into a dependency. */
  reason: string;
}

/** The result of the SBOM builders: the BOM and what could not be resolved (never silently dropped). */
export interface SbomResult {
  /** Dependencies and vulnerabilities, ready for `card.software`. */
  bom: SoftwareBom;
  /** Entries that name software but could not be resolved (includes, local paths, options). */
  unresolved: UnresolvedEntry[];
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

const SRI_ALGS: Record<string, Hash["alg"]> = { sha512: "sha512", sha384: "sha384", sha256: "sha256", sha1: "sha1" };

/** Converts an npm `integrity` value (Subresource Integrity, possibly several) to hex hashes. */
export function integrityToHashes(integrity: string): Hash[] {
  const out: Hash[] = [];
  for (const part of integrity.trim().split(/\s+/)) {
    const m = /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/]+={0,2})$/.exec(part);
    if (!m) continue;
    let bin: string;
    try {
      bin = atob(m[2]!);
    } catch {
      continue;
    }
    let hex = "";
    for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, "0");
    out.push({ alg: SRI_ALGS[m[1]!]!, value: hex });
  }
  return out;
}

function manifestError(what: string, issues: CardIssue[], cause?: unknown): CardError {
  return new CardError("INVALID_MANIFEST", summarizeIssues(`${what} cannot be read`, issues), { issues, cause });
}

/** Input of {@link sbomFromNpm}. */
export interface NpmSbomInput {
  /** Text of `package.json`. */
  packageJson: string;
  /** Text of `package-lock.json` or `pnpm-lock.yaml`; without it only the direct dependencies (as ranges) are listed. */
  lockfile?: string;
  /** Input limits. */
  limits?: InputLimits;
}

const DEP_FIELDS = [
  ["dependencies", "required"],
  ["optionalDependencies", "optional"],
  ["peerDependencies", "optional"],
  ["devDependencies", "dev"],
] as const;

function readPackageJson(
  text: string,
  limits?: InputLimits,
): Map<string, { range: string; scope: SoftwareDependency["scope"] }> {
  let pkg: unknown;
  try {
    pkg = parseJsonBounded(text, "package.json", limits);
  } catch (e) {
    if (e instanceof CardError && e.code === "INPUT_TOO_LARGE") throw e;
    throw manifestError("package.json", [{ path: "", message: (e as Error).message }], e);
  }
  if (!isRecord(pkg)) throw manifestError("package.json", [{ path: "", message: "must be a JSON object" }]);
  const issues: CardIssue[] = [];
  const direct = new Map<string, { range: string; scope: SoftwareDependency["scope"] }>();
  for (const [field, scope] of DEP_FIELDS) {
    const deps = pkg[field];
    if (deps === undefined) continue;
    if (!isRecord(deps)) {
      issues.push({ path: `/${field}`, message: "must be an object" });
      continue;
    }
    for (const [name, range] of Object.entries(deps)) {
      if (typeof range !== "string")
        issues.push({
          path: `/${field}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`,
          message: "must be a string",
        });
      else if (!direct.has(name)) direct.set(name, { range, scope });
    }
  }
  if (issues.length) throw manifestError("package.json", issues);
  return direct;
}

function npmDep(
  name: string,
  version: string,
  extra: { integrity?: unknown; license?: unknown; dev?: unknown; optional?: unknown },
  direct: Map<string, { scope: SoftwareDependency["scope"] }>,
  flagsKnown = true,
): SoftwareDependency {
  const d: SoftwareDependency = { name, version, ecosystem: "npm", purl: toPurl("npm", name, version) };
  if (typeof extra.license === "string") d.license = extra.license;
  if (typeof extra.integrity === "string") {
    const h = integrityToHashes(extra.integrity);
    if (h.length) d.hashes = h;
  }
  const top = direct.get(name);
  // Lockfiles that flag dev/optional packages (package-lock, pnpm v6) let an unflagged package be
  // called required; pnpm v9 records no flags, so a transitive package's scope stays unknown there.
  const scope =
    extra.dev === true
      ? "dev"
      : extra.optional === true
        ? "optional"
        : (top?.scope ?? (flagsKnown ? "required" : undefined));
  if (scope !== undefined) d.scope = scope;
  d.direct = top !== undefined;
  return d;
}

function fromPackageLock(
  lock: Json,
  direct: Map<string, { scope: SoftwareDependency["scope"] }>,
  unresolved: UnresolvedEntry[],
): SoftwareDependency[] {
  const out: SoftwareDependency[] = [];
  if (isRecord(lock.packages)) {
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (path === "" || !isRecord(entry)) continue;
      const at = path.lastIndexOf("node_modules/");
      if (at < 0) {
        // a workspace package (its node_modules link points here): the project's own code
        unresolved.push({
          source: "lockfile",
          location: `/packages/${path}`,
          text: path,
          reason: "workspace package (not a registry dependency)",
        });
        continue;
      }
      if (entry.link === true) continue; // the link's target is listed under its own path
      const name = typeof entry.name === "string" ? entry.name : path.slice(at + "node_modules/".length);
      if (typeof entry.version !== "string") {
        unresolved.push({ source: "lockfile", location: `/packages/${path}`, text: path, reason: "no version" });
        continue;
      }
      out.push(npmDep(name, entry.version, entry, direct));
    }
    return out;
  }
  const walk = (deps: unknown, base: string) => {
    if (!isRecord(deps)) return;
    for (const [name, entry] of Object.entries(deps)) {
      if (!isRecord(entry)) continue;
      if (typeof entry.version !== "string" || !/^\d/.test(entry.version)) {
        unresolved.push({
          source: "lockfile",
          location: `${base}/${name}`,
          text: `${name} ${String(entry.version)}`,
          reason: "not a registry version",
        });
      } else out.push(npmDep(name, entry.version, entry, direct));
      walk(entry.dependencies, `${base}/${name}/dependencies`);
    }
  };
  walk(lock.dependencies, "/dependencies");
  return out;
}

function splitNameVersion(key: string): [string, string] | undefined {
  const clean = key.replace(/^\//, "").replace(/\(.*$/, "");
  const at = clean.lastIndexOf("@");
  if (at <= 0) return undefined;
  return [clean.slice(0, at), clean.slice(at + 1)];
}

function fromPnpmLock(
  lock: Json,
  direct: Map<string, { scope: SoftwareDependency["scope"] }>,
  unresolved: UnresolvedEntry[],
): SoftwareDependency[] {
  const out: SoftwareDependency[] = [];
  const packages = isRecord(lock.packages) ? lock.packages : {};
  for (const [key, entry] of Object.entries(packages)) {
    const nv = splitNameVersion(key);
    if (!nv || !isRecord(entry)) {
      unresolved.push({
        source: "lockfile",
        location: `/packages/${key}`,
        text: key,
        reason: "not a name@version key",
      });
      continue;
    }
    const [name, version] = nv;
    if (!/^\d/.test(version)) {
      unresolved.push({
        source: "lockfile",
        location: `/packages/${key}`,
        text: key,
        reason: "not a registry version",
      });
      continue;
    }
    const resolution = isRecord(entry.resolution) ? entry.resolution : {};
    out.push(
      npmDep(
        name,
        version,
        { integrity: resolution.integrity, dev: entry.dev, optional: entry.optional },
        direct,
        typeof entry.dev === "boolean",
      ),
    );
  }
  return out;
}

/**
 * Lists the npm dependencies of a project from the text of its `package.json` and, when given, its
 * lockfile (`package-lock.json` v1–v3 or `pnpm-lock.yaml` v6/v9). With a lockfile every installed
 * package is listed with its exact version, purl, integrity hashes and (package-lock v2+) licence;
 * without one, only the direct dependencies with their ranges (`versionSpec`).
 *
 * @param input - the file contents
 * @returns the BOM (no vulnerabilities) and the entries that could not be resolved
 * @throws {@link CardError} `INVALID_MANIFEST` (malformed JSON/YAML, wrong shapes, unknown lockfile),
 *   `INPUT_TOO_LARGE`, `INVALID_YAML`
 * @example
 * ```ts
 * const { bom } = sbomFromNpm({ packageJson: pkgText, lockfile: lockText });
 * ```
 */
export function sbomFromNpm(input: NpmSbomInput): SbomResult {
  const direct = readPackageJson(input.packageJson, input.limits);
  const unresolved: UnresolvedEntry[] = [];
  let deps: SoftwareDependency[];
  if (input.lockfile === undefined) {
    deps = [...direct.entries()].map(([name, { range, scope }]) => {
      const exact = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(range);
      const d: SoftwareDependency = {
        name,
        ecosystem: "npm",
        purl: toPurl("npm", name, exact ? range : undefined),
        direct: true,
      };
      if (exact) d.version = range;
      else d.versionSpec = range;
      if (scope) d.scope = scope;
      if (!exact && /^(file:|link:|workspace:|git|https?:|[./])/.test(range)) {
        unresolved.push({
          source: "package.json",
          location: name,
          text: `${name}@${range}`,
          reason: "not a registry range",
        });
      }
      return d;
    });
  } else {
    const text = input.lockfile.replace(/^\uFEFF/, "");
    let lock: unknown;
    if (/^\s*\{/.test(text)) {
      try {
        lock = parseJsonBounded(text, "package-lock.json", input.limits);
      } catch (e) {
        if (e instanceof CardError && e.code === "INPUT_TOO_LARGE") throw e;
        throw manifestError("package-lock.json", [{ path: "", message: (e as Error).message }], e);
      }
      if (!isRecord(lock) || typeof lock.lockfileVersion !== "number") {
        throw manifestError("package-lock.json", [{ path: "/lockfileVersion", message: "must be a number" }]);
      }
      if (lock.lockfileVersion < 1 || lock.lockfileVersion > 3) {
        throw manifestError("package-lock.json", [
          { path: "/lockfileVersion", message: `version ${lock.lockfileVersion} is not supported (1–3)` },
        ]);
      }
      deps = fromPackageLock(lock, direct, unresolved);
    } else {
      lock = parseYamlBounded(text, "pnpm-lock.yaml", input.limits);
      const version = isRecord(lock) ? Number.parseFloat(String(lock.lockfileVersion)) : Number.NaN;
      if (!isRecord(lock) || !(version >= 6 && version < 10)) {
        throw manifestError("lockfile", [
          { path: "/lockfileVersion", message: "not a package-lock.json or a pnpm-lock.yaml v6–v9" },
        ]);
      }
      deps = fromPnpmLock(lock, direct, unresolved);
    }
  }
  return { bom: { dependencies: dedupe(deps), vulnerabilities: [] }, unresolved };
}

function dedupe(deps: SoftwareDependency[]): SoftwareDependency[] {
  const seen = new Map<string, SoftwareDependency>();
  for (const d of deps) {
    const key = d.purl ?? `${d.ecosystem}:${d.name}:${d.version ?? d.versionSpec ?? ""}`;
    const prev = seen.get(key);
    if (!prev) seen.set(key, d);
    else {
      // the same package reached twice: it is direct if either path is, and runtime wins over dev
      if (d.direct) prev.direct = true;
      if (prev.scope === "dev" && d.scope !== "dev" && d.scope !== undefined) prev.scope = d.scope;
    }
  }
  return [...seen.values()];
}

const PIP_OPTION_WITH_ARG =
  /^(-i|--index-url|--extra-index-url|-f|--find-links|--trusted-host|--no-binary|--only-binary|--prefer-binary|--pre|--no-index|--use-feature|--config-settings)\b/;
const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;
const SPEC = /^(===|==|~=|!=|<=|>=|<|>)\s*([A-Za-z0-9.*+!_-]+)$/;
const HASH_OPTION = /\s--hash[=\s]([a-z0-9]+):([0-9a-fA-F]+)/g;
const PIP_HASHES: Record<string, Hash["alg"]> = { sha256: "sha256", sha384: "sha384", sha512: "sha512" };

/** Options of {@link sbomFromRequirements}. */
export interface RequirementsOptions {
  /** Input limits. */
  limits?: InputLimits;
}

/**
 * Lists the Python dependencies named in a pip `requirements.txt`. Pinned requirements
 * (`name==1.2.3`, `name===1.2.3`) get a version and a purl with it; others keep their specifier in
 * `versionSpec`. `--hash` options become hashes. Includes (`-r`, `-c`), editable installs, local
 * paths and URLs without a name are returned in `unresolved`, never dropped. requirements.txt
 * carries no licences.
 *
 * @param text - the file contents
 * @param options - input limits
 * @returns the BOM (no vulnerabilities) and the unresolved entries
 * @throws {@link CardError} `INVALID_MANIFEST` listing every line that is not a requirement, `INPUT_TOO_LARGE`
 * @example
 * ```ts
 * const { bom } = sbomFromRequirements("torch==2.3.0\nnumpy>=1.26\n");
 * ```
 */
export function sbomFromRequirements(text: string, options: RequirementsOptions = {}): SbomResult {
  checkSize(text, "requirements.txt", options.limits);
  const issues: CardIssue[] = [];
  const unresolved: UnresolvedEntry[] = [];
  const deps: SoftwareDependency[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i]!;
    while (/\\$/.test(line) && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!;
    line = line.replace(/(^|\s)#.*$/, "").trim();
    if (line === "") continue;
    const entry = (reason: string) =>
      unresolved.push({ source: "requirements.txt", location: `line:${lineNo}`, text: line, reason });
    if (/^(-r|--requirement|-c|--constraint)(\s|=)/.test(line)) {
      entry("includes another file (read it and pass its text separately)");
      continue;
    }
    if (/^(-e|--editable)(\s|=)/.test(line)) {
      const egg = /#egg=([A-Za-z0-9._-]+)/.exec(lines[i]!);
      if (egg)
        deps.push({
          name: egg[1]!,
          versionSpec: line.replace(/^(-e|--editable)[\s=]+/, ""),
          ecosystem: "pypi",
          purl: toPurl("pypi", egg[1]!),
          direct: true,
        });
      entry("editable install (source checkout, no registry version)");
      continue;
    }
    if (PIP_OPTION_WITH_ARG.test(line)) {
      entry("pip option (not a dependency)");
      continue;
    }
    if (/^-/.test(line)) {
      issues.push({ path: `line:${lineNo}`, message: `unknown pip option: ${line.split(/\s/)[0]}` });
      continue;
    }
    if (
      /^([a-z][a-z0-9+.-]*:\/\/|\.{0,2}\/)/i.test(line) ||
      (!/\s@\s/.test(line) && /\.(whl|tar\.gz|zip)$/i.test(line))
    ) {
      entry("a URL or path without a project name");
      continue;
    }
    const hashes: Hash[] = [];
    let body = ` ${line}`.replace(HASH_OPTION, (_m, alg: string, hex: string) => {
      const a = PIP_HASHES[alg];
      if (a) hashes.push({ alg: a, value: hex.toLowerCase() });
      else issues.push({ path: `line:${lineNo}`, message: `unsupported --hash algorithm ${alg}` });
      return "";
    });
    body = body.trim();
    const marker = body.indexOf(";");
    const req = (marker >= 0 ? body.slice(0, marker) : body).trim();
    const m = REQUIREMENT.exec(req);
    if (!m) {
      issues.push({ path: `line:${lineNo}`, message: "is not a requirement (PEP 508)" });
      continue;
    }
    const name = m[1]!;
    let rest = m[3]!.trim();
    const d: SoftwareDependency = { name, ecosystem: "pypi", direct: true };
    if (rest.startsWith("@")) {
      d.versionSpec = rest.slice(1).trim();
      d.purl = toPurl("pypi", name);
      entry("direct URL reference (no registry version)");
    } else if (rest !== "") {
      if (rest.startsWith("(") && rest.endsWith(")")) rest = rest.slice(1, -1).trim();
      const specs = rest.split(",").map((s) => s.trim());
      const parsed = specs.map((s) => SPEC.exec(s));
      if (parsed.some((p) => p === null)) {
        issues.push({ path: `line:${lineNo}`, message: `invalid version specifier '${rest}'` });
        continue;
      }
      const only = parsed.length === 1 ? parsed[0]! : undefined;
      if (only && (only[1] === "==" || only[1] === "===") && !only[2]!.includes("*")) d.version = only[2]!;
      else d.versionSpec = parsed.map((p) => `${p![1]}${p![2]}`).join(",");
      d.purl = toPurl("pypi", name, d.version);
    } else {
      d.purl = toPurl("pypi", name);
    }
    if (m[2] && m[2] !== "[]") d.versionSpec = d.versionSpec ? `${m[2]}${d.versionSpec}` : m[2];
    if (hashes.length) d.hashes = hashes;
    d.scope = "required";
    deps.push(d);
  }
  if (issues.length) throw manifestError("requirements.txt", issues);
  return { bom: { dependencies: dedupe(deps), vulnerabilities: [] }, unresolved };
}

/**
 * Merges SBOM results (e.g. npm and Python) and attaches known vulnerabilities, checking that each
 * names a dependency by purl or name.
 *
 * @param parts - results of {@link sbomFromNpm} / {@link sbomFromRequirements}
 * @param vulnerabilities - known vulnerabilities (an empty list states that none are known)
 * @returns one result
 * @throws {@link CardError} `INVALID_ARGUMENT` listing vulnerabilities that name no dependency
 */
export function mergeSboms(parts: SbomResult[], vulnerabilities: Vulnerability[] = []): SbomResult {
  const deps = dedupe(parts.flatMap((p) => p.bom.dependencies));
  const known = new Set(deps.flatMap((d) => (d.purl ? [d.purl, d.name] : [d.name])));
  const issues: CardIssue[] = [];
  vulnerabilities.forEach((v, i) => {
    v.affects.forEach((a, j) => {
      if (!known.has(a)) issues.push({ path: `/${i}/affects/${j}`, message: `names no dependency (${a})` });
    });
  });
  if (issues.length)
    throw new CardError("INVALID_ARGUMENT", summarizeIssues("vulnerabilities name unknown dependencies", issues), {
      issues,
    });
  const vulns = [...parts.flatMap((p) => p.bom.vulnerabilities), ...vulnerabilities];
  return { bom: { dependencies: deps, vulnerabilities: vulns }, unresolved: parts.flatMap((p) => p.unresolved) };
}
