// Reproduces, byte for byte, the golden in-toto statements and manifests of model_signing
// (../shared/fixtures/model-transparency/tests), building each test model from the recipe in that
// folder's README (model_signing's tests/conftest.py, described as data).
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fixture } from "@modelproof/tooling/fixtures";
import { beforeAll, describe, expect, it } from "vitest";
import { type HashModelOptions, hashModel, modelStatement, serializeStatement } from "../src/index.js";
import { tempDir, writeTree } from "./helpers/fs.js";

const mt = fixture("model-transparency");
const payloadDir = join(mt.path, "tests/_signing/testdata/signing/TestPayload");
const serializerDir = join(mt.path, "tests/_serialization/testdata");

/** Builds each recipe model under `root`; returns model name -> path. */
function buildModels(root: string): Record<string, string> {
  const sample: Record<string, string> = {};
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 3; j++) sample[`d${i}/f${i}${j}`] = `This is file f${i}${j} in d${i}.`;
  for (let i = 0; i < 4; i++) sample[`f${i}`] = `This is file f${i} in root.`;
  const deep: Record<string, string> = {};
  for (let i = 0; i < 4; i++) deep[`d0/d1/d2/d3/d4/f${i}`] = `This is file f${i}.`;

  const models = join(root, "models");
  writeTree(join(models, "sample_model"), sample);
  writeTree(join(models, "deep_model"), deep);
  writeTree(models, { file_model: "This is a simple model", empty_file_model: "" });
  mkdirSync(join(models, "empty_folder_model"), { recursive: true });
  writeTree(join(models, "empty_file_inside_model"), { empty_file: "" });
  // The symlink's target lies outside the model, as in model_signing's fixture.
  writeFileSync(join(root, "external_file"), "This is a simple model");
  mkdirSync(join(models, "symlink_model"));
  symlinkSync(join(root, "external_file"), join(models, "symlink_model", "symlink_file"));
  return {
    sample_model_folder: join(models, "sample_model"),
    sample_model_file: join(models, "file_model"),
    deep_model_folder: join(models, "deep_model"),
    empty_model_file: join(models, "empty_file_model"),
    empty_model_folder: join(models, "empty_folder_model"),
    model_folder_with_empty_file: join(models, "empty_file_inside_model"),
    symlink_model_folder: join(models, "symlink_model"),
  };
}

const VARIANTS: { suffix: string; options: HashModelOptions }[] = [
  { suffix: "", options: { method: "files" } },
  { suffix: "_shard", options: { method: "shards" } },
  { suffix: "_small_shards", options: { method: "shards", shardSize: 8 } },
];

// The goldens were made with symlinks allowed (their targets outside the model) and no ignore list.
const BASE: HashModelOptions = { allowSymlinks: true, symlinkScope: "any", ignoreGitPaths: false, concurrency: 1 };

describe.skipIf(mt.skip)("model_signing goldens", () => {
  const MODEL_NAMES = [
    "sample_model_folder",
    "sample_model_file",
    "deep_model_folder",
    "empty_model_file",
    "empty_model_folder",
    "model_folder_with_empty_file",
    "symlink_model_folder",
  ];
  // Built in beforeAll, so nothing is written when the suite is skipped.
  let models: Record<string, string> = {};
  beforeAll(() => {
    models = buildModels(tempDir());
  });
  const cases = MODEL_NAMES.flatMap((model) => VARIANTS.map((v) => ({ model, ...v, golden: `${model}${v.suffix}` })));

  it.each(cases)("statement $golden is reproduced byte for byte", async ({ model, options, golden }) => {
    const manifest = await hashModel(models[model]!, { ...BASE, ...options });
    const bytes = serializeStatement(modelStatement(manifest));
    // The golden files end with a newline that is not part of the payload.
    const expected = readFileSync(join(payloadDir, golden));
    expect(Buffer.from(bytes).toString("utf8") + "\n").toBe(expected.toString("utf8"));
  });

  const manifestCases = [
    ...MODEL_NAMES.map((model) => ({
      model,
      golden: join("file/TestSerializer", model),
      options: { method: "files" } as HashModelOptions,
    })),
    ...MODEL_NAMES.map((model) => ({
      model,
      golden: join("file_shard/TestSerializer", model),
      options: { method: "shards" } as HashModelOptions,
    })),
    ...MODEL_NAMES.map((model) => ({
      model,
      golden: join("file_shard/TestSerializer", `${model}_small_shards`),
      options: { method: "shards", shardSize: 8 } as HashModelOptions,
    })),
  ];

  it.each(manifestCases)("manifest $golden is reproduced byte for byte", async ({ model, golden, options }) => {
    const manifest = await hashModel(models[model]!, { ...BASE, ...options });
    const text = manifest.resources.map((r) => `${r.name}:${r.digest}\n`).join("");
    expect(text).toBe(readFileSync(join(serializerDir, golden), "utf8"));
  });

  it("gives the same manifest on worker threads as on the calling thread", async () => {
    for (const model of MODEL_NAMES) {
      const one = await hashModel(models[model]!, { ...BASE, method: "shards", shardSize: 8 });
      const many = await hashModel(models[model]!, {
        ...BASE,
        method: "shards",
        shardSize: 8,
        concurrency: 2,
        parallelThreshold: 0,
      });
      expect(many).toEqual(one);
    }
  });
});
