import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SPECIAL_TOKENS, Tokenizer } from "../src/tokenizer.js";
import { tinyCorpus } from "./helpers.js";

const texts = tinyCorpus().flatMap((d) => [d.prompt, d.response]);

describe("Tokenizer", () => {
  const tok = Tokenizer.train(texts, 320);

  it("learns merges up to the requested vocabulary and compresses the corpus", () => {
    expect(tok.vocabSize).toBeLessThanOrEqual(320);
    expect(tok.vocabSize).toBeGreaterThan(260);
    const text = texts.join(" ");
    expect(tok.encode(text).length).toBeLessThan(new TextEncoder().encode(text).length / 2);
  });

  it("round-trips any text, including text it never saw", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => {
        expect(tok.decode(tok.encode(s))).toBe(s);
      }),
      { numRuns: 200 },
    );
    const odd = "Grüße, 東京 🚀 — tabs\tand\nnewlines";
    expect(tok.decode(tok.encode(odd))).toBe(odd);
  });

  it("never produces special tokens from text", () => {
    const ids = tok.encode("<|user|>hello<|assistant|><|endoftext|>");
    const specials = SPECIAL_TOKENS.map((s) => tok.special(s));
    expect(ids.some((id) => specials.includes(id))).toBe(false);
    expect(tok.decode([tok.special("<|user|>")])).toBe("<|user|>");
  });

  it("is deterministic and survives toJSON/fromJSON", () => {
    const again = Tokenizer.train(texts, 320);
    expect(again.toJSON()).toEqual(tok.toJSON());
    const restored = Tokenizer.fromJSON(JSON.parse(JSON.stringify(tok.toJSON())));
    expect(restored.encode(texts[3]!)).toEqual(tok.encode(texts[3]!));
    expect(restored.eos).toBe(tok.eos);
  });

  it("rejects unknown token ids when decoding", () => {
    for (const bad of [tok.vocabSize, -1, 1.5, Number.NaN]) {
      expect(() => tok.decode([65, bad])).toThrow(expect.objectContaining({ code: "UNKNOWN_TOKEN", index: 1 }));
    }
  });

  it("rejects malformed or inconsistent serialised tokenizers", () => {
    expect(() => Tokenizer.fromJSON({ type: "bpe" })).toThrow(expect.objectContaining({ code: "INVALID_MODEL_FILES" }));
    expect(() => Tokenizer.fromJSON(null)).toThrow(expect.objectContaining({ code: "INVALID_MODEL_FILES" }));
    const json = tok.toJSON();
    json.merges[0] = [999, 1];
    expect(() => Tokenizer.fromJSON(json)).toThrow(expect.objectContaining({ code: "UNKNOWN_TOKEN", index: 0 }));
  });

  it("rejects an empty corpus and out-of-range vocabulary sizes", () => {
    expect(() => Tokenizer.train([], 300)).toThrow(expect.objectContaining({ code: "EMPTY_CORPUS" }));
    expect(() => Tokenizer.train([""], 300)).toThrow(expect.objectContaining({ code: "EMPTY_CORPUS" }));
    expect(() => Tokenizer.train(texts, 100)).toThrow(expect.objectContaining({ code: "INVALID_CONFIG" }));
    expect(() => Tokenizer.train(texts, 1e6)).toThrow(expect.objectContaining({ code: "INVALID_CONFIG" }));
  });
});
