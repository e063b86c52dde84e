import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ANY,
  arrayOf,
  colSpec,
  mapOf,
  objectOf,
  ParamSchema,
  paramSpec,
  property,
  Schema,
  type SchemaError,
  SPARKML_VECTOR,
  tensorSpec,
} from "../src/index.js";
import { schemaArb } from "./helpers/arbitraries.js";

const err = (f: () => unknown): SchemaError => {
  try {
    f();
  } catch (e) {
    return e as SchemaError;
  }
  throw new Error("expected an error");
};

describe("Schema", () => {
  it("enforces MLflow's construction rules", () => {
    expect(err(() => new Schema([])).code).toBe("INVALID_SCHEMA");
    expect(err(() => new Schema([colSpec("long", { name: "a" }), colSpec("long")])).code).toBe("INVALID_SCHEMA");
    expect(err(() => new Schema([colSpec("long", { name: "a" }), tensorSpec("int64", [-1], "b")])).code).toBe(
      "INVALID_SCHEMA",
    );
    expect(err(() => new Schema([tensorSpec("int64", [-1]), tensorSpec("int64", [-1])])).code).toBe("INVALID_SCHEMA");
    expect(err(() => new Schema([colSpec("long", { required: false })])).code).toBe("INVALID_SCHEMA");
    expect(err(() => new Schema([colSpec("long", { name: "a" }), colSpec("string", { name: "a" })])).code).toBe(
      "INVALID_SCHEMA",
    );
    expect(err(() => new Schema("x" as never)).code).toBe("INVALID_SCHEMA");
    expect(err(() => new Schema([{ kind: "row" } as never])).code).toBe("INVALID_SCHEMA");
  });

  it("answers MLflow's questions about its inputs", () => {
    const s = new Schema([colSpec("long", { name: "a" }), colSpec("string", { name: "b", required: false })]);
    expect(s.hasInputNames()).toBe(true);
    expect(s.isTensorSpec()).toBe(false);
    expect(s.inputNames()).toEqual(["a", "b"]);
    expect(s.requiredInputNames()).toEqual(["a"]);
    expect(s.optionalInputNames()).toEqual(["b"]);
    const u = new Schema([colSpec("double"), colSpec("double")]);
    expect(u.inputNames()).toEqual([0, 1]);
    expect(new Schema([tensorSpec("float32", [-1, 2], "x")]).requiredInputNames()).toEqual(["x"]);
  });

  it("writes keys in MLflow's order", () => {
    const s = new Schema([
      colSpec(arrayOf(objectOf({ b: "long", a: "string" })), { name: "c" }),
      colSpec(mapOf(ANY), { name: "m", required: false }),
      colSpec(SPARKML_VECTOR, { name: "v" }),
    ]);
    expect(s.toJsonString()).toBe(
      '[{"type": "array", "items": {"type": "object", "properties": {"a": {"type": "string", "required": true}, "b": {"type": "long", "required": true}}}, "name": "c", "required": true}, ' +
        '{"type": "map", "values": {"type": "any"}, "name": "m", "required": false}, {"type": "sparkml_vector", "name": "v", "required": true}]',
    );
    const t = new Schema([tensorSpec("float32", [-1, 28, 28], "image")]);
    expect(t.toJsonString()).toBe(
      '[{"name": "image", "type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 28, 28]}}]',
    );
    expect(Object.keys(t.toDict()[0] as object)).toEqual(["name", "type", "tensor-spec"]);
  });

  it("reads files written by older MLflow versions", () => {
    // MLflow 1.x: name first, no `required`; MLflow 2.4: no `required`.
    const v1 = Schema.fromJsonString('[{"name": "a", "type": "double"}, {"name": "b", "type": "string"}]');
    expect(v1.inputs.every((s) => s.kind === "column" && s.required)).toBe(true);
    expect(Schema.fromJsonString('[{"type": "string"}]').toJsonString()).toBe('[{"type": "string", "required": true}]');
    // Integer column labels from pandas become names.
    expect(Schema.fromJsonString('[{"type": "long", "name": 0}]').inputs[0]?.name).toBe("0");
    // Properties in any order come back sorted.
    const o = Schema.fromJsonString(
      '[{"type": "object", "properties": {"z": {"type": "long"}, "a": {"type": "string"}}}]',
    );
    expect(o.toJsonString()).toContain(
      '{"a": {"type": "string", "required": true}, "z": {"type": "long", "required": true}}',
    );
  });

  it("rejects malformed specs with a path", () => {
    for (const [text, path] of [
      ['[{"type": "int"}]', "[0]"],
      ['[{"name": "a"}]', "[0]"],
      ['[{"type": "array"}]', "[0]"],
      ['[{"type": "long"}, {"type": "object", "properties": {"x": {"type": "what"}}}]', "[1].properties.x"],
      ['[{"type": "tensor", "tensor-spec": {"dtype": "<U16", "shape": [-1]}}]', "[0]"],
      ['[{"type": "tensor"}]', "[0]"],
      ['[{"type": "long", "required": "yes"}]', "[0]"],
      ['[{"type": "map", "values": 1}]', "[0]"],
    ] as const) {
      const e = err(() => Schema.fromJsonString(text));
      expect(e.code, text).toBe("INVALID_SCHEMA");
      expect(e.path, text).toBe(path);
    }
    expect(err(() => Schema.fromJsonString("[{")).code).toBe("INVALID_JSON");
    expect(err(() => Schema.fromDict({})).code).toBe("INVALID_SCHEMA");
  });

  it("bounds nesting while reading", () => {
    let t = '{"type": "long"}';
    for (let i = 0; i < 200; i++) t = `{"type": "array", "items": ${t}}`;
    expect(err(() => Schema.fromJsonString(`[${t}]`)).code).toBe("MAX_DEPTH_EXCEEDED");
    expect(Schema.fromJsonString(`[${t}]`, { maxDepth: 500 }).inputs).toHaveLength(1);
  });

  it("round-trips every schema through MLflow's JSON", () => {
    fc.assert(
      fc.property(schemaArb, (s) => {
        const text = s.toJsonString();
        const back = Schema.fromJsonString(text);
        expect(back.equals(s)).toBe(true);
        expect(back.toJsonString()).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(s.toDict())));
      }),
    );
  });

  it("normalises hand-built specs (properties sorted, frozen)", () => {
    const s = new Schema([
      {
        kind: "column",
        name: "o",
        required: true,
        type: { type: "object", properties: [property("b", "long"), property("a", "long")] },
      },
    ]);
    expect(s.toJsonString()).toContain('"properties": {"a"');
    expect(Object.isFrozen(s.inputs)).toBe(true);
  });
});

describe("ParamSchema", () => {
  it("writes MLflow's param JSON, floats as floats", () => {
    const p = new ParamSchema([
      paramSpec("t", "double", 2),
      paramSpec("f", "float", 0.5),
      paramSpec("k", "long", 5),
      paramSpec("d", "datetime", "2023-06-26 00:00:00"),
      paramSpec("l", "double", [1, 2.5], [-1]),
      paramSpec("o", objectOf({ x: "double", n: "long" }), { x: 1, n: 2 }),
    ]);
    expect(p.toJsonString()).toBe(
      '[{"name": "t", "default": 2.0, "shape": null, "type": "double"}, {"name": "f", "default": 0.5, "shape": null, "type": "float"}, ' +
        '{"name": "k", "default": 5, "shape": null, "type": "long"}, {"name": "d", "default": "2023-06-26T00:00:00", "shape": null, "type": "datetime"}, ' +
        '{"name": "l", "default": [1.0, 2.5], "shape": [-1], "type": "double"}, ' +
        '{"name": "o", "default": {"x": 1.0, "n": 2}, "shape": null, "type": "object", "properties": {"n": {"type": "long", "required": true}, "x": {"type": "double", "required": true}}}]',
    );
    expect(ParamSchema.fromJsonString(p.toJsonString()).equals(p)).toBe(true);
  });

  it("accepts `dtype` for `type` and null defaults (MLflow reads both)", () => {
    const p = ParamSchema.fromJsonString('[{"name": "a", "dtype": "long", "default": null}]');
    expect(p.params[0]).toMatchObject({ name: "a", type: "long", default: null, shape: null });
  });

  it("checks defaults against type and shape", () => {
    const bad: [() => unknown, string][] = [
      [() => paramSpec("a", "integer", 1.5), "INVALID_PARAM"],
      [() => paramSpec("a", "integer", 2 ** 31), "INVALID_PARAM"],
      [() => paramSpec("a", "integer", 5n), "INVALID_PARAM"],
      [() => paramSpec("a", "string", 1), "INVALID_PARAM"],
      [() => paramSpec("a", "boolean", "true"), "INVALID_PARAM"],
      [() => paramSpec("a", "binary" as never, "x"), "INVALID_PARAM"],
      [() => paramSpec("a", "long", [1], [2]), "INVALID_PARAM"],
      [() => paramSpec("a", "long", 1, [-1]), "INVALID_PARAM"],
      [() => paramSpec("a", "long", [[1]], [-1]), "INVALID_PARAM"],
      [() => paramSpec("a", "double", Number.NaN), "INVALID_PARAM"],
      [() => paramSpec("a", "datetime", "yesterday"), "INVALID_PARAM"],
      [() => paramSpec("a", "datetime", "2023-02-30"), "INVALID_PARAM"],
      [() => paramSpec("a", objectOf({ x: "long" }), { y: 1 }), "INVALID_PARAM"],
      [() => paramSpec("a", objectOf({ x: "long" }), {}), "INVALID_PARAM"],
      [() => new ParamSchema([paramSpec("a", "long", 1), paramSpec("a", "long", 2)]), "INVALID_PARAM"],
      [() => ParamSchema.fromJsonString('[{"name": "a", "type": "long"}]'), "INVALID_PARAM"],
      [() => ParamSchema.fromJsonString('[{"name": "a", "type": "blob", "default": 1}]'), "INVALID_PARAM"],
    ];
    for (const [f, code] of bad) expect(err(f).code, String(f)).toBe(code);
  });

  it("widens like MLflow: integer -> long/float/double, typed elements by dtype", () => {
    expect(paramSpec("a", "double", 3n).default).toBe(3);
    expect(paramSpec("a", "long", Int32Array.of(1, 2), [-1]).default).toEqual([1, 2]);
    expect(err(() => paramSpec("a", "integer", Float64Array.of(1, 2), [-1])).code).toBe("INVALID_PARAM");
    expect(err(() => paramSpec("a", "float", Float64Array.of(1), [-1])).code).toBe("INVALID_PARAM");
    expect(paramSpec("a", "double", Float32Array.of(0.5), [-1]).default).toEqual([0.5]);
    expect(paramSpec("a", "datetime", new Date("2020-01-01T01:02:03.004Z")).default).toBe("2020-01-01T01:02:03.004000");
    expect(paramSpec("a", "datetime", "2020-01-01T00:00:00+02:00").default).toBe("2019-12-31T22:00:00");
    expect(paramSpec("a", "datetime", "2020-01-01").default).toBe("2020-01-01");
  });
});
