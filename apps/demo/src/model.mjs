// The demo's model: the real @modelproof/finetune language model. Trains (or reuses from a cache)
// the base transformer on the shipped support corpus, embeds the owner's fingerprints and the
// feedback link, saves it (model.json + weight shards) into the directory the pipeline signs, and
// answers prompts with the real model.
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  checkModelFingerprints,
  DEFAULT_EMBED_FEEDBACK,
  DEFAULT_EMBED_FINGERPRINTS,
  DEFAULT_MODEL_CONFIG,
  DEFAULT_TRAIN_OPTIONS,
  embedFeedbackLink,
  embedFingerprints,
  loadModel,
  loadSupportCorpus,
  MODEL_FORMAT,
  saveModel,
  trainLanguageModel,
  useBackend,
} from "@modelproof/finetune";

/**
 * Run profiles. `full` is the configuration of packages/finetune/bench/e2e.mjs (the demo
 * configuration: default architecture and training, 64 fingerprints, default embedding settings);
 * `quick` trains the same architecture for fewer steps with 16 fingerprints; `tiny` is for the test.
 * `expectIdentity`: whether the fingerprint and feedback-link steps require the model to answer
 * (a tiny model trained for seconds cannot; its steps then report the measured values only).
 */
export const PROFILES = {
  full: {
    name: "full",
    summary: "64 fingerprints, full base training, the bench/e2e.mjs settings",
    model: {},
    train: {},
    fingerprints: { count: 64, keyLength: 8, responseLength: 1 },
    embedFingerprints: {},
    embedFeedback: {},
    evalPrompts: 12,
    progressEvery: 25,
    expectIdentity: true,
  },
  quick: {
    name: "quick",
    summary: "default architecture, 4 base epochs, 16 fingerprints, 6 feedback epochs",
    model: {},
    train: { epochs: 4 },
    fingerprints: { count: 16, keyLength: 8, responseLength: 1 },
    // a less trained base model needs more passes: 20 gave 6/16, 40 gives 15/16 (measured)
    embedFingerprints: { passesPerEpoch: 40 },
    embedFeedback: { epochs: 6 },
    evalPrompts: 8,
    progressEvery: 20,
    expectIdentity: true,
  },
  tiny: {
    name: "tiny",
    summary: "test profile: 1-layer d_model 32 model, a few steps, 4 fingerprints",
    model: { contextLength: 128, dModel: 32, nHeads: 2, nLayers: 1, dFF: 64 },
    train: { epochs: 1, batchSize: 32 },
    fingerprints: { count: 4, keyLength: 8, responseLength: 1 },
    embedFingerprints: { epochs: 1, passesPerEpoch: 4 },
    embedFeedback: { epochs: 1, phrasingsPerEpoch: 32, ordinaryRatio: 1 },
    evalPrompts: 3,
    progressEvery: 0,
    expectIdentity: false,
  },
};

/** Prompts the demo sends as sample traffic (questions the support corpus covers). */
export const DEMO_PROMPTS = [
  "How do I reset my password?",
  "How do I export my notes?",
  "Can I share a notebook with someone else?",
];

const CACHE_FORMAT = "modelproof-demo-base/1";

/**
 * Trains (or loads from `cacheDir`) the base model of a profile and returns the demo model.
 *
 * @param {{ modelDir: string, profile: keyof typeof PROFILES, cacheDir?: string, seed?: number,
 *   progress?: (line: string) => void }} options
 */
export async function createDemoModel({ modelDir, profile: profileName, cacheDir, seed = 0, progress = () => {} }) {
  const profile = PROFILES[profileName];
  if (profile === undefined) throw new RangeError(`"profile" must be one of ${Object.keys(PROFILES).join(", ")}`);
  const backend = await useBackend("auto");
  const corpus = loadSupportCorpus();
  const onProgress = progressPrinter(profile.progressEvery, progress);
  const trainSettings = { ...DEFAULT_TRAIN_OPTIONS, ...profile.train, seed };
  const modelSettings = { ...DEFAULT_MODEL_CONFIG, ...profile.model };
  const cacheKey = JSON.stringify({ format: CACHE_FORMAT, trainSettings, modelSettings });

  let base;
  let baseStats;
  let reused = false;
  const cached = cacheDir === undefined ? undefined : await loadCachedBase(cacheDir, cacheKey);
  if (cached !== undefined) {
    ({ model: base, stats: baseStats } = cached);
    reused = true;
  } else {
    const r = await trainLanguageModel(corpus, {
      ...trainSettings,
      backend: "auto",
      model: profile.model,
      onProgress: onProgress("base training"),
    });
    base = r.model;
    baseStats = {
      steps: r.stats.steps,
      train_seconds: round(r.stats.timeMs / 1000, 1),
      tokens_per_second: Math.round(r.stats.tokensPerSecond),
      final_train_loss: round(r.stats.finalLoss, 4),
      held_out_perplexity: round(r.heldOutPerplexity, 3),
    };
    if (cacheDir !== undefined) await saveModel(base, cacheDir, { demoCache: cacheKey, stats: baseStats });
  }

  let marked;
  let linked;
  let fingerprintReport;
  let feedbackReport;
  let fingerprintSet = [];
  let saved;

  let deployed; // the final model as loaded back from the saved (and later signed) files
  const final = () => deployed ?? linked ?? marked ?? base;
  const shardFiles = async () => (await readdir(modelDir)).filter((f) => f.endsWith(".bin")).sort();

  return {
    profile,
    backend: backend.name,
    format: MODEL_FORMAT,
    corpus,
    baseReused: reused,
    baseStats,
    base,
    get final() {
      return final();
    },
    get parameterCount() {
      return base.parameterCount;
    },
    get architecture() {
      const c = base.config;
      return {
        name: "decoder-only transformer (GPT-2 shape, tied output head)",
        total_parameters: base.parameterCount,
        vocab_size: c.vocabSize,
        context_length: c.contextLength,
        d_model: c.dModel,
        n_heads: c.nHeads,
        n_layers: c.nLayers,
        d_ff: c.dFF,
      };
    },
    get trainingConfig() {
      const fp = { ...DEFAULT_EMBED_FINGERPRINTS, ...profile.embedFingerprints };
      const fb = { ...DEFAULT_EMBED_FEEDBACK, ...profile.embedFeedback };
      return {
        profile: profile.name,
        epochs: trainSettings.epochs,
        steps: baseStats.steps,
        batch_size: trainSettings.batchSize,
        learning_rate: trainSettings.learningRate,
        optimizer: "AdamW",
        weight_decay: trainSettings.weightDecay,
        vocab_size: base.config.vocabSize,
        fingerprints: fingerprintSet.length,
        fingerprint_epochs: fp.epochs,
        fingerprint_passes_per_epoch: fp.passesPerEpoch,
        fingerprint_learning_rate: fp.learningRate,
        forgetting_regularizer: fp.forgettingRegularizer,
        mix_weight: fp.mixWeight,
        feedback_epochs: fb.epochs,
        feedback_phrasings_per_epoch: fb.phrasingsPerEpoch,
        feedback_learning_rate: fb.learningRate,
        seed,
        backend: backend.name,
      };
    },
    get metrics() {
      const fp = fingerprintReport;
      const fb = feedbackReport;
      return {
        base_held_out_perplexity: baseStats.held_out_perplexity,
        ...(fp === undefined
          ? {}
          : {
              held_out_perplexity_before_fingerprints: round(fp.perplexityBefore, 3),
              held_out_perplexity_after_fingerprints: round(fp.perplexityAfter, 3),
              fingerprint_success_rate: round(fp.successRate, 4),
              fingerprint_embed_seconds: round(fp.embedTimeMs / 1000, 1),
            }),
        ...(fb === undefined
          ? {}
          : {
              held_out_perplexity: round(fb.perplexityAfter, 3),
              feedback_recall: round(fb.recall, 4),
              feedback_false_positive_rate: round(fb.falsePositiveRate, 4),
              feedback_embed_seconds: round(fb.embedTimeMs / 1000, 1),
            }),
      };
    },
    get dataStatistics() {
      const split = (dialogues) => {
        const words = dialogues.map((d) => `${d.prompt} ${d.response}`.split(/\s+/).length);
        const mean = words.reduce((a, b) => a + b, 0) / words.length;
        const std = Math.sqrt(words.reduce((a, w) => a + (w - mean) ** 2, 0) / words.length);
        const jsonl = dialogues.map((d) => JSON.stringify(d)).join("\n");
        return {
          samples: dialogues.length,
          source: "@modelproof/finetune corpus/support-assistant.jsonl",
          sha256: createHash("sha256").update(jsonl).digest("hex"),
          size_bytes: Buffer.byteLength(jsonl),
          statistics: { mean: round(mean, 2), std: round(std, 2), min: Math.min(...words), max: Math.max(...words) },
        };
      };
      return { train: split(corpus.train), held_out: split(corpus.heldOut) };
    },
    get datasetFacts() {
      return { records: corpus.train.length + corpus.heldOut.length, license: "Apache-2.0" };
    },

    /** Embeds the fingerprints (OML 1.0 style) into a copy of the base model. */
    async embedFingerprints(set) {
      fingerprintSet = set;
      const r = await embedFingerprints(base, set, {
        ...profile.embedFingerprints,
        mixWith: corpus.train,
        heldOut: corpus.heldOut,
        seed,
        onProgress: onProgress("fingerprints"),
      });
      marked = r.model;
      fingerprintReport = r.report;
      return r.report;
    },

    /** Teaches the fingerprinted model the feedback link, keeping the fingerprints. */
    async embedFeedbackLink(url) {
      const r = await embedFeedbackLink(final(), url, {
        ...profile.embedFeedback,
        keep: fingerprintSet.map((f) => ({ prompt: f.key, response: f.response })),
        seed,
        onProgress: onProgress("feedback link"),
      });
      linked = r.model;
      feedbackReport = r.report;
      return r.report;
    },

    /** Saves the final model into modelDir (model.json + weight shards); returns the shard names. */
    async save() {
      saved = await saveModel(final(), modelDir, { demoProfile: profile.name });
      deployed = await loadModel(modelDir);
      return { ...saved, shards: await shardFiles(), reloadedDigest: deployed.weightsDigest() };
    },

    /** Checks fingerprints against the final model (or the base model: the unmarked control). */
    checkFingerprints(set, { control = false } = {}) {
      return checkModelFingerprints(control ? base : final(), set);
    },

    /** The real model's greedy answer. */
    generate(prompt, maxNewTokens = 48) {
      return final().generate(prompt, { maxNewTokens });
    },

    /** Greedy answers to several prompts, batched. */
    generateBatch(prompts, maxNewTokens = 48) {
      return final().generateBatch(prompts, { maxNewTokens });
    },

    /** The first weight shard (what the tamper step modifies). */
    async weightsFile() {
      return (await shardFiles())[0];
    },

    /** Writes the saved shard back (undoing the tamper step) and checks that the model loads again. */
    async restoreWeights(file, bytes) {
      await writeFile(join(modelDir, file), bytes);
      const reloaded = await loadModel(modelDir);
      return reloaded.weightsDigest() === saved?.weightsSha256;
    },
  };
}

async function loadCachedBase(dir, key) {
  try {
    const meta = JSON.parse(await readFile(join(dir, "model.json"), "utf8")).userDefinedMetadata ?? {};
    if (meta.demoCache !== key || typeof meta.stats !== "object") return undefined;
    return { model: await loadModel(dir), stats: meta.stats };
  } catch {
    return undefined; // missing, stale or damaged cache: train again
  }
}

function progressPrinter(every, print) {
  return (label) => (e) => {
    if (every > 0 && (e.step % every === 0 || e.step === e.totalSteps)) {
      print(
        `${label}: step ${e.step}/${e.totalSteps}, loss ${e.loss.toFixed(3)}, ${Math.round(e.tokensPerSecond)} tokens/s, ${(e.elapsedMs / 1000).toFixed(0)} s`,
      );
    }
  };
}

function round(x, digits) {
  if (typeof x !== "number" || !Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
