#!/usr/bin/env node
// `npm run demo`: the end-to-end pipeline on embedded defaults; prints what each step did and
// leaves every artefact in apps/demo/out (or the directory given as the first argument).
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runPipeline } from "./pipeline.mjs";

const outDir = resolve(process.argv[2] ?? fileURLToPath(new URL("../out", import.meta.url)));
console.log("modelproof demo: train -> fingerprint -> describe -> gate -> sign -> attest -> verify -> run\n");
const started = Date.now();
const result = await runPipeline({ outDir, log: (line) => console.log(`  ${line}`) });
console.log(
  `\ndemo finished in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.steps.length} steps, all checks passed`,
);
console.log(
  `artefacts (model, model.sig, provenance, attestation, cards, SBOMs, sealed fingerprints): ${result.outDir}`,
);
