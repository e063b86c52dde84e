// Hostile and odd input: every public function answers with a result or a SchemaError, never a
// crash, a stack overflow, a polluted prototype or an unbounded walk.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  colSpec,
  compileJSONSchema,
  enforce,
  enforceParams,
  frame,
  inferParamSchema,
  inferSchema,
  ModelSignature,
  ndarray,
  objectOf,
  ParamSchema,
  readMLmodelSignature,
  Schema,
  SchemaError,
  SILENT_LOGGER,
  schemaToJSONSchema,
} from "../src/index.js";
import { schemaArb } from "./helpers/arbitraries.js";

const quiet = { logger: SILENT_LOGGER };
const outcome = (f: () => unknown): string => {
  try {
    f();
    return "ok";
  } catch (e) {
    if (!(e instanceof SchemaError)) throw e;
    return e.code;
  }
};

function deep(levels: number, wrap: (x: unknown) => unknown): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = wrap(v);
  return v;
}

describe("deep nesting and cycles", () => {
  it("stop at maxDepth instead of overflowing the stack", () => {
    const arrays = deep(100_000, (x) => [x]);
    const objects = deep(100_000, (x) => ({ k: x }));
    expect(outcome(() => inferSchema(arrays, quiet))).toBe("MAX_DEPTH_EXCEEDED");
    expect(outcome(() => inferSchema([{ a: objects }], quiet))).toBe("MAX_DEPTH_EXCEEDED");
    expect(outcome(() => inferSchema({ a: objects }, quiet))).toBe("MAX_DEPTH_EXCEEDED");
    expect(outcome(() => inferSchema(arrays, { ...quiet, numericArrays: "tensor" }))).toBe("MAX_DEPTH_EXCEEDED");
    expect(outcome(() => inferParamSchema({ p: objects as object }, quiet))).toBe("INVALID_PARAM");
    expect(outcome(() => ndarray(arrays))).toBe("MAX_DEPTH_EXCEEDED");
    const anySchema = new Schema([
      colSpec({ type: "any" }, { name: "a" }),
      colSpec(objectOf({ k: "long" }), { name: "o", required: false }),
    ]);
    expect(outcome(() => enforce(anySchema, [{ a: objects, o: objects }], quiet))).not.toBe("ok");
  });

  it("cycles are caught by the same bound", () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    const list: unknown[] = [];
    list.push(list);
    expect(outcome(() => inferSchema([{ a }], quiet))).toBe("MAX_DEPTH_EXCEEDED");
    expect(outcome(() => inferSchema([list], quiet))).toBe("MAX_DEPTH_EXCEEDED");
    const s = new Schema([colSpec(objectOf({ self: objectOf({ self: "long" }) }), { name: "a" })]);
    expect(outcome(() => enforce(s, [{ a }], quiet))).toBe("INCOMPATIBLE_TYPE");
  });

  it("a shallower maxDepth is honoured", () => {
    expect(outcome(() => inferSchema([{ a: [[[1]]] }], { ...quiet, maxDepth: 3 }))).toBe("MAX_DEPTH_EXCEEDED");
    expect(outcome(() => inferSchema([{ a: [[[1]]] }], quiet))).toBe("ok");
  });
});

describe("prototype keys", () => {
  it("__proto__ and friends are ordinary column and property names", () => {
    const data = JSON.parse('[{"__proto__": {"polluted": 1}, "constructor": "c", "hasOwnProperty": 1}]');
    const s = inferSchema(data, quiet);
    expect(s.inputNames()).toEqual(["__proto__", "constructor", "hasOwnProperty"]);
    const out = enforce(s, data, quiet) as object[];
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out[0])).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe(JSON.stringify(data));
    expect(Schema.fromJsonString(s.toJsonString()).equals(s)).toBe(true);
  });

  it("an enumerable property on Object.prototype is not read as data", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.injected = "x";
    try {
      const s = inferSchema([{ a: 1 }, { a: 2 }], quiet);
      expect(s.inputNames()).toEqual(["a"]);
      expect(outcome(() => enforce(new Schema([colSpec("string", { name: "injected" })]), [{ a: 1 }], quiet))).toBe(
        "MISSING_INPUTS",
      );
      expect(enforce(s, [{ a: 1 }], quiet)).toEqual([{ a: 1 }]);
    } finally {
      delete proto.injected;
    }
  });
});

describe("values without an MLflow type", () => {
  class Point {
    constructor(
      readonly x: number,
      readonly y: number,
    ) {}
  }
  it.each([
    ["a class instance", new Point(1, 2)],
    ["a Map", new Map([[1.7, "a"]])],
    ["a Set", new Set([1])],
    ["a RegExp", /x/],
    ["an Error", new Error("x")],
    ["a Promise", Promise.resolve(1)],
    ["an ArrayBuffer", new ArrayBuffer(2)],
    ["a DataView", new DataView(new ArrayBuffer(2))],
    ["a function", () => 1],
    ["a symbol", Symbol("s")],
    ["a WeakMap", new WeakMap()],
  ])("%s is a coded error in data, params and requests", (_what, v) => {
    expect(outcome(() => inferSchema([{ a: v }], quiet))).toBe("UNSUPPORTED_TYPE");
    expect(outcome(() => inferSchema({ a: v, b: 1 }, quiet))).toBe("UNSUPPORTED_TYPE");
    expect(outcome(() => inferParamSchema({ a: v }, quiet))).toBe("INVALID_PARAM");
    expect(outcome(() => enforce(new Schema([colSpec("string", { name: "a" })]), [{ a: v }], quiet))).toBe(
      "INCOMPATIBLE_TYPE",
    );
  });

  it("NaN, Infinity, -0, holes and undefined have documented results", () => {
    expect(inferSchema(Number.NaN, quiet).toJsonString()).toBe('[{"type": "any", "required": true}]');
    expect(inferSchema([Number.NaN, 1], quiet).toJsonString()).toBe('[{"type": "long", "required": true}]');
    expect(inferSchema([-0], quiet).toJsonString()).toBe('[{"type": "long", "required": true}]');
    expect(inferSchema(Number.NEGATIVE_INFINITY, quiet).toJsonString()).toBe('[{"type": "double", "required": true}]');
    // biome-ignore lint/suspicious/noSparseArray: a hole is what this checks
    expect(inferSchema([, "a"], quiet).toJsonString()).toBe('[{"type": "string", "required": true}]');
    expect(inferSchema([{ a: undefined }], quiet).toJsonString()).toBe(
      '[{"type": "any", "name": "a", "required": false}]',
    );
    expect(outcome(() => inferParamSchema({ a: Number.NaN }, quiet))).toBe("INVALID_PARAM");
    expect(outcome(() => inferParamSchema({ a: [1, Number.POSITIVE_INFINITY] }, quiet))).toBe("INVALID_PARAM");
    const s = new Schema([colSpec("double", { name: "d" }), colSpec("long", { name: "l", required: false })]);
    expect(enforce(s, [{ d: Number.POSITIVE_INFINITY }], quiet)).toEqual([{ d: Number.POSITIVE_INFINITY }]);
    expect(outcome(() => enforce(s, [{ d: 1, l: Number.POSITIVE_INFINITY }], quiet))).toBe("INCOMPATIBLE_TYPE");
    expect(outcome(() => enforce(s, [{ d: 1, l: Number.NaN }], quiet))).toBe("ok");
  });
});

describe("huge strings", () => {
  it("are typed and checked without being copied or scanned", () => {
    const big = "x".repeat(32 * 1024 * 1024);
    const s = inferSchema([{ text: big }], quiet);
    expect(s.toJsonString()).toBe('[{"type": "string", "name": "text", "required": true}]');
    const out = enforce(s, [{ text: big }], quiet) as { text: string }[];
    expect(out[0]?.text).toBe(big);
    expect(compileJSONSchema(schemaToJSONSchema(s))([{ text: big }]).valid).toBe(true);
  });

  it("errors quote them briefly", () => {
    const big = "y".repeat(1_000_000);
    let message = "";
    try {
      enforce(new Schema([colSpec("long", { name: "n" })]), [{ n: big }], quiet);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.length).toBeLessThan(300);
  });
});

describe("fuzz: anything in, a result or a SchemaError out", () => {
  const anything = fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withNullPrototype: true,
    withSparseArray: true,
  });
  it("inferSchema / inferParamSchema / ndarray / frame", () => {
    fc.assert(
      fc.property(anything, (v) => {
        outcome(() => inferSchema(v, quiet));
        outcome(() => inferSchema([v, v], quiet));
        outcome(() => inferParamSchema({ p: v }, quiet));
        outcome(() => ndarray(v));
        outcome(() => frame({ a: v as never }));
      }),
    );
  });

  it("enforce / enforceParams against random schemas", () => {
    fc.assert(
      fc.property(schemaArb, anything, (s, v) => {
        outcome(() => enforce(s, v, quiet));
        outcome(() => enforce(s, [v], quiet));
        outcome(() => enforceParams(new ParamSchema([]), v, quiet));
      }),
      { numRuns: 200 },
    );
  });

  it("readers: Schema.fromDict, ModelSignature.fromDict, readMLmodelSignature", () => {
    fc.assert(
      fc.property(anything, fc.string(), (v, text) => {
        outcome(() => Schema.fromDict(v));
        outcome(() => Schema.fromDict([v]));
        outcome(() => ParamSchema.fromDict([v]));
        outcome(() => ModelSignature.fromDict(v));
        outcome(() => ModelSignature.fromDict({ inputs: text }));
        outcome(() => readMLmodelSignature(text, quiet));
        outcome(() => readMLmodelSignature(`signature:\n  inputs: ${JSON.stringify(text)}\n`, quiet));
      }),
    );
  });
});
