import { describe, expect, it } from "vitest";
import { colSpec, ModelSignature, ParamSchema, paramSpec, Schema, type SchemaError } from "../src/index.js";

const err = (f: () => unknown): SchemaError => {
  try {
    f();
  } catch (e) {
    return e as SchemaError;
  }
  throw new Error("expected an error");
};

describe("ModelSignature", () => {
  const inputs = new Schema([colSpec("string", { name: "prompt" })]);
  const outputs = new Schema([colSpec("string")]);

  it("writes the three MLmodel strings, null for absent parts and empty params", () => {
    const sig = new ModelSignature({ inputs, outputs, params: new ParamSchema([]) });
    expect(sig.toDict()).toEqual({
      inputs: '[{"type": "string", "name": "prompt", "required": true}]',
      outputs: '[{"type": "string", "required": true}]',
      params: null,
    });
    expect(ModelSignature.fromDict(sig.toDict()).equals(new ModelSignature({ inputs, outputs }))).toBe(true);
  });

  it("needs at least one part, of the right class", () => {
    expect(err(() => new ModelSignature({})).code).toBe("INVALID_SIGNATURE");
    expect(err(() => new ModelSignature({ inputs: [] as never })).code).toBe("INVALID_SIGNATURE");
    expect(err(() => ModelSignature.fromDict({ inputs: null, outputs: null, params: null })).code).toBe(
      "INVALID_SIGNATURE",
    );
    expect(err(() => ModelSignature.fromDict("x")).code).toBe("INVALID_SIGNATURE");
  });

  it("reads a file without params (MLflow < 2.6) and with params", () => {
    const a = ModelSignature.fromDict({ inputs: '[{"type": "string"}]', outputs: null });
    expect(a.inputs?.inputs).toHaveLength(1);
    expect(a.outputs).toBeUndefined();
    const p = ModelSignature.fromDict({ params: '[{"name": "k", "default": 1, "shape": null, "type": "long"}]' });
    expect(p.params?.equals(new ParamSchema([paramSpec("k", "long", 1)]))).toBe(true);
  });

  it("names the part that failed", () => {
    const bad = err(() => ModelSignature.fromDict({ inputs: "[{", outputs: null }));
    expect(bad.code).toBe("INVALID_JSON");
    expect(bad.path).toBe("signature.inputs");
    const wrong = err(() => ModelSignature.fromDict({ inputs: '[{"type": "long"}]', outputs: '[{"type": "nope"}]' }));
    expect(wrong.code).toBe("INVALID_SCHEMA");
    expect(wrong.path).toBe("signature.outputs[0]");
    expect(err(() => ModelSignature.fromDict({ inputs: 5 })).code).toBe("INVALID_SIGNATURE");
  });

  it("compares by value and is immutable", () => {
    const a = new ModelSignature({ inputs });
    expect(a.equals(new ModelSignature({ inputs: Schema.fromJsonString(inputs.toJsonString()) }))).toBe(true);
    expect(a.equals(new ModelSignature({ outputs: inputs }))).toBe(false);
    expect(Object.isFrozen(a)).toBe(true);
  });
});
