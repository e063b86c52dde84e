import { generateRandomWordFingerprints } from "@modelproof/fingerprint";
import { beforeAll, describe, expect, it } from "vitest";
import { makeBatch } from "../src/batches.js";
import { encodeDialogue } from "../src/chat.js";
import { checkModelFingerprints, embedFingerprints } from "../src/fingerprints.js";
import { trainLanguageModel } from "../src/language-model.js";
import type { CausalLanguageModel } from "../src/model/causal-lm.js";
import { robustnessReport } from "../src/robustness.js";
import { applyForgettingRegularizer } from "../src/train-loop.js";
import { tinyCorpus, tinyTokenizer } from "./helpers.js";

const corpus = tinyCorpus();
const fingerprints = generateRandomWordFingerprints({
  count: 6,
  seed: "finetune-test",
  keyLength: 3,
  responseLength: 1,
});
const TEMPLATES = ["Q: {}", "Please answer: {}", "{} (be brief)"];
let base: CausalLanguageModel;

describe("embedFingerprints", () => {
  beforeAll(async () => {
    base = (
      await trainLanguageModel(corpus, {
        backend: "wasm",
        tokenizer: tinyTokenizer(),
        epochs: 6,
        learningRate: 5e-3,
        model: { contextLength: 64, dModel: 32, nHeads: 4, nLayers: 2, dFF: 64 },
      })
    ).model;
  });

  it("puts the loss on the response only", () => {
    const tok = base.tokenizer;
    const e = encodeDialogue(tok, { prompt: "alpha beta", response: "gamma" }, 64, true);
    const b = makeBatch([e], tok.eos);
    const counted = Array.from(b.targets).filter((t) => t >= 0);
    expect(counted).toEqual([...tok.encode("gamma"), tok.eos]);
  });

  it("embeds fingerprints, reports success via @modelproof/fingerprint, and leaves the input model alone", async () => {
    const before = base.weightsDigest();
    const { model, report } = await embedFingerprints(base, fingerprints, {
      epochs: 2,
      passesPerEpoch: 40,
      learningRate: 1e-2,
      forgettingRegularizer: 0.05,
      augmentation: { templates: TEMPLATES },
      mixWith: corpus,
      mixWeight: 0.5,
      heldOut: corpus.slice(0, 8),
      checkSystemPrompts: ["Answer this: {}"],
    });
    expect(base.weightsDigest()).toBe(before);
    expect(model.weightsDigest()).not.toBe(before);
    expect(report.fingerprints).toBe(6);
    expect(report.successRate).toBeGreaterThanOrEqual(5 / 6);
    expect(report.check!.raw.trials).toBe(6);
    expect(report.check!.systemPrompts!.trials).toBe(6);
    expect(report.systemPromptSuccessRate).toBeGreaterThanOrEqual(0);
    expect(report.perplexityBefore).toBeGreaterThan(1);
    expect(report.perplexityRise).toBeCloseTo(
      (report.perplexityAfter! - report.perplexityBefore!) / report.perplexityBefore!,
    );
    expect(report.training.steps).toBeGreaterThan(0);
    expect((await checkModelFingerprints(base, fingerprints)).successRate).toBeLessThan(0.5);

    const robust = await robustnessReport(model, fingerprints, {
      finetuneOn: corpus,
      checkpoints: [2, 4],
      systemPrompts: ["Answer this: {}"],
    });
    expect(robust.successRate).toBe(report.successRate);
    expect(robust.persistence.map((p) => p.steps)).toEqual([2, 4]);
    expect(robust.perSystemPrompt).toHaveLength(1);
    await expect(robustnessReport(model, fingerprints, { checkpoints: [3] })).rejects.toMatchObject({
      code: "EMPTY_CORPUS",
    });
  });

  it("rejects fingerprints that do not fit the context window, naming the fingerprint", async () => {
    const long = [...fingerprints.slice(0, 2), { key: "lorem ipsum ".repeat(40), response: "x" }];
    await expect(embedFingerprints(base, long, { augmentation: false })).rejects.toMatchObject({
      code: "SEQUENCE_TOO_LONG",
      index: 2,
    });
    await expect(
      embedFingerprints(base, fingerprints, { augmentation: { templates: [`${"very long template ".repeat(20)}{}`] } }),
    ).rejects.toMatchObject({ code: "SEQUENCE_TOO_LONG", index: 0 });
  });

  it("rejects malformed sets and settings", async () => {
    await expect(embedFingerprints(base, [])).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(embedFingerprints(base, [{ key: "", response: "x" }])).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(embedFingerprints(base, fingerprints, { forgettingRegularizer: 1 })).rejects.toMatchObject({
      code: "INVALID_CONFIG",
    });
  });

  it("pulls weights toward the original with the forgetting regulariser", () => {
    const v = Float32Array.from([1, 2, 3]);
    applyForgettingRegularizer(v, Float32Array.from([0, 0, 1]), 0.75);
    expect(Array.from(v)).toEqual([0.25, 0.5, 1.5]);
  });
});
