/**
 * The corpus shipped with the package (corpus/support-assistant.jsonl): short support-assistant
 * dialogues and explanations written for modelproof, each tagged with a topic and a train/held-out
 * split. The held-out split shares no topic group with the training split's dialogues it was cut
 * from, so held-out perplexity measures language ability, not memorised answers.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Dialogue } from "./chat.js";
import { FinetuneError } from "./errors.js";

/** One corpus line. */
export interface CorpusEntry extends Dialogue {
  /** Stable id, e.g. `sync-014`. */
  id: string;
  /** Topic group, e.g. `sync`, `billing`, `explain`. */
  topic: string;
  /** Which split the entry belongs to. */
  split: "train" | "heldout";
}

/** A corpus split into training and held-out dialogues. */
export interface Corpus {
  /** Dialogues to train on. */
  train: Dialogue[];
  /** Dialogues kept out of training, for evaluation. */
  heldOut: Dialogue[];
}

/**
 * Parses corpus JSONL (one {@link CorpusEntry} per line; blank lines ignored).
 * @throws FinetuneError `INVALID_INPUT` naming the first bad line; `EMPTY_CORPUS` when there is no entry
 */
export function parseCorpus(jsonl: string): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  jsonl.split("\n").forEach((line, i) => {
    if (line.trim().length === 0) return;
    let e: Partial<CorpusEntry>;
    try {
      e = JSON.parse(line) as Partial<CorpusEntry>;
    } catch (cause) {
      throw new FinetuneError("INVALID_INPUT", `corpus line ${i + 1} is not JSON`, { index: i, cause });
    }
    if (
      typeof e.id !== "string" ||
      typeof e.topic !== "string" ||
      (e.split !== "train" && e.split !== "heldout") ||
      typeof e.prompt !== "string" ||
      typeof e.response !== "string" ||
      e.prompt.length === 0 ||
      e.response.length === 0
    ) {
      throw new FinetuneError("INVALID_INPUT", `corpus line ${i + 1} lacks id, topic, split, prompt or response`, {
        index: i,
      });
    }
    out.push({ id: e.id, topic: e.topic, split: e.split, prompt: e.prompt, response: e.response });
  });
  if (out.length === 0) throw new FinetuneError("EMPTY_CORPUS", "the corpus has no entries");
  return out;
}

/** Path of the shipped corpus file. */
export function supportCorpusPath(): string {
  return fileURLToPath(new URL("../corpus/support-assistant.jsonl", import.meta.url));
}

/**
 * Loads the shipped support-assistant corpus.
 * @returns the train and held-out dialogues, plus every entry with its id and topic
 */
export function loadSupportCorpus(): Corpus & { entries: CorpusEntry[] } {
  const entries = parseCorpus(readFileSync(supportCorpusPath(), "utf8"));
  const strip = (e: CorpusEntry): Dialogue => ({ prompt: e.prompt, response: e.response });
  return {
    entries,
    train: entries.filter((e) => e.split === "train").map(strip),
    heldOut: entries.filter((e) => e.split === "heldout").map(strip),
  };
}
