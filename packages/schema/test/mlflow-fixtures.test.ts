// MLflow's own expectations, from ../shared/fixtures/mlflow/signature-cases.json (transcribed from
// mlflow/mlflow tests/types/test_schema.py and tests/pyfunc/test_pyfunc_schema_enforcement.py).
// Every JSON-expressible case must serialise to MLflow's exact string; cases given only as Python
// (numpy, pandas) run through their JavaScript analogue (typed arrays, NDArray, Frame, Date, bigint);
// every enforcement outcome must hold. The suite skips with a printed reason in a fresh clone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixture } from "@modelproof/tooling/fixtures";
import { describe, expect, it, vi } from "vitest";
import {
  colSpec,
  enforce,
  enforceParams,
  Frame,
  frame,
  inferParamSchema,
  inferSchema,
  inferSignature,
  type Logger,
  ModelSignature,
  ndarray,
  ParamSchema,
  Schema,
  SchemaError,
  SILENT_LOGGER,
} from "../src/index.js";
import { parsePyCall, parsePyLiteral } from "./helpers/py-literal.js";

const f = fixture("mlflow");

interface SchemaCase {
  id: string;
  input_py: string;
  input_json: unknown;
  expected?: unknown[];
  expected_mlmodel_json?: string;
  error?: string;
}
interface SignatureCase {
  id: string;
  input_py: string;
  expected_signature: { inputs: string | null; outputs: string | null; params: string | null };
}
type Outcome = [description: string, result: "ok" | "error", detail: string];
interface Cases {
  schema_cases: SchemaCase[];
  signature_cases: SignatureCase[];
  param_cases: SchemaCase[];
  enforcement_cases: Record<string, { schema: string; cases: Outcome[] } | string>;
}

const cases: Cases = f.present ? JSON.parse(readFileSync(join(f.path, "signature-cases.json"), "utf8")) : ({} as Cases);
const quiet = { logger: SILENT_LOGGER };

/** JS numbers cannot say 1.0: these cases' Python inputs are float literals with integral values. */
const JS_CANNOT_SAY_FLOAT: Record<string, { integerType: "double" }> = {
  "list-of-floats": { integerType: "double" },
  "records-with-nested-list": { integerType: "double" },
};

/** The JavaScript analogue of each case whose input is numpy/pandas (input_json null). */
const arange = (n: number) => Float64Array.from({ length: n }, (_, i) => i * 0.5);
const JS_ANALOGUES: Record<string, { input: () => unknown; options?: object } | { notExpressible: string }> = {
  "dict-non-string-keys-error": { notExpressible: "JavaScript object keys are always strings" },
  "scalar-np-int32": { input: () => 1, options: { integerType: "integer" } },
  "scalar-np-float32": { input: () => 0.1, options: { fractionType: "float" } },
  "scalar-np-int64": { input: () => 100n },
  "scalar-np-datetime64": { input: () => new Date("2023-10-13T00:00:00Z") },
  none: { input: () => null },
  "pandas-all-basic-dtypes": {
    input: () =>
      frame({
        boolean: [true, false, true],
        integer: Int32Array.of(1, 2, 3),
        long: BigInt64Array.of(1n, 2n, 3n),
        float: Float32Array.of(Math.PI, 2 * Math.PI, 3 * Math.PI),
        double: [Math.PI, 2 * Math.PI, 3 * Math.PI],
        binary: [Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6), Uint8Array.of(7, 8, 9)],
        string: ["a", "b", "c"],
        datetime: [new Date("2021-01-01"), new Date("2021-02-02"), new Date("2021-03-03")],
      }),
  },
  "pandas-extension-dtypes": {
    input: () => frame({ boolean_ext: [true, false, true], integer_ext: [1, 2, 3], string_ext: ["a", "b", "c"] }),
  },
  "pandas-series-object-with-none": { input: () => frame({ input: [1.1, null] }) },
  "pandas-bool-with-none": { input: () => frame({ a: [true, null] }) },
  "pandas-series-uint64-error": { input: () => frame({ x: BigUint64Array.of(1n, 2n, 3n) }) },
  "ndarray-1d-int": { input: () => ndarray([1, 2, 3]) },
  "ndarray-2d-single-column": { input: () => ndarray([[1], [2], [3]]) },
  "ndarray-3d-int32": {
    input: () =>
      ndarray(
        [
          [
            [1, 2, 3],
            [1, 2, 3],
          ],
          [
            [1, 2, 3],
            [1, 2, 3],
          ],
        ],
        { dtype: "int32" },
      ),
  },
  "ndarray-ragged-object": {
    input: () =>
      ndarray([
        [
          [1, 2, 3],
          [1, 2, 3],
        ],
        [[1, 2, 3]],
      ]),
  },
  "ndarray-unicode-sized": { input: () => ndarray(["a", "bc", "def"]) },
  "ndarray-bytes-sized": { input: () => ndarray([Uint8Array.of(1, 255, 12, 34)]) },
  // numpy takes the unit from the text's precision; a JS Date has none, so the unit is given.
  "ndarray-datetime64-seconds": {
    input: () =>
      ndarray([new Date("2021-01-01T00:00:00Z"), new Date("2021-02-02T00:00:00Z")], { dtype: "datetime64[s]" }),
  },
  "dict-of-ndarrays": {
    input: () => ({
      "1D": ndarray(arange(24)),
      "2D": ndarray(arange(24), { shape: [3, 8] }),
      "3D": ndarray(arange(24), { shape: [2, 3, 4] }),
      "4D": ndarray(arange(24), { shape: [3, 2, 2, 2] }),
    }),
  },
  "csr-matrix": { notExpressible: "scipy sparse matrices have no JavaScript counterpart here" },
};

function expectCase(c: SchemaCase, run: () => { toJsonString(): string }): void {
  if (c.error !== undefined) {
    let thrown: unknown;
    try {
      run();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SchemaError);
    // MLflow's message (up to its "..." elision) appears in ours.
    const head = (c.error.split(" ... ")[0] as string).split(" / ")[0] as string;
    expect((thrown as SchemaError).message).toContain(head);
    return;
  }
  const json = run().toJsonString();
  expect(json).toBe(c.expected_mlmodel_json);
  expect(JSON.parse(json)).toEqual(c.expected);
}

describe.skipIf(f.skip)("MLflow signature-cases.json: schema_cases", () => {
  const jsonCases = () => cases.schema_cases.filter((c) => c.input_json !== null || c.id === "none");

  it("has the cases this suite expects", () => {
    expect(cases.schema_cases.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(cases.schema_cases.map((c) => c.id));
    for (const id of Object.keys(JS_ANALOGUES)) expect(ids.has(id), id).toBe(true);
  });

  it.each(
    cases.schema_cases?.filter((c) => c.input_json !== null && c.id !== "none").map((c) => [c.id, c] as const) ?? [],
  )("JSON case %s matches MLflow exactly", (_id, c) => {
    expectCase(c, () => inferSchema(c.input_json, { ...quiet, ...(JS_CANNOT_SAY_FLOAT[c.id] ?? {}) }));
  });

  it("the two float-literal cases infer long without the hint (JS numbers have no 1.0)", () => {
    for (const id of Object.keys(JS_CANNOT_SAY_FLOAT)) {
      const c = jsonCases().find((x) => x.id === id) as SchemaCase;
      expect(inferSchema(c.input_json, quiet).toJsonString()).toContain('"long"');
    }
  });

  it.each(
    Object.entries(JS_ANALOGUES)
      .filter(([, v]) => "input" in v)
      .map(([id]) => [id] as const),
  )("numpy/pandas case %s matches MLflow through its JS analogue", (id) => {
    const c = cases.schema_cases.find((x) => x.id === id) as SchemaCase;
    const a = JS_ANALOGUES[id] as { input: () => unknown; options?: object };
    expectCase(c, () => inferSchema(a.input(), { ...quiet, ...a.options }));
  });

  it("every case is either run or named as not expressible", () => {
    for (const c of cases.schema_cases) {
      expect(c.input_json !== null || c.id in JS_ANALOGUES, c.id).toBe(true);
    }
  });
});

describe.skipIf(f.skip)("MLflow signature-cases.json: signature_cases (infer_signature)", () => {
  it.each(cases.signature_cases?.map((c) => [c.id, c] as const) ?? [])(
    "%s gives MLflow's exact MLmodel strings",
    (_id, c) => {
      const [inputs, outputs] = parsePyCall(c.input_py, "infer_signature");
      const sig = inferSignature({ inputs, outputs }, quiet);
      expect(sig.toDict()).toEqual(c.expected_signature);
      expect(ModelSignature.fromDict(c.expected_signature).equals(sig)).toBe(true);
    },
  );
});

describe.skipIf(f.skip)("MLflow signature-cases.json: param_cases", () => {
  const byId = (id: string) => cases.param_cases.find((c) => c.id === id) as SchemaCase;

  it("params-object (JSON input) matches exactly", () => {
    const c = byId("params-object");
    expectCase(c, () => inferParamSchema(parsePyLiteral(c.input_py) as Record<string, unknown>, quiet));
  });

  it("params-basic matches exactly through its JS analogue (typed arrays, bigint, Date, hints for numpy scalars)", () => {
    const c = byId("params-basic");
    const params = {
      str_param: "str_a",
      int_param: 1,
      bool_param: true,
      double_param: 1.0,
      float_param: 0.1,
      long_param: 100n,
      datetime_param: new Date("2023-06-26T00:00:00Z"),
      str_list: ["a", "b", "c"],
      bool_list: [true, false],
      double_array: Float64Array.of(1, 2),
      int_array: Int32Array.of(1, 2),
    };
    const hints = { int_param: "integer", float_param: "float", double_param: "double" } as const;
    expectCase(c, () => inferParamSchema(params, { ...quiet, hints }));
    // The strings MLflow writes read back to an equal schema.
    const back = ParamSchema.fromJsonString(c.expected_mlmodel_json as string);
    expect(back.toJsonString()).toBe(c.expected_mlmodel_json);
  });

  it("params-errors: bytes and 2-D lists are rejected (tuples do not exist in JS)", () => {
    const c = byId("params-errors");
    expect(c.error).toContain("Binary type is not supported for parameters");
    for (const bad of [
      { a: new TextEncoder().encode("str_a") },
      {
        d: [
          [1, 2],
          [3, 4],
        ],
      },
    ]) {
      let thrown: unknown;
      try {
        inferParamSchema(bad, quiet);
      } catch (e) {
        thrown = e;
      }
      expect((thrown as SchemaError).code).toBe("INVALID_PARAM");
    }
    expect(() => inferParamSchema({ a: new Uint8Array(1) }, quiet)).toThrow(
      "Binary type is not supported for parameters",
    );
    expect(() =>
      inferParamSchema(
        {
          d: [
            [1, 2],
            [3, 4],
          ],
        },
        quiet,
      ),
    ).toThrow("Expected parameters to be 1D array or scalar, got 2D array");
  });
});

// -------------------------------------------------------------------------------------------------
// Enforcement outcomes. Each description in the fixture maps to its JavaScript input; typed arrays
// stand for numpy dtypes, plain arrays for pandas object columns, NDArray for np.ndarray.

type Run = () => unknown;
interface Mapped {
  run?: Run;
  notExpressible?: string;
  code?: SchemaError["code"];
  check?: (out: unknown) => void;
}

const namedBase = () => ({
  a: Int32Array.of(1, 2),
  b: BigInt64Array.of(1n, 2n),
  c: Float32Array.of(1.5, 2),
  d: Float64Array.of(1.5, 2),
  e: [true, false],
  g: ["a", "b"],
  f: [Uint8Array.of(1), Uint8Array.of(2)],
  h: [new Date("2021-01-01T00:00:00Z"), new Date("2021-01-02T00:00:00Z")],
});
const without = <T extends object>(o: T, k: keyof T) => {
  const c = { ...o };
  delete c[k];
  return c;
};

function namedColspec(schema: Schema): Record<string, Mapped> {
  const run = (input: unknown) => () => enforce(schema, input, quiet);
  return {
    "column c missing": { run: run(frame(without(namedBase(), "c"))), code: "MISSING_INPUTS" },
    "extra column x present": {
      run: run(frame({ x: [1, 2], ...namedBase() })),
      check: (out) => {
        expect(out).toBeInstanceOf(Frame);
        expect((out as Frame).columns).toEqual(["a", "b", "c", "d", "e", "g", "f", "h"]);
      },
    },
    "a is int64 (schema integer)": {
      run: run(frame({ ...namedBase(), a: BigInt64Array.of(1n, 2n) })),
      code: "INCOMPATIBLE_TYPE",
    },
    "b is int32 (schema long)": {
      run: run(frame({ ...namedBase(), b: Int32Array.of(1, 2) })),
      check: (out) => expect((out as Frame).get("b")).toEqual(BigInt64Array.of(1n, 2n)),
    },
    "b is uint32 (schema long)": { run: run(frame({ ...namedBase(), b: Uint32Array.of(1, 2) })) },
    "a is uint32 (schema integer)": {
      run: run(frame({ ...namedBase(), a: Uint32Array.of(1, 2) })),
      code: "INCOMPATIBLE_TYPE",
    },
    "c is float64 (schema float)": {
      run: run(frame({ ...namedBase(), c: Float64Array.of(1, 2) })),
      code: "INCOMPATIBLE_TYPE",
    },
    "d is float32 (schema double)": {
      run: run(frame({ ...namedBase(), d: Float32Array.of(1.5, 2) })),
      check: (out) => expect((out as Frame).get("d")).toEqual(Float64Array.of(1.5, 2)),
    },
    "c is int32 (schema float)": {
      run: run(frame({ ...namedBase(), c: Int32Array.of(1, 2) })),
      code: "INCOMPATIBLE_TYPE",
    },
    "d is int32 (schema double)": { run: run(frame({ ...namedBase(), d: Int32Array.of(1, 2) })) },
    "d is int64 (schema double)": {
      run: run(frame({ ...namedBase(), d: BigInt64Array.of(1n, 2n) })),
      code: "INCOMPATIBLE_TYPE",
    },
    "a is float32 or float64 (schema integer)": {
      run: () => {
        // Both must fail; the second is what the outcome reports.
        expect(() => enforce(schema, frame({ ...namedBase(), a: Float32Array.of(1, 2) }), quiet)).toThrow(SchemaError);
        return enforce(schema, frame({ ...namedBase(), a: Float64Array.of(1, 2) }), quiet);
      },
      code: "INCOMPATIBLE_TYPE",
    },
    "b is float64 (schema long)": {
      run: run(frame({ ...namedBase(), b: Float64Array.of(1, 2) })),
      code: "INCOMPATIBLE_TYPE",
    },
    "b,d,e,f,g as object dtype": {
      run: run(
        frame({
          ...namedBase(),
          b: [1, 2],
          d: [1.5, 2],
          e: [true, false],
          f: [Uint8Array.of(1), Uint8Array.of(2)],
          g: ["a", "b"],
        }),
      ),
    },
    "h is datetime64[D]": {
      run: run(frame({ ...namedBase(), h: ["2021-01-01", "2021-01-02"] })),
      check: (out) =>
        expect((out as Frame).get("h")).toEqual([new Date("2021-01-01T00:00:00Z"), new Date("2021-01-02T00:00:00Z")]),
    },
    "input is the DataFrame's .values (np.ndarray, no column names)": {
      run: run(
        ndarray([
          [1, 1, 1.5, 1.5, true, "a", Uint8Array.of(1), new Date(0)],
          [2, 2, 2, 2, false, "b", Uint8Array.of(2), new Date(0)],
        ]),
      ),
      code: "MISSING_INPUTS",
    },
    "dict of column -> 1-D ndarray/list (plus extra 2-D arrays)": {
      run: run({
        ...namedBase(),
        x2d: ndarray([
          [1, 2],
          [3, 4],
        ]),
      }),
      check: (out) => expect(Object.keys(out as object)).toEqual(["a", "b", "c", "d", "e", "g", "f", "h"]),
    },
    "dict of column -> [ndarray] (list of lists)": {
      run: run(Object.fromEntries(Object.entries(namedBase()).map(([k, v]) => [k, [v]]))),
      code: "INCOMPATIBLE_TYPE",
    },
    "dict with unequal list lengths {a:[1], b:[1,2], c:[1,2,3]}": {
      run: run({ a: [1], b: [1, 2], c: [1, 2, 3] }),
      code: "INVALID_INPUT",
    },
    "d holds decimal.Decimal": {
      notExpressible: "JavaScript has no decimal type (pandas object column of decimal.Decimal)",
    },
  };
}

function unnamedColspec(schema: Schema): Record<string, Mapped> {
  const run = (input: unknown) => () => enforce(schema, input, quiet);
  return {
    "[[1.0, 2.0, 3.0]]": { run: run([[1.0, 2.0, 3.0]]), check: (out) => expect(out).toEqual([[1, 2, 3]]) },
    "DataFrame with columns a,b,c": {
      run: run(frame({ a: Float64Array.of(1), b: Float64Array.of(2), c: Float64Array.of(3) })),
    },
    "[[1.0, 2.0]]": { run: run([[1.0, 2.0]]), code: "MISSING_INPUTS" },
    // Python ints are int64; JS numbers have no width, so the analogue is an int64 ndarray.
    "[[1, 2, 3]]": { run: run(ndarray([[1, 2, 3]])), code: "INCOMPATIBLE_TYPE" },
    "{1, 2, 3} (a set)": { run: run(new Set([1, 2, 3])), code: "INVALID_INPUT" },
    '{"a": [1.0], "b": [2.0], "c": [3.0]}': { run: run({ a: [1.0], b: [2.0], c: [3.0] }) },
  };
}

function missingValueHint(schema: Schema): Record<string, Mapped> {
  const run = (input: unknown) => () => enforce(schema, input, quiet);
  return {
    "DataFrame a=[1, None] (becomes float64 with NaN)": { run: run(frame({ a: [1, null] })), code: "MISSING_VALUE" },
    "DataFrame a=[1.5, None]": {
      run: run(frame({ a: [1.5, null] })),
      code: "INCOMPATIBLE_TYPE",
      check: (e) => expect((e as Error).message).not.toContain("Hint"),
    },
    "DataFrame a=[1.0, 2.0] float64": {
      run: run(frame({ a: Float64Array.of(1, 2) })),
      code: "INCOMPATIBLE_TYPE",
      check: (e) => expect((e as Error).message).not.toContain("Hint"),
    },
  };
}

function optionalColumns(schema: Schema): Record<string, Mapped> {
  // These descriptions are JSON: the input is the description itself.
  const out: Record<string, Mapped> = {};
  for (const desc of [
    '{"a": [1.0], "b": [1.0], "c": ["something"], "d": [2]}',
    '{"a": [1.0], "b": [1.0]}',
    '{"a": [1.0], "b": [1.0], "d": [2]}',
    '{"a": [1.0], "b": [1.0], "d": ["not the right type"]}',
    '{"b": [2.0], "c": ["something"]}',
  ]) {
    out[desc] = { run: () => enforce(schema, JSON.parse(desc), quiet) };
  }
  (out['{"a": [1.0], "b": [1.0], "d": ["not the right type"]}'] as Mapped).code = "INCOMPATIBLE_TYPE";
  (out['{"b": [2.0], "c": ["something"]}'] as Mapped).code = "MISSING_INPUTS";
  return out;
}

function unnamedTensor(schema: Schema): Record<string, Mapped> {
  const run = (input: unknown) => () => enforce(schema, input, quiet);
  const f32 = (shape: number[]) => ndarray(new Float32Array(shape.reduce((a, b) => a * b, 1)), { shape });
  return {
    "float32 array shape (2,3)": { run: run(f32([2, 3])) },
    "DataFrame of the same float32 values": {
      run: run(frame({ a: Float32Array.of(1, 4), b: Float32Array.of(2, 5), c: Float32Array.of(3, 6) })),
      check: (out) => {
        const a = out as ReturnType<typeof ndarray>;
        expect(a.shape).toEqual([2, 3]);
        expect(a.dtype).toBe("float32");
        expect(Array.from(a.data as Float32Array)).toEqual([1, 2, 3, 4, 5, 6]);
      },
    },
    "float32 array shape (3,3)": { run: run(f32([3, 3])) },
    "python list [[1.0,2.0,3.0],[4.0,5.0,6.0]]": {
      run: run([
        [1.0, 2.0, 3.0],
        [4.0, 5.0, 6.0],
      ]),
      code: "INVALID_INPUT",
    },
    '{"blah": array}': { run: run({ blah: f32([2, 3]) }), code: "INVALID_INPUT" },
    "float64 array shape (2,2)": { run: run(ndarray(new Float64Array(4), { shape: [2, 2] })), code: "SHAPE_MISMATCH" },
    "uint32 array shape (2,3)": { run: run(ndarray(new Uint32Array(6), { shape: [2, 3] })), code: "DTYPE_MISMATCH" },
    "np.ndarray([]) (shape ())": { run: run(ndarray(0, { dtype: "float64" })), code: "SHAPE_MISMATCH" },
  };
}

function namedTensor(schema: Schema): Record<string, Mapped> {
  const run = (input: unknown) => () => enforce(schema, input, quiet);
  const valid = () => ({
    a: ndarray(new BigUint64Array(10), { shape: [2, 5] }),
    b: ndarray(new Int16Array(4), { shape: [2, 2] }),
    c: ndarray(new Float32Array(8), { shape: [2, 2, 2] }),
  });
  return {
    "dict with extra key x": {
      run: run({ ...valid(), x: ndarray([1]) }),
      check: (out) => expect(Object.keys(out as object)).toEqual(["a", "b", "c"]),
    },
    "a cast to int32": {
      run: run({ ...valid(), a: ndarray(new Int32Array(10), { shape: [2, 5] }) }),
      code: "DTYPE_MISMATCH",
    },
    "a with shape (1,4)": {
      run: run({ ...valid(), a: ndarray(new BigUint64Array(4), { shape: [1, 4] }) }),
      code: "SHAPE_MISMATCH",
    },
    "list of three arrays": { run: run(Object.values(valid())), code: "MISSING_INPUTS" },
    "dict of python lists": {
      run: run(Object.fromEntries(Object.entries(valid()).map(([k, v]) => [k, v.toList()]))),
      code: "INVALID_INPUT",
    },
    "one-row DataFrame of scalars for (-1,5)": { run: run(frame({ a: [1], b: [2], c: [3] })), code: "INVALID_INPUT" },
  };
}

function paramsCases(): { signature: ModelSignature; mapped: Record<string, Mapped>; warnings: string[] } {
  const warnings: string[] = [];
  const logger: Logger = { warn: (m) => warnings.push(m), error: () => {} };
  const params = inferParamSchema(
    {
      str_param: "str_a",
      int_param: 1,
      bool_param: true,
      double_param: 1.0,
      float_param: 0.1,
      long_param: 100,
      datetime_param: new Date("2023-06-26T00:00:00Z"),
      str_list: ["a", "b", "c"],
      bool_list: [true, false],
      double_array: Float64Array.of(1, 2),
      int_array: Int32Array.of(1, 2),
      float_array: Float32Array.of(1, 2),
      datetime_array: [new Date("2023-06-26T00:00:00Z")],
    },
    { ...quiet, hints: { int_param: "integer", float_param: "float", double_param: "double" } },
  );
  const signature = new ModelSignature({ params });
  const run =
    (p: unknown, sig: ModelSignature = signature) =>
    () =>
      enforceParams(sig, p, { logger });
  const mapped: Record<string, Mapped> = {
    "int32 value for long/float/double params": {
      run: run({ long_param: 7, float_param: 7, double_param: 7 }),
      check: (out) => expect(out).toMatchObject({ long_param: 7, float_param: 7, double_param: 7 }),
    },
    "python int for float/double params": { run: run({ float_param: 3, double_param: 3 }) },
    "np.float32 for double param": { run: run({ double_param: Math.fround(0.1) }) },
    '"2023-06-26 00:00:00" for datetime param': {
      run: run({ datetime_param: "2023-06-26 00:00:00" }),
      check: (out) => expect((out as Record<string, unknown>).datetime_param).toEqual(new Date("2023-06-26T00:00:00Z")),
    },
    // numpy float64 elements: the JS analogue is a Float64Array (plain [1, 2] are integers in JS).
    "[1.0, 2.0] for integer array param": { run: run({ int_array: Float64Array.of(1, 2) }), code: "INVALID_PARAM" },
    "[True, False] for float array param": { run: run({ float_array: [true, false] }), code: "INVALID_PARAM" },
    "[1.0, 2.0] for datetime array param": { run: run({ datetime_array: [1.0, 2.0] }), code: "INVALID_PARAM" },
    "unknown param key": {
      run: run({ unknown_key: 1 }),
      check: (out) => {
        expect(out).not.toHaveProperty("unknown_key");
        expect(warnings.some((w) => w.includes("Unrecognized params ['unknown_key']"))).toBe(true);
      },
    },
    "param omitted": {
      run: run({}),
      check: (out) => expect(out).toMatchObject({ str_param: "str_a", int_array: [1, 2], double_param: 1 }),
    },
    "params passed but model has no params schema": {
      run: run({ a: 1 }, new ModelSignature({ inputs: new Schema([colSpec("string")]) })),
      check: (out) => {
        expect(out).toEqual({});
        expect(warnings.some((w) => w.includes("does not define a params schema"))).toBe(true);
      },
    },
  };
  return { signature, mapped, warnings };
}

/** Runs one mapped outcome against the fixture's expectation. */
function check(outcome: Outcome, m: Mapped | undefined): void {
  const [desc, result, detail] = outcome;
  expect(m, `no JS mapping for '${desc}'`).toBeDefined();
  if (m === undefined || m.notExpressible) return;
  const run = m.run as Run;
  let out: unknown;
  let thrown: unknown;
  try {
    out = run();
  } catch (e) {
    thrown = e;
  }
  if (result === "ok") {
    expect(thrown, `${desc}: ${(thrown as Error)?.message}`).toBeUndefined();
    m.check?.(out);
    return;
  }
  expect(thrown, desc).toBeInstanceOf(SchemaError);
  const err = thrown as SchemaError;
  if (m.code) expect(err.code, `${desc}: ${err.message}`).toBe(m.code);
  // MLflow's wording, where the fixture gives it (minus its own commentary in parentheses).
  const words = detail.replace(/\s*\((no hint|wording varies by version)\)$/, "");
  if (
    /^(Model is missing inputs|Incompatible input types|Hint:|Shape of input|dtype of input|This model contains|Expected input to be|the provided value only has|with value type|contains scalar values|Incompatible types for param)/.test(
      words,
    )
  ) {
    expect(err.message, desc).toContain(words.replace(/\.$/, ""));
  }
  m.check?.(err);
}

describe.skipIf(f.skip)("MLflow signature-cases.json: enforcement_cases", () => {
  const group = (name: string) => cases.enforcement_cases[name] as { schema: string; cases: Outcome[] };
  const schemaOf = (name: string) => Schema.fromJsonString(group(name).schema);

  const groups: [string, (s: Schema) => Record<string, Mapped>][] = [
    ["named_colspec_schema", namedColspec],
    ["unnamed_colspec_schema", unnamedColspec],
    ["missing_value_hint", missingValueHint],
    ["optional_columns", optionalColumns],
    ["unnamed_tensor_schema", unnamedTensor],
    ["named_tensor_schema", namedTensor],
  ];

  for (const [name, mapper] of groups) {
    it.each((f.present ? group(name).cases : []).map((c) => [c[0], c] as const))(`${name}: %s`, (_d, outcome) => {
      check(outcome, mapper(schemaOf(name))[outcome[0]]);
    });
  }

  it.each((f.present ? group("params").cases : []).map((c) => [c[0], c] as const))("params: %s", (_d, outcome) => {
    const { mapped } = paramsCases();
    check(outcome, mapped[outcome[0]]);
  });

  it("covers every group in the fixture", () => {
    const names = Object.keys(cases.enforcement_cases).filter((k) => k !== "about");
    expect(names.sort()).toEqual([...groups.map((g) => g[0]), "params"].sort());
  });

  it("logs a warning when extra columns are dropped", () => {
    const warnSpy = vi.fn();
    enforce(schemaOf("named_colspec_schema"), frame({ x: [1, 2], ...namedBase() }), {
      logger: { warn: warnSpy, error: () => {} },
    });
    expect(warnSpy).toHaveBeenCalledWith(expect.stringContaining("['x']"));
  });
});
