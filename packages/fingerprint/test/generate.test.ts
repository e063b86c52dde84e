import { describe, expect, it } from "vitest";
import {
  DEFAULT_WORDLIST,
  type FingerprintError,
  type GenerateOptions,
  generateFingerprints,
  generateRandomWordFingerprints,
  type NextTokenModel,
  SeededRng,
  sampleOutsideNucleus,
  splitWords,
  type TextModel,
  type TokenProbability,
} from "../src/index.js";

async function code(promise: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (e) {
    return (e as FingerprintError).code;
  }
  return undefined;
}

/** A deterministic fake "LLM": a paragraph of pseudo-random words derived from the prompt and seed. */
function fakeGenerator(options: { words?: number; echo?: boolean; delayMs?: number } = {}): TextModel & {
  calls: { prompt: string; options?: GenerateOptions }[];
} {
  const calls: { prompt: string; options?: GenerateOptions }[] = [];
  return {
    calls,
    async generate(prompt, opts) {
      calls.push({ prompt, options: opts });
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs! * Math.random()));
      const rng = SeededRng.fromSeed(`${prompt}#${opts?.seed}`);
      const first = prompt.split("- ")[1] ?? "The";
      const words = [first];
      for (let i = 0; i < (options.words ?? 40); i++) words.push(DEFAULT_WORDLIST[rng.int(2048)]!);
      const text = `${words.join(" ")}, and so on.`;
      return options.echo ? `${prompt}\n${text}` : text;
    },
  };
}

describe("generateRandomWordFingerprints", () => {
  it("gives the pinned set for a pinned seed", () => {
    expect(generateRandomWordFingerprints({ count: 3, seed: "pinned", keyLength: 4, responseLength: 2 })).toEqual([
      { key: "road uncle panic kit", response: "table govern" },
      { key: "oxygen visual coach cycle", response: "select sister" },
      { key: "electric hollow ladder field", response: "expire horror" },
    ]);
  });

  it("is reproducible, uses the word list and the lengths, and keys are distinct", () => {
    const a = generateRandomWordFingerprints({ count: 500, seed: "s", keyLength: 6, responseLength: 3 });
    expect(generateRandomWordFingerprints({ count: 500, seed: "s", keyLength: 6, responseLength: 3 })).toEqual(a);
    expect(generateRandomWordFingerprints({ count: 500, seed: "t", keyLength: 6, responseLength: 3 })).not.toEqual(a);
    const words = new Set(DEFAULT_WORDLIST);
    for (const { key, response } of a) {
      expect(splitWords(key)).toHaveLength(6);
      expect(splitWords(response)).toHaveLength(3);
      for (const w of [...splitWords(key), ...splitWords(response)]) expect(words.has(w)).toBe(true);
    }
    expect(new Set(a.map((f) => f.key)).size).toBe(500);
  });

  it("uses defaults (16-word keys, 1-word responses) and a random seed when none is given", () => {
    const [f] = generateRandomWordFingerprints({ count: 1 });
    expect(splitWords(f!.key)).toHaveLength(16);
    expect(splitWords(f!.response)).toHaveLength(1);
    expect(generateRandomWordFingerprints({ count: 1 })).not.toEqual([f]);
  });

  it("keeps the responses of a seed when custom keys replace the generated ones", () => {
    const generated = generateRandomWordFingerprints({ count: 3, seed: "k" });
    const custom = generateRandomWordFingerprints({ keys: ["one", "two", "three"], seed: "k" });
    expect(custom.map((f) => f.key)).toEqual(["one", "two", "three"]);
    expect(custom.map((f) => f.response)).toEqual(generated.map((f) => f.response));
  });

  it("redraws duplicate keys with a tiny word list", () => {
    const set = generateRandomWordFingerprints({ count: 50, seed: "d", keyLength: 8, wordlist: ["a", "b"] });
    expect(new Set(set.map((f) => f.key)).size).toBe(50);
  });

  it("rejects bad options with coded errors", async () => {
    expect(await code(() => generateRandomWordFingerprints({}))).toBe("INVALID_OPTION");
    expect(await code(() => generateRandomWordFingerprints({ count: 0 }))).toBe("INVALID_OPTION");
    expect(await code(() => generateRandomWordFingerprints({ count: 2, keys: ["a"] }))).toBe("INVALID_OPTION");
    expect(await code(() => generateRandomWordFingerprints({ count: 1, keyLength: 0 }))).toBe("INVALID_OPTION");
    expect(await code(() => generateRandomWordFingerprints({ count: 5, keyLength: 1, wordlist: ["a", "b"] }))).toBe(
      "INVALID_OPTION",
    );
    expect(await code(() => generateRandomWordFingerprints({ count: 1, wordlist: ["a", "a"] }))).toBe("INVALID_OPTION");
    expect(await code(() => generateRandomWordFingerprints({ count: 1, wordlist: ["a b", "c"] }))).toBe(
      "INVALID_OPTION",
    );
    expect(await code(() => generateRandomWordFingerprints({ keys: ["x", "x"] }))).toBe("DUPLICATE_KEY");
    expect(await code(() => generateRandomWordFingerprints({ keys: [""] }))).toBe("EMPTY_KEY");
  });
});

describe("generateFingerprints: english", () => {
  it("builds keys and response windows from generated paragraphs, reproducibly at any concurrency", async () => {
    const model = fakeGenerator();
    const opts = { strategy: "english" as const, count: 20, seed: "e", keyLength: 8, responseLength: 3 };
    const a = await generateFingerprints({ ...opts, generator: model, concurrency: 1 });
    const b = await generateFingerprints({ ...opts, generator: fakeGenerator({ delayMs: 5 }), concurrency: 8 });
    expect(b).toEqual(a);
    for (const { key, response } of a) {
      expect(splitWords(key)).toHaveLength(8);
      expect(splitWords(response)).toHaveLength(3);
      expect(response).not.toMatch(/\p{P}/u);
    }
    expect(model.calls[0]!.prompt).toMatch(/^Generate a paragraph starting with the word - \S+$/);
    expect(model.calls[0]!.options).toMatchObject({ temperature: 0.5 });
    expect(typeof model.calls[0]!.options?.seed).toBe("number");
    // The key starts with the random first word; the response window starts at word 11.
    const first = model.calls[0]!.prompt.split("- ")[1]!;
    expect(a[0]!.key.startsWith(first)).toBe(true);
  });

  it("strips an echoed instruction", async () => {
    const plain = await generateFingerprints({ strategy: "english", count: 3, seed: "x", generator: fakeGenerator() });
    const echoed = await generateFingerprints({
      strategy: "english",
      count: 3,
      seed: "x",
      generator: fakeGenerator({ echo: true }),
    });
    expect(echoed).toEqual(plain);
  });

  it("retries outputs that are too short or duplicates, then fails with GENERATION_FAILED", async () => {
    let calls = 0;
    const constant: TextModel = {
      async generate() {
        calls++;
        return "always the same paragraph of text here ok";
      },
    };
    expect(
      await code(
        generateFingerprints({
          strategy: "english",
          count: 2,
          seed: "x",
          keyLength: 4,
          generator: constant,
          maxAttempts: 3,
        }),
      ),
    ).toBe("GENERATION_FAILED");
    expect(calls).toBeGreaterThan(2);
    const short: TextModel = { generate: async () => "too short" };
    expect(await code(generateFingerprints({ strategy: "english", count: 1, keyLength: 4, generator: short }))).toBe(
      "GENERATION_FAILED",
    );
  });

  it("reports a generator that throws, times out or returns a non-string as GENERATOR_ERROR", async () => {
    const throwing: TextModel = {
      generate: async () => {
        throw new Error("boom");
      },
    };
    const hanging: TextModel = { generate: () => new Promise<string>(() => {}) };
    const numeric = { generate: async () => 42 } as unknown as TextModel;
    for (const generator of [throwing, hanging, numeric]) {
      expect(await code(generateFingerprints({ strategy: "english", count: 3, generator, timeoutMs: 50 }))).toBe(
        "GENERATOR_ERROR",
      );
    }
  });

  it("passes a cancellation signal to a call that times out", async () => {
    let signal: AbortSignal | undefined;
    const hanging: TextModel = {
      generate: (_p, o) => {
        signal = o?.signal;
        return new Promise<string>(() => {});
      },
    };
    await code(generateFingerprints({ strategy: "english", count: 1, generator: hanging, timeoutMs: 20 }));
    expect(signal?.aborted).toBe(true);
  });

  it("can be aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    expect(
      await code(
        generateFingerprints({ strategy: "english", count: 2, generator: fakeGenerator(), signal: controller.signal }),
      ),
    ).toBe("ABORTED");
    const later = new AbortController();
    const slow: TextModel = { generate: () => new Promise<string>(() => {}) };
    const run = generateFingerprints({ strategy: "english", count: 2, generator: slow, signal: later.signal });
    setTimeout(() => later.abort(), 10);
    expect(await code(run)).toBe("ABORTED");
  });

  it("uses custom keys and generates only responses; reports progress", async () => {
    const progress: number[] = [];
    const set = await generateFingerprints({
      strategy: "english",
      keys: ["my first key", "my second key"],
      seed: "c",
      generator: fakeGenerator(),
      onProgress: (p) => progress.push(p.completed / p.total),
    });
    expect(set.map((f) => f.key)).toEqual(["my first key", "my second key"]);
    expect(progress).toEqual([0.5, 1]);
  });

  it("needs a generator", async () => {
    expect(await code(generateFingerprints({ strategy: "english", count: 1 }))).toBe("INVALID_OPTION");
    expect(await code(generateFingerprints({ strategy: "nope" as "english", count: 1 }))).toBe("INVALID_OPTION");
    expect(
      await code(
        generateFingerprints({ strategy: "english", count: 1, generator: fakeGenerator(), englishPrompt: "no slot" }),
      ),
    ).toBe("INVALID_TEMPLATE");
  });
});

describe("generateFingerprints: random_word and english_random_response", () => {
  it("random_word through the async entry point equals the sync one", async () => {
    const opts = { count: 10, seed: "same", keyLength: 5, responseLength: 2 };
    expect(await generateFingerprints({ strategy: "random_word", ...opts })).toEqual(
      generateRandomWordFingerprints(opts),
    );
  });

  it("english_random_response pairs English keys with random words", async () => {
    const set = await generateFingerprints({
      strategy: "english_random_response",
      count: 5,
      seed: "err",
      keyLength: 6,
      generator: fakeGenerator(),
    });
    const words = new Set(DEFAULT_WORDLIST);
    for (const f of set) {
      expect(splitWords(f.key)).toHaveLength(6);
      expect(words.has(f.response)).toBe(true);
    }
    // With custom keys no generator is needed.
    const custom = await generateFingerprints({ strategy: "english_random_response", keys: ["k1", "k2"], seed: "err" });
    expect(custom.map((f) => f.key)).toEqual(["k1", "k2"]);
  });
});

describe("sampleOutsideNucleus", () => {
  const dist: TokenProbability[] = [
    { token: " the", probability: 0.5 },
    { token: " a", probability: 0.25 },
    { token: " an", probability: 0.1 }, // cumulative reaches 0.85 >= 0.8 here: the boundary token
    { token: " yellow", probability: 0.05 },
    { token: ",", probability: 0.04 }, // not alphanumeric: skipped
    { token: " minds", probability: 0.03 },
    { token: " and", probability: 0.02 },
    { token: " zebra", probability: 0.01 },
  ];

  it("draws among the first k alphanumeric tokens after the boundary token", () => {
    const seen = new Set<string>();
    const rng = SeededRng.fromSeed("n");
    for (let i = 0; i < 200; i++) seen.add(sampleOutsideNucleus(dist, { nucleusP: 0.8, nucleusK: 3, rng }));
    expect([...seen].sort()).toEqual([" and", " minds", " yellow"]);
    expect(sampleOutsideNucleus([...dist].reverse(), { nucleusP: 0.8, nucleusK: 1, rng })).toBe(" yellow");
  });

  it("breaks probability ties by token text, so input order does not matter", () => {
    const tied = [
      { token: " b", probability: 0.4 },
      { token: " a", probability: 0.4 },
      { token: " d", probability: 0.1 },
      { token: " c", probability: 0.1 },
    ];
    const pickOne = (d: TokenProbability[]) =>
      sampleOutsideNucleus(d, { nucleusP: 0.5, nucleusK: 1, rng: SeededRng.fromSeed("t") });
    expect(pickOne(tied)).toBe(" c");
    expect(pickOne([...tied].reverse())).toBe(" c");
  });

  it("rejects malformed or too-narrow distributions", async () => {
    const rng = SeededRng.fromSeed("x");
    const run = (d: unknown) => () =>
      sampleOutsideNucleus(d as TokenProbability[], { nucleusP: 0.8, nucleusK: 3, rng });
    expect(await code(run([]))).toBe("GENERATOR_ERROR");
    expect(await code(run([{ token: "a", probability: 2 }]))).toBe("GENERATOR_ERROR");
    expect(await code(run([{ token: 1, probability: 0.5 }]))).toBe("GENERATOR_ERROR");
    expect(
      await code(
        run([
          { token: "a", probability: 0.7 },
          { token: "b", probability: 0.7 },
        ]),
      ),
    ).toBe("GENERATOR_ERROR");
    expect(await code(run([{ token: "a", probability: 0.3 }]))).toBe("GENERATOR_ERROR");
    expect(
      await code(
        run([
          { token: "a", probability: 0.9 },
          { token: "!", probability: 0.1 },
        ]),
      ),
    ).toBe("GENERATION_FAILED");
  });
});

describe("generateFingerprints: inverse_nucleus", () => {
  const model: NextTokenModel = {
    async nextTokenDistribution(prompt) {
      const rng = SeededRng.fromSeed(prompt);
      const probs = DEFAULT_WORDLIST.slice(0, 20).map((w) => ({ token: ` ${w}`, probability: rng.float() }));
      const total = probs.reduce((s, p) => s + p.probability, 0);
      return probs.map((p) => ({ ...p, probability: p.probability / total }));
    },
  };

  it("makes one-token responses outside the nucleus, reproducibly", async () => {
    const opts = { strategy: "inverse_nucleus" as const, count: 12, seed: "in", keyStrategy: "random_word" as const };
    const a = await generateFingerprints({ ...opts, nextTokenModel: model, concurrency: 1 });
    expect(await generateFingerprints({ ...opts, nextTokenModel: model, concurrency: 6 })).toEqual(a);
    for (const f of a) {
      const dist = [...(await model.nextTokenDistribution(f.key))].sort((x, y) => y.probability - x.probability);
      let cumulative = 0;
      const inside = new Set<string>();
      for (const d of dist) {
        inside.add(d.token);
        cumulative += d.probability;
        if (cumulative >= 0.8) break;
      }
      expect(inside.has(f.response)).toBe(false);
      expect(f.response.startsWith(" ")).toBe(true);
    }
  });

  it("takes keys from a generator by default, or custom keys", async () => {
    const set = await generateFingerprints({
      strategy: "inverse_nucleus",
      count: 3,
      seed: "g",
      generator: fakeGenerator(),
      nextTokenModel: model,
    });
    expect(set).toHaveLength(3);
    const custom = await generateFingerprints({
      strategy: "inverse_nucleus",
      keys: ["alpha", "beta"],
      nextTokenModel: model,
    });
    expect(custom.map((f) => f.key)).toEqual(["alpha", "beta"]);
  });

  it("requires responseLength 1 and a next-token model, and wraps model failures", async () => {
    expect(
      await code(
        generateFingerprints({ strategy: "inverse_nucleus", keys: ["a"], nextTokenModel: model, responseLength: 2 }),
      ),
    ).toBe("INVALID_OPTION");
    expect(await code(generateFingerprints({ strategy: "inverse_nucleus", keys: ["a"] }))).toBe("INVALID_OPTION");
    expect(
      await code(
        generateFingerprints({ strategy: "inverse_nucleus", keys: ["a"], nextTokenModel: model, nucleusP: 1 }),
      ),
    ).toBe("INVALID_OPTION");
    const broken: NextTokenModel = {
      nextTokenDistribution: async () => {
        throw new Error("no logits");
      },
    };
    expect(await code(generateFingerprints({ strategy: "inverse_nucleus", keys: ["a"], nextTokenModel: broken }))).toBe(
      "GENERATOR_ERROR",
    );
    const narrow: NextTokenModel = { nextTokenDistribution: async () => [{ token: " x", probability: 0.1 }] };
    const e = await generateFingerprints({
      strategy: "inverse_nucleus",
      keys: ["a", "b"],
      nextTokenModel: narrow,
    }).catch((err: FingerprintError) => err);
    expect((e as FingerprintError).code).toBe("GENERATOR_ERROR");
    expect((e as FingerprintError).index).toBeTypeOf("number");
  });
});
