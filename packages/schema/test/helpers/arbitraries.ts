// fast-check generators for schemas and data used by the property tests.
import fc from "fast-check";
import {
  ANY,
  arrayOf,
  type ColType,
  colSpec,
  DATA_TYPES,
  type DataType,
  mapOf,
  objectOf,
  property,
  Schema,
  tensorSpec,
} from "../../src/index.js";

/** Names including awkward ones: unicode, quotes, prototype keys. */
export const nameArb = fc.oneof(
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.constantFrom("__proto__", "constructor", "toString", "a b", "é😀", 'q"uote'),
);

export const dataTypeArb: fc.Arbitrary<DataType> = fc.constantFrom(...DATA_TYPES);

export const colTypeArb: fc.Arbitrary<ColType> = fc.letrec<{ t: ColType }>((tie) => ({
  t: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    dataTypeArb,
    fc.constant(ANY),
    tie("t").map((t) => arrayOf(t)),
    tie("t").map((t) => mapOf(t)),
    fc
      .uniqueArray(fc.tuple(nameArb, tie("t"), fc.boolean()), { minLength: 1, maxLength: 4, selector: (x) => x[0] })
      .map((ps) => objectOf(ps.map(([n, t, r]) => property(n, t, r)))),
  ),
})).t;

export const columnSchemaArb: fc.Arbitrary<Schema> = fc.oneof(
  fc
    .uniqueArray(fc.tuple(nameArb, colTypeArb, fc.boolean()), { minLength: 1, maxLength: 5, selector: (x) => x[0] })
    .map((cols) => new Schema(cols.map(([name, type, required]) => colSpec(type, { name, required })))),
  fc.array(colTypeArb, { minLength: 1, maxLength: 3 }).map((types) => new Schema(types.map((t) => colSpec(t)))),
);

const dtypeArb = fc.constantFrom(
  "bool",
  "int8",
  "int32",
  "int64",
  "uint8",
  "float32",
  "float64",
  "str",
  "bytes",
  "object",
  "datetime64[ns]",
);
const shapeArb = fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 1, maxLength: 4 });

export const tensorSchemaArb: fc.Arbitrary<Schema> = fc.oneof(
  fc.tuple(dtypeArb, shapeArb).map(([d, s]) => new Schema([tensorSpec(d, s)])),
  fc
    .uniqueArray(fc.tuple(nameArb, dtypeArb, shapeArb), { minLength: 1, maxLength: 4, selector: (x) => x[0] })
    .map((ts) => new Schema(ts.map(([n, d, s]) => tensorSpec(d, s, n)))),
);

export const schemaArb = fc.oneof(columnSchemaArb, tensorSchemaArb);
