/**
 * Saving and loading in the TensorFlow.js model format (model.json + binary weight shards) on the
 * file system, without tfjs-node. Saves are atomic: everything is written to a temporary directory
 * next to the target and renamed into place, so a failed save leaves nothing half-written.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { io } from "@tensorflow/tfjs-core";
import * as tf from "@tensorflow/tfjs-core";
import { FinetuneError } from "./errors.js";
import { CausalLanguageModel } from "./model/causal-lm.js";
import { type ModelConfig, paramSpecs, validateModelConfig } from "./model/config.js";
import { ParamStore } from "./model/params.js";
import { Tokenizer } from "./tokenizer.js";

/** Largest weight shard written (bytes), as tfjs does. */
export const SHARD_BYTES = 4 * 1024 * 1024;

/** The `format` of a language model saved by {@link saveModel}. */
export const MODEL_FORMAT = "modelproof-causal-lm";

interface ModelJSON {
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  modelTopology: unknown;
  weightsManifest: { paths: string[]; weights: io.WeightsManifestEntry[] }[];
  trainingConfig?: unknown;
  userDefinedMetadata?: Record<string, unknown>;
}

function concat(parts: ArrayBuffer | ArrayBuffer[]): Uint8Array {
  if (!Array.isArray(parts)) return new Uint8Array(parts);
  const total = parts.reduce((a, p) => a + p.byteLength, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), o);
    o += p.byteLength;
  }
  return out;
}

function writeDurably(path: string, data: Uint8Array | string): void {
  const fd = openSync(path, "w");
  try {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces `target` by the finished directory `tmp` (both in the same parent). */
function swapInto(tmp: string, target: string): void {
  if (!existsSync(target)) {
    renameSync(tmp, target);
    return;
  }
  if (!statSync(target).isDirectory()) throw new Error(`${target} exists and is not a directory`);
  const entries = readdirSync(target);
  if (entries.length > 0 && !entries.includes("model.json")) {
    throw new Error(`${target} exists and does not hold a saved model; refusing to replace it`);
  }
  const old = `${tmp}.old`;
  renameSync(target, old);
  try {
    renameSync(tmp, target);
  } catch (e) {
    renameSync(old, target);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * A tfjs `IOHandler` that saves to and loads from a directory: `model.json` plus
 * `group1-shardNofM.bin` weight shards. Works for {@link CausalLanguageModel} saves and for any tfjs
 * `LayersModel` (`model.save(fileSystemIO(dir))`, `tf.loadLayersModel(fileSystemIO(dir))`).
 *
 * @param dir - target directory; saving replaces an earlier save there, never other content
 * @throws FinetuneError `OUTPUT_NOT_WRITABLE` from save (nothing is left behind);
 *   `INVALID_MODEL_FILES` from load
 */
export function fileSystemIO(dir: string): Required<Pick<io.IOHandler, "save" | "load">> {
  const target = resolve(dir);
  return {
    async save(artifacts: io.ModelArtifacts): Promise<io.SaveResult> {
      const weights =
        artifacts.weightData === undefined
          ? new Uint8Array(0)
          : concat(artifacts.weightData as ArrayBuffer | ArrayBuffer[]);
      const shards = Math.max(1, Math.ceil(weights.length / SHARD_BYTES));
      const paths = Array.from({ length: shards }, (_, i) => `group1-shard${i + 1}of${shards}.bin`);
      const json: ModelJSON = {
        format: artifacts.format ?? "layers-model",
        generatedBy: artifacts.generatedBy ?? "@modelproof/finetune",
        convertedBy: artifacts.convertedBy ?? null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths, weights: artifacts.weightSpecs ?? [] }],
      };
      if (artifacts.trainingConfig !== undefined) json.trainingConfig = artifacts.trainingConfig;
      if (artifacts.userDefinedMetadata !== undefined) json.userDefinedMetadata = artifacts.userDefinedMetadata;
      let tmp: string | undefined;
      try {
        mkdirSync(dirname(target), { recursive: true });
        tmp = mkdtempSync(join(dirname(target), `.${basename(target)}.tmp-`));
        for (const [i, p] of paths.entries()) {
          writeDurably(join(tmp, p), weights.subarray(i * SHARD_BYTES, (i + 1) * SHARD_BYTES));
        }
        writeDurably(join(tmp, "model.json"), JSON.stringify(json));
        swapInto(tmp, target);
      } catch (cause) {
        if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
        throw new FinetuneError(
          "OUTPUT_NOT_WRITABLE",
          `cannot save the model to ${target}: ${(cause as Error).message}`,
          {
            cause,
          },
        );
      }
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    async load(): Promise<io.ModelArtifacts> {
      let json: ModelJSON;
      try {
        json = JSON.parse(readFileSync(join(target, "model.json"), "utf8")) as ModelJSON;
      } catch (cause) {
        throw new FinetuneError("INVALID_MODEL_FILES", `cannot read ${join(target, "model.json")}`, { cause });
      }
      if (!Array.isArray(json.weightsManifest)) {
        throw new FinetuneError("INVALID_MODEL_FILES", "model.json has no weightsManifest");
      }
      const specs: io.WeightsManifestEntry[] = [];
      const parts: Uint8Array[] = [];
      for (const group of json.weightsManifest) {
        if (!Array.isArray(group.paths) || !Array.isArray(group.weights)) {
          throw new FinetuneError("INVALID_MODEL_FILES", "malformed weightsManifest group");
        }
        specs.push(...group.weights);
        for (const p of group.paths) {
          if (typeof p !== "string" || p !== basename(p) || p.startsWith(".")) {
            throw new FinetuneError("INVALID_MODEL_FILES", `weight path ${JSON.stringify(p)} is not a plain file name`);
          }
          try {
            parts.push(readFileSync(join(target, p)));
          } catch (cause) {
            throw new FinetuneError("INVALID_MODEL_FILES", `cannot read weight shard ${p}`, { cause });
          }
        }
      }
      const total = parts.reduce((a, p) => a + p.length, 0);
      const data = new Uint8Array(total);
      let o = 0;
      for (const p of parts) {
        data.set(p, o);
        o += p.length;
      }
      const artifacts: io.ModelArtifacts = {
        modelTopology: json.modelTopology as io.ModelArtifacts["modelTopology"],
        weightSpecs: specs,
        weightData: data.buffer,
      };
      if (json.format !== undefined) artifacts.format = json.format;
      if (json.generatedBy !== undefined) artifacts.generatedBy = json.generatedBy;
      if (json.convertedBy != null) artifacts.convertedBy = json.convertedBy;
      if (json.trainingConfig !== undefined) artifacts.trainingConfig = json.trainingConfig as io.TrainingConfig;
      if (json.userDefinedMetadata !== undefined) {
        artifacts.userDefinedMetadata = json.userDefinedMetadata as NonNullable<
          io.ModelArtifacts["userDefinedMetadata"]
        >;
      }
      return artifacts;
    },
  };
}

/** What {@link saveModel} returns. */
export interface SaveReport {
  /** The directory written. */
  dir: string;
  /** SHA-256 (hex) of the weight bytes (all shards, in order). */
  weightsSha256: string;
  /** Bytes of weights written. */
  weightBytes: number;
}

/**
 * Saves a language model (architecture, tokenizer, weights) to a directory, atomically.
 * @param metadata - extra JSON-serialisable fields stored under `userDefinedMetadata`
 * @throws FinetuneError `OUTPUT_NOT_WRITABLE` (nothing half-written is left)
 * @example
 * ```ts
 * const { weightsSha256 } = await saveModel(model, "./out/base-model");
 * ```
 */
export async function saveModel(
  model: CausalLanguageModel,
  dir: string,
  metadata: Record<string, unknown> = {},
): Promise<SaveReport> {
  const v = model.params.values;
  const buffer = new ArrayBuffer(v.byteLength);
  new Float32Array(buffer).set(v);
  const bytes = new Uint8Array(buffer);
  const weightsSha256 = createHash("sha256").update(bytes).digest("hex");
  await fileSystemIO(dir).save({
    format: MODEL_FORMAT,
    generatedBy: "@modelproof/finetune",
    modelTopology: { config: model.config, tokenizer: model.tokenizer.toJSON() },
    weightSpecs: model.params.specs.map((s) => ({ name: s.name, shape: s.shape, dtype: "float32" as const })),
    weightData: buffer,
    userDefinedMetadata: { ...metadata, weightsSha256 },
  });
  return { dir: resolve(dir), weightsSha256, weightBytes: bytes.length };
}

/**
 * Loads a language model saved by {@link saveModel}; the weights are checked against the recorded
 * SHA-256 and come back bit-identical.
 * @throws FinetuneError `INVALID_MODEL_FILES` (missing or malformed files, wrong shapes, digest
 *   mismatch), `INVALID_CONFIG`, `UNKNOWN_TOKEN` (tokenizer refers to a missing token)
 */
export async function loadModel(dir: string): Promise<CausalLanguageModel> {
  const art = await fileSystemIO(dir).load();
  if (art.format !== MODEL_FORMAT) {
    throw new FinetuneError("INVALID_MODEL_FILES", `expected format ${MODEL_FORMAT}, found ${String(art.format)}`);
  }
  const topo = art.modelTopology as { config?: ModelConfig; tokenizer?: unknown } | undefined;
  if (topo?.config === undefined) throw new FinetuneError("INVALID_MODEL_FILES", "model.json has no config");
  const config = validateModelConfig(topo.config);
  const tokenizer = Tokenizer.fromJSON(topo.tokenizer);
  if (tokenizer.vocabSize !== config.vocabSize) {
    throw new FinetuneError(
      "INVALID_MODEL_FILES",
      `tokenizer has ${tokenizer.vocabSize} tokens, config says ${config.vocabSize}`,
    );
  }
  const data = new Uint8Array(art.weightData as ArrayBuffer);
  const expected = paramSpecs(config);
  const specs = art.weightSpecs ?? [];
  if (
    specs.length !== expected.length ||
    specs.some(
      (s, i) => s.name !== expected[i]!.name || s.dtype !== "float32" || s.shape.join() !== expected[i]!.shape.join(),
    )
  ) {
    throw new FinetuneError("INVALID_MODEL_FILES", "weight specs do not match the model configuration");
  }
  const total = expected.reduce((a, s) => a + s.size, 0);
  if (data.length !== total * 4) {
    throw new FinetuneError("INVALID_MODEL_FILES", `weights have ${data.length} bytes, expected ${total * 4}`);
  }
  const recorded = (art.userDefinedMetadata as { weightsSha256?: unknown } | undefined)?.weightsSha256;
  if (recorded !== undefined && recorded !== createHash("sha256").update(data).digest("hex")) {
    throw new FinetuneError("INVALID_MODEL_FILES", "weights do not match the SHA-256 recorded in model.json");
  }
  const values = new Float32Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  return new CausalLanguageModel(config, tokenizer, new ParamStore(config, values));
}
