import { describe, expect, it } from "vitest";
import {
  applySystemPrompt,
  augmentFingerprints,
  type FingerprintError,
  SYSTEM_PROMPT_POOL_SIZES,
  systemPromptSet,
  validateSystemPrompts,
} from "../src/index.js";

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as FingerprintError).code;
  }
  return undefined;
}

describe("systemPromptSet", () => {
  it("gives 50 training and 10 check templates by default, stable across calls", () => {
    const train = systemPromptSet();
    const check = systemPromptSet({ split: "check" });
    expect(train).toHaveLength(50);
    expect(check).toHaveLength(10);
    expect(systemPromptSet()).toEqual(train);
    expect(systemPromptSet({ split: "check", count: 2 })).toEqual([
      "System: You are a nutrition assistant. You give general information only.\nUser: Produce an answer for the following. {}\nAI:",
      "<system>You are a nutrition assistant. You give general information only.</system>\n<user>Handle the user request below.\n{}</user>\n<assistant>",
    ]);
    expect(validateSystemPrompts(train)).toBe(train);
  });

  it("keeps the check pool disjoint from the training pool", () => {
    const train = systemPromptSet({ split: "train", count: SYSTEM_PROMPT_POOL_SIZES.train });
    const check = systemPromptSet({ split: "check", count: SYSTEM_PROMPT_POOL_SIZES.check });
    expect(new Set(train).size).toBe(train.length);
    expect(new Set(check).size).toBe(check.length);
    // No sentence (persona or instruction) of a check template appears in any training template.
    const trainText = train.join("\n");
    for (const t of check) {
      for (const sentence of t.split(/[\n<>]|(?<=\.) /).filter((s) => s.length > 25)) {
        expect(trainText.includes(sentence)).toBe(false);
      }
    }
    expect(SYSTEM_PROMPT_POOL_SIZES.train).toBeGreaterThan(1000);
  });

  it("varies with the seed and rejects bad counts", () => {
    expect(systemPromptSet({ seed: "other" })).not.toEqual(systemPromptSet());
    expect(code(() => systemPromptSet({ count: 0 }))).toBe("INVALID_OPTION");
    expect(code(() => systemPromptSet({ split: "check", count: SYSTEM_PROMPT_POOL_SIZES.check + 1 }))).toBe(
      "INVALID_OPTION",
    );
    expect(code(() => systemPromptSet({ split: "eval" as "train" }))).toBe("INVALID_OPTION");
  });
});

describe("applySystemPrompt and validateSystemPrompts", () => {
  it("replaces only the template's placeholder", () => {
    expect(applySystemPrompt("Say: {}!", "key with {} braces")).toBe("Say: key with {} braces!");
    expect(code(() => applySystemPrompt("no slot", "k"))).toBe("INVALID_TEMPLATE");
    expect(code(() => applySystemPrompt("{} and {}", "k"))).toBe("INVALID_TEMPLATE");
  });

  it("rejects templates without exactly one {} and duplicates", () => {
    expect(code(() => validateSystemPrompts(["ok {}", "bad"]))).toBe("INVALID_TEMPLATE");
    expect(code(() => validateSystemPrompts(["a {}", "a {}"]))).toBe("INVALID_TEMPLATE");
    expect(code(() => validateSystemPrompts("x {}" as unknown as string[]))).toBe("INVALID_TEMPLATE");
  });
});

describe("augmentFingerprints", () => {
  const set = [
    { key: "k0", response: "r0" },
    { key: "k1", response: "r1" },
  ];

  it("emits the raw key plus distinct templated prompts per fingerprint", () => {
    const templates = ["A {}", "B {}", "C {}", "D {}"];
    const out = augmentFingerprints(set, { templates, perFingerprint: 3, seed: "a" });
    expect(out).toHaveLength(2 * 4);
    expect(out[0]).toEqual({ prompt: "k0", response: "r0", fingerprint: 0, template: null });
    const forFirst = out.filter((e) => e.fingerprint === 0 && e.template !== null);
    expect(new Set(forFirst.map((e) => e.template)).size).toBe(3);
    for (const e of forFirst) expect(e.prompt).toBe(templates[e.template!]!.replace("{}", "k0"));
    expect(augmentFingerprints(set, { templates, perFingerprint: 3, seed: "a" })).toEqual(out);
  });

  it("defaults to one training template per fingerprint plus the raw key", () => {
    const out = augmentFingerprints(set, { includeRaw: false, seed: "b" });
    expect(out).toHaveLength(2);
    expect(out.every((e) => e.template !== null)).toBe(true);
    expect(code(() => augmentFingerprints(set, { templates: ["A {}"], perFingerprint: 2 }))).toBe("INVALID_OPTION");
  });
});
