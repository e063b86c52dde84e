import type { ViteUserConfig } from "vitest/config";
/** Shared vitest config: test/**\/*.test.ts, JSON report in .vitest/results.json. */
export declare function definePackageTests(configUrl: string, overrides?: ViteUserConfig["test"]): ViteUserConfig;
