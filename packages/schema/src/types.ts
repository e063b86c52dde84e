/**
 * The type system of MLflow model signatures (MLflow 2.x / 3.x `mlflow/types/schema.py`): scalar
 * `DataType`s, the composite `array` / `object` / `map` / `any` / `sparkml_vector` types, column specs
 * and tensor specs. Values are plain frozen objects; build them with the helpers below, which enforce
 * MLflow's construction rules (e.g. object properties sorted by name, no duplicate names).
 */
import { SchemaError } from "./errors.js";

/** MLflow's scalar data types (`mlflow.types.DataType`). */
export type DataType = "boolean" | "integer" | "long" | "float" | "double" | "string" | "binary" | "datetime";

/** Every {@link DataType}, in MLflow's declaration order. */
export const DATA_TYPES: readonly DataType[] = Object.freeze([
  "boolean",
  "integer",
  "long",
  "float",
  "double",
  "string",
  "binary",
  "datetime",
]);

/** `Array(items)`: a list whose elements all have type `items`. */
export interface ArrayType {
  readonly type: "array";
  readonly items: ColType;
}

/** A named, typed member of an {@link ObjectType}. */
export interface Property {
  readonly name: string;
  readonly type: ColType;
  /** `false` when the property may be missing or null. */
  readonly required: boolean;
}

/** `Object(properties)`: a JSON object with known keys. Properties are sorted by name (as MLflow does). */
export interface ObjectType {
  readonly type: "object";
  readonly properties: readonly Property[];
}

/** `Map(values)`: a JSON object with arbitrary string keys whose values have type `values`. Never inferred. */
export interface MapType {
  readonly type: "map";
  readonly values: ColType;
}

/** `AnyType`: anything, including null; not validated. */
export interface AnyType {
  readonly type: "any";
}

/** Spark ML's dense/sparse vector (an array of doubles). Only read and written, never inferred. */
export interface SparkMLVectorType {
  readonly type: "sparkml_vector";
}

/** Any type a column, array item, object property or map value can have. */
export type ColType = DataType | ArrayType | ObjectType | MapType | AnyType | SparkMLVectorType;

/** A column of a column-based schema (MLflow `ColSpec`). */
export interface ColSpec {
  readonly kind: "column";
  readonly type: ColType;
  /** Column name; absent in unnamed schemas. */
  readonly name?: string;
  /** `false` when the column may be absent or null. */
  readonly required: boolean;
}

/**
 * A numpy dtype name as MLflow writes it in `tensor-spec.dtype`: `bool`, `int8` ... `uint64`,
 * `float16` ... `float64`, `complex64`, `complex128`, `str`, `bytes`, `object`, `datetime64[unit]`,
 * `timedelta64[unit]`.
 */
export type TensorDType = string;

/** A tensor of a tensor-based schema (MLflow `TensorSpec`): dtype and shape, `-1` marking a variable axis. */
export interface TensorSpec {
  readonly kind: "tensor";
  readonly dtype: TensorDType;
  readonly shape: readonly number[];
  /** Tensor name; absent for a single unnamed tensor. */
  readonly name?: string;
}

/** One entry of a {@link Schema}: a column or a tensor. */
export type InputSpec = ColSpec | TensorSpec;

const DATA_TYPE_SET: ReadonlySet<string> = new Set(DATA_TYPES);

/** Types and specs made by the builders below: already validated and frozen, never walked again. */
const BUILT = new WeakSet<object>();

function built<T extends object>(x: T): T {
  BUILT.add(Object.freeze(x));
  return x;
}

/** `true` for a spec made by this module's builders (and so already valid and frozen). */
export function isBuiltSpec(x: unknown): x is InputSpec {
  return typeof x === "object" && x !== null && BUILT.has(x);
}

/** `true` when `x` is one of the scalar {@link DataType} names. */
export function isDataType(x: unknown): x is DataType {
  return typeof x === "string" && DATA_TYPE_SET.has(x);
}

/** The `any` type (a shared frozen instance). */
export const ANY: AnyType = built({ type: "any" });

/** The `sparkml_vector` type (a shared frozen instance). */
export const SPARKML_VECTOR: SparkMLVectorType = built({ type: "sparkml_vector" });

/**
 * `Array(items)`.
 * @param items - the element type
 * @returns a frozen {@link ArrayType}
 * @throws SchemaError `INVALID_SCHEMA` when `items` is not a type
 * @example arrayOf("string") // {type: "array", items: "string"}
 */
export function arrayOf(items: ColType): ArrayType {
  return built({ type: "array", items: normalizeColType(items) });
}

/**
 * `Map(values)` (string keys).
 * @param values - the value type
 * @returns a frozen {@link MapType}
 * @throws SchemaError `INVALID_SCHEMA` when `values` is not a type
 */
export function mapOf(values: ColType): MapType {
  return built({ type: "map", values: normalizeColType(values) });
}

/**
 * A property of an object type.
 * @param name - the key
 * @param type - its type
 * @param required - whether it must be present and non-null (default `true`)
 * @returns a frozen {@link Property}
 * @throws SchemaError `INVALID_SCHEMA` when `name` is not a string or `type` not a type
 */
export function property(name: string, type: ColType, required = true): Property {
  if (typeof name !== "string") throw new SchemaError("INVALID_SCHEMA", "Expected property name to be a string");
  return built({ name, type: normalizeColType(type), required: required !== false });
}

/**
 * `Object(properties)`; the properties are sorted by name in code-point order, as MLflow sorts them.
 * @param properties - a list of {@link Property} or a record `name -> type` (all required)
 * @returns a frozen {@link ObjectType}
 * @throws SchemaError `INVALID_SCHEMA` when empty or when two properties share a name
 * @example objectOf({ role: "string", content: "string" })
 */
export function objectOf(properties: readonly Property[] | Readonly<Record<string, ColType>>): ObjectType {
  const list: Property[] = Array.isArray(properties)
    ? Array.from(properties, (p: Property) => (BUILT.has(p) ? p : property(p?.name, p?.type, p?.required)))
    : Object.keys(properties).map((k) => property(k, (properties as Record<string, ColType>)[k] as ColType));
  if (list.length === 0) {
    throw new SchemaError("INVALID_SCHEMA", "Creating Object with empty properties is not allowed.");
  }
  list.sort((a, b) => compareCodePoints(a.name, b.name));
  for (let i = 1; i < list.length; i++) {
    if (list[i]?.name === list[i - 1]?.name) {
      throw new SchemaError("INVALID_SCHEMA", `Found duplicated property names: {'${list[i]?.name}'}`);
    }
  }
  return built({ type: "object", properties: Object.freeze(list) });
}

/**
 * A column spec.
 * @param type - the column type
 * @param options - `name` (omit for unnamed schemas) and `required` (default `true`)
 * @returns a frozen {@link ColSpec}
 * @throws SchemaError `INVALID_SCHEMA` when `type` is not a type or `name` not a string
 * @example colSpec("double", { name: "x" })
 */
export function colSpec(type: ColType, options: { name?: string; required?: boolean } = {}): ColSpec {
  const t = normalizeColType(type);
  const { name, required = true } = options;
  if (name !== undefined && typeof name !== "string") {
    throw new SchemaError("INVALID_SCHEMA", "Expected column name to be a string");
  }
  const spec: ColSpec =
    name === undefined
      ? { kind: "column", type: t, required: required !== false }
      : { kind: "column", type: t, name, required: required !== false };
  return built(spec);
}

/**
 * A tensor spec.
 * @param dtype - a numpy dtype name such as `float32` (sized flexible types like `<U16` are rejected, as MLflow does)
 * @param shape - the shape, `-1` for variable axes
 * @param name - the tensor name (omit for a single unnamed tensor)
 * @returns a frozen {@link TensorSpec}
 * @throws SchemaError `INVALID_SCHEMA` on an unknown dtype or a shape that is not a list of integers >= -1
 * @example tensorSpec("float32", [-1, 28, 28])
 */
export function tensorSpec(dtype: TensorDType, shape: readonly number[], name?: string): TensorSpec {
  const clean = normalizeTensorDType(dtype);
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= -1)) {
    throw new SchemaError(
      "INVALID_SCHEMA",
      `Expected tensor shape to be a list of integers >= -1, got ${describe(shape)}`,
    );
  }
  if (name !== undefined && typeof name !== "string") {
    throw new SchemaError("INVALID_SCHEMA", "Expected tensor name to be a string");
  }
  const frozenShape = Object.freeze([...shape]);
  const spec: TensorSpec =
    name === undefined
      ? { kind: "tensor", dtype: clean, shape: frozenShape }
      : { kind: "tensor", dtype: clean, shape: frozenShape, name };
  return built(spec);
}

const FIXED_DTYPES: ReadonlySet<string> = new Set([
  "bool",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "float16",
  "float32",
  "float64",
  "float128",
  "complex64",
  "complex128",
  "str",
  "bytes",
  "object",
]);
const TIME_DTYPE = /^(datetime64|timedelta64)(\[(Y|M|W|D|h|m|s|ms|us|ns|ps|fs|as)\])?$/;

/**
 * Validates a numpy dtype name and returns the name MLflow writes (`<U16` style sized names are an
 * error, as in MLflow; the aliases `str_`/`unicode`/`bytes_` become `str`/`bytes`).
 * @throws SchemaError `INVALID_SCHEMA` for names numpy would not accept here
 */
export function normalizeTensorDType(dtype: unknown): TensorDType {
  if (typeof dtype !== "string")
    throw new SchemaError("INVALID_SCHEMA", `Expected dtype to be a string, got ${describe(dtype)}`);
  const alias: Record<string, string> = {
    str_: "str",
    unicode: "str",
    bytes_: "bytes",
    bool_: "bool",
    object_: "object",
  };
  const name = alias[dtype] ?? dtype;
  if (FIXED_DTYPES.has(name) || TIME_DTYPE.test(name)) return name;
  if (/^[<>|=]?[US]\d+$/.test(name)) {
    throw new SchemaError(
      "INVALID_SCHEMA",
      `MLflow does not support size information in flexible numpy data types. Use np.dtype("${name.includes("U") ? "str" : "bytes"}") instead`,
    );
  }
  throw new SchemaError("INVALID_SCHEMA", `Unsupported tensor dtype '${dtype.slice(0, 64)}'`);
}

/** The numpy dtype -> DataType mapping (`_infer_numpy_dtype`). */
export function dataTypeOfDType(dtype: TensorDType): DataType {
  switch (dtype) {
    case "bool":
      return "boolean";
    case "int8":
    case "int16":
    case "int32":
    case "uint8":
    case "uint16":
      return "integer";
    case "int64":
    case "uint32":
      return "long";
    case "float16":
    case "float32":
      return "float";
    case "float64":
      return "double";
    case "str":
      return "string";
    case "bytes":
      return "binary";
    default:
      if (dtype.startsWith("datetime64")) return "datetime";
      throw new SchemaError("UNSUPPORTED_TYPE", `Unsupported numpy data type '${dtype}'`);
  }
}

/** Compares strings by Unicode code point, the order Python's `sorted` gives (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (0xD800-0xDFFF) encode code points above 0xFFFF, which sort after 0xE000-0xFFFF.
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

/** `true` when two types are equal (MLflow `__eq__`). */
export function typesEqual(a: ColType, b: ColType): boolean {
  if (a === b) return true;
  if (typeof a === "string" || typeof b === "string") return false;
  switch (a.type) {
    case "any":
    case "sparkml_vector":
      return b.type === a.type;
    case "array":
      return b.type === "array" && typesEqual(a.items, b.items);
    case "map":
      return b.type === "map" && typesEqual(a.values, b.values);
    case "object": {
      if (b.type !== "object" || a.properties.length !== b.properties.length) return false;
      for (let i = 0; i < a.properties.length; i++) {
        const p = a.properties[i] as Property;
        const q = b.properties[i] as Property;
        if (p.name !== q.name || p.required !== q.required || !typesEqual(p.type, q.type)) return false;
      }
      return true;
    }
  }
}

/** `true` when two specs are equal (name, type or dtype/shape, requiredness). */
export function specsEqual(a: InputSpec, b: InputSpec): boolean {
  if (a.kind !== b.kind || a.name !== b.name) return false;
  if (a.kind === "tensor") {
    const t = b as TensorSpec;
    return a.dtype === t.dtype && a.shape.length === t.shape.length && a.shape.every((d, i) => d === t.shape[i]);
  }
  const c = b as ColSpec;
  return a.required === c.required && typesEqual(a.type, c.type);
}

/** Hand-built type objects are walked at most this deep (they could be cyclic). */
const MAX_TYPE_DEPTH = 1000;

/**
 * Validates a type and returns it as the builders make it (frozen, object properties sorted);
 * types made by the builders are returned as they are.
 * @throws SchemaError `INVALID_SCHEMA` when `t` is not a type, `MAX_DEPTH_EXCEEDED` when absurdly deep
 */
export function normalizeColType(t: unknown, depth = 0): ColType {
  if (isDataType(t)) return t;
  if (typeof t === "object" && t !== null) {
    if (BUILT.has(t)) return t as ColType;
    if (depth > MAX_TYPE_DEPTH) throw new SchemaError("MAX_DEPTH_EXCEEDED", "Type nesting is too deep");
    const o = t as { type?: unknown; items?: unknown; values?: unknown; properties?: unknown };
    switch (o.type) {
      case "any":
        return ANY;
      case "sparkml_vector":
        return SPARKML_VECTOR;
      case "array":
        return arrayOf(normalizeColType(o.items, depth + 1));
      case "map":
        return mapOf(normalizeColType(o.values, depth + 1));
      case "object":
        if (Array.isArray(o.properties)) {
          return objectOf(
            Array.from(o.properties as Property[], (p) =>
              property(p?.name, normalizeColType(p?.type, depth + 1), p?.required !== false),
            ),
          );
        }
    }
  }
  throw new SchemaError(
    "INVALID_SCHEMA",
    `Unsupported type ${describe(t)}, expected one of ${DATA_TYPES.join(", ")} or an array/object/map/any type`,
  );
}

/** A short, bounded description of a value for error messages (never the whole value). */
export function describe(x: unknown): string {
  try {
    return describeUnsafe(x);
  } catch {
    return "a value that cannot be inspected";
  }
}

function describeUnsafe(x: unknown): string {
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (typeof x === "string") return x.length > 40 ? `'${x.slice(0, 40)}…' (string of length ${x.length})` : `'${x}'`;
  if (typeof x === "number" || typeof x === "boolean") return String(x);
  if (typeof x === "bigint") return `${x}n`;
  if (typeof x === "symbol") return "a symbol";
  if (typeof x === "function") return "a function";
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  const ctor = (x as object).constructor;
  const name = typeof ctor === "function" && typeof ctor.name === "string" && ctor.name ? ctor.name : "Object";
  return name === "Object" ? "an object" : `a ${name}`;
}
