import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { enforceColumnwise } from "../src/enforce.js";
import {
  ANY,
  arrayOf,
  colSpec,
  enforce,
  enforceParams,
  type Frame,
  frame,
  inferSchema,
  ModelSignature,
  mapOf,
  type NDArray,
  ndarray,
  objectOf,
  ParamSchema,
  paramSpec,
  property,
  Schema,
  type SchemaError,
  SILENT_LOGGER,
  tensorSpec,
} from "../src/index.js";
import { colTypeArb, columnSchemaArb } from "./helpers/arbitraries.js";

const quiet = { logger: SILENT_LOGGER };
const err = (f: () => unknown): SchemaError => {
  try {
    f();
  } catch (e) {
    return e as SchemaError;
  }
  throw new Error("expected an error");
};

const schema = new Schema([
  colSpec("long", { name: "id" }),
  colSpec("double", { name: "score" }),
  colSpec("float", { name: "f", required: false }),
  colSpec("integer", { name: "n", required: false }),
  colSpec("string", { name: "label", required: false }),
  colSpec("binary", { name: "blob", required: false }),
  colSpec("datetime", { name: "at", required: false }),
  colSpec("boolean", { name: "ok", required: false }),
]);

describe("enforce: records", () => {
  it("converts by widening only, reorders, drops extra keys with a warning", () => {
    const warn = vi.fn();
    const input = [{ extra: 1, score: 2, id: 7, f: 0.1, at: "2024-01-02T03:04:05Z", blob: "AQID", ok: true }];
    const out = enforce(schema, input, { logger: { warn, error: () => {} } }) as Record<string, unknown>[];
    expect(out).toEqual([
      {
        id: 7,
        score: 2,
        f: Math.fround(0.1),
        blob: Uint8Array.of(1, 2, 3),
        at: new Date("2024-01-02T03:04:05Z"),
        ok: true,
      },
    ]);
    expect(Object.keys(out[0] as object)).toEqual(["id", "score", "f", "blob", "at", "ok"]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("['extra']"));
    expect(input[0]).toHaveProperty("extra"); // input untouched
  });

  it("returns records that already conform as they are (no copy), copies the others", () => {
    const s = new Schema([
      colSpec("long", { name: "a" }),
      colSpec(arrayOf("string"), { name: "t" }),
      colSpec("float", { name: "f", required: false }),
    ]);
    const same = { a: 1, t: ["x"] };
    const reordered = { t: ["x"], a: 1 };
    const converted = { a: 1, t: ["x"], f: 0.1 };
    const out = enforce(s, [same, reordered, converted], quiet) as Record<string, unknown>[];
    expect(out[0]).toBe(same);
    expect(out[1]).not.toBe(reordered);
    expect(Object.keys(out[1] as object)).toEqual(["a", "t"]);
    expect((out[1] as { t: unknown }).t).toBe(reordered.t);
    expect(out[2]).toEqual({ a: 1, t: ["x"], f: Math.fround(0.1) });
    expect(converted.f).toBe(0.1);
  });

  it("rebuilds records whose column names need escaping", () => {
    const names = ['q"uote', "back\\slash", "new\nline", "\u2028", "$" + "{x}", "`tick`", "é😀", "a b"];
    const s = new Schema(names.map((name) => colSpec("long", { name })));
    const row: Record<string, unknown> = { extra: 1 };
    names.forEach((n, i) => {
      row[n] = i;
    });
    const out = enforce(s, [row], quiet) as Record<string, unknown>[];
    expect(Object.keys(out[0] as object)).toEqual(names);
    expect(Object.values(out[0] as object)).toEqual(names.map((_, i) => i));
  });

  it("an optional key holding undefined is absent, not extra", () => {
    const warn = vi.fn();
    const s = new Schema([colSpec("long", { name: "a" }), colSpec("string", { name: "b", required: false })]);
    expect(enforce(s, [{ a: 1, b: undefined }], { logger: { warn, error: () => {} } })).toEqual([{ a: 1 }]);
    expect(warn).not.toHaveBeenCalled();
  });

  it("accepts bigint for long, rejects it where numpy would (int64 -> int32/double)", () => {
    expect(enforce(schema, [{ id: 2n ** 62n, score: 1 }], quiet)).toEqual([{ id: 2n ** 62n, score: 1 }]);
    expect(err(() => enforce(schema, [{ id: 1, score: 1n }], quiet)).code).toBe("INCOMPATIBLE_TYPE");
    expect(err(() => enforce(schema, [{ id: 1, score: 1, n: 1n }], quiet)).code).toBe("INCOMPATIBLE_TYPE");
  });

  it("checks JS numbers by value", () => {
    expect(err(() => enforce(schema, [{ id: 1.5, score: 1 }], quiet)).code).toBe("INCOMPATIBLE_TYPE");
    expect(err(() => enforce(schema, [{ id: 1, score: 1, n: 2 ** 31 }], quiet)).code).toBe("INCOMPATIBLE_TYPE");
    expect(err(() => enforce(schema, [{ id: 1, score: 1, f: 1e39 }], quiet)).code).toBe("INCOMPATIBLE_TYPE");
    expect(err(() => enforce(schema, [{ id: 1, score: "1" }], quiet)).code).toBe("INCOMPATIBLE_TYPE");
    expect(err(() => enforce(schema, [{ id: 1, score: 1, label: 5 }], quiet)).code).toBe("INCOMPATIBLE_TYPE");
    expect(err(() => enforce(schema, [{ id: 1, score: 1, blob: "not base64!" }], quiet)).code).toBe(
      "INCOMPATIBLE_TYPE",
    );
    expect(err(() => enforce(schema, [{ id: 1, score: 1, at: "yesterday" }], quiet)).code).toBe("INCOMPATIBLE_TYPE");
    expect(enforce(schema, [{ id: 1, score: Number.NaN }], quiet)).toEqual([{ id: 1, score: Number.NaN }]);
  });

  it("treats null as missing: fine in optional columns, an error in required ones", () => {
    expect(enforce(schema, [{ id: 1, score: 1, n: null }], quiet)).toEqual([{ id: 1, score: 1, n: null }]);
    const e = err(() =>
      enforce(
        schema,
        [
          { id: 1, score: 1 },
          { id: null, score: 2 },
        ],
        quiet,
      ),
    );
    expect(e.code).toBe("MISSING_VALUE");
    expect(e.path).toBe("/1/id");
    expect(e.message).toContain("Hint: the type mismatch is likely caused by missing values.");
    expect(err(() => enforce(schema, [{ id: 1, score: 1 }, { score: 2 }], quiet)).code).toBe("MISSING_VALUE");
    expect(err(() => enforce(schema, [{ score: 2 }], quiet)).code).toBe("MISSING_INPUTS");
  });

  it("reports the first failing column in schema order, like MLflow", () => {
    // Row 0 fails `score`, row 1 fails `id`: MLflow checks column `id` first.
    const e = err(() =>
      enforce(
        schema,
        [
          { id: 1, score: "x" },
          { id: "y", score: 1 },
        ],
        quiet,
      ),
    );
    expect(e.message).toContain("column id.");
  });

  it("enforces array, object, map and any columns item by item", () => {
    const s = new Schema([
      colSpec(arrayOf(objectOf([property("role", "string"), property("name", "string", false)])), { name: "messages" }),
      colSpec(mapOf("double"), { name: "weights", required: false }),
      colSpec(ANY, { name: "meta", required: false }),
    ]);
    const ok = [
      { messages: [{ role: "user" }, { role: "system", name: null }], weights: { a: 1 }, meta: { anything: [1, "x"] } },
    ];
    expect(enforce(s, ok, quiet)).toEqual(ok);
    expect(err(() => enforce(s, [{ messages: [{}] }], quiet)).code).toBe("MISSING_VALUE");
    expect(err(() => enforce(s, [{ messages: [{ role: "user", extra: 1 }] }], quiet)).code).toBe("UNKNOWN_PROPERTY");
    expect(err(() => enforce(s, [{ messages: "hi" }], quiet)).code).toBe("INCOMPATIBLE_TYPE");
    expect(err(() => enforce(s, [{ messages: [], weights: { a: "x" } }], quiet)).code).toBe("INCOMPATIBLE_TYPE");
    expect(err(() => enforce(s, [{ messages: [{ role: 1 }] }], quiet)).path).toBe("/0/messages/0/role");
    // Typed arrays are lists too.
    const v = new Schema([colSpec(arrayOf("double"), { name: "v" })]);
    expect(enforce(v, [{ v: Float32Array.of(1, 2) }], quiet)).toEqual([{ v: [1, 2] }]);
  });

  it("handles a column named __proto__ as data", () => {
    const s = new Schema([
      colSpec("long", { name: "__proto__" }),
      colSpec("string", { name: "constructor", required: false }),
    ]);
    const out = enforce(s, JSON.parse('[{"__proto__": 1, "constructor": "x"}]'), quiet) as object[];
    expect(Object.getPrototypeOf(out[0])).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out[0], "__proto__")?.value).toBe(1);
    expect(err(() => enforce(s, [{}], quiet)).code).toBe("MISSING_INPUTS");
    expect(err(() => enforce(s, [{ constructor: "x" }], quiet)).code).toBe("MISSING_INPUTS");
  });
});

describe("enforce: other orientations", () => {
  const s = new Schema([colSpec("double", { name: "a" }), colSpec("string", { name: "b", required: false })]);

  it("single record, columnar object, frame", () => {
    expect(enforce(s, { a: 1, b: "x", z: 0 }, quiet)).toEqual({ a: 1, b: "x" });
    expect(enforce(s, { a: [1, 2], b: ["x", "y"] }, quiet)).toEqual({ a: [1, 2], b: ["x", "y"] });
    expect(enforce(s, { a: [1, 2], b: "x" }, quiet)).toEqual({ a: [1, 2], b: ["x", "x"] });
    const f = enforce(s, frame({ b: ["x"], a: Float32Array.of(0.5) }), quiet) as Frame;
    expect(f.columns).toEqual(["a", "b"]);
    expect(f.get("a")).toEqual(Float64Array.of(0.5));
    expect(f.toRecords()).toEqual([{ a: 0.5, b: "x" }]);
  });

  it("unnamed schemas: rows, flat arrays, scalars; extra columns dropped", () => {
    const u = new Schema([colSpec("double"), colSpec("long")]);
    expect(enforce(u, [[1.5, 2, "dropped"]], quiet)).toEqual([[1.5, 2]]);
    expect(enforce(new Schema([colSpec("string")]), ["a", "b"], quiet)).toEqual(["a", "b"]);
    expect(enforce(new Schema([colSpec("string")]), "a", quiet)).toBe("a");
    expect(enforce(new Schema([colSpec("long")]), Int32Array.of(1, 2), quiet)).toEqual([1n, 2n]);
    expect(err(() => enforce(u, ndarray([[1.5, 2]], { dtype: "float64" }), quiet)).code).toBe("INCOMPATIBLE_TYPE");
    expect(err(() => enforce(u, ndarray([[1.5, 2]]), quiet)).code).toBe("INCOMPATIBLE_TYPE"); // float64 -> long
    expect(err(() => enforce(u, ndarray([[[1]]]), quiet)).code).toBe("INVALID_INPUT");
    expect(err(() => enforce(u, [[1], { a: 1 }], quiet)).code).toBe("INVALID_INPUT");
    expect(err(() => enforce(u, new Map(), quiet)).code).toBe("INVALID_INPUT");
    expect(err(() => enforce(u, () => 1, quiet)).code).toBe("INVALID_INPUT");
  });

  it("returns the input when the signature has no inputs", () => {
    const sig = new ModelSignature({ outputs: s });
    const x = { anything: true };
    expect(enforce(sig, x, quiet)).toBe(x);
    expect(err(() => enforce({} as never, x, quiet)).code).toBe("INVALID_SIGNATURE");
  });
});

describe("enforce: tensors", () => {
  const one = new Schema([tensorSpec("float32", [-1, 2])]);

  it("passes matching arrays through untouched, never casts", () => {
    const a = ndarray(new Float32Array(4), { shape: [2, 2] });
    expect(enforce(one, a, quiet)).toBe(a);
    const tf = { shape: [3, 2], dtype: "float32", dataSync: () => new Float32Array(6) };
    expect(enforce(one, tf, quiet)).toBe(tf);
    expect(err(() => enforce(one, { shape: [3, 2], dtype: "int32", dataSync: () => [] }, quiet)).code).toBe(
      "DTYPE_MISMATCH",
    );
    expect(err(() => enforce(one, Float32Array.of(1, 2), quiet)).code).toBe("SHAPE_MISMATCH");
    expect(enforce(new Schema([tensorSpec("uint8", [-1])]), Uint8Array.of(1), quiet)).toEqual(Uint8Array.of(1));
  });

  it("accepts ragged object arrays for variable specs", () => {
    const ragged = ndarray([[1, 2], [3]]);
    expect(ragged.dtype).toBe("object");
    expect(enforce(new Schema([tensorSpec("object", [-1])]), ragged, quiet)).toBe(ragged);
    expect(enforce(new Schema([tensorSpec("float64", [-1, -1])]), ragged, quiet)).toBe(ragged);
  });

  it("named tensors: a single one takes a bare array, frames of lists are reshaped and cast", () => {
    const named = new Schema([tensorSpec("float32", [-1, 2], "x")]);
    const a = ndarray(new Float32Array(2), { shape: [1, 2] });
    expect(enforce(named, a, quiet)).toBe(a);
    const out = enforce(
      named,
      frame({
        x: [
          [1, 2],
          [3, 4],
        ],
      }),
      quiet,
    ) as Record<string, NDArray>;
    expect(out.x?.shape).toEqual([2, 2]);
    expect(out.x?.dtype).toBe("float32");
    expect(err(() => enforce(named, frame({ x: [[1, 2], [3]] }), quiet)).code).toBe("INVALID_INPUT");
    const scalars = enforce(new Schema([tensorSpec("int32", [-1], "s")]), frame({ s: [1, 2] }), quiet) as Record<
      string,
      NDArray
    >;
    expect(scalars.s?.data).toEqual(Int32Array.of(1, 2));
    const arrays = enforce(named, frame({ x: [Float32Array.of(1, 2)] }), quiet) as Record<string, NDArray>;
    expect(arrays.x?.shape).toEqual([1, 2]);
    expect(err(() => enforce(named, frame({ x: [Float64Array.of(1, 2)] }), quiet)).code).toBe("DTYPE_MISMATCH");
    expect(err(() => enforce(named, frame({ x: [{}] }), quiet)).code).toBe("INVALID_INPUT");
    expect(
      err(() => enforce(new Schema([tensorSpec("float32", [2, 2], "x")]), frame({ x: [[1, 2]] }), quiet)).code,
    ).toBe("INVALID_INPUT");
    expect(err(() => enforce(named, frame({ x: ["a"] }), quiet)).code).toBe("INVALID_INPUT");
    expect(err(() => enforce(new Schema([tensorSpec("float32", [-1], "x")]), frame({ x: ["a"] }), quiet)).code).toBe(
      "INCOMPATIBLE_TYPE",
    );
  });

  it("frames for an unnamed tensor", () => {
    expect(err(() => enforce(one, frame({ a: [] }), quiet)).code).toBe("INVALID_INPUT");
    expect(
      err(() => enforce(one, frame({ a: Float32Array.of(1), b: Float32Array.of(1), c: Float32Array.of(1) }), quiet))
        .code,
    ).toBe("INVALID_INPUT");
  });
});

describe("enforceParams", () => {
  const params = new ParamSchema([
    paramSpec("temperature", "double", 0.7),
    paramSpec("max_tokens", "long", 256),
    paramSpec("stop", "string", ["\n"], [-1]),
    paramSpec("since", "datetime", "2024-01-01T00:00:00"),
  ]);

  it("fills defaults, converts datetimes to Date, ignores unknown keys with a warning", () => {
    const warn = vi.fn();
    const out = enforceParams(
      new ModelSignature({ params }),
      { temperature: 1, nope: 1 },
      { logger: { warn, error: () => {} } },
    );
    expect(out).toEqual({ temperature: 1, max_tokens: 256, stop: ["\n"], since: new Date("2024-01-01T00:00:00Z") });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("Unrecognized params ['nope']"));
    expect(enforceParams(params, undefined, quiet)).toHaveProperty("max_tokens", 256);
  });

  it("lists every invalid param", () => {
    const e = err(() => enforceParams(params, { temperature: "hot", max_tokens: 1.5 }, quiet));
    expect(e.code).toBe("INVALID_PARAM");
    expect(e.message).toContain("'temperature'");
    expect(e.message).toContain("'max_tokens'");
    expect(err(() => enforceParams(params, [1], quiet)).code).toBe("INVALID_PARAM");
  });

  it("without a params schema returns {} (with a warning when params were given)", () => {
    const warn = vi.fn();
    expect(enforceParams(undefined, { a: 1 }, { logger: { warn, error: () => {} } })).toEqual({});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(enforceParams(undefined, null, { logger: { warn, error: () => {} } })).toEqual({});
    expect(enforceParams(undefined, "x", { logger: { warn, error: () => {} } })).toEqual({});
    expect(warn).toHaveBeenCalledTimes(2);
  });
});

describe("enforce: properties", () => {
  const anyScalar = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 3 }),
    fc.boolean(),
    fc.constant(null),
    fc.bigInt(),
  );
  const rowsArb = fc.array(
    fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e"), fc.oneof(anyScalar, fc.array(anyScalar, { maxLength: 2 }))),
    {
      minLength: 1,
      maxLength: 6,
    },
  );

  it("the records fast path and the column-wise path agree on results and error codes", () => {
    fc.assert(
      fc.property(columnSchemaArb, rowsArb, (s, rows) => {
        const run = (f: () => unknown) => {
          try {
            return { ok: f() };
          } catch (e) {
            return { code: (e as SchemaError).code };
          }
        };
        const fast = run(() => enforce(s, rows, quiet));
        const slow = run(() => enforceColumnwise(s, rows, quiet));
        expect(fast).toEqual(slow);
      }),
    );
  });

  it("fast and column-wise paths agree with prototype-ish and quoted names too", () => {
    const names = ["a", "__proto__", "constructor", 'q"uote', "toString"] as const;
    const schemaOf = fc
      .uniqueArray(fc.tuple(fc.constantFrom(...names), colTypeArb, fc.boolean()), {
        minLength: 1,
        maxLength: 4,
        selector: (x) => x[0],
      })
      .map((cols) => new Schema(cols.map(([name, type, required]) => colSpec(type, { name, required }))));
    const rows = fc.array(
      fc
        .array(fc.tuple(fc.constantFrom(...names, "x"), fc.oneof(anyScalar, fc.array(anyScalar, { maxLength: 2 }))), {
          maxLength: 5,
        })
        .map((kv) => {
          const row: Record<string, unknown> = {};
          for (const [k, v] of kv)
            Object.defineProperty(row, k, { value: v, enumerable: true, writable: true, configurable: true });
          return row;
        }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(schemaOf, rows, (s, data) => {
        const run = (f: () => unknown) => {
          try {
            return { ok: JSON.stringify(f(), (_k, v) => (typeof v === "bigint" ? `${v}n` : v)) };
          } catch (e) {
            return { code: (e as SchemaError).code };
          }
        };
        expect(run(() => enforce(s, data, quiet))).toEqual(run(() => enforceColumnwise(s, data, quiet)));
      }),
    );
  });

  it("accepts the data its own inferred schema came from", () => {
    const rows = [
      { a: 1, b: "x", c: [1.5], d: { e: true } },
      { a: 2, c: [], d: { e: false, f: "y" } },
    ];
    expect(enforce(inferSchema(rows, quiet), rows, quiet)).toEqual(rows);
  });
});
