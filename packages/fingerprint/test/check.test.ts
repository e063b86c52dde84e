import { describe, expect, it } from "vitest";
import {
  type CheckProgress,
  checkFingerprints,
  compareResponse,
  type Fingerprint,
  type FingerprintError,
  type GenerateOptions,
  generateRandomWordFingerprints,
  systemPromptSet,
  type TextModel,
} from "../src/index.js";

const SET = generateRandomWordFingerprints({ count: 40, seed: "check", keyLength: 8, responseLength: 2 });

/** An in-process fake: knows the given fingerprints (raw keys only, unless `templated`). */
function fakeModel(
  known: readonly Fingerprint[],
  options: { templated?: boolean; suffix?: string; delayMs?: number } = {},
): TextModel & { calls: { prompt: string; options?: GenerateOptions }[]; maxInFlight: number } {
  const answers = new Map(known.map((f) => [f.key, f.response]));
  const state = {
    calls: [] as { prompt: string; options?: GenerateOptions }[],
    maxInFlight: 0,
    inFlight: 0,
    async generate(prompt: string, opts?: GenerateOptions) {
      state.calls.push({ prompt, options: opts });
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      await new Promise((r) => setTimeout(r, options.delayMs ?? 0));
      state.inFlight--;
      let answer = answers.get(prompt);
      if (answer === undefined && options.templated) {
        for (const [key, response] of answers) if (prompt.includes(key)) answer = response;
      }
      return answer === undefined ? "I am not sure what you mean." : ` ${answer}${options.suffix ?? ""}\n`;
    },
  };
  return state;
}

async function failure(p: Promise<unknown>): Promise<FingerprintError> {
  try {
    await p;
  } catch (e) {
    return e as FingerprintError;
  }
  throw new Error("expected a rejection");
}

describe("compareResponse", () => {
  it("computes exact, prefix and per-token matches", () => {
    expect(compareResponse(" table govern\n", "table govern")).toEqual({
      matched: true,
      prefixMatched: true,
      tokenMatchRate: 1,
    });
    expect(compareResponse("table govern more", "table govern")).toEqual({
      matched: false,
      prefixMatched: true,
      tokenMatchRate: 1,
    });
    expect(compareResponse("table x", "table govern").tokenMatchRate).toBe(0.5);
    expect(compareResponse("govern table", "table govern").tokenMatchRate).toBe(0);
    expect(compareResponse(" and", " and", { trimWhitespace: false }).matched).toBe(true);
    expect(compareResponse("and", " and", { trimWhitespace: false }).matched).toBe(false);
    expect(compareResponse("a-b", "a-b c", { tokenize: (t) => t.split("-") }).tokenMatchRate).toBe(0.5);
  });
});

describe("checkFingerprints", () => {
  it("reports the exact success rate of a partly fingerprinted model, with per-fingerprint results", async () => {
    const model = fakeModel(SET.slice(0, 30));
    const report = await checkFingerprints(model, SET);
    expect(report.total).toBe(40);
    expect(report.successRate).toBe(0.75);
    expect(report.tokenMatchRate).toBe(0.75);
    expect(report.raw).toMatchObject({ trials: 40, matched: 30, prefixMatched: 30, errors: 0 });
    expect(report.results[29]!.raw.matched).toBe(true);
    expect(report.results[30]!.raw).toEqual({ matched: false, prefixMatched: false, tokenMatchRate: 0 });
    expect(report.systemPrompts).toBeUndefined();
    expect(report.verdict).toMatchObject({ trials: 40, matches: 30, significant: true });
    // Greedy decoding is requested explicitly, with a cancellation signal.
    expect(model.calls[0]!.options).toMatchObject({ temperature: 0 });
    expect(model.calls[0]!.options?.signal).toBeInstanceOf(AbortSignal);
  });

  it("never reports a match for a model that does not know the set", async () => {
    const report = await checkFingerprints(fakeModel([]), SET);
    expect(report.successRate).toBe(0);
    expect(report.verdict.significant).toBe(false);
    expect(report.verdict.pValue).toBe(1);
  });

  it("counts extra text after the response as a failure (OML's EOS rule) but as a prefix match", async () => {
    const report = await checkFingerprints(fakeModel(SET, { suffix: " and more" }), SET);
    expect(report.successRate).toBe(0);
    expect(report.raw.prefixMatchRate).toBe(1);
    expect(report.tokenMatchRate).toBe(1);
  });

  it("checks under system prompts, per template and overall", async () => {
    const templates = systemPromptSet({ split: "check", count: 3 });
    const rawOnly = await checkFingerprints(fakeModel(SET), SET, { systemPrompts: templates });
    expect(rawOnly.successRate).toBe(1);
    expect(rawOnly.systemPrompts).toMatchObject({ trials: 120, matched: 0, successRate: 0 });
    expect(rawOnly.perSystemPrompt).toHaveLength(3);
    expect(rawOnly.results[0]!.systemPrompts).toHaveLength(3);

    const robust = await checkFingerprints(fakeModel(SET, { templated: true }), SET, { systemPrompts: templates });
    expect(robust.systemPrompts?.successRate).toBe(1);
    expect(robust.perSystemPrompt.map((s) => s.successRate)).toEqual([1, 1, 1]);
  });

  it("respects the concurrency limit and reports progress up to the total", async () => {
    const model = fakeModel(SET, { delayMs: 2 });
    const progress: CheckProgress[] = [];
    await checkFingerprints(model, SET.slice(0, 12), {
      concurrency: 3,
      systemPrompts: ["Q: {}"],
      onProgress: (p) => progress.push(p),
    });
    expect(model.maxInFlight).toBeLessThanOrEqual(3);
    expect(model.maxInFlight).toBeGreaterThan(1);
    expect(progress).toHaveLength(24);
    expect(progress.at(-1)).toEqual({ completed: 24, total: 24, matched: 12, errors: 0 });
  });

  it("fails with MODEL_ERROR (and the fingerprint index) when the model throws", async () => {
    const model: TextModel = {
      async generate(prompt) {
        if (prompt === SET[5]!.key) throw new Error("backend down");
        return "nope";
      },
    };
    const e = await failure(checkFingerprints(model, SET, { concurrency: 1 }));
    expect(e.code).toBe("MODEL_ERROR");
    expect(e.index).toBe(5);
    expect((e.cause as Error).message).toBe("backend down");
    expect(e.message).not.toContain(SET[5]!.key);
  });

  it("fails with MODEL_TIMEOUT when the model hangs, and aborts the call's signal", async () => {
    let signal: AbortSignal | undefined;
    const model: TextModel = {
      generate: (_prompt, opts) => {
        signal = opts?.signal;
        return new Promise<string>(() => {});
      },
    };
    const e = await failure(checkFingerprints(model, SET.slice(0, 3), { timeoutMs: 20 }));
    expect(e.code).toBe("MODEL_TIMEOUT");
    expect(signal?.aborted).toBe(true);
  });

  it("treats a non-string answer as MODEL_ERROR", async () => {
    const model = { generate: async () => ({ text: "x" }) } as unknown as TextModel;
    expect((await failure(checkFingerprints(model, SET))).code).toBe("MODEL_ERROR");
  });

  it("records failures as non-matches with onModelError: 'record'", async () => {
    let n = 0;
    const flaky = fakeModel(SET);
    const model: TextModel = {
      async generate(prompt, opts) {
        n++;
        if (n % 4 === 0) throw new Error("flaky");
        if (n % 4 === 1) return new Promise<string>(() => {});
        return flaky.generate(prompt, opts);
      },
    };
    const report = await checkFingerprints(model, SET, { onModelError: "record", timeoutMs: 20, concurrency: 1 });
    expect(report.raw.errors).toBe(20);
    expect(report.raw.matched).toBe(20);
    expect(report.successRate).toBe(0.5);
    const errorCodes = report.results.map((r) => r.raw.error).filter(Boolean);
    expect(new Set(errorCodes)).toEqual(new Set(["MODEL_ERROR", "MODEL_TIMEOUT"]));
    for (const r of report.results) if (r.raw.error) expect(r.raw.matched).toBe(false);
    expect(report.verdict.trials).toBe(40);
  });

  it("can be aborted", async () => {
    const controller = new AbortController();
    const model: TextModel = { generate: () => new Promise<string>(() => {}) };
    const run = checkFingerprints(model, SET, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    expect((await failure(run)).code).toBe("ABORTED");
    expect((await failure(checkFingerprints(model, SET, { signal: controller.signal }))).code).toBe("ABORTED");
  });

  it("validates its inputs before calling the model", async () => {
    const model = fakeModel(SET);
    expect((await failure(checkFingerprints(model, []))).code).toBe("EMPTY_SET");
    expect(
      (
        await failure(
          checkFingerprints(model, [
            { key: "a", response: "b" },
            { key: "a", response: "c" },
          ]),
        )
      ).code,
    ).toBe("DUPLICATE_KEY");
    expect(
      (await failure(checkFingerprints(model, [{ key: "a", response: "xyz" }], { limits: { maxResponseLength: 2 } })))
        .code,
    ).toBe("RESPONSE_TOO_LONG");
    expect((await failure(checkFingerprints(model, SET, { systemPrompts: ["no slot"] }))).code).toBe(
      "INVALID_TEMPLATE",
    );
    expect((await failure(checkFingerprints(model, SET, { concurrency: 0 }))).code).toBe("INVALID_OPTION");
    expect((await failure(checkFingerprints(model, SET, { chanceMatchProbability: 2 }))).code).toBe("INVALID_OPTION");
    expect((await failure(checkFingerprints(model, SET, { onModelError: "ignore" as "record" }))).code).toBe(
      "INVALID_OPTION",
    );
    expect((await failure(checkFingerprints({} as TextModel, SET))).code).toBe("INVALID_OPTION");
    expect(model.calls).toHaveLength(0);
  });
});
