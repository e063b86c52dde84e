import type { Options } from "tsup";
/** Shared tsup build: ESM + CJS + .d.ts from src/index.ts. */
export declare function definePackageBuild(overrides?: Options): ReturnType<typeof import("tsup").defineConfig>;
