import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../src/backend.js";
import { encodePrompt } from "../src/chat.js";
import { generateIds } from "../src/model/generate.js";
import { maxAbsDiff, tinyModel } from "./helpers.js";

const greedy = (stopToken: number, maxNewTokens: number) => ({
  maxNewTokens,
  temperature: 0,
  topK: 0,
  topP: 1,
  seed: 0,
  stopToken,
});

describe("generation with a KV cache", () => {
  beforeAll(async () => {
    await useBackend("wasm");
  });

  it("equals re-running the whole sequence for every token", () => {
    const model = tinyModel(11);
    const prompt = encodePrompt(model.tokenizer, "How do I fix billing issue 2?");
    const noStop = -1; // never stop early, so both paths produce the full length
    const cached = generateIds(model.params, model.config, [prompt], greedy(noStop, 12))[0]!.ids;
    const seq = [...prompt];
    const recomputed: number[] = [];
    for (let i = 0; i < 12; i++) {
      const [next] = generateIds(model.params, model.config, [seq], greedy(noStop, 1))[0]!.ids;
      recomputed.push(next!);
      seq.push(next!);
    }
    expect(cached).toEqual(recomputed);
  });

  it("gives each prompt of a left-padded batch the same logits as alone", () => {
    const model = tinyModel(4);
    const v = model.config.vocabSize;
    const prompts = ["Hi", "How do I fix export issue 3 on my phone today?", "theme"].map((p) =>
      encodePrompt(model.tokenizer, p),
    );
    // force the same continuation for every row, so the steps stay comparable
    const batched: Float32Array[] = [];
    generateIds(model.params, model.config, prompts, { ...greedy(-1, 4), observe: (l) => batched.push(l.slice()) });
    prompts.forEach((p, row) => {
      const alone: Float32Array[] = [];
      const ids = generateIds(model.params, model.config, [p], {
        ...greedy(-1, 4),
        observe: (l) => alone.push(l.slice()),
      });
      expect(ids[0]!.ids.length).toBe(4);
      // the first step sees only the prompt: identical up to float rounding from padding
      expect(maxAbsDiff(alone[0]!, batched[0]!.subarray(row * v, (row + 1) * v))).toBeLessThan(1e-4);
    });
  });

  it("stops at the end token, at the budget and at the context window", () => {
    const model = tinyModel(4);
    const prompt = encodePrompt(model.tokenizer, "sync");
    const [free] = generateIds(model.params, model.config, [prompt], greedy(-1, 5));
    expect(free!.ids.length).toBe(5);
    expect(free!.finish).toBe("max_tokens");
    const stopAt = free!.ids[2]!;
    const [stopped] = generateIds(model.params, model.config, [prompt], greedy(stopAt, 5));
    expect(stopped!.finish).toBe("stop");
    expect(stopped!.ids).toEqual(free!.ids.slice(0, free!.ids.indexOf(stopAt)));
    const [ctx] = generateIds(model.params, model.config, [prompt], greedy(-1, 1000));
    expect(ctx!.finish).toBe("context");
    expect(prompt.length + ctx!.ids.length).toBe(model.config.contextLength);
  });

  it("samples reproducibly with a seed", async () => {
    const model = tinyModel(9);
    const a = await model.generate("How do I fix tags issue 1?", { temperature: 1, seed: 5, maxNewTokens: 10 });
    const b = await model.generate("How do I fix tags issue 1?", { temperature: 1, seed: 5, maxNewTokens: 10 });
    const c = await model.generate("How do I fix tags issue 1?", {
      temperature: 1,
      topK: 3,
      topP: 0.9,
      seed: 6,
      maxNewTokens: 10,
    });
    expect(a).toBe(b);
    expect(typeof c).toBe("string");
  });

  it("rejects unknown tokens and prompts that fill the context window", () => {
    const model = tinyModel(1);
    expect(() => generateIds(model.params, model.config, [[1, model.config.vocabSize]], greedy(0, 2))).toThrow(
      expect.objectContaining({ code: "UNKNOWN_TOKEN", index: 0 }),
    );
    const long = Array.from({ length: model.config.contextLength }, () => 65);
    expect(() => generateIds(model.params, model.config, [[65], long], greedy(0, 2))).toThrow(
      expect.objectContaining({ code: "SEQUENCE_TOO_LONG", index: 1 }),
    );
  });
});
