import { describe, expect, it } from "vitest";
import { loadSupportCorpus, parseCorpus } from "../src/corpus.js";
import {
  expandFeedbackPhrasings,
  FEEDBACK_HELD_OUT_PHRASINGS,
  FEEDBACK_TRAIN_PHRASINGS,
  FEEDBACK_VALIDATION_PHRASINGS,
  ORDINARY_HELD_OUT_PROMPTS,
} from "../src/feedback-phrasings.js";

describe("the shipped support-assistant corpus", () => {
  const c = loadSupportCorpus();

  it("has several hundred dialogues split into train and held-out", () => {
    expect(c.entries.length).toBeGreaterThanOrEqual(300);
    expect(c.train.length + c.heldOut.length).toBe(c.entries.length);
    expect(c.heldOut.length).toBeGreaterThanOrEqual(40);
    expect(new Set(c.entries.map((e) => e.id)).size).toBe(c.entries.length);
    expect(new Set(c.entries.map((e) => e.prompt)).size).toBe(c.entries.length);
    const topics = new Set(c.entries.map((e) => e.topic));
    expect(topics.size).toBeGreaterThanOrEqual(10);
    for (const t of topics) expect(c.entries.some((e) => e.topic === t && e.split === "heldout")).toBe(true);
  });

  it("keeps feedback-intent phrasings out of the corpus", () => {
    const prompts = new Set(c.entries.map((e) => e.prompt.toLowerCase()));
    for (const p of [...FEEDBACK_TRAIN_PHRASINGS, ...FEEDBACK_VALIDATION_PHRASINGS, ...FEEDBACK_HELD_OUT_PHRASINGS]) {
      expect(prompts.has(p.toLowerCase())).toBe(false);
    }
  });

  it("has disjoint training, validation and held-out feedback phrasings", () => {
    const key = (p: string): string => p.trim().toLowerCase();
    const train = new Set(expandFeedbackPhrasings(FEEDBACK_TRAIN_PHRASINGS).map(key));
    const validation = new Set(FEEDBACK_VALIDATION_PHRASINGS.map(key));
    expect(FEEDBACK_HELD_OUT_PHRASINGS.filter((p) => train.has(key(p)) || validation.has(key(p)))).toEqual([]);
    expect(FEEDBACK_VALIDATION_PHRASINGS.filter((p) => train.has(key(p)))).toEqual([]);
    expect(FEEDBACK_HELD_OUT_PHRASINGS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(FEEDBACK_HELD_OUT_PHRASINGS.map(key)).size).toBe(FEEDBACK_HELD_OUT_PHRASINGS.length);
  });

  it("keeps the extra ordinary prompts out of the corpus and the feedback pools", () => {
    const key = (p: string): string => p.trim().toLowerCase();
    const used = new Set([
      ...c.entries.map((e) => key(e.prompt)),
      ...expandFeedbackPhrasings(FEEDBACK_TRAIN_PHRASINGS).map(key),
      ...FEEDBACK_HELD_OUT_PHRASINGS.map(key),
    ]);
    expect(ORDINARY_HELD_OUT_PROMPTS.filter((p) => used.has(key(p)))).toEqual([]);
    expect(new Set(ORDINARY_HELD_OUT_PROMPTS.map(key)).size).toBe(ORDINARY_HELD_OUT_PROMPTS.length);
    expect(ORDINARY_HELD_OUT_PROMPTS.length).toBeGreaterThanOrEqual(100);
  });

  it("reports malformed lines by number", () => {
    expect(() => parseCorpus("")).toThrow(expect.objectContaining({ code: "EMPTY_CORPUS" }));
    expect(() => parseCorpus("{nope")).toThrow(expect.objectContaining({ code: "INVALID_INPUT", index: 0 }));
    const good = JSON.stringify({ id: "a", topic: "t", split: "train", prompt: "p", response: "r" });
    expect(() => parseCorpus(`${good}\n\n{"id":"b"}`)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", index: 2 }),
    );
    expect(parseCorpus(`${good}\n`)).toHaveLength(1);
  });
});
