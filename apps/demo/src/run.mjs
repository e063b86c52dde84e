#!/usr/bin/env node
// `npm run demo`: runs the end-to-end pipeline and prints what each step did.
import { runPipeline } from "./pipeline.mjs";

const result = await runPipeline({ log: (line) => console.log(line) });
console.log(`\ndemo finished: ${result.steps.length} steps, all checks passed`);
