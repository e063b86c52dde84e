// Own inference vectors (always run). Expected strings follow MLflow's rules; the first group is from
// MLflow's tests (tests/types/test_schema.py) as listed in ../shared/notes/schemas-and-cards.md §1.7.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { enforce, frame, inferSchema, ndarray, type Schema, type SchemaError, SILENT_LOGGER } from "../src/index.js";
import { inferSchemaImpl } from "../src/infer.js";

const quiet = { logger: SILENT_LOGGER };
const json = (data: unknown, options = {}) => inferSchema(data, { ...quiet, ...options }).toJsonString();
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as SchemaError).code;
  }
  return "none";
};

describe("inferSchema: MLflow test vectors not in the shared fixture", () => {
  it.each([
    [
      "records-disjoint-keys",
      [{ a: 1 }, { b: "a" }],
      '[{"type": "long", "name": "a", "required": false}, {"type": "string", "name": "b", "required": false}]',
    ],
    [
      "records-object-extra-key-optional",
      [{ data: { dict: ["a"] } }, { data: { dict: ["a"], string: "a" } }],
      '[{"type": "object", "properties": {"dict": {"type": "array", "items": {"type": "string"}, "required": true}, "string": {"type": "string", "required": false}}, "name": "data", "required": true}]',
    ],
    [
      "nested-array-of-objects",
      [{ p: "a", arr: [{ p2: true, arr2: [1, 2, 3] }, { arr2: [2, 3, 4] }] }],
      '[{"type": "string", "name": "p", "required": true}, {"type": "array", "items": {"type": "object", "properties": {"arr2": {"type": "array", "items": {"type": "long"}, "required": true}, "p2": {"type": "boolean", "required": false}}}, "name": "arr", "required": true}]',
    ],
    [
      "dict-object-with-none",
      { a: { x: null } },
      '[{"type": "object", "properties": {"x": {"type": "any", "required": false}}, "name": "a", "required": true}]',
    ],
  ])("%s", (_id, data, want) => {
    expect(json(data)).toBe(want);
  });
});

describe("inferSchema: JavaScript inputs", () => {
  it("keeps first-seen column order across records", () => {
    expect(json([{ b: 1 }, { a: 2, b: 3 }])).toBe(
      '[{"type": "long", "name": "b", "required": true}, {"type": "long", "name": "a", "required": false}]',
    );
  });

  it("types JS numbers: integers long, fractions double, both together double", () => {
    expect(json([1, 2])).toBe('[{"type": "long", "required": true}]');
    expect(json([1, 2.5])).toBe('[{"type": "double", "required": true}]');
    expect(json([{ x: 2.5 }, { x: 3 }])).toBe('[{"type": "double", "name": "x", "required": true}]');
    expect(json(Number.POSITIVE_INFINITY)).toBe('[{"type": "double", "required": true}]');
    expect(json(1e300)).toBe('[{"type": "double", "required": true}]');
    expect(json(2 ** 40)).toBe('[{"type": "long", "required": true}]');
  });

  it("follows number hints and global number types", () => {
    expect(json([{ age: 31, score: 1 }], { hints: { age: "integer", score: "float" } })).toBe(
      '[{"type": "integer", "name": "age", "required": true}, {"type": "float", "name": "score", "required": true}]',
    );
    expect(json({ v: [1, 2] }, { integerType: "double" })).toBe(
      '[{"type": "array", "items": {"type": "double"}, "name": "v", "required": true}]',
    );
    expect(json(0.5, { fractionType: "float" })).toBe('[{"type": "float", "required": true}]');
    expect(code(() => inferSchema([{ a: 2 ** 40 }], { ...quiet, hints: { a: "integer" } }))).toBe("HINT_MISMATCH");
    expect(code(() => inferSchema([{ a: 2.5 }], { ...quiet, hints: { a: "long" } }))).toBe("HINT_MISMATCH");
    expect(code(() => inferSchema([{ a: 1 }], { ...quiet, hints: { a: "int" as never } }))).toBe("HINT_MISMATCH");
  });

  it("types Date, Uint8Array, bigint and typed arrays", () => {
    expect(json({ when: new Date(0), blob: Uint8Array.of(1), big: 5n, v: Int16Array.of(1) })).toBe(
      '[{"type": "datetime", "name": "when", "required": true}, {"type": "binary", "name": "blob", "required": true}, ' +
        '{"type": "long", "name": "big", "required": true}, {"type": "array", "items": {"type": "integer"}, "name": "v", "required": true}]',
    );
    expect(json([{ v: Float32Array.of(1) }, { v: new Float32Array(0) }])).toBe(
      '[{"type": "array", "items": {"type": "float"}, "name": "v", "required": true}]',
    );
    expect(json(new Date(Number.NaN))).toBe('[{"type": "any", "required": true}]');
    expect(code(() => inferSchema(2n ** 64n, quiet))).toBe("UNSUPPORTED_TYPE");
    expect(code(() => inferSchema({ v: BigUint64Array.of(1n), s: "x" }, quiet))).toBe("UNSUPPORTED_TYPE");
    // A dict of typed arrays only is a set of named tensors, of any dtype (MLflow: dict of ndarrays).
    expect(json({ v: BigUint64Array.of(1n) })).toContain('"dtype": "uint64"');
  });

  it("reads typed arrays, NDArrays and tfjs-like tensors as tensors (first axis -1)", () => {
    expect(json(Float32Array.of(1, 2))).toBe(
      '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1]}}]',
    );
    expect(json({ x: Int32Array.of(1), y: ndarray([[true, false]]) })).toBe(
      '[{"name": "x", "type": "tensor", "tensor-spec": {"dtype": "int32", "shape": [-1]}}, {"name": "y", "type": "tensor", "tensor-spec": {"dtype": "bool", "shape": [-1, 2]}}]',
    );
    const tf = {
      shape: [8, 28, 28, 1],
      dtype: "float32",
      dataSync() {
        throw new Error("inference must not read tensor data");
      },
    };
    expect(json(tf)).toBe('[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 28, 28, 1]}}]');
    expect(json({ image: tf, label: { shape: [8], dtype: "int32", dataSync: () => new Int32Array(8) } })).toContain(
      '{"name": "label", "type": "tensor", "tensor-spec": {"dtype": "int32", "shape": [-1]}}',
    );
    expect(json({ s: { shape: [2], dtype: "string", dataSync: () => ["a", "b"] } })).toContain('"dtype": "str"');
    expect(code(() => inferSchema(ndarray(5), quiet))).toBe("INVALID_INPUT");
  });

  it("reads nested numeric arrays as tensors with numericArrays: 'tensor'", () => {
    expect(
      json(
        [
          [1, 2],
          [3, 4],
        ],
        { numericArrays: "tensor" },
      ),
    ).toBe('[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1, 2]}}]');
    expect(json({ a: [[1.5]], b: [1] }, { numericArrays: "tensor" })).toBe(
      '[{"name": "a", "type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1, 1]}}, {"name": "b", "type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]',
    );
    // Without the option, MLflow's list semantics.
    expect(
      json([
        [1, 2],
        [3, 4],
      ]),
    ).toBe('[{"type": "array", "items": {"type": "long"}, "required": true}]');
    // Strings are not numeric: list semantics even with the option.
    expect(json(["a"], { numericArrays: "tensor" })).toBe('[{"type": "string", "required": true}]');
  });

  it("infers frames with pandas semantics", () => {
    expect(
      json(
        frame({
          i: Uint16Array.of(1),
          u: Uint32Array.of(1),
          f: Float64Array.of(Number.NaN),
          s: ["x"],
          n: [null],
          o: [{ a: 1 }],
        }),
      ),
    ).toBe(
      '[{"type": "integer", "name": "i", "required": true}, {"type": "long", "name": "u", "required": true}, {"type": "double", "name": "f", "required": false}, ' +
        '{"type": "string", "name": "s", "required": true}, {"type": "any", "name": "n", "required": false}, {"type": "object", "properties": {"a": {"type": "long", "required": true}}, "name": "o", "required": true}]',
    );
    expect(json(frame({ e: [] }))).toBe('[{"type": "any", "name": "e", "required": true}]');
    expect(code(() => inferSchema(frame({}), quiet))).toBe("INVALID_SCHEMA");
  });

  it("makes a property optional when null comes before or after a value", () => {
    const want =
      '[{"type": "object", "properties": {"x": {"type": "string", "required": false}}, "name": "a", "required": true}]';
    expect(json([{ a: { x: "s" } }, { a: { x: null } }])).toBe(want);
    expect(json([{ a: { x: null } }, { a: { x: "s" } }])).toBe(want);
    // An object merged with null: every property optional, the column optional (MLflow Object._merge(AnyType)).
    expect(json([{ a: { x: 1 } }, { a: null }])).toBe(
      '[{"type": "object", "properties": {"x": {"type": "long", "required": false}}, "name": "a", "required": false}]',
    );
    expect(json([[null], ["a"]])).toBe('[{"type": "array", "items": {"type": "string"}, "required": true}]');
    expect(json([["a"], [null]])).toBe('[{"type": "array", "items": {"type": "string"}, "required": true}]');
  });

  it("rejects mixed types wherever they are, with a path", () => {
    for (const data of [
      [{ a: [1, "x"] }],
      [{ a: { b: 1 } }, { a: { b: "x" } }],
      [{ a: [1] }, { a: { b: 1 } }],
      [1, true],
      [[1], 2],
    ]) {
      expect(
        code(() => inferSchema(data, quiet)),
        JSON.stringify(data),
      ).toBe("MULTIPLE_TYPES");
    }
    try {
      inferSchema([{ a: 1 }, { a: 2 }, { a: "three" }], quiet);
    } catch (e) {
      expect((e as SchemaError).path).toBe("/2/a");
    }
  });

  it("needs at least one column", () => {
    expect(code(() => inferSchema({}, quiet))).toBe("INVALID_SCHEMA");
    expect(code(() => inferSchema([{}], quiet))).toBe("INVALID_SCHEMA");
  });
});

// Records of JSON values without nulls inside arrays and without empty lists or objects. MLflow's own
// inference does not accept those back either: `[]`, `{}` and a null element are typed `any`, which
// merges into any other type (`[0, []]` is `long`), and the value then fails enforcement.
const scalar = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);
const value = fc.oneof(
  scalar,
  fc.constant(null),
  fc.array(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.constantFrom("p", "q", "__proto__"), fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null)), {
    minKeys: 1,
    maxKeys: 2,
  }),
);
const recordsArb = fc.array(fc.dictionary(fc.constantFrom("a", "b", "c", "constructor"), value, { minKeys: 1 }), {
  minLength: 1,
  maxLength: 8,
});

// Anything JSON, shaped like records: mostly conflicting types, nulls and empties everywhere.
const leaf = fc.oneof(
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 2 }),
  fc.boolean(),
);
const nested = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("p", "q", "r"), tie("v"), { maxKeys: 3 }),
  ),
})).v;
const wildArb = fc.oneof(
  fc.array(fc.dictionary(fc.constantFrom("a", "b"), nested, { minKeys: 1, maxKeys: 2 }), {
    minLength: 1,
    maxLength: 6,
  }),
  fc.array(nested, { minLength: 1, maxLength: 6 }),
);

describe("inferSchema: properties", () => {
  it("accepts its own input back under enforcement, or reports mixed types", () => {
    fc.assert(
      fc.property(recordsArb, (rows) => {
        let schema: Schema;
        try {
          schema = inferSchema(rows, quiet);
        } catch (e) {
          expect((e as SchemaError).code).toBe("MULTIPLE_TYPES");
          return;
        }
        expect(() => enforce(schema, rows, quiet)).not.toThrow();
      }),
    );
  });

  it("gives the same types whatever the order of the records", () => {
    fc.assert(
      fc.property(recordsArb, (rows) => {
        const byName = (s: Schema) =>
          Object.fromEntries(s.toDict().map((d) => [d.name as string, JSON.stringify({ ...d, name: undefined })]));
        let a: Schema;
        try {
          a = inferSchema(rows, quiet);
        } catch {
          return;
        }
        const b = inferSchema([...rows].reverse(), quiet);
        expect(byName(b)).toEqual(byName(a));
      }),
    );
  });

  it("the fast path (skipping values that fit) gives exactly what the slow path gives", () => {
    fc.assert(
      fc.property(fc.oneof(recordsArb, fc.array(value, { minLength: 1, maxLength: 8 }), wildArb), (data) => {
        const run = (fast: boolean) => {
          try {
            return inferSchemaImpl(data, {}, fast).toJsonString();
          } catch (e) {
            return (e as SchemaError).code;
          }
        };
        expect(run(true)).toBe(run(false));
      }),
    );
  });
});
