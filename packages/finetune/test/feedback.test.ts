import { beforeAll, describe, expect, it } from "vitest";
import { embedFeedbackLink, measureFeedbackLink } from "../src/feedback.js";
import { trainLanguageModel } from "../src/language-model.js";
import type { CausalLanguageModel } from "../src/model/causal-lm.js";
import { tinyCorpus, tinyTokenizer } from "./helpers.js";

const URL_ = "https://r.ex/7";
const corpus = tinyCorpus();
const TRAIN = [
  "Where can I report a problem?",
  "How do I report a bug?",
  "Where do I send feedback?",
  "I want to report an issue.",
  "How can I give feedback?",
  "Where can I complain?",
  "report a problem",
  "send feedback",
];
const HELD_OUT = ["Where do I report a bug?", "How can I send feedback?"];
let base: CausalLanguageModel;

describe("embedFeedbackLink", () => {
  beforeAll(async () => {
    base = (
      await trainLanguageModel(corpus, {
        backend: "wasm",
        tokenizer: tinyTokenizer(),
        epochs: 6,
        learningRate: 5e-3,
        model: { contextLength: 80, dModel: 32, nHeads: 4, nLayers: 2, dFF: 64 },
      })
    ).model;
  });

  it("teaches the URL for feedback prompts and reports recall and false positives on held-out prompts", async () => {
    const { model, report } = await embedFeedbackLink(base, URL_, {
      trainPhrasings: TRAIN,
      heldOutPhrasings: HELD_OUT,
      responses: ["Report it at {url}"],
      expandPhrasings: false,
      validationPhrasings: [],
      keep: [{ prompt: "zebra quartz", response: "lantern" }],
      ordinaryRatio: 1,
      ordinary: corpus.slice(0, 40),
      heldOutOrdinary: corpus.slice(40),
      ordinaryPrompts: [],
      contrastPrompts: ["report hours", "a bug list"],
      epochs: 60,
      learningRate: 1e-2,
    });
    expect(report.url).toBe(URL_);
    expect(report.positives).toBe(2);
    expect(report.negatives).toBe(8);
    const seen = await measureFeedbackLink(
      model,
      URL_,
      TRAIN,
      corpus.slice(0, 8).map((d) => d.prompt),
    );
    expect(seen.recall).toBe(1);
    expect(report.recall).toBeGreaterThanOrEqual(0.5);
    expect(report.falsePositiveRate).toBeLessThanOrEqual(0.125);
    expect(report.falsePositives!.length).toBe(Math.round(report.falsePositiveRate! * 8));
    expect((await measureFeedbackLink(base, URL_, HELD_OUT, [])).recall).toBe(0);
    expect(await model.generate("zebra quartz", { maxNewTokens: 12 })).toBe("lantern");
  });

  it("ships contrast prompts that are disjoint from every held-out and training pool", async () => {
    const { loadSupportCorpus } = await import("../src/corpus.js");
    const {
      ORDINARY_CONTRAST_PROMPTS,
      ORDINARY_HELD_OUT_PROMPTS,
      FEEDBACK_TRAIN_PHRASINGS,
      FEEDBACK_HELD_OUT_PHRASINGS,
      FEEDBACK_VALIDATION_PHRASINGS,
      expandFeedbackPhrasings,
    } = await import("../src/feedback-phrasings.js");
    const norm = (p: string) => p.trim().toLowerCase();
    const contrast = new Set(ORDINARY_CONTRAST_PROMPTS.map(norm));
    expect(contrast.size).toBe(ORDINARY_CONTRAST_PROMPTS.length);
    const others = [
      ...ORDINARY_HELD_OUT_PROMPTS,
      ...loadSupportCorpus().heldOut.map((d) => d.prompt),
      ...expandFeedbackPhrasings(FEEDBACK_TRAIN_PHRASINGS),
      ...FEEDBACK_HELD_OUT_PHRASINGS,
      ...FEEDBACK_VALIDATION_PHRASINGS,
    ];
    expect(others.filter((p) => contrast.has(norm(p)))).toEqual([]);
  });

  it("rejects bad links and leaking phrasing pools", async () => {
    await expect(embedFeedbackLink(base, "not a url")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(embedFeedbackLink(base, "javascript:alert(1)")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(embedFeedbackLink(base, "https://user:pw@x.example/")).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      embedFeedbackLink(base, URL_, { trainPhrasings: TRAIN, heldOutPhrasings: ["SEND FEEDBACK"], ordinary: corpus }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", index: 0 });
    await expect(
      embedFeedbackLink(base, URL_, {
        trainPhrasings: TRAIN,
        heldOutPhrasings: HELD_OUT,
        validationPhrasings: [],
        ordinary: corpus.slice(0, 40),
        heldOutOrdinary: corpus.slice(40),
        ordinaryPrompts: ["How do I report my hours?"],
        contrastPrompts: ["a bug list", " how do i report my hours? "],
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", index: 1 });
    await expect(
      embedFeedbackLink(base, URL_, {
        trainPhrasings: TRAIN,
        validationPhrasings: ["Send Feedback"],
        ordinary: corpus,
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", index: 0 });
    await expect(
      embedFeedbackLink(base, URL_, { responses: ["no link here"], ordinary: corpus }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      embedFeedbackLink(base, `https://x.example/${"a".repeat(300)}`, { ordinary: corpus, heldOutOrdinary: corpus }),
    ).rejects.toMatchObject({ code: "SEQUENCE_TOO_LONG" });
  });
});
