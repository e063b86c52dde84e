import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  colSpec,
  inferSignature,
  ModelSignature,
  mlmodelSignatureBlock,
  readMLmodelSignature,
  Schema,
  type SchemaError,
  SILENT_LOGGER,
  writeMLmodelSignature,
} from "../src/index.js";
import { schemaArb } from "./helpers/arbitraries.js";

const quiet = { logger: SILENT_LOGGER };
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as SchemaError).code;
  }
  return "none";
};

// The shape of an MLmodel written by MLflow 2.14 (yaml.safe_dump: sorted keys, long single-quoted
// strings folded at about 80 columns).
const MLMODEL = `artifact_path: model
flavors:
  python_function:
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.sklearn
    model_path: model.pkl
    predict_fn: predict
    python_version: 3.11.9
  sklearn:
    code: null
    pickled_model: model.pkl
    serialization_format: cloudpickle
    sklearn_version: 1.5.0
mlflow_version: 2.14.2
model_size_bytes: 1234
model_uuid: 0a1b2c3d
run_id: 4e5f6a7b
signature:
  inputs: '[{"type": "double", "name": "mean radius", "required": true}, {"type":
    "double", "name": "mean texture", "required": true}, {"type": "string", "name":
    "it''s", "required": false}]'
  outputs: '[{"type": "long", "required": true}]'
  params: null
utc_time_created: '2024-06-25 10:11:12.123456'
`;

describe("readMLmodelSignature", () => {
  it("reads folded single-quoted JSON strings", () => {
    const sig = readMLmodelSignature(MLMODEL, quiet) as ModelSignature;
    expect(sig.inputs?.inputNames()).toEqual(["mean radius", "mean texture", "it's"]);
    expect(sig.outputs?.toJsonString()).toBe('[{"type": "long", "required": true}]');
    expect(sig.params).toBeUndefined();
  });

  it("reads MLflow 2.4 files (no required, no params key)", () => {
    const sig = readMLmodelSignature('signature:\n  inputs: \'[{"type": "string"}]\'\n  outputs: null\n', quiet);
    expect(sig?.inputs?.toJsonString()).toBe('[{"type": "string", "required": true}]');
  });

  it("returns undefined without a signature", () => {
    expect(readMLmodelSignature("artifact_path: model\n", quiet)).toBeUndefined();
    expect(readMLmodelSignature("signature: null\n", quiet)).toBeUndefined();
  });

  it("rejects what is not an MLmodel", () => {
    expect(code(() => readMLmodelSignature("a: [", quiet))).toBe("INVALID_MLMODEL");
    expect(code(() => readMLmodelSignature("- a\n- b\n", quiet))).toBe("INVALID_MLMODEL");
    expect(code(() => readMLmodelSignature("", quiet))).toBe("INVALID_MLMODEL");
    expect(code(() => readMLmodelSignature("signature: 5\n", quiet))).toBe("INVALID_MLMODEL");
    expect(code(() => readMLmodelSignature("a: 1\na: 2\n", quiet))).toBe("INVALID_MLMODEL");
    expect(code(() => readMLmodelSignature("signature:\n  inputs: 5\n", quiet))).toBe("INVALID_SIGNATURE");
    expect(code(() => readMLmodelSignature("signature:\n  inputs: '[{'\n", quiet))).toBe("INVALID_JSON");
    expect(code(() => readMLmodelSignature(5 as never, quiet))).toBe("INVALID_MLMODEL");
  });

  it("stops a YAML alias bomb", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 12; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      );
    expect(code(() => readMLmodelSignature(lines.join("\n"), quiet))).toBe("INVALID_MLMODEL");
  });
});

describe("writeMLmodelSignature", () => {
  const sig = inferSignature(
    { inputs: [{ prompt: "hi", max_tokens: 3 }], outputs: ["x"], params: { temperature: 0.5 } },
    quiet,
  );

  it("puts the block where PyYAML's sorted keys would, keeping the rest of the file", () => {
    const without = `# written by a tool\n${MLMODEL.replace(/signature:[\s\S]*?params: null\n/, "")}`;
    const out = writeMLmodelSignature(without, sig, quiet);
    expect(out.startsWith("# written by a tool\n")).toBe(true);
    expect(out.indexOf("run_id:")).toBeLessThan(out.indexOf("signature:"));
    expect(out.indexOf("signature:")).toBeLessThan(out.indexOf("utc_time_created:"));
    expect(out).toContain("utc_time_created: '2024-06-25 10:11:12.123456'");
    expect(readMLmodelSignature(out, quiet)?.equals(sig)).toBe(true);
  });

  it("replaces an existing block and removes it on undefined", () => {
    const out = writeMLmodelSignature(MLMODEL, sig, quiet);
    expect(out.match(/signature:/g)).toHaveLength(1);
    expect(readMLmodelSignature(out, quiet)?.equals(sig)).toBe(true);
    const removed = writeMLmodelSignature(out, undefined, quiet);
    expect(removed).not.toContain("signature");
    expect(readMLmodelSignature(removed, quiet)).toBeUndefined();
  });

  it("appends when the file's keys are not sorted, starts a new file from nothing", () => {
    const out = writeMLmodelSignature("z: 1\na: 2\n", sig, quiet);
    expect(out.trimEnd().split("\n")[2]).toBe("signature:");
    expect(readMLmodelSignature(writeMLmodelSignature(undefined, sig, quiet), quiet)?.equals(sig)).toBe(true);
    expect(readMLmodelSignature(writeMLmodelSignature("", sig, quiet), quiet)?.equals(sig)).toBe(true);
    expect(code(() => writeMLmodelSignature("- 1\n", sig, quiet))).toBe("INVALID_MLMODEL");
    expect(code(() => writeMLmodelSignature("a: 1\n", {} as never, quiet))).toBe("INVALID_SIGNATURE");
  });

  it("writes MLflow's block: single-quoted strings, null for absent parts", () => {
    const block = mlmodelSignatureBlock(
      new ModelSignature({ inputs: new Schema([colSpec("string", { name: "prompt" })]) }),
    );
    expect(block).toBe(
      `signature:\n  inputs: '[{"type": "string", "name": "prompt", "required": true}]'\n  outputs: null\n  params: null\n`,
    );
  });

  it("round-trips any signature, however long its strings", () => {
    fc.assert(
      fc.property(schemaArb, fc.option(schemaArb, { nil: undefined }), (inputs, outputs) => {
        const s = new ModelSignature({ inputs, outputs });
        const text = writeMLmodelSignature("artifact_path: model\nflavors: {}\n", s, quiet);
        const back = readMLmodelSignature(text, quiet);
        expect(back?.toDict()).toEqual(s.toDict());
      }),
      { numRuns: 80 },
    );
  });
});
