/**
 * Schema inference with MLflow's semantics (`_infer_schema`, `_infer_datatype`, `_infer_param_schema`
 * in `mlflow/types/utils.py`, MLflow 2.x-3.x) for the data JavaScript users have:
 *
 * - `[]` -> one unnamed `string` column (MLflow's back-compat rule)
 * - an array of plain objects (records) -> one named column per key, in first-seen order; a key that
 *   is missing or null in some record makes the column optional
 * - any other array -> one unnamed column typed by its elements (`["a", "b"]` is `string`)
 * - a plain object -> one named column per key (`{"a": [1, 2]}` is one row whose `a` is `array<long>`);
 *   an object whose values are all tensors (typed arrays, `NDArray`s, duck-typed tensors) -> named tensors
 * - a {@link Frame} -> one column per frame column (pandas DataFrame semantics)
 * - a typed array, `NDArray` or duck-typed tensor -> one unnamed tensor, first axis `-1`
 * - a scalar -> one unnamed column; `null` -> `any`
 *
 * Nested plain objects become `object` types (properties sorted by name, merged across list items,
 * keys missing on one side optional); nested arrays become `array` types; empty arrays, empty objects,
 * `null`, `NaN` and invalid Dates are `any`. Values of different types in one list are an error.
 *
 * JavaScript numbers: integers -> `long`, others -> `double`, unless `integerType`/`fractionType` or a
 * per-column hint says otherwise; a typed array fixes the width (`Int32Array` -> `integer`).
 * Deliberate departures from MLflow, all in the lenient direction where JS cannot express Python's
 * distinction: integers and fractions in one list widen to `double` (JS cannot write `2.0`); a null
 * that precedes or follows a value in an object property makes it optional in either order (MLflow
 * raises when the null comes second); typed arrays of any width are accepted inside records (MLflow
 * rejects numpy int8/int16 scalars there).
 */
import { isDate } from "./datetime.js";
import { SchemaError } from "./errors.js";
import { type Frame, isFrame } from "./frame.js";
import { ParamSchema, type ParamSpec, type ParamType, paramSpec, Schema } from "./schema.js";
import { DEFAULT_MAX_DEPTH, isNDArray, NDArray, ndarray, tensorInfo } from "./tensor.js";
import {
  ANY,
  type AnyType,
  arrayOf,
  type ColSpec,
  type ColType,
  colSpec,
  type DataType,
  dataTypeOfDType,
  describe,
  type InputSpec,
  objectOf,
  property,
  type TensorDType,
  type TensorSpec,
  tensorSpec,
} from "./types.js";
import { isBytes, isMissing, isNumericVector, isPlainObject, isTensorLike, typedArrayDType } from "./values.js";

/** A DataType for JavaScript numbers. */
export type NumberType = "integer" | "long" | "float" | "double";

/** Options of {@link inferSchema}, {@link inferParamSchema} and {@link InferSigner}. */
export interface InferOptions {
  /** DataType of JS numbers that are integers (default {@link DEFAULT_INTEGER_TYPE}, `long`). */
  integerType?: NumberType;
  /** DataType of JS numbers with a fraction (default {@link DEFAULT_FRACTION_TYPE}, `double`). */
  fractionType?: "float" | "double";
  /** Per top-level column (or parameter) name: the DataType of the JS numbers in it, e.g. `{ age: "integer" }`. */
  hints?: Readonly<Record<string, NumberType>>;
  /**
   * How to read plain nested arrays of numbers: `"list"` (default, MLflow's Python-list semantics:
   * `[[1, 2]]` is a column of `array<long>`) or `"tensor"` (as `np.array`: a tensor of shape `[-1, 2]`).
   */
  numericArrays?: "list" | "tensor";
  /** Bound on nesting depth (default {@link DEFAULT_MAX_DEPTH}); deeper data, and cycles, are an error. */
  maxDepth?: number;
}

/** Default DataType of integral JS numbers (MLflow: Python `int` -> `long`). */
export const DEFAULT_INTEGER_TYPE: NumberType = "long";
/** Default DataType of fractional JS numbers (MLflow: Python `float` -> `double`). */
export const DEFAULT_FRACTION_TYPE: "float" | "double" = "double";

// -------------------------------------------------------------------------------------------------
// Internal types: ColType with three provisional number kinds, fixed by `finalize` once the whole
// column is seen (JS numbers do not say whether they are ints or floats, or how wide).

const I32 = "#i32";
const I64 = "#i64";
const F64 = "#f64";
type NumKind = typeof I32 | typeof I64 | typeof F64;
type IScalar = DataType | NumKind;
interface IArray {
  readonly type: "array";
  readonly items: IType;
}
interface IProp {
  readonly type: IType;
  readonly required: boolean;
}
interface IObject {
  readonly type: "object";
  readonly props: ReadonlyMap<string, IProp>;
  readonly requiredCount: number;
}
type IType = IScalar | IArray | IObject | AnyType;

const NUM_RANK: Readonly<Record<string, number>> = { [I32]: 1, [I64]: 2, [F64]: 3 };
const INT32_LIMIT = 2 ** 31;
const INT64_LIMIT = 2 ** 63;

function numKind(v: number): NumKind {
  if (!Number.isInteger(v)) return F64;
  if (v >= -INT32_LIMIT && v < INT32_LIMIT) return I32;
  return v >= -INT64_LIMIT && v < INT64_LIMIT ? I64 : F64;
}

function makeObject(props: Map<string, IProp>): IObject {
  let requiredCount = 0;
  for (const p of props.values()) if (p.required) requiredCount++;
  return { type: "object", props, requiredCount };
}

const MULTIPLE_TYPES_MESSAGE =
  "Expected all values in the list to be of the same type. To specify a model signature with a list containing elements of multiple types, define the signature manually using the Array(AnyType()) type from mlflow.models.schema.";

interface Ctx {
  readonly maxDepth: number;
  /** `false` only in tests: every value goes through the exact (slow) path. */
  readonly fastPath: boolean;
}

/** `_infer_datatype`: the type of one value. */
function typeOf(v: unknown, ctx: Ctx, depth: number, path: string): IType {
  switch (typeof v) {
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "number":
      return Number.isNaN(v) ? ANY : numKind(v);
    case "bigint":
      if (v >= -(2n ** 63n) && v < 2n ** 63n) return "long";
      throw new SchemaError("UNSUPPORTED_TYPE", `Integer ${describe(v)} does not fit a long (int64)`, { path });
    case "undefined":
      return ANY;
    case "object":
      break;
    default:
      throw new SchemaError("UNSUPPORTED_TYPE", `Data ${describe(v)} is not one of the supported DataType`, { path });
  }
  if (v === null) return ANY;
  if (depth >= ctx.maxDepth) {
    throw new SchemaError("MAX_DEPTH_EXCEEDED", `Data nested deeper than maxDepth=${ctx.maxDepth} (or cyclic)`, {
      path,
    });
  }
  if (Array.isArray(v)) return v.length === 0 ? ANY : { type: "array", items: foldElements(v, ctx, depth + 1, path) };
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return ANY;
    const props = new Map<string, IProp>();
    for (const k of keys) {
      const t = typeOf(v[k], ctx, depth + 1, `${path}/${k}`);
      props.set(k, { type: t, required: t !== ANY });
    }
    return makeObject(props);
  }
  if (isBytes(v)) return "binary";
  if (isDate(v)) return Number.isNaN(v.getTime()) ? ANY : "datetime";
  const info = tensorInfo(v);
  if (info !== undefined) {
    if (info.dtype === "object" && isNDArray(v)) {
      // An object array (e.g. ragged): typed by its elements, like a list.
      return v.data.length === 0 ? ANY : { type: "array", items: foldElements(v.data, ctx, depth + 1, path) };
    }
    let t: IType = dataTypeOfDType(info.dtype);
    for (let axis = info.shape.length - 1; axis >= 0; axis--) t = { type: "array", items: t };
    return t;
  }
  if (isFrame(v)) throw new SchemaError("INVALID_INPUT", "A Frame cannot be nested inside other data", { path });
  throw new SchemaError(
    "UNSUPPORTED_TYPE",
    `Data ${describe(v)} is not one of the supported DataType (use plain objects, arrays, strings, numbers, booleans, Date, Uint8Array, typed arrays)`,
    { path },
  );
}

/** `_infer_array_datatype`: the common type of the elements of a non-empty list. */
function foldElements(items: ArrayLike<unknown>, ctx: Ctx, depth: number, path: string): IType {
  let acc: IType | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (acc !== undefined && ctx.fastPath && fits(item, acc, ctx, depth)) continue;
    const t = typeOf(item, ctx, depth, `${path}/${i}`);
    acc = acc === undefined ? t : mergeOrThrow(acc, t, `${path}/${i}`);
  }
  return acc ?? ANY;
}

function mergeOrThrow(a: IType, b: IType, path: string): IType {
  const m = merge(a, b);
  if (m === undefined) throw new SchemaError("MULTIPLE_TYPES", MULTIPLE_TYPES_MESSAGE, { path });
  return m;
}

/** MLflow's `_merge`, made symmetric for `any`; `undefined` when the types conflict. */
function merge(a: IType, b: IType): IType | undefined {
  if (a === b) return a;
  if (b === ANY) return withAny(a);
  if (a === ANY) return withAny(b);
  if (typeof a === "string" || typeof b === "string") {
    if (typeof a !== "string" || typeof b !== "string") return undefined;
    return mergeScalars(a, b);
  }
  if (a.type === "array" && b.type === "array") {
    const items = merge(a.items, b.items);
    return items === undefined ? undefined : items === a.items ? a : { type: "array", items };
  }
  if (a.type === "object" && b.type === "object") return mergeObjects(a, b);
  return undefined;
}

/** Merging with `any` keeps the type; an object's properties all become optional (MLflow `Object._merge(AnyType)`). */
function withAny(t: IType): IType {
  if (typeof t === "object" && t.type === "object" && t.requiredCount > 0) {
    const props = new Map<string, IProp>();
    for (const [k, p] of t.props) props.set(k, p.required ? { type: p.type, required: false } : p);
    return makeObject(props);
  }
  return t;
}

function mergeScalars(a: IScalar, b: IScalar): IScalar | undefined {
  if (a === b) return a;
  const ra = NUM_RANK[a];
  const rb = NUM_RANK[b];
  if (ra !== undefined && rb !== undefined) return ra >= rb ? a : b;
  // JS numbers next to a fixed-width value: integers join `long`, any number joins `double`.
  const fixed = ra === undefined ? a : b;
  const num = ra === undefined ? b : a;
  if (NUM_RANK[num] === undefined) return undefined;
  if (fixed === "double") return "double";
  if (fixed === "long" && num !== F64) return "long";
  return undefined;
}

function mergeObjects(a: IObject, b: IObject): IObject | undefined {
  const props = new Map<string, IProp>();
  let changed = false;
  for (const [k, p] of a.props) {
    const q = b.props.get(k);
    if (q === undefined) {
      props.set(k, p.required ? { type: p.type, required: false } : p);
      changed ||= p.required;
      continue;
    }
    const type = merge(p.type, q.type);
    if (type === undefined) return undefined;
    const required = p.required && q.required;
    if (type === p.type && required === p.required) props.set(k, p);
    else {
      props.set(k, { type, required });
      changed = true;
    }
  }
  for (const [k, q] of b.props) {
    if (a.props.has(k)) continue;
    props.set(k, q.required ? { type: q.type, required: false } : q);
    changed = true;
  }
  return changed ? makeObject(props) : a;
}

function isAnyLike(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "number") return Number.isNaN(v);
  if (Array.isArray(v)) return v.length === 0;
  if (isPlainObject(v)) {
    for (const _ in v) if (Object.hasOwn(v, _)) return false;
    return true;
  }
  return isDate(v) && Number.isNaN(v.getTime());
}

/**
 * `true` when merging `t` with the type of `v` would give `t` back: the fast path that lets
 * inference skip building a type per value. May answer `false` when unsure (the slow path is exact).
 */
function fits(v: unknown, t: IType, ctx: Ctx, depth: number): boolean {
  switch (typeof v) {
    case "string":
      return t === "string";
    case "boolean":
      return t === "boolean";
    case "number": {
      if (Number.isNaN(v)) break;
      if (t === "double" || t === F64) return true;
      if (!Number.isInteger(v)) return false;
      if (t === I64 || t === "long") return v >= -INT64_LIMIT && v < INT64_LIMIT;
      return t === I32 && v >= -INT32_LIMIT && v < INT32_LIMIT;
    }
    case "object":
      if (v === null) break;
      if (depth >= ctx.maxDepth) return false;
      if (Array.isArray(v)) {
        if (v.length === 0) break;
        if (typeof t !== "object" || t.type !== "array") return false;
        for (let i = 0; i < v.length; i++) if (!fits(v[i], t.items, ctx, depth + 1)) return false;
        return true;
      }
      if (isPlainObject(v)) return typeof t === "object" && t.type === "object" && fitsObject(v, t, ctx, depth);
      return false;
    case "undefined":
      break;
    default:
      return false;
  }
  // A null-like value has type `any`: it changes only an object type with required properties.
  return !(typeof t === "object" && t.type === "object" && t.requiredCount > 0);
}

function fitsObject(v: Record<string, unknown>, t: IObject, ctx: Ctx, depth: number): boolean {
  let requiredSeen = 0;
  let keys = 0;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    keys++;
    const p = t.props.get(k);
    if (p === undefined) return false;
    const x = v[k];
    if (isAnyLike(x)) {
      // A property whose value is null-like becomes optional (and an object type loses its required properties).
      if (p.required) return false;
      if (typeof p.type === "object" && p.type.type === "object" && p.type.requiredCount > 0) return false;
      continue;
    }
    if (p.type === ANY || !fits(x, p.type, ctx, depth + 1)) return false;
    if (p.required) requiredSeen++;
  }
  return keys > 0 && requiredSeen === t.requiredCount;
}

// -------------------------------------------------------------------------------------------------
// Finalisation: provisional number kinds -> DataTypes, object properties sorted.

interface NumberPolicy {
  readonly integer: NumberType;
  readonly fraction: NumberType;
  readonly hinted: boolean;
}

function policyFor(options: InferOptions, name: string | undefined): NumberPolicy {
  const hint =
    name !== undefined && options.hints !== undefined && Object.hasOwn(options.hints, name)
      ? options.hints[name]
      : undefined;
  if (hint !== undefined) {
    if (!["integer", "long", "float", "double"].includes(hint)) {
      throw new SchemaError("HINT_MISMATCH", `Unknown number hint ${describe(hint)} for '${name}'`);
    }
    return { integer: hint, fraction: hint, hinted: true };
  }
  return {
    integer: options.integerType ?? DEFAULT_INTEGER_TYPE,
    fraction: options.fractionType ?? DEFAULT_FRACTION_TYPE,
    hinted: false,
  };
}

function finalize(t: IType, policy: NumberPolicy, where: string): ColType {
  if (typeof t === "string") {
    if (t === I32) return policy.integer;
    if (t === I64) {
      if (policy.integer === "integer") {
        throw new SchemaError(
          "HINT_MISMATCH",
          `${where} holds integers outside the 32-bit range, which do not fit type integer`,
        );
      }
      return policy.integer;
    }
    if (t === F64) {
      if (policy.fraction === "integer" || policy.fraction === "long") {
        throw new SchemaError(
          "HINT_MISMATCH",
          `${where} holds numbers with a fraction (or beyond 64 bits), which do not fit type ${policy.fraction}`,
        );
      }
      return policy.fraction;
    }
    return t;
  }
  switch (t.type) {
    case "any":
      return ANY;
    case "array":
      return arrayOf(finalize(t.items, policy, where));
    case "object":
      return objectOf([...t.props].map(([k, p]) => property(k, finalize(p.type, policy, where), p.required)));
  }
}

// -------------------------------------------------------------------------------------------------
// Top-level dispatch (`_infer_schema`).

/** `inferSchema` without logging (see signer.ts for the public, documented entry point). */
export function inferSchemaImpl(data: unknown, options: InferOptions = {}, fastPath = true): Schema {
  const ctx: Ctx = { maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, fastPath };
  const tensor = tensorInput(data, options, ctx);
  if (tensor !== undefined) return new Schema([tensorSpecOf(tensor, undefined)]);
  if (Array.isArray(data)) {
    if (data.length === 0) return new Schema([colSpec("string")]);
    if (allRecords(data)) return inferRecords(data, options, ctx);
    const t = foldElements(data, ctx, 1, "");
    return new Schema([colSpec(finalize(t, policyFor(options, undefined), "the input"))]);
  }
  if (isFrame(data)) return inferFrame(data, options, ctx);
  if (isPlainObject(data)) return inferDict(data, options, ctx);
  const t = typeOf(data, ctx, 0, "");
  return new Schema([colSpec(finalize(t, policyFor(options, undefined), "the input"))]);
}

function allRecords(data: readonly unknown[]): boolean {
  for (let i = 0; i < data.length; i++) if (!isPlainObject(data[i]) || isTensorLike(data[i])) return false;
  return true;
}

/** A value to read as one tensor: typed array, NDArray, duck-typed tensor, or (with `numericArrays: "tensor"`) nested numbers. */
function tensorInput(
  v: unknown,
  options: InferOptions,
  ctx: Ctx,
): { dtype: TensorDType; shape: readonly number[] } | undefined {
  const info = tensorInfo(v);
  if (info !== undefined) return info;
  if (options.numericArrays === "tensor" && Array.isArray(v) && v.length > 0 && isNumericNested(v, ctx.maxDepth)) {
    const a = ndarray(v, { maxDepth: ctx.maxDepth });
    return { dtype: a.dtype, shape: a.shape };
  }
  return undefined;
}

function isNumericNested(v: readonly unknown[], maxDepth: number, depth = 0): boolean {
  if (depth >= maxDepth)
    throw new SchemaError("MAX_DEPTH_EXCEEDED", `Data nested deeper than maxDepth=${maxDepth} (or cyclic)`);
  for (const x of v) {
    if (Array.isArray(x)) {
      if (!isNumericNested(x, maxDepth, depth + 1)) return false;
    } else if (typeof x !== "number" && typeof x !== "boolean" && typeof x !== "bigint") return false;
  }
  return true;
}

function tensorSpecOf(info: { dtype: TensorDType; shape: readonly number[] }, name: string | undefined): TensorSpec {
  if (info.shape.length === 0) {
    throw new SchemaError(
      "INVALID_INPUT",
      `The specified variable_dimension 0 is out of bounds with respect to the number of dimensions 0 in the input dataset${name ? ` '${name}'` : ""}`,
    );
  }
  return tensorSpec(info.dtype, [-1, ...info.shape.slice(1)], name);
}

interface ColumnState {
  readonly name: string;
  type: IType | undefined;
  present: number;
  nonNull: number;
}

function inferRecords(rows: readonly unknown[], options: InferOptions, ctx: Ctx): Schema {
  const columns = new Map<string, ColumnState>();
  const order: ColumnState[] = [];
  // `for...in` is much faster than Object.keys per row; it is exact unless Object.prototype has
  // enumerable properties (prototype pollution), in which case every key is checked with hasOwn.
  let polluted = false;
  for (const _ in {}) polluted = true;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Record<string, unknown>;
    let i = 0;
    for (const k in row) {
      if (polluted && !Object.hasOwn(row, k)) continue;
      // Rows usually share key order: try the column at the same position first.
      let col = order[i];
      if (col === undefined || col.name !== k) {
        col = columns.get(k);
        if (col === undefined) {
          col = { name: k, type: undefined, present: 0, nonNull: 0 };
          columns.set(k, col);
          order.push(col);
        }
      }
      i++;
      col.present++;
      const v = row[k];
      if (v !== null && v !== undefined) col.nonNull++;
      const t = col.type;
      if (t !== undefined && ctx.fastPath && fits(v, t, ctx, 1)) continue;
      const vt = typeOf(v, ctx, 1, `/${r}/${k}`);
      col.type = t === undefined ? vt : mergeOrThrow(t, vt, `/${r}/${k}`);
    }
  }
  if (order.length === 0) throw new SchemaError("INVALID_SCHEMA", "Creating Schema with empty inputs is not allowed.");
  // Key order: MLflow keeps first-seen order across rows (`defaultdict` insertion order).
  const specs = order.map((c) =>
    colSpec(finalize(c.type ?? ANY, policyFor(options, c.name), `column '${c.name}'`), {
      name: c.name,
      required: c.nonNull === rows.length,
    }),
  );
  return new Schema(specs);
}

function inferDict(data: Record<string, unknown>, options: InferOptions, ctx: Ctx): Schema {
  const keys = Object.keys(data);
  if (keys.length === 0) throw new SchemaError("INVALID_SCHEMA", "Creating Schema with empty inputs is not allowed.");
  // A dict of ndarrays (or, with numericArrays "tensor", of numeric arrays) is a set of named tensors.
  const tensors = keys.map((k) => tensorInput(data[k], options, ctx));
  if (tensors.every((t) => t !== undefined)) {
    return new Schema(keys.map((k, i) => tensorSpecOf(tensors[i] as { dtype: string; shape: number[] }, k)));
  }
  const specs: InputSpec[] = keys.map((k) => {
    const v = data[k];
    const t = typeOf(v, ctx, 1, `/${k}`);
    const required = Array.isArray(v) ? !v.some(isNoneOrNaN) : !isNoneOrNaN(v);
    return colSpec(finalize(t, policyFor(options, k), `column '${k}'`), { name: k, required });
  });
  return new Schema(specs);
}

function isNoneOrNaN(v: unknown): boolean {
  return isMissing(v);
}

function inferFrame(f: Frame, options: InferOptions, ctx: Ctx): Schema {
  if (f.columns.length === 0)
    throw new SchemaError("INVALID_SCHEMA", "Creating Schema with empty inputs is not allowed.");
  const specs: ColSpec[] = f.columns.map((name) => {
    const values = f.get(name)!;
    const dtype = typedArrayDType(values);
    if (dtype !== undefined) {
      let type: DataType;
      try {
        type = dataTypeOfDType(dtype);
      } catch (e) {
        throw new SchemaError((e as SchemaError).code, (e as SchemaError).message, { name, path: `/${name}` });
      }
      // A float column with NaN is optional (pandas `_infer_required`).
      const arr = values as ArrayLike<number>;
      let required = true;
      if (type === "float" || type === "double")
        for (let i = 0; i < arr.length && required; i++) if (Number.isNaN(arr[i])) required = false;
      return colSpec(type, { name, required });
    }
    const list = values as readonly unknown[];
    const t = list.length === 0 ? ANY : foldElements(list, ctx, 1, `/${name}`);
    return colSpec(finalize(t, policyFor(options, name), `column '${name}'`), {
      name,
      required: !list.some(isNoneOrNaN),
    });
  });
  return new Schema(specs);
}

// -------------------------------------------------------------------------------------------------
// Parameters (`_infer_param_schema`).

/** `inferParamSchema` without logging. */
export function inferParamSchemaImpl(params: unknown, options: InferOptions = {}): ParamSchema {
  if (!isPlainObject(params)) {
    throw new SchemaError("INVALID_PARAM", `Expected parameters to be dict, got ${describe(params)}`);
  }
  const ctx: Ctx = { maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, fastPath: true };
  const specs: ParamSpec[] = [];
  const invalid: string[] = [];
  for (const name of Object.keys(params)) {
    try {
      specs.push(inferParam(name, params[name], options, ctx));
    } catch (e) {
      if (!(e instanceof SchemaError)) throw e;
      invalid.push(`'${name}': ${e.message}`);
    }
  }
  if (invalid.length > 0) {
    throw new SchemaError("INVALID_PARAM", `Failed to infer schema for parameters: ${invalid.join("; ")}`);
  }
  return new ParamSchema(specs);
}

function inferParam(name: string, value: unknown, options: InferOptions, ctx: Ctx): ParamSpec {
  const policy = policyFor(options, name);
  const where = `parameter '${name}'`;
  if (isBytes(value)) throw new SchemaError("INVALID_PARAM", "Binary type is not supported for parameters");
  const list = isNumericVector(value) ? value : isNDArray(value) ? value : Array.isArray(value) ? value : undefined;
  if (list !== undefined) {
    if (list instanceof NDArray && list.ndim !== 1) {
      throw new SchemaError("INVALID_PARAM", `Expected parameters to be 1D array or scalar, got ${list.ndim}D array`);
    }
    const dtype = list instanceof NDArray ? list.dtype : typedArrayDType(list);
    const items = Array.from((list instanceof NDArray ? list.data : list) as ArrayLike<unknown>);
    let type: ParamType;
    if (dtype !== undefined && dtype !== "object") {
      type = dataTypeOfDType(dtype) as ParamType;
    } else {
      if (items.some((x) => Array.isArray(x) || isNumericVector(x) || isNDArray(x))) {
        throw new SchemaError(
          "INVALID_PARAM",
          `Expected parameters to be 1D array or scalar, got ${depthOf(items, ctx.maxDepth)}D array`,
        );
      }
      type = listParamType(items, policy, where);
    }
    if (type === ("binary" as ParamType))
      throw new SchemaError("INVALID_PARAM", "Binary type is not supported for parameters");
    const defaults =
      type === "float" && dtype !== "float32" ? items.map((x) => (typeof x === "number" ? Math.fround(x) : x)) : items;
    return paramSpec(name, type, defaults, [-1]);
  }
  if (isDate(value)) return paramSpec(name, "datetime", value);
  if (isPlainObject(value)) {
    const t = typeOf(value, ctx, 1, `/${name}`);
    if (typeof t !== "object" || t.type !== "object") {
      throw new SchemaError(
        "INVALID_PARAM",
        `'dtype' must be DataType, Object or str, got ${t === ANY ? "Any" : String(t)}`,
      );
    }
    return paramSpec(name, finalize(t, policy, where) as ParamType, value);
  }
  if (value === null || value === undefined) {
    throw new SchemaError("INVALID_PARAM", "Expected parameters to be 1D array or scalar, got NoneType");
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new SchemaError("INVALID_PARAM", `${value} cannot be written to JSON as a default`);
  }
  if (
    typeof value !== "string" &&
    typeof value !== "number" &&
    typeof value !== "boolean" &&
    typeof value !== "bigint"
  ) {
    throw new SchemaError("INVALID_PARAM", `Expected parameters to be 1D array or scalar, got ${describe(value)}`);
  }
  const t = finalize(typeOf(value, ctx, 1, `/${name}`), policy, where) as ParamType;
  return paramSpec(name, t, t === "float" && typeof value === "number" ? Math.fround(value) : value);
}

/** numpy's dtype for a Python list of scalars, restricted to the cases MLflow then accepts. */
function listParamType(items: readonly unknown[], policy: NumberPolicy, where: string): ParamType {
  if (items.length === 0) return "double"; // np.array([]).dtype is float64
  if (items.every(isDate)) return "datetime";
  if (items.every((x) => typeof x === "string")) return "string";
  if (items.every((x) => typeof x === "boolean")) return "boolean";
  if (items.every((x) => typeof x === "number" || typeof x === "bigint")) {
    let kind: IScalar = I32;
    for (const x of items) {
      if (typeof x === "number" && !Number.isFinite(x))
        throw new SchemaError("INVALID_PARAM", `${x} cannot be written to JSON as a default`);
      const k: IScalar = typeof x === "bigint" ? "long" : numKind(x as number);
      kind = mergeScalars(kind, k) ?? kind;
    }
    return finalize(kind, policy, where) as ParamType;
  }
  throw new SchemaError("INVALID_PARAM", `Failed to infer schema for ${where}: values of different types in one list`);
}

function depthOf(items: readonly unknown[], maxDepth: number, depth = 1): number {
  if (depth >= maxDepth)
    throw new SchemaError("MAX_DEPTH_EXCEEDED", `Data nested deeper than maxDepth=${maxDepth} (or cyclic)`);
  let d = depth;
  for (const x of items) if (Array.isArray(x)) d = Math.max(d, depthOf(x, maxDepth, depth + 1));
  return d;
}
