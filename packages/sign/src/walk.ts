/**
 * Enumerates the files of a model the way OMS model signing does (OMS spec v1.0 §6.1–§6.2;
 * model_signing 1.1 `hashing.py`): every regular file under the model path, dotfiles included,
 * minus the ignored paths (a component-wise prefix match, relative to the model root) and, by
 * default, the top-level git files `.git`, `.gitattributes`, `.github`, `.gitignore`. Directories
 * leave no trace. Symbolic links fail with `SYMLINK_REFUSED` unless allowed; allowed links must
 * point at a regular file inside the model (or anywhere, when the caller opts in, as Python does),
 * and links to directories are never followed, so cycles cannot occur.
 */
import type { BigIntStats } from "node:fs";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import { decodeUtf8 } from "./encoding.js";
import { SignError } from "./errors.js";

/** The top-level paths ignored when `ignoreGitPaths` is on (model_signing's defaults). */
export const DEFAULT_GIT_IGNORE_PATHS: readonly string[] = [".git", ".gitattributes", ".github", ".gitignore"];

/** Where allowed symbolic links may point. */
export type SymlinkScope = "model" | "any";

/** One regular file of the model. */
export interface ModelFile {
  /** POSIX path relative to the model root (`"."` stands for a single-file model). */
  path: string;
  /** Absolute path to open. */
  abs: string;
  size: number;
  dev: string;
  ino: string;
  /** True when reached through an (allowed) symbolic link. */
  viaSymlink: boolean;
}

/** The result of {@link enumerateModel}. */
export interface ModelListing {
  /** True when the model path is a single file. */
  singleFile: boolean;
  /** The model's name: the basename of the (resolved) model path. */
  modelName: string;
  /** Absolute, resolved model root. */
  root: string;
  files: ModelFile[];
  /** The effective ignore list, relative to the root, sorted. */
  ignorePaths: string[];
}

/** Options of {@link enumerateModel}. */
export interface EnumerateOptions {
  ignorePaths?: readonly string[];
  ignoreGitPaths?: boolean;
  allowSymlinks?: boolean;
  symlinkScope?: SymlinkScope;
  /** Only these relative paths (verification with `ignoreUnsignedFiles`). */
  only?: ReadonlySet<string>;
}

/**
 * Checks that a relative resource path is safe: POSIX separators, no empty, `.` or `..`
 * components, not absolute, no backslash or NUL. Returns it unchanged.
 * @throws SignError `UNSAFE_PATH`
 */
export function assertSafeRelativePath(p: string, what = "path"): string {
  const bad = (why: string): never => {
    throw new SignError("UNSAFE_PATH", `${what} ${JSON.stringify(p)} ${why}`, { path: p });
  };
  if (typeof p !== "string" || p.length === 0) bad("is empty");
  if (p.includes("\0")) bad("contains a NUL character");
  if (p.includes("\\")) bad("contains a backslash");
  if (p.startsWith("/")) bad("is absolute");
  if (/^[A-Za-z]:/.test(p)) bad("is a drive path");
  for (const part of p.split("/")) {
    if (part === "") bad("has an empty component");
    if (part === "..") bad("contains '..'");
    if (part === ".") bad("contains '.'");
  }
  return p;
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Normalises ignore paths to POSIX paths relative to `root`; entries that resolve outside the
 * root are dropped, as model_signing does (they cannot match anything).
 */
export function normalizeIgnorePaths(root: string, paths: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    if (typeof p !== "string" || p.length === 0 || p.includes("\0")) continue;
    const abs = isAbsolute(p) ? resolve(p) : resolve(root, p);
    const rel = relative(root, abs);
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) continue;
    out.add(rel.split(sep).join("/"));
  }
  return [...out].sort();
}

async function lstatBig(p: string): Promise<BigIntStats> {
  return lstat(p, { bigint: true });
}

function ioError(e: unknown, path: string): SignError {
  const code = (e as { code?: string })?.code;
  if (code === "ENOENT") return new SignError("MODEL_NOT_FOUND", `${path} does not exist`, { path, cause: e });
  return new SignError("IO_ERROR", `cannot read ${path}: ${code ?? "error"}`, { path, cause: e });
}

function modelNameOf(modelPath: string, resolved: string): string {
  const name = basename(modelPath);
  return name === "" || name === "." || name === ".." ? basename(resolved) : name;
}

async function resolveRegularFile(
  abs: string,
  rel: string,
  st: BigIntStats,
  root: string,
  options: EnumerateOptions,
): Promise<ModelFile> {
  if (st.isSymbolicLink()) {
    if (!options.allowSymlinks)
      throw new SignError("SYMLINK_REFUSED", `${rel} is a symbolic link (allowSymlinks is off)`, { path: rel });
    let target: BigIntStats;
    let real: string;
    try {
      target = await stat(abs, { bigint: true });
      real = await realpath(abs);
    } catch (e) {
      throw new SignError("SYMLINK_REFUSED", `${rel} is a dangling or looping symbolic link`, { path: rel, cause: e });
    }
    if (target.isDirectory())
      throw new SignError("SYMLINK_REFUSED", `${rel} links to a directory (not followed)`, { path: rel });
    if (!target.isFile())
      throw new SignError("NOT_A_REGULAR_FILE", `${rel} links to something that is not a regular file`, { path: rel });
    if ((options.symlinkScope ?? "model") === "model") {
      const inside = relative(root, real);
      if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
        throw new SignError("SYMLINK_REFUSED", `${rel} links outside the model`, { path: rel });
      }
    }
    return {
      path: rel,
      abs,
      size: Number(target.size),
      dev: String(target.dev),
      ino: String(target.ino),
      viaSymlink: true,
    };
  }
  if (!st.isFile()) throw new SignError("NOT_A_REGULAR_FILE", `${rel} is not a regular file`, { path: rel });
  return { path: rel, abs, size: Number(st.size), dev: String(st.dev), ino: String(st.ino), viaSymlink: false };
}

/**
 * Lists the files of a model directory (or a single-file model).
 *
 * @throws SignError `MODEL_NOT_FOUND`, `SYMLINK_REFUSED`, `NOT_A_REGULAR_FILE`, `UNSAFE_PATH`
 *   (a file name that is not valid UTF-8), `IO_ERROR`
 */
export async function enumerateModel(modelPath: string, options: EnumerateOptions = {}): Promise<ModelListing> {
  if (typeof modelPath !== "string" || modelPath.length === 0)
    throw new SignError("INVALID_ARGUMENT", "modelPath must be a non-empty string");
  const given = resolve(modelPath);
  let top: BigIntStats;
  try {
    top = await lstatBig(given);
  } catch (e) {
    throw ioError(e, modelPath);
  }
  let root = given;
  if (top.isSymbolicLink()) {
    if (!options.allowSymlinks)
      throw new SignError("SYMLINK_REFUSED", `the model path ${modelPath} is a symbolic link (allowSymlinks is off)`, {
        path: modelPath,
      });
    try {
      root = await realpath(given);
      top = await lstatBig(root);
    } catch (e) {
      throw new SignError("SYMLINK_REFUSED", `the model path ${modelPath} is a dangling symbolic link`, {
        path: modelPath,
        cause: e,
      });
    }
  }
  const modelName = modelNameOf(modelPath, root);
  if (top.isFile()) {
    const file = {
      path: ".",
      abs: root,
      size: Number(top.size),
      dev: String(top.dev),
      ino: String(top.ino),
      viaSymlink: false,
    };
    return { singleFile: true, modelName, root, files: [file], ignorePaths: [] };
  }
  if (!top.isDirectory())
    throw new SignError("NOT_A_REGULAR_FILE", `the model path ${modelPath} is neither a file nor a directory`, {
      path: modelPath,
    });

  const ignore = normalizeIgnorePaths(root, [
    ...(options.ignorePaths ?? []),
    ...((options.ignoreGitPaths ?? true) ? DEFAULT_GIT_IGNORE_PATHS : []),
  ]);
  const files: ModelFile[] = [];

  if (options.only !== undefined) {
    // Verification with ignoreUnsignedFiles: open exactly the signed names, each checked first.
    for (const rel of options.only) {
      assertSafeRelativePath(rel, "resource name");
      if (ignore.some((ig) => isUnder(rel, ig))) continue;
      // Every intermediate component must be a real directory: no symlink may lead out of the model.
      const parts = rel.split("/");
      let abs = root;
      for (let i = 0; i < parts.length; i++) {
        abs = join(abs, parts[i]!);
        let st: BigIntStats;
        try {
          st = await lstatBig(abs);
        } catch (e) {
          const code = (e as { code?: string })?.code;
          if (code === "ENOENT" || code === "ENOTDIR") break; // reported as removed by the comparison
          throw ioError(e, rel);
        }
        if (i < parts.length - 1) {
          if (st.isSymbolicLink())
            throw new SignError("SYMLINK_REFUSED", `${parts.slice(0, i + 1).join("/")} is a symbolic link`, {
              path: rel,
            });
          if (!st.isDirectory()) break;
          continue;
        }
        if (st.isDirectory())
          throw new SignError("NOT_A_REGULAR_FILE", `the manifest names ${rel}, which is a directory`, { path: rel });
        files.push(await resolveRegularFile(abs, rel, st, root, options));
      }
    }
    return { singleFile: false, modelName, root, files, ignorePaths: ignore };
  }

  const walk = async (dirAbs: string, dirRel: string): Promise<void> => {
    let entries: Awaited<ReturnType<typeof readdir>>;
    try {
      entries = (await readdir(dirAbs, { encoding: "buffer" })) as unknown as Awaited<ReturnType<typeof readdir>>;
    } catch (e) {
      throw ioError(e, dirRel || ".");
    }
    for (const raw of entries as unknown as Buffer[]) {
      const name = decodeUtf8(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
      if (name === undefined) {
        throw new SignError("UNSAFE_PATH", `a file name under ${dirRel || "."} is not valid UTF-8`, {
          path: dirRel || ".",
        });
      }
      const rel = dirRel === "" ? name : `${dirRel}/${name}`;
      if (ignore.some((ig) => isUnder(rel, ig))) continue;
      const abs = join(dirAbs, name);
      let st: BigIntStats;
      try {
        st = await lstatBig(abs);
      } catch (e) {
        throw ioError(e, rel);
      }
      if (st.isDirectory()) await walk(abs, rel);
      else files.push(await resolveRegularFile(abs, rel, st, root, options));
    }
  };
  await walk(root, "");
  return { singleFile: false, modelName, root, files, ignorePaths: ignore };
}
