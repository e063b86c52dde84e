// The README's examples, run as written (minus the file I/O and the tfjs model object).
import { describe, expect, it, vi } from "vitest";
import {
  createRequestValidator,
  enforce,
  InferSigner,
  ModelSignature,
  readMLmodelSignature,
  type Signer,
  schemaFromTensorSpecs,
  signatureToJSONSchema,
  type TensorSpecLike,
  writeMLmodelSignature,
} from "../src/index.js";

describe("README examples", () => {
  it("quick start", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const signer = new InferSigner();
    const signature = signer.sign([{ prompt: "Hello", max_tokens: 16, stop: ["\n"] }], ["Hi there"], {
      temperature: 0.7,
    });
    expect(signature.toDict().inputs).toBe(
      '[{"type": "string", "name": "prompt", "required": true}, {"type": "long", "name": "max_tokens", "required": true}, {"type": "array", "items": {"type": "string"}, "name": "stop", "required": true}]',
    );
    const mlmodel = writeMLmodelSignature("artifact_path: model\n", signature);
    expect(readMLmodelSignature(mlmodel)?.equals(signature)).toBe(true);
    const rows = enforce(signature, [{ max_tokens: 8, prompt: "Bonjour", stop: [], trace: "x" }]);
    expect(rows).toEqual([{ prompt: "Bonjour", max_tokens: 8, stop: [] }]);
    expect(Object.keys((rows as object[])[0] as object)).toEqual(["prompt", "max_tokens", "stop"]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("['trace']"));

    const schema = signatureToJSONSchema(signature);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const check = createRequestValidator(signature);
    expect(
      check({ dataframe_records: [{ prompt: "hi", max_tokens: 8, stop: [] }], params: { temperature: 1 } }),
    ).toEqual({
      valid: true,
      issues: [],
    });
  });

  it("custom Signer", () => {
    class TfjsSpecSigner implements Signer {
      readonly kind = "TfjsSpecSigner";
      constructor(private readonly model: { inputs: TensorSpecLike[]; outputs: TensorSpecLike[] }) {}
      sign(): ModelSignature {
        return new ModelSignature({
          inputs: schemaFromTensorSpecs(this.model.inputs),
          outputs: schemaFromTensorSpecs(this.model.outputs),
        });
      }
    }
    const layersModel = {
      inputs: [{ name: "input_1", shape: [null, 28, 28, 1], dtype: "float32" }],
      outputs: [{ name: "dense", shape: [null, 10], dtype: "float32" }],
    };
    const signature = new TfjsSpecSigner(layersModel).sign();
    expect(signature.toDict().inputs).toBe(
      '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 28, 28, 1]}}]',
    );
  });
});
