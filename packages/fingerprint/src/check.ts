/**
 * Checking a model against a fingerprint set (OML 1.0 `check_fingerprints.py`, made explicit).
 *
 * Each key is sent raw (no template, as OML does) and inside every given system-prompt template,
 * with greedy decoding requested (`temperature: 0`). A fingerprint matches when the model's
 * output equals the response exactly (after trimming surrounding whitespace, by default): that is
 * OML's exact token-sequence match including EOS, where any extra text after the response is a
 * failure. Also reported, as OML computes but does not print: the prefix match (the output starts
 * with the response) and the per-token match rate (position-wise equal tokens / response tokens).
 *
 * A call that throws or times out is never counted as a match: by default the whole check fails
 * with a coded error; with `onModelError: "record"` the call is recorded as an error and counts
 * as a try without a match in every rate and in the verdict.
 */
import { CallFailure, CallGroup, runPool } from "./async.js";
import { assertInteger, FingerprintError } from "./errors.js";
import { type Fingerprint, type FingerprintLimits, validateFingerprints } from "./fingerprint.js";
import type { GenerateOptions, TextModel } from "./model.js";
import { assessMatches, type MatchVerdict } from "./stats.js";
import { applySystemPrompt, validateSystemPrompts } from "./system-prompts.js";
import { splitWords } from "./words.js";

/** Default number of model calls in flight. */
export const DEFAULT_CHECK_CONCURRENCY = 4;
/** Default timeout of one model call, in milliseconds. */
export const DEFAULT_MODEL_TIMEOUT_MS = 60_000;
/** Outputs longer than this (UTF-16 code units) are cut before comparison; they cannot match anyway. */
export const DEFAULT_MAX_OUTPUT_LENGTH = 65_536;

/** Progress of a check. */
export interface CheckProgress {
  /** Model calls finished. */
  completed: number;
  /** Model calls planned (fingerprints x (1 + system prompts)). */
  total: number;
  /** Exact matches so far (all prompt variants). */
  matched: number;
  /** Calls that threw or timed out so far (with `onModelError: "record"`). */
  errors: number;
}

/** Options of {@link checkFingerprints}. */
export interface CheckOptions {
  /** Templates (one `{}` each) to check every key under, besides the raw key. Default none. */
  systemPrompts?: readonly string[];
  /** Model calls in flight. Default {@link DEFAULT_CHECK_CONCURRENCY}. */
  concurrency?: number;
  /** Timeout of one model call (ms). Default {@link DEFAULT_MODEL_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** `"throw"` (default): the first failed call fails the check; `"record"`: record it and go on. */
  onModelError?: "throw" | "record";
  /** Extra options for every `generate` call. Default `{ temperature: 0 }` (greedy). */
  generateOptions?: Omit<GenerateOptions, "signal">;
  /** Trim surrounding whitespace of output and response before comparing. Default true. */
  trimWhitespace?: boolean;
  /** Tokenizer for the per-token match rate. Default: split at whitespace. */
  tokenize?: (text: string) => string[];
  /** Chance-match probability of the verdict. Default {@link DEFAULT_CHANCE_MATCH_PROBABILITY}. */
  chanceMatchProbability?: number;
  /** Significance level of the verdict. Default {@link DEFAULT_SIGNIFICANCE_LEVEL}. */
  significanceLevel?: number;
  /** Limits for validating the set. */
  limits?: FingerprintLimits;
  /** Called after each model call. */
  onProgress?: (progress: CheckProgress) => void;
  /** Cancels the check (`ABORTED`). */
  signal?: AbortSignal;
}

/** The outcome of one model call. */
export interface PromptOutcome {
  /** The output equals the response (OML's exact match). */
  matched: boolean;
  /** The output starts with the response. */
  prefixMatched: boolean;
  /** Fraction of the response's tokens reproduced at the same position, in [0, 1]. */
  tokenMatchRate: number;
  /** Set when the call failed (it then counts as no match). */
  error?: "MODEL_ERROR" | "MODEL_TIMEOUT";
}

/** Per-fingerprint results. Keys and responses are not repeated here (they are secrets). */
export interface FingerprintCheckResult {
  /** Position of the fingerprint in the set. */
  index: number;
  /** The raw key. */
  raw: PromptOutcome;
  /** One outcome per system-prompt template, in the order given. */
  systemPrompts: PromptOutcome[];
}

/** Aggregate rates over a group of calls. */
export interface CheckSummary {
  /** Calls in the group. */
  trials: number;
  /** Exact matches. */
  matched: number;
  /** `matched / trials` (OML's fingerprint accuracy / success rate). */
  successRate: number;
  /** Prefix matches. */
  prefixMatched: number;
  /** `prefixMatched / trials`. */
  prefixMatchRate: number;
  /** Mean per-token match rate. */
  tokenMatchRate: number;
  /** Calls that failed (they count as no match). */
  errors: number;
}

/** The full report of {@link checkFingerprints}. */
export interface FingerprintCheckReport {
  /** Fingerprints checked. */
  total: number;
  /** Exact-match success rate on raw keys (the number OML prints). */
  successRate: number;
  /** Mean per-token match rate on raw keys. */
  tokenMatchRate: number;
  /** Summary on raw keys. */
  raw: CheckSummary;
  /** Summary over every (fingerprint, template) call; `undefined` without system prompts. */
  systemPrompts: CheckSummary | undefined;
  /** One summary per template, in the order given. */
  perSystemPrompt: CheckSummary[];
  /** Per-fingerprint outcomes, in set order. */
  results: FingerprintCheckResult[];
  /** The statistical verdict, computed on raw-key exact matches (one independent try per fingerprint). */
  verdict: MatchVerdict;
}

const ERROR_OUTCOME = (error: "MODEL_ERROR" | "MODEL_TIMEOUT"): PromptOutcome => ({
  matched: false,
  prefixMatched: false,
  tokenMatchRate: 0,
  error,
});

/**
 * Compares one output with the expected response.
 * @param output - what the model produced
 * @param response - the fingerprint's response
 * @param options - whitespace trimming and tokenizer (defaults: trim, whitespace words)
 * @returns exact match, prefix match and per-token match rate
 */
export function compareResponse(
  output: string,
  response: string,
  options: { trimWhitespace?: boolean; tokenize?: (text: string) => string[] } = {},
): PromptOutcome {
  const trim = options.trimWhitespace ?? true;
  const tokenize = options.tokenize ?? splitWords;
  const got = trim ? output.trim() : output;
  const want = trim ? response.trim() : response;
  if (got === want && want !== "") return { matched: true, prefixMatched: true, tokenMatchRate: 1 };
  const expectedTokens = tokenize(want);
  const gotTokens = tokenize(got);
  let same = 0;
  for (let i = 0; i < expectedTokens.length; i++) if (gotTokens[i] === expectedTokens[i]) same++;
  return {
    matched: got === want,
    prefixMatched: got.startsWith(want),
    tokenMatchRate: expectedTokens.length === 0 ? 0 : same / expectedTokens.length,
  };
}

function summarize(outcomes: readonly PromptOutcome[]): CheckSummary {
  let matched = 0;
  let prefixMatched = 0;
  let tokenSum = 0;
  let errors = 0;
  for (const o of outcomes) {
    if (o.matched) matched++;
    if (o.prefixMatched) prefixMatched++;
    if (o.error !== undefined) errors++;
    tokenSum += o.tokenMatchRate;
  }
  const trials = outcomes.length;
  return {
    trials,
    matched,
    successRate: trials === 0 ? 0 : matched / trials,
    prefixMatched,
    prefixMatchRate: trials === 0 ? 0 : prefixMatched / trials,
    tokenMatchRate: trials === 0 ? 0 : tokenSum / trials,
    errors,
  };
}

/**
 * Checks a model against a fingerprint set and says how unlikely the result is by chance.
 *
 * @param model - the model under test (`generate(prompt, options) => Promise<string>`)
 * @param set - the fingerprints (validated first)
 * @param options - system prompts, concurrency, timeout, error policy, comparison, verdict parameters
 * @returns success rates (raw, under system prompts, per template), per-fingerprint outcomes and the verdict
 * @throws {FingerprintError} `MODEL_ERROR` / `MODEL_TIMEOUT` (with `index`, default error policy),
 *   `ABORTED`, `INVALID_TEMPLATE`, `INVALID_OPTION`, and the codes of {@link validateFingerprints}
 * @example
 * ```ts
 * const report = await checkFingerprints(model, set, { systemPrompts: systemPromptSet({ split: "check" }) });
 * console.log(report.successRate, report.verdict.significant);
 * ```
 */
export async function checkFingerprints(
  model: TextModel,
  set: readonly Fingerprint[],
  options: CheckOptions = {},
): Promise<FingerprintCheckReport> {
  if (typeof model?.generate !== "function") {
    throw new FingerprintError("INVALID_OPTION", "model must have a generate(prompt, options) method");
  }
  const fingerprints = validateFingerprints(set, options.limits);
  const templates = validateSystemPrompts(options.systemPrompts ?? []);
  const concurrency = assertInteger("concurrency", options.concurrency ?? DEFAULT_CHECK_CONCURRENCY, 1, 1024);
  const timeoutMs = assertInteger("timeoutMs", options.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS, 1, 2 ** 31 - 1);
  const policy = options.onModelError ?? "throw";
  if (policy !== "throw" && policy !== "record") {
    throw new FingerprintError("INVALID_OPTION", 'onModelError must be "throw" or "record"');
  }
  const compare = { trimWhitespace: options.trimWhitespace ?? true, tokenize: options.tokenize ?? splitWords };
  const generateOptions: GenerateOptions = { temperature: 0, ...options.generateOptions };
  // Validate the verdict parameters before spending any model calls.
  assessMatches({
    trials: 0,
    matches: 0,
    chanceMatchProbability: options.chanceMatchProbability,
    significanceLevel: options.significanceLevel,
  });

  const variants = 1 + templates.length;
  const total = fingerprints.length * variants;
  const outcomes = new Array<PromptOutcome>(total);
  const group = new CallGroup(options.signal);
  if (group.aborted) throw new FingerprintError("ABORTED", "the check was aborted");
  const progress: CheckProgress = { completed: 0, total, matched: 0, errors: 0 };

  await runPool(total, concurrency, group, async (call) => {
    const index = Math.floor(call / variants);
    const variant = call % variants;
    const { key, response } = fingerprints[index]!;
    const prompt = variant === 0 ? key : applySystemPrompt(templates[variant - 1]!, key);
    let outcome: PromptOutcome;
    try {
      const output: unknown = await group.call(
        (signal) => model.generate(prompt, { ...generateOptions, signal }),
        timeoutMs,
      );
      if (typeof output !== "string") {
        throw new CallFailure("error", new TypeError(`generate returned ${typeof output}, not a string`));
      }
      outcome = compareResponse(output.slice(0, DEFAULT_MAX_OUTPUT_LENGTH), response, compare);
    } catch (error) {
      if (!(error instanceof CallFailure)) throw error;
      if (error.reason === "aborted") {
        throw new FingerprintError("ABORTED", "the check was aborted", { cause: error.cause });
      }
      const code = error.reason === "timeout" ? "MODEL_TIMEOUT" : "MODEL_ERROR";
      if (policy === "throw") {
        const what = code === "MODEL_TIMEOUT" ? `did not answer within ${timeoutMs} ms` : "threw";
        throw new FingerprintError(code, `the model ${what} on fingerprint ${index}`, { index, cause: error.cause });
      }
      outcome = ERROR_OUTCOME(code);
      progress.errors++;
    }
    outcomes[call] = outcome;
    if (outcome.matched) progress.matched++;
    progress.completed++;
    options.onProgress?.({ ...progress });
  });

  const results: FingerprintCheckResult[] = fingerprints.map((_, index) => ({
    index,
    raw: outcomes[index * variants]!,
    systemPrompts: templates.map((__, t) => outcomes[index * variants + 1 + t]!),
  }));
  const raw = summarize(results.map((r) => r.raw));
  const perSystemPrompt = templates.map((_, t) => summarize(results.map((r) => r.systemPrompts[t]!)));
  const systemPrompts = templates.length === 0 ? undefined : summarize(results.flatMap((r) => r.systemPrompts));
  return {
    total: fingerprints.length,
    successRate: raw.successRate,
    tokenMatchRate: raw.tokenMatchRate,
    raw,
    systemPrompts,
    perSystemPrompt,
    results,
    verdict: assessMatches({
      trials: raw.trials,
      matches: raw.matched,
      chanceMatchProbability: options.chanceMatchProbability,
      significanceLevel: options.significanceLevel,
    }),
  };
}
