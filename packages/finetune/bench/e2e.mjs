// End-to-end run of the targets on the demo configuration (wasm backend, 2 CPU cores):
// train the base model on the shipped corpus, embed 64 OML fingerprints, embed the feedback link,
// check robustness, save and reload byte-exactly; writes a JSON report with every measured number.
//
// node bench/e2e.mjs [--out report.json] [--base dir-of-saved-base-model] [--set key=value ...]
//   --base: reuse (or create, when missing) a saved base model there, to skip base training
//   --set:  override a setting below, e.g. --set augmentation=on (every training setting is the
//           package default: DEFAULT_EMBED_FINGERPRINTS, DEFAULT_EMBED_FEEDBACK, DEFAULT_TRAIN_OPTIONS)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateRandomWordFingerprints } from "@modelproof/fingerprint";
import { machineInfo } from "@modelproof/tooling/bench";
import {
  checkModelFingerprints,
  embedFeedbackLink,
  embedFingerprints,
  evaluatePerplexity,
  loadModel,
  loadSupportCorpus,
  robustnessReport,
  saveModel,
  trainLanguageModel,
  useBackend,
} from "../dist/index.js";

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const settings = {
  backend: "wasm",
  fingerprints: 64,
  keyLength: 8,
  responseLength: 1,
  augmentation: "off",
  url: "https://registry.modelproof.dev/models/driftwood-support-lm/report",
  robustnessSteps: "25,50,100",
  seed: 0,
};
args.forEach((a, i) => {
  if (a !== "--set") return;
  const [k, v] = args[i + 1].split("=");
  if (!(k in settings)) throw new Error(`unknown setting ${k}`);
  settings[k] = typeof settings[k] === "number" ? Number(v) : v;
});
const TARGETS = { successRate: 0.95, perplexityRise: 0.05, recall: 0.9, falsePositiveRate: 0.05, embedSeconds: 180 };

const log = (...m) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...m);
const every = (n, label) => (e) => {
  if (e.step % n === 0 || e.step === e.totalSteps)
    log(`${label} step ${e.step}/${e.totalSteps} loss ${e.loss.toFixed(3)} ${(e.elapsedMs / 1000).toFixed(0)}s`);
};

const report = { machine: machineInfo(), date: new Date().toISOString(), settings, targets: TARGETS };
const backend = await useBackend(settings.backend);
report.backend = backend;
const corpus = loadSupportCorpus();
report.corpus = { train: corpus.train.length, heldOut: corpus.heldOut.length };

// 1. base model
const baseDir = flag("base");
let base;
if (baseDir !== undefined && existsSync(join(baseDir, "model.json"))) {
  base = await loadModel(baseDir);
  report.base = { loadedFrom: baseDir };
} else {
  const t = performance.now();
  const r = await trainLanguageModel(corpus, {
    backend: settings.backend,
    seed: settings.seed,
    onProgress: every(50, "base"),
  });
  base = r.model;
  report.base = {
    trainSeconds: (performance.now() - t) / 1000,
    steps: r.stats.steps,
    stepsPerSecond: r.stats.stepsPerSecond,
    tokensPerSecond: r.stats.tokensPerSecond,
    finalTrainLoss: r.stats.finalLoss,
  };
  if (baseDir !== undefined) await saveModel(base, baseDir);
}
report.base.parameters = base.parameterCount;
report.base.config = base.config;
report.base.heldOutPerplexity = (await evaluatePerplexity(base, corpus.heldOut)).perplexity;
log("base model", JSON.stringify(report.base));

// 2. fingerprints
const fingerprints = generateRandomWordFingerprints({
  count: settings.fingerprints,
  seed: `modelproof-e2e-${settings.seed}`,
  keyLength: settings.keyLength,
  responseLength: settings.responseLength,
});
const fp = await embedFingerprints(base, fingerprints, {
  mixWith: corpus.train,
  augmentation: settings.augmentation === "on",
  heldOut: corpus.heldOut,
  seed: settings.seed,
  onProgress: every(25, "fingerprints"),
});
const r1 = fp.report;
report.fingerprints = {
  count: r1.fingerprints,
  successRate: r1.successRate,
  tokenMatchRate: r1.check.tokenMatchRate,
  systemPromptSuccessRate: r1.systemPromptSuccessRate,
  perplexityBefore: r1.perplexityBefore,
  perplexityAfter: r1.perplexityAfter,
  perplexityRise: r1.perplexityRise,
  embedSeconds: r1.embedTimeMs / 1000,
  evalSeconds: r1.evalTimeMs / 1000,
  steps: r1.training.steps,
  stepsPerSecond: r1.training.stepsPerSecond,
  verdict: r1.check.verdict,
};
log("fingerprints", JSON.stringify(report.fingerprints));

// 3. feedback link (on top of the fingerprinted model, keeping the fingerprints)
const fb = await embedFeedbackLink(fp.model, settings.url, {
  keep: fingerprints.map((f) => ({ prompt: f.key, response: f.response })),
  seed: settings.seed,
  onProgress: every(25, "feedback"),
});
const r2 = fb.report;
report.feedbackLink = {
  url: r2.url,
  recall: r2.recall,
  falsePositiveRate: r2.falsePositiveRate,
  heldOutFeedbackPhrasings: r2.positives,
  heldOutOrdinaryPrompts: r2.negatives,
  missed: r2.missed,
  validationRecall: r2.validationRecall,
  falsePositives: r2.falsePositives,
  perplexityBefore: r2.perplexityBefore,
  perplexityAfter: r2.perplexityAfter,
  perplexityRise: r2.perplexityRise,
  embedSeconds: r2.embedTimeMs / 1000,
  evalSeconds: r2.evalTimeMs / 1000,
};
log(
  "feedback link",
  JSON.stringify({ ...report.feedbackLink, missed: r2.missed.length, falsePositives: r2.falsePositives.length }),
);

// 4. the final model: fingerprints still there after the feedback fine-tune; robustness
const final = fb.model;
const after = await checkModelFingerprints(final, fingerprints, []);
report.final = {
  fingerprintSuccessRate: after.successRate,
  heldOutPerplexity: (await evaluatePerplexity(final, corpus.heldOut)).perplexity,
};
report.final.perplexityRiseOverBase = report.final.heldOutPerplexity / report.base.heldOutPerplexity - 1;
const rob = await robustnessReport(final, fingerprints, {
  finetuneOn: corpus.train,
  checkpoints: settings.robustnessSteps.split(",").map(Number),
  onProgress: every(50, "robustness"),
});
report.robustness = {
  successRate: rob.successRate,
  systemPromptSuccessRate: rob.systemPromptSuccessRate,
  persistence: rob.persistence,
  seconds: rob.timeMs / 1000,
};
log("robustness", JSON.stringify(report.robustness));

// 5. save, reload, compare bytes
const dir = mkdtempSync(join(tmpdir(), "mp-e2e-"));
try {
  const saved = await saveModel(final, join(dir, "model"));
  const loaded = await loadModel(join(dir, "model"));
  const resaved = await saveModel(loaded, join(dir, "again"));
  report.saveLoad = {
    weightsSha256: saved.weightsSha256,
    byteExact: saved.weightsSha256 === resaved.weightsSha256 && loaded.weightsDigest() === saved.weightsSha256,
    weightBytes: saved.weightBytes,
  };
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const f = report.fingerprints;
const l = report.feedbackLink;
report.verdicts = {
  fingerprintSuccess: {
    target: `>= ${TARGETS.successRate}`,
    measured: f.successRate,
    met: f.successRate >= TARGETS.successRate,
  },
  perplexityRise: {
    target: `<= ${TARGETS.perplexityRise}`,
    measured: f.perplexityRise,
    met: f.perplexityRise <= TARGETS.perplexityRise,
  },
  feedbackRecall: { target: `>= ${TARGETS.recall}`, measured: l.recall, met: l.recall >= TARGETS.recall },
  feedbackFalsePositiveRate: {
    target: `<= ${TARGETS.falsePositiveRate}`,
    measured: l.falsePositiveRate,
    met: l.falsePositiveRate <= TARGETS.falsePositiveRate,
  },
  embeddingSeconds: {
    target: `<= ${TARGETS.embedSeconds}`,
    measured: f.embedSeconds,
    met: f.embedSeconds <= TARGETS.embedSeconds,
  },
};
log("verdicts", JSON.stringify(report.verdicts, null, 1));
const out = flag("out") ?? "e2e-report.json";
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
log(`wrote ${out}`);
