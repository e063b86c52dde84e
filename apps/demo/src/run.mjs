#!/usr/bin/env node
// `npm run demo`: the end-to-end pipeline on the real @modelproof/finetune model; prints what each
// step did and leaves every artefact in apps/demo/out (or the directory given as an argument).
//
//   node apps/demo/src/run.mjs [out-dir] [--quick | --full | --tiny | --profile NAME] [--no-cache]
//
// quick (default): real training, shortened (about 1-2 minutes on 2 cores); full: the issue's demo
// configuration (64 fingerprints, full base training; several minutes); tiny: the test's profile.
// The trained base model is cached in apps/demo/out/cache/<profile> and reused when it loads.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PROFILES } from "./model.mjs";
import { runPipeline } from "./pipeline.mjs";

const args = process.argv.slice(2);
let profile = "quick";
let useCache = true;
let outArg;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--profile") profile = args[++i];
  else if (a.startsWith("--profile=")) profile = a.slice("--profile=".length);
  else if (a === "--no-cache") useCache = false;
  else if (a.startsWith("--") && a.slice(2) in PROFILES) profile = a.slice(2);
  else if (a === "--help" || a === "-h") {
    console.log("usage: run.mjs [out-dir] [--quick | --full | --tiny | --profile NAME] [--no-cache]");
    process.exit(0);
  } else if (a.startsWith("-")) {
    console.error(`unknown option ${a} (try --help)`);
    process.exit(2);
  } else outArg = a;
}
if (!(profile in PROFILES)) {
  console.error(`unknown profile ${profile} (expected ${Object.keys(PROFILES).join(", ")})`);
  process.exit(2);
}

const defaultOut = fileURLToPath(new URL("../out", import.meta.url));
const outDir = resolve(outArg ?? defaultOut);
const cacheDir = useCache ? join(defaultOut, "cache", profile) : undefined;
console.log("modelproof demo: train -> fingerprint -> describe -> gate -> sign -> attest -> verify -> run");
console.log(`profile: ${profile} (${PROFILES[profile].summary})\n`);
const started = Date.now();
const result = await runPipeline({
  outDir,
  profile,
  cacheDir,
  log: (line) => console.log(`  ${line}`),
  progress: (line) => console.log(`       ${line}`),
});
const m = result.measured;
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\ndemo finished in ${seconds} s: ${result.steps.length} steps, all checks passed`);
console.log(`measured (${result.profile} profile, ${m.parameters.toLocaleString("en")} parameters):`);
console.log(
  `  base model: ${m.base_reused ? "reused from cache" : `${m.base_steps} steps in ${m.base_train_seconds} s`}, held-out perplexity ${m.base_held_out_perplexity}`,
);
console.log(
  `  fingerprints: ${m.fingerprints}, success rate ${m.fingerprint_success_rate} after embedding, ${m.fingerprint_check_success_rate} on the final model (control ${m.control_success_rate}); held-out perplexity ${m.held_out_perplexity_before_fingerprints} -> ${m.held_out_perplexity_after_fingerprints}, embedding ${m.fingerprint_embed_seconds} s`,
);
console.log(
  `  feedback link: recall ${m.feedback_recall}, false-positive rate ${m.feedback_false_positive_rate}, final held-out perplexity ${m.held_out_perplexity}`,
);
if (result.profile === "full") {
  // @modelproof/finetune's targets (packages/finetune/bench/e2e.mjs); met or not, as measured here.
  const rise = m.held_out_perplexity_after_fingerprints / m.held_out_perplexity_before_fingerprints - 1;
  const verdict = (ok) => (ok ? "met" : "NOT met");
  console.log(
    `  targets: fingerprint success >= 0.95 ${verdict(m.fingerprint_success_rate >= 0.95)}, perplexity rise <= 5% ${verdict(rise <= 0.05)} (${(rise * 100).toFixed(1)}%), feedback recall >= 0.9 ${verdict(m.feedback_recall >= 0.9)}, false-positive rate <= 0.05 ${verdict(m.feedback_false_positive_rate <= 0.05)}, embedding <= 180 s ${verdict(m.fingerprint_embed_seconds <= 180)}`,
  );
} else {
  console.log(
    `  (${result.profile} profile: these numbers are not the package's targets, which bench/e2e.mjs and --full measure)`,
  );
}
console.log(
  `artefacts (model, model.sig, provenance, attestation, cards, SBOMs, sealed fingerprints): ${result.outDir}`,
);
