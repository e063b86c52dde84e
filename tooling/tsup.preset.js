// One build preset for every published package: ESM + CJS + .d.ts from src/index.ts.
// Only options that tsdown also understands, so a later move stays a small change.
import { defineConfig } from "tsup";

/**
 * @param {import("tsup").Options} [overrides] merged over the defaults (e.g. extra entries)
 */
export function definePackageBuild(overrides = {}) {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    platform: "neutral",
    treeshake: true,
    ...overrides,
  });
}
