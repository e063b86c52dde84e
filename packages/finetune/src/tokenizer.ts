/**
 * Byte-level BPE tokenizer (Sennrich et al. 2016; byte-level as in GPT-2): 256 byte tokens, merges
 * learned on the training corpus, then four special tokens. Any text encodes (no unknown words);
 * special tokens never come out of `encode`, so text cannot inject control tokens.
 */
import { FinetuneError } from "./errors.js";

/** The special tokens, in id order after the merges. */
export const SPECIAL_TOKENS = ["<|endoftext|>", "<|system|>", "<|user|>", "<|assistant|>"] as const;

/** Name of a special token. */
export type SpecialToken = (typeof SPECIAL_TOKENS)[number];

/** Serialised form of a {@link Tokenizer} (saved inside model.json). */
export interface TokenizerJSON {
  /** Format marker. */
  type: "byte-bpe";
  /** Format version. */
  version: 1;
  /** Merges in rank order: pairs of token ids; merge i creates token 256 + i. */
  merges: [number, number][];
  /** Special tokens; ids follow the merges in this order. */
  specials: string[];
}

// GPT-2 style pre-tokenisation: contractions, words with their leading space, numbers, punctuation runs, spaces.
const PRETOKEN = /'(?:s|t|re|ve|m|ll|d)| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: false });

/** A trained byte-level BPE tokenizer. */
export class Tokenizer {
  /** Merges in rank order. */
  readonly merges: readonly (readonly [number, number])[];
  private readonly ranks = new Map<number, number>();
  private readonly bytesOf: Uint8Array[] = [];
  private readonly cache = new Map<string, number[]>();

  private constructor(merges: [number, number][]) {
    this.merges = merges;
    for (let i = 0; i < 256; i++) this.bytesOf.push(Uint8Array.of(i));
    merges.forEach(([a, b], i) => {
      const id = 256 + i;
      if (!(a < id && b < id && a >= 0 && b >= 0 && Number.isInteger(a) && Number.isInteger(b))) {
        throw new FinetuneError("UNKNOWN_TOKEN", `merge ${i} refers to a token that does not exist yet`, { index: i });
      }
      this.ranks.set(a * 65536 + b, i);
      const left = this.bytesOf[a]!;
      const right = this.bytesOf[b]!;
      const joined = new Uint8Array(left.length + right.length);
      joined.set(left);
      joined.set(right, left.length);
      this.bytesOf.push(joined);
    });
  }

  /**
   * Learns merges from texts until the vocabulary (bytes + merges + specials) reaches `vocabSize`
   * or no pair occurs twice.
   * @throws FinetuneError `EMPTY_CORPUS` when there is no text; `INVALID_CONFIG` for a vocabSize
   *   below 260 (256 bytes + 4 specials) or above 65536
   */
  static train(texts: readonly string[], vocabSize: number): Tokenizer {
    if (!Number.isInteger(vocabSize) || vocabSize < 256 + SPECIAL_TOKENS.length || vocabSize > 65536) {
      throw new FinetuneError("INVALID_CONFIG", `vocabSize must be an integer in 260..65536 (got ${vocabSize})`);
    }
    const counts = new Map<string, number>();
    for (const t of texts) for (const w of t.match(PRETOKEN) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    if (counts.size === 0) throw new FinetuneError("EMPTY_CORPUS", "cannot train a tokenizer on empty text");
    const words = [...counts.entries()].map(([w, c]) => ({ ids: Array.from(encoder.encode(w)), count: c }));
    const merges: [number, number][] = [];
    const target = vocabSize - 256 - SPECIAL_TOKENS.length;
    while (merges.length < target) {
      const pairs = new Map<number, number>();
      for (const { ids, count } of words) {
        for (let i = 0; i + 1 < ids.length; i++) {
          const key = ids[i]! * 65536 + ids[i + 1]!;
          pairs.set(key, (pairs.get(key) ?? 0) + count);
        }
      }
      let best = -1;
      let bestCount = 1;
      for (const [key, c] of pairs)
        if (c > bestCount || (c === bestCount && best !== -1 && key < best)) {
          best = key;
          bestCount = c;
        }
      if (best < 0) break;
      const a = Math.floor(best / 65536);
      const b = best % 65536;
      const id = 256 + merges.length;
      merges.push([a, b]);
      for (const w of words) {
        const ids = w.ids;
        if (ids.length < 2) continue;
        const out: number[] = [];
        for (let i = 0; i < ids.length; i++) {
          if (i + 1 < ids.length && ids[i] === a && ids[i + 1] === b) {
            out.push(id);
            i++;
          } else out.push(ids[i]!);
        }
        w.ids = out;
      }
    }
    return new Tokenizer(merges);
  }

  /**
   * Restores a tokenizer saved with {@link Tokenizer.toJSON}.
   * @throws FinetuneError `INVALID_MODEL_FILES` for a malformed object; `UNKNOWN_TOKEN` when a merge
   *   refers to a token that does not exist
   */
  static fromJSON(json: unknown): Tokenizer {
    const j = json as Partial<TokenizerJSON> | null;
    if (
      j === null ||
      typeof j !== "object" ||
      j.type !== "byte-bpe" ||
      j.version !== 1 ||
      !Array.isArray(j.merges) ||
      !Array.isArray(j.specials) ||
      j.specials.length !== SPECIAL_TOKENS.length ||
      j.specials.some((s, i) => s !== SPECIAL_TOKENS[i]) ||
      !j.merges.every((m) => Array.isArray(m) && m.length === 2 && m.every((x) => Number.isInteger(x)))
    ) {
      throw new FinetuneError("INVALID_MODEL_FILES", "not a byte-bpe tokenizer (version 1)");
    }
    return new Tokenizer(j.merges.map((m) => [m[0]!, m[1]!]));
  }

  /** Total vocabulary: bytes, merges and special tokens. */
  get vocabSize(): number {
    return 256 + this.merges.length + SPECIAL_TOKENS.length;
  }

  /** Id of a special token. */
  special(name: SpecialToken): number {
    return 256 + this.merges.length + SPECIAL_TOKENS.indexOf(name);
  }

  /** Id of `<|endoftext|>` (end of a response; also used as padding). */
  get eos(): number {
    return this.special("<|endoftext|>");
  }

  /** Encodes text (never produces special tokens). */
  encode(text: string): number[] {
    const out: number[] = [];
    for (const w of text.match(PRETOKEN) ?? []) {
      let ids = this.cache.get(w);
      if (ids === undefined) {
        ids = this.encodeWord(Array.from(encoder.encode(w)));
        if (this.cache.size < 100_000) this.cache.set(w, ids);
      }
      for (const id of ids) out.push(id);
    }
    return out;
  }

  /**
   * Decodes ids to text; special tokens decode to their names. Invalid UTF-8 (a sequence cut inside
   * a character) becomes U+FFFD.
   * @throws FinetuneError `UNKNOWN_TOKEN` for an id outside the vocabulary
   */
  decode(ids: readonly number[]): string {
    const parts: string[] = [];
    let bytes: number[] = [];
    const flush = (): void => {
      if (bytes.length > 0) parts.push(decoder.decode(Uint8Array.from(bytes)));
      bytes = [];
    };
    const firstSpecial = 256 + this.merges.length;
    ids.forEach((id, i) => {
      if (!Number.isInteger(id) || id < 0 || id >= this.vocabSize) {
        throw new FinetuneError(
          "UNKNOWN_TOKEN",
          `token id ${String(id)} is outside the vocabulary (0..${this.vocabSize - 1})`,
          {
            index: i,
          },
        );
      }
      if (id >= firstSpecial) {
        flush();
        parts.push(SPECIAL_TOKENS[id - firstSpecial]!);
      } else for (const b of this.bytesOf[id]!) bytes.push(b);
    });
    flush();
    return parts.join("");
  }

  /** The serialisable form. */
  toJSON(): TokenizerJSON {
    return { type: "byte-bpe", version: 1, merges: this.merges.map(([a, b]) => [a, b]), specials: [...SPECIAL_TOKENS] };
  }

  private encodeWord(ids: number[]): number[] {
    while (ids.length > 1) {
      let bestRank = Number.POSITIVE_INFINITY;
      let at = -1;
      for (let i = 0; i + 1 < ids.length; i++) {
        const r = this.ranks.get(ids[i]! * 65536 + ids[i + 1]!);
        if (r !== undefined && r < bestRank) {
          bestRank = r;
          at = i;
        }
      }
      if (at < 0) break;
      const [a, b] = this.merges[bestRank]!;
      const id = 256 + bestRank;
      const out: number[] = [];
      for (let i = 0; i < ids.length; i++) {
        if (i + 1 < ids.length && ids[i] === a && ids[i + 1] === b) {
          out.push(id);
          i++;
        } else out.push(ids[i]!);
      }
      ids = out;
    }
    return ids;
  }
}
