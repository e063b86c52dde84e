// One test preset for every package. Each run writes a JSON report to .vitest/results.json,
// which tooling/scripts/test-ci.mjs sums into the single "N passed, N failed" line.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * @param {string} configUrl import.meta.url of the package's vitest.config.ts
 * @param {import("vitest/config").ViteUserConfig["test"]} [overrides]
 */
export function definePackageTests(configUrl, overrides = {}) {
  const root = fileURLToPath(new URL(".", configUrl));
  const pkg = JSON.parse(readFileSync(new URL("./package.json", configUrl), "utf8"));
  return defineConfig({
    root,
    test: {
      name: pkg.name,
      include: ["test/**/*.test.ts"],
      exclude: ["**/node_modules/**", "**/*.slow.test.ts"],
      restoreMocks: true,
      testTimeout: 30_000,
      reporters: ["default", "json"],
      outputFile: { json: ".vitest/results.json" },
      benchmark: { include: ["bench/**/*.bench.ts"] },
      ...overrides,
    },
  });
}
