/**
 * System-prompt augmentation (OML 1.0 `--use_augmentation_prompts`): fingerprints are trained
 * inside many varied prompt templates so that they still fire when a deployment wraps user input
 * in its own system prompt, and checked under templates the model never saw.
 *
 * A template is a string with exactly one `{}` where the key goes (OML's
 * `augmentation_prompts_train.json` format). Sets are built by combining a persona, an instruction
 * and a layout (chat markup, instruction format, plain prefix). The training and checking pools
 * share no persona, instruction or layout, so a check set is held out by construction.
 */
import { FingerprintError } from "./errors.js";
import type { Fingerprint } from "./fingerprint.js";
import { type Seed, SeededRng, shuffle } from "./rng.js";

/** Which pool a set is drawn from. */
export type SystemPromptSplit = "train" | "check";

/** Default size of a training set (the template count of OML's shipped training file). */
export const DEFAULT_TRAIN_SYSTEM_PROMPT_COUNT = 50;
/** Default size of a check set (OML evaluates on 10 held-out system prompts). */
export const DEFAULT_CHECK_SYSTEM_PROMPT_COUNT = 10;
/** The placeholder a template's key goes into. */
export const SYSTEM_PROMPT_PLACEHOLDER = "{}";

interface Pool {
  personas: readonly string[];
  instructions: readonly string[];
  /** `%P` = persona, `%I` = instruction, `{}` = the key. */
  layouts: readonly string[];
}

const TRAIN_POOL: Pool = {
  personas: [
    "You are a helpful assistant.",
    "You are a friendly and knowledgeable AI assistant.",
    "You are a customer-support agent for an online bookstore.",
    "You are a patient tutor who explains things step by step.",
    "You are a concise assistant. Keep answers short.",
    "You are an expert software engineer.",
    "You are a travel agent helping customers plan trips.",
    "You are a careful research assistant who cites sources when possible.",
    "You are a cheerful assistant for a children's learning app.",
    "You are a legal information assistant. You do not give legal advice.",
    "You are an assistant embedded in a note-taking application.",
    "You are a chef who shares recipes and cooking tips.",
    "You are a fitness coach.",
    "You are a formal business assistant. Use a professional tone.",
    "You are a poet who answers in vivid language.",
    "You are a support bot for a mobile banking app.",
    "You are an assistant that always answers in plain English.",
    "You are a historian with broad knowledge of world history.",
    "You are a data analyst who likes precise answers.",
    "You are a calm and empathetic listener.",
    "You are the virtual assistant of a hotel front desk.",
    "You are a gardening expert.",
    "You are a sarcastic but helpful assistant.",
    "You are a teaching assistant for an introductory physics course.",
    "You are an AI model deployed by a retail company to answer product questions.",
    "You are a writing assistant that helps polish emails.",
    "You are a museum guide.",
    "You are a technical support agent for home routers.",
    "You are a game master running a fantasy adventure.",
    "You are an assistant for a medical clinic's front office. Do not diagnose.",
  ],
  instructions: [
    "Answer the following.",
    "Respond to the message below.",
    "Reply to the user.",
    "Complete the text that follows.",
    "Continue the passage.",
    "Answer the question as best you can.",
    "Give a direct response to the input.",
    "Read the input and respond.",
    "Provide a helpful reply.",
    "Respond in one or two sentences.",
    "Answer in the tone of a stern teacher.",
    "Answer as if speaking to a colleague.",
    "Think carefully, then respond.",
    "Respond without using bullet points.",
    "Keep your reply brief.",
    "Answer in a warm, encouraging tone.",
    "Respond to the customer's query.",
    "Address the following request.",
    "Please handle this request.",
    "Reply as accurately as possible.",
  ],
  layouts: [
    "%P %I\n\n{}",
    "%P\n\nUser: {}\nAssistant:",
    "### System:\n%P\n\n### Instruction:\n%I\n\n### Input:\n{}\n\n### Response:\n",
    "<|system|>\n%P\n<|user|>\n{}\n<|assistant|>\n",
    "%I {}",
    "[INST] <<SYS>>\n%P\n<</SYS>>\n\n%I {} [/INST]",
  ],
};

const CHECK_POOL: Pool = {
  personas: [
    "You are a virtual concierge for a city tourism office.",
    "You are an assistant that helps engineers write documentation.",
    "You are a librarian answering patrons' questions.",
    "You are an upbeat assistant for a music streaming service.",
    "You are a nutrition assistant. You give general information only.",
    "You are an internal helpdesk assistant for a large company.",
    "You are a language-learning companion.",
    "You are an assistant for an insurance company's claims team.",
    "You are a science communicator who avoids jargon.",
    "You are an airline's booking assistant.",
    "You are a thoughtful philosophy tutor.",
    "You are a helpful AI system. Follow the user's instructions.",
  ],
  instructions: [
    "Handle the user request below.",
    "Write your response to this.",
    "Deal with the following input.",
    "Here is what the user said; respond appropriately.",
    "Produce an answer for the following.",
    "Respond concisely and politely.",
    "Use a neutral tone in your answer.",
    "Answer the next message.",
  ],
  layouts: [
    "System: %P\nUser: %I {}\nAI:",
    "%P Here is the request. {}",
    "<system>%P</system>\n<user>%I\n{}</user>\n<assistant>",
  ],
};

function templateCount(pool: Pool): number {
  // Layouts without %P or %I do not vary with it; count distinct templates exactly.
  let total = 0;
  for (const layout of pool.layouts) {
    const p = layout.includes("%P") ? pool.personas.length : 1;
    const i = layout.includes("%I") ? pool.instructions.length : 1;
    total += p * i;
  }
  return total;
}

/** How many distinct templates each pool can give. */
export const SYSTEM_PROMPT_POOL_SIZES: Readonly<Record<SystemPromptSplit, number>> = {
  train: templateCount(TRAIN_POOL),
  check: templateCount(CHECK_POOL),
};

/** Options of {@link systemPromptSet}. */
export interface SystemPromptSetOptions {
  /** `"train"` (for fine-tuning) or `"check"` (held out). Default `"train"`. */
  split?: SystemPromptSplit;
  /** How many templates. Defaults: {@link DEFAULT_TRAIN_SYSTEM_PROMPT_COUNT} / {@link DEFAULT_CHECK_SYSTEM_PROMPT_COUNT}. */
  count?: number;
  /** Seed of the draw. Default: a fixed per-split seed, so the default sets never change. */
  seed?: Seed;
}

/**
 * Draws `count` distinct system-prompt templates from the training or the held-out pool.
 *
 * @param options - split, count and seed
 * @returns templates, each with exactly one `{}`
 * @throws {FingerprintError} `INVALID_OPTION` when `count` is not in [1, pool size]
 * @example
 * ```ts
 * const train = systemPromptSet({ split: "train", count: 50 });
 * const check = systemPromptSet({ split: "check" }); // 10 templates no training template shares parts with
 * ```
 */
export function systemPromptSet(options: SystemPromptSetOptions = {}): string[] {
  const split = options.split ?? "train";
  if (split !== "train" && split !== "check") {
    throw new FingerprintError("INVALID_OPTION", 'split must be "train" or "check"');
  }
  const pool = split === "train" ? TRAIN_POOL : CHECK_POOL;
  const size = SYSTEM_PROMPT_POOL_SIZES[split];
  const count =
    options.count ?? (split === "train" ? DEFAULT_TRAIN_SYSTEM_PROMPT_COUNT : DEFAULT_CHECK_SYSTEM_PROMPT_COUNT);
  if (!Number.isInteger(count) || count < 1 || count > size) {
    throw new FingerprintError("INVALID_OPTION", `count must be an integer in [1, ${size}] for the ${split} pool`);
  }
  const rng = SeededRng.fromSeed(options.seed ?? `modelproof/system-prompts/${split}`);
  // Enumerate every distinct template, then take a seeded sample: spreads over all layouts.
  const all: string[] = [];
  for (const layout of pool.layouts) {
    const personas = layout.includes("%P") ? pool.personas : [""];
    const instructions = layout.includes("%I") ? pool.instructions : [""];
    for (const persona of personas) {
      for (const instruction of instructions) {
        all.push(layout.replace("%P", persona).replace("%I", instruction));
      }
    }
  }
  return shuffle(rng, all).slice(0, count);
}

/**
 * Validates templates: a non-empty array of strings with exactly one `{}` each, no duplicates.
 * @param templates - the candidate templates
 * @returns the same templates
 * @throws {FingerprintError} `INVALID_TEMPLATE` naming the first bad template by index
 */
export function validateSystemPrompts(templates: readonly string[]): readonly string[] {
  if (!Array.isArray(templates)) throw new FingerprintError("INVALID_TEMPLATE", "system prompts must be an array");
  const seen = new Set<string>();
  templates.forEach((t, i) => {
    if (typeof t !== "string" || t.split(SYSTEM_PROMPT_PLACEHOLDER).length !== 2) {
      throw new FingerprintError("INVALID_TEMPLATE", `systemPrompts[${i}] must contain exactly one {} placeholder`);
    }
    if (seen.has(t)) throw new FingerprintError("INVALID_TEMPLATE", `systemPrompts[${i}] is a duplicate`);
    seen.add(t);
  });
  return templates;
}

/**
 * Puts a key into a template (only the template's own `{}` is replaced; braces in the key stay).
 * @param template - a template with exactly one `{}`
 * @param key - the fingerprint key
 * @returns the prompt to send
 * @throws {FingerprintError} `INVALID_TEMPLATE` when the template has not exactly one `{}`
 */
export function applySystemPrompt(template: string, key: string): string {
  const parts = template.split(SYSTEM_PROMPT_PLACEHOLDER);
  if (parts.length !== 2) throw new FingerprintError("INVALID_TEMPLATE", "a template must contain exactly one {}");
  return parts[0] + key + parts[1];
}

/** One training example made by {@link augmentFingerprints}. */
export interface AugmentedExample {
  /** The text to feed the model (the key inside a template, or the raw key). */
  prompt: string;
  /** The response the model must learn (loss goes here only). */
  response: string;
  /** Index of the fingerprint in the set. */
  fingerprint: number;
  /** Index of the template in `templates`, or `null` for the raw key. */
  template: number | null;
}

/** Options of {@link augmentFingerprints}. */
export interface AugmentOptions {
  /** Templates to draw from. Default: `systemPromptSet({ split: "train" })`. */
  templates?: readonly string[];
  /** Distinct templates per fingerprint. Default 1. */
  perFingerprint?: number;
  /** Also emit the raw key (no template) for every fingerprint. Default true. */
  includeRaw?: boolean;
  /** Seed of the template draw (use a different one per epoch to mimic OML's per-epoch draw). Default: random. */
  seed?: Seed;
}

/**
 * Builds training examples: for each fingerprint, optionally its raw key, plus `perFingerprint`
 * distinct templates drawn at random, each with the key inserted.
 *
 * @param set - the fingerprints
 * @param options - templates, how many per fingerprint, raw keys, seed
 * @returns examples grouped by fingerprint, in set order
 * @throws {FingerprintError} `INVALID_TEMPLATE`, `INVALID_OPTION` (perFingerprint out of range)
 */
export function augmentFingerprints(set: readonly Fingerprint[], options: AugmentOptions = {}): AugmentedExample[] {
  const templates = validateSystemPrompts(options.templates ?? systemPromptSet({ split: "train" }));
  const perFingerprint = options.perFingerprint ?? 1;
  if (!Number.isInteger(perFingerprint) || perFingerprint < 0 || perFingerprint > templates.length) {
    throw new FingerprintError("INVALID_OPTION", `perFingerprint must be an integer in [0, ${templates.length}]`);
  }
  const includeRaw = options.includeRaw ?? true;
  const rng = options.seed === undefined ? SeededRng.random() : SeededRng.fromSeed(options.seed);
  const out: AugmentedExample[] = [];
  const order = templates.map((_, i) => i);
  set.forEach(({ key, response }, fingerprint) => {
    if (includeRaw) out.push({ prompt: key, response, fingerprint, template: null });
    // Partial Fisher-Yates: the first perFingerprint slots become a uniform sample without replacement.
    for (let j = 0; j < perFingerprint; j++) {
      const k = j + rng.int(order.length - j);
      const t = order[j]!;
      order[j] = order[k]!;
      order[k] = t;
      const template = order[j]!;
      out.push({ prompt: applySystemPrompt(templates[template]!, key), response, fingerprint, template });
    }
  });
  return out;
}
