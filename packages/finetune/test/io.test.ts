import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../src/backend.js";
import { fileSystemIO, loadModel, saveModel } from "../src/io.js";
import { tinyModel } from "./helpers.js";

const root = mkdtempSync(join(tmpdir(), "mp-finetune-io-"));
const sha = (p: string): string => createHash("sha256").update(readFileSync(p)).digest("hex");

describe("saveModel / loadModel", () => {
  beforeAll(async () => {
    await useBackend("wasm");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes tfjs model.json + shards and reloads byte-exactly", async () => {
    const model = tinyModel(5);
    const dir = join(root, "a");
    const saved = await saveModel(model, dir, { note: "test" });
    expect(saved.weightsSha256).toBe(model.weightsDigest());
    const json = JSON.parse(readFileSync(join(dir, "model.json"), "utf8"));
    expect(json.format).toBe("modelproof-causal-lm");
    expect(json.weightsManifest[0].paths).toEqual(["group1-shard1of1.bin"]);
    expect(json.userDefinedMetadata).toMatchObject({ note: "test", weightsSha256: saved.weightsSha256 });
    expect(sha(join(dir, "group1-shard1of1.bin"))).toBe(saved.weightsSha256);

    const loaded = await loadModel(dir);
    expect(loaded.weightsDigest()).toBe(saved.weightsSha256);
    expect(loaded.config).toEqual(model.config);
    expect(loaded.tokenizer.toJSON()).toEqual(model.tokenizer.toJSON());
    const again = join(root, "a2");
    const resaved = await saveModel(loaded, again);
    expect(sha(join(again, "group1-shard1of1.bin"))).toBe(sha(join(dir, "group1-shard1of1.bin")));
    expect(await loaded.generate("How do I fix sync issue 1?", { maxNewTokens: 6 })).toBe(
      await model.generate("How do I fix sync issue 1?", { maxNewTokens: 6 }),
    );
    expect(resaved.weightsSha256).toBe(saved.weightsSha256);
  });

  it("splits weights into 4 MB shards and reassembles them", async () => {
    const model = tinyModel(2, { dModel: 128, dFF: 2048, nLayers: 3, nHeads: 4 });
    const dir = join(root, "sharded");
    const { weightBytes, weightsSha256 } = await saveModel(model, dir);
    const shards = readdirSync(dir).filter((f) => f.endsWith(".bin"));
    expect(shards.length).toBe(Math.ceil(weightBytes / (4 * 1024 * 1024)));
    expect(shards.length).toBeGreaterThan(1);
    expect((await loadModel(dir)).weightsDigest()).toBe(weightsSha256);
  });

  it("replaces an earlier save atomically and leaves no temporary files", async () => {
    const dir = join(root, "replace");
    await saveModel(tinyModel(1), dir);
    const second = await saveModel(tinyModel(2), dir);
    expect((await loadModel(dir)).weightsDigest()).toBe(second.weightsSha256);
    expect(readdirSync(root).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("refuses to overwrite a directory that is not a saved model", async () => {
    const dir = join(root, "not-a-model");
    mkdirSync(dir);
    writeFileSync(join(dir, "thesis.txt"), "precious");
    await expect(saveModel(tinyModel(1), dir)).rejects.toMatchObject({ code: "OUTPUT_NOT_WRITABLE" });
    expect(readFileSync(join(dir, "thesis.txt"), "utf8")).toBe("precious");
    expect(readdirSync(root).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)("reports an unwritable output directory and writes nothing", async () => {
    const parent = join(root, "readonly");
    mkdirSync(parent);
    chmodSync(parent, 0o500);
    try {
      await expect(saveModel(tinyModel(1), join(parent, "model"))).rejects.toMatchObject({
        code: "OUTPUT_NOT_WRITABLE",
      });
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      chmodSync(parent, 0o700);
    }
  });

  it("reports an output path under a regular file (unwritable even as root) and writes nothing", async () => {
    const file = join(root, "plain-file");
    writeFileSync(file, "x");
    await expect(saveModel(tinyModel(1), join(file, "model"))).rejects.toMatchObject({ code: "OUTPUT_NOT_WRITABLE" });
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  it("rejects tampered, truncated or hostile model files", async () => {
    const dir = join(root, "tamper");
    await saveModel(tinyModel(3), dir);
    const shard = join(dir, "group1-shard1of1.bin");
    const bytes = readFileSync(shard);
    bytes[10] = bytes[10]! ^ 0xff;
    writeFileSync(shard, bytes);
    await expect(loadModel(dir)).rejects.toMatchObject({ code: "INVALID_MODEL_FILES" });
    writeFileSync(shard, bytes.subarray(0, 100));
    await expect(loadModel(dir)).rejects.toMatchObject({ code: "INVALID_MODEL_FILES" });
    const json = JSON.parse(readFileSync(join(dir, "model.json"), "utf8"));
    json.weightsManifest[0].paths = ["../../etc/passwd"];
    writeFileSync(join(dir, "model.json"), JSON.stringify(json));
    await expect(loadModel(dir)).rejects.toMatchObject({ code: "INVALID_MODEL_FILES" });
    await expect(loadModel(join(root, "missing"))).rejects.toMatchObject({ code: "INVALID_MODEL_FILES" });
    expect(existsSync(join(root, "missing"))).toBe(false);
  });

  it("saves and loads tfjs LayersModels through the same handler", async () => {
    const m = tfl.sequential({
      layers: [
        tfl.layers.dense({ inputShape: [3], units: 4, activation: "relu", kernelInitializer: "glorotUniform" }),
        tfl.layers.dense({ units: 2, activation: "softmax" }),
      ],
    });
    const dir = join(root, "layers");
    await m.save(fileSystemIO(dir));
    const loaded = await tfl.loadLayersModel(fileSystemIO(dir));
    const x = tf.tensor2d([[1, 2, 3]]);
    const a = (m.predict(x) as tf.Tensor).dataSync();
    const b = (loaded.predict(x) as tf.Tensor).dataSync();
    expect(Array.from(b)).toEqual(Array.from(a));
  });
});
