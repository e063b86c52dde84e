#!/usr/bin/env node
// `npm test` and `npm run demo` on a machine that has only Node (>= 20.19) and npm:
//   1. find pnpm at the version pinned in package.json#packageManager, or install it into
//      .cache/pnpm (no global install, no corepack: corepack checks npm registry signatures,
//      which some registries and mirrors do not serve);
//   2. pnpm install --frozen-lockfile;
//   3. build every package (turbo, telemetry off);
//   4. run the task: `test` (all tests, last line "N passed, N failed, N skipped"), `demo`
//      (the end-to-end demo), or `pnpm <args...>` (any pnpm command with the pinned pnpm).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const [task = "test", ...rest] = process.argv.slice(2);
const isWindows = process.platform === "win32";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  fail(`modelproof needs Node >= 20.19 (found ${process.version}).`);
}

const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager;
const pnpmVersion = /^pnpm@(\d+\.\d+\.\d+)/.exec(pinned ?? "")?.[1];
if (!pnpmVersion) fail(`package.json#packageManager must pin pnpm (found ${pinned}).`);

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
// npm passes its own lifecycle settings down as npm_* variables; pnpm would read some of them
// (npm_config_*) as its own config. Keep registry and proxy settings, drop the rest.
for (const key of Object.keys(env)) {
  if (/^npm_/i.test(key) && !/^npm_config_(registry|.*proxy|cafile|strict_ssl|@.*:registry)$/i.test(key))
    delete env[key];
}

const pnpmDir = ensurePnpm();
env.PATH = [pnpmDir, join(root, "node_modules", ".bin"), env.PATH].filter(Boolean).join(delimiter);

step("installing dependencies (pnpm install --frozen-lockfile)");
run("pnpm", ["install", "--frozen-lockfile"]);

if (task === "pnpm") {
  process.exit(run("pnpm", rest, { allowFailure: true }));
}

step("building all packages (turbo run build)");
run("pnpm", ["run", "build"]);

if (task === "test") {
  step("running all tests");
  process.exit(
    run(process.execPath, [join(root, "tooling", "scripts", "test-ci.mjs"), ...rest], { allowFailure: true }),
  );
} else if (task === "demo") {
  step("running the end-to-end demo (apps/demo)");
  process.exit(run("pnpm", ["--filter", "@modelproof/demo", "run", "demo", ...rest], { allowFailure: true }));
} else {
  fail(`unknown task '${task}' (expected test, demo or pnpm)`);
}

/** Returns a directory holding a `pnpm` executable of the pinned version. */
function ensurePnpm() {
  const localBin = join(root, ".cache", "pnpm", "node_modules", ".bin");
  if (pnpmAt(localBin) === pnpmVersion) return localBin;
  if (!process.env.MODELPROOF_BOOTSTRAP_LOCAL_PNPM && pnpmAt(undefined) === pnpmVersion) return undefined;
  step(`installing pnpm@${pnpmVersion} into .cache/pnpm (npm install)`);
  const code = run(
    "npm",
    [
      "install",
      "--prefix",
      join(root, ".cache", "pnpm"),
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `pnpm@${pnpmVersion}`,
    ],
    { allowFailure: true },
  );
  const got = pnpmAt(localBin);
  if (code !== 0 || got !== pnpmVersion)
    fail(`could not install pnpm@${pnpmVersion} with npm (exit ${code}, found ${got ?? "nothing"}).`);
  return localBin;
}

function pnpmAt(dir) {
  const exe = dir ? join(dir, isWindows ? "pnpm.cmd" : "pnpm") : "pnpm";
  if (dir && !existsSync(exe)) return undefined;
  const r = spawnSync(exe, ["--version"], {
    encoding: "utf8",
    shell: isWindows,
    env: { ...env, PATH: process.env.PATH },
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function run(cmd, args, { allowFailure = false } = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env, shell: isWindows });
  if (r.error) fail(`could not start ${cmd}: ${r.error.message}`);
  const code = r.status ?? 1;
  if (code !== 0 && !allowFailure) fail(`'${cmd} ${args.join(" ")}' failed with exit code ${code}.`);
  return code;
}

function step(message) {
  console.log(`\n[modelproof] ${message}`);
}

function fail(message) {
  console.error(`\n[modelproof] ${message}`);
  process.exit(1);
}
