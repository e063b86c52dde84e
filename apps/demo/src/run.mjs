#!/usr/bin/env node
// `npm run demo`: runs the end-to-end pipeline on embedded defaults and prints what each step did.
import { runPipeline } from "./pipeline.mjs";

console.log("modelproof demo: the end-to-end path that exists so far\n");
const result = await runPipeline({ log: (line) => console.log(`  ${line}`) });
console.log(`\ndemo finished: ${result.steps.length} steps, all checks passed`);
