// Locates ../shared/fixtures (public interop data kept outside the repository).
// Suites that need it skip with a printed reason when it is absent, e.g. in a user's fresh clone.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Absolute path of ../shared/fixtures (override with MODELPROOF_FIXTURES), or undefined when absent. */
export function sharedFixturesDir() {
  const dir = process.env.MODELPROOF_FIXTURES ?? resolve(repoRoot, "..", "shared", "fixtures");
  return existsSync(dir) ? dir : undefined;
}

/**
 * Path of a fixture folder and whether suites using it should skip.
 * @param {string} sub folder under shared/fixtures, e.g. "merkle/testdata"
 */
export function fixture(sub) {
  const base = sharedFixturesDir();
  const path = base ? join(base, sub) : undefined;
  const present = path !== undefined && existsSync(path);
  if (!present) {
    console.warn(
      `[modelproof] skipping suites that use shared fixtures '${sub}': folder not found (expected at ../shared/fixtures/${sub} or $MODELPROOF_FIXTURES)`,
    );
  }
  return { path: present ? path : "", present, skip: !present };
}
