import { describe, expect, it } from "vitest";
import type { FinetuneError } from "../src/errors.js";
import { evaluatePerplexity } from "../src/evaluate.js";
import { trainLanguageModel } from "../src/language-model.js";
import type { ProgressEvent } from "../src/train-loop.js";
import { TINY_CONFIG, tinyCorpus, tinyTokenizer } from "./helpers.js";

const corpus = tinyCorpus();

describe("trainLanguageModel", () => {
  it("trains a model whose loss falls and that learned the corpus", async () => {
    const events: ProgressEvent[] = [];
    const { model, stats, backend, heldOutPerplexity } = await trainLanguageModel(
      { train: corpus.slice(0, 40), heldOut: corpus.slice(40) },
      {
        backend: "wasm",
        vocabSize: 300,
        epochs: 12,
        model: TINY_CONFIG,
        learningRate: 5e-3,
        onProgress: (e) => events.push(e),
      },
    );
    expect(backend.name).toBe("wasm");
    expect(stats.steps).toBe(3 * 12);
    expect(stats.epochLosses[stats.epochLosses.length - 1]!).toBeLessThan(stats.epochLosses[0]! * 0.5);
    expect(events.map((e) => e.step)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(
      events.every((e) => e.phase === "train-language-model" && e.totalSteps === 36 && e.tokensPerSecond > 0),
    ).toBe(true);
    expect(heldOutPerplexity).toBeGreaterThan(1);
    expect(heldOutPerplexity).toBeLessThan(20);
    expect((await evaluatePerplexity(model, corpus.slice(0, 8))).perplexity).toBeLessThan(heldOutPerplexity! * 1.5);
  });

  it("is reproducible for a seed", async () => {
    const opts = { backend: "wasm" as const, tokenizer: tinyTokenizer(), epochs: 1, model: TINY_CONFIG, seed: 3 };
    const a = await trainLanguageModel(corpus, opts);
    const b = await trainLanguageModel(corpus, opts);
    expect(a.model.weightsDigest()).toBe(b.model.weightsDigest());
  });

  it("rejects an empty corpus", async () => {
    await expect(trainLanguageModel([])).rejects.toMatchObject({ code: "EMPTY_CORPUS" });
    await expect(trainLanguageModel([{ prompt: " ", response: "" }])).rejects.toMatchObject({ code: "EMPTY_CORPUS" });
    await expect(trainLanguageModel({ train: [], heldOut: corpus })).rejects.toMatchObject({ code: "EMPTY_CORPUS" });
    await expect(trainLanguageModel([{ prompt: 1 } as never])).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("names a dialogue longer than the context window", async () => {
    const long = { prompt: "word ".repeat(200), response: "ok" };
    await expect(
      trainLanguageModel([...corpus.slice(0, 5), long], { tokenizer: tinyTokenizer(), model: TINY_CONFIG }),
    ).rejects.toMatchObject({ code: "SEQUENCE_TOO_LONG", index: 5 });
  });

  it("stops on a NaN loss with a clear error and keeps the last good weights", async () => {
    const seen: number[] = [];
    const err = (await trainLanguageModel(corpus, {
      backend: "wasm",
      tokenizer: tinyTokenizer(),
      model: TINY_CONFIG,
      epochs: 50,
      learningRate: 1e30, // diverges within a few steps
      onProgress: (e) => seen.push(e.loss),
    }).catch((e: unknown) => e)) as FinetuneError;
    expect(err.code).toBe("NAN_LOSS");
    expect(err.step).toBe(seen.length);
    const model = err.lastGoodModel!;
    expect(model.params.values.every(Number.isFinite)).toBe(true);
    // the kept weights still give a finite loss
    const { meanNll } = await evaluatePerplexity(model, corpus.slice(0, 4));
    expect(Number.isFinite(meanNll)).toBe(true);
  });

  it("can be aborted", async () => {
    const ctl = new AbortController();
    await expect(
      trainLanguageModel(corpus, {
        tokenizer: tinyTokenizer(),
        model: TINY_CONFIG,
        epochs: 50,
        signal: ctl.signal,
        onProgress: (e) => {
          if (e.step === 2) ctl.abort();
        },
      }),
    ).rejects.toMatchObject({ code: "ABORTED", step: 2 });
  });

  it("validates the configuration", async () => {
    await expect(
      trainLanguageModel(corpus, { tokenizer: tinyTokenizer(), model: { ...TINY_CONFIG, nHeads: 3 } }),
    ).rejects.toMatchObject({ code: "INVALID_CONFIG" });
    await expect(
      trainLanguageModel(corpus, { tokenizer: tinyTokenizer(), model: TINY_CONFIG, epochs: 0 }),
    ).rejects.toMatchObject({
      code: "INVALID_CONFIG",
    });
  });
});
