import { definePackageBuild } from "@modelproof/tooling/tsup";

// The hash worker is a second entry: hashModel starts it with `new Worker(new URL(...))` next to
// the file that runs (dist/index.js -> dist/hash-worker.js, dist/index.cjs -> dist/hash-worker.cjs).
// `shims` gives the CJS build an `import.meta.url`. Types are only emitted for the public entry.
export default definePackageBuild({
  entry: ["src/index.ts", "src/hash-worker.js"],
  platform: "node",
  shims: true,
  dts: { entry: "src/index.ts" },
});
