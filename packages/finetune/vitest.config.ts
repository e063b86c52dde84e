import { definePackageTests } from "@modelproof/tooling/vitest";

// Tests train tiny models on the wasm and cpu backends: run files in one fork at a time so they
// do not compete for the two cores, and give the slowest a generous timeout.
export default definePackageTests(import.meta.url, { testTimeout: 120_000, fileParallelism: false });
