#!/usr/bin/env node
// Runs every workspace package's tests through turbo (--continue, so one failure does not hide the
// others), then prints one closing line "N passed, N failed, N skipped" summed over the vitest JSON
// reports. Exit code: non-zero when turbo failed, a test failed, or no test ran at all.
// Extra arguments go to turbo, e.g. `node tooling/scripts/test-ci.mjs --filter=./packages/*`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const workspaceDirs = ["packages", "apps", "tooling"].flatMap((group) => {
  const dir = join(root, group);
  if (!existsSync(dir)) return [];
  if (existsSync(join(dir, "package.json"))) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(dir, e.name));
});
const reportPath = (dir) => join(dir, ".vitest", "results.json");
for (const dir of workspaceDirs) rmSync(reportPath(dir), { force: true });

// The Node that runs the tests is the first `node` on PATH (CI puts Node 24 there for a second
// run). Its version goes into turbo's cache key, so a run on one Node never replays another's.
const testNode = spawnSync("node", ["--version"], { encoding: "utf8", shell: process.platform === "win32" });
const testNodeVersion = testNode.stdout?.trim() || "unknown";
console.log(`[modelproof] running tests on Node ${testNodeVersion}`);

const turboBin = join(root, "node_modules", ".bin", process.platform === "win32" ? "turbo.cmd" : "turbo");
const turbo = spawnSync(turboBin, ["run", "test", "--continue", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", MODELPROOF_TEST_NODE: testNodeVersion },
});
if (turbo.error) console.error(`could not start ${turboBin}: ${turbo.error.message}`);

let passed = 0;
let failed = 0;
let skipped = 0;
const perPackage = [];
for (const dir of workspaceDirs) {
  const file = reportPath(dir);
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, "utf8"));
  const p = r.numPassedTests ?? 0;
  const f = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
  const s = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  passed += p;
  failed += f;
  skipped += s;
  perPackage.push(`  ${dir.slice(root.length + 1).padEnd(28)} ${p} passed, ${f} failed, ${s} skipped`);
}
console.log("\nTest summary by package:");
console.log(perPackage.length ? perPackage.join("\n") : "  (no test reports found)");
const turboCode = turbo.status ?? 1;
if (turboCode !== 0 && failed === 0) {
  // A package whose runner crashed writes no failing test: count it, never report green.
  failed += 1;
  console.log("  turbo reported a failing task without a failing test: counted as 1 failure");
}
// The last line of output, in the plain form CI reads.
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(turboCode !== 0 || failed > 0 || passed === 0 ? 1 : 0);
