/**
 * `NDArray`: the JavaScript stand-in for a numpy array, so that tensor signatures can be inferred and
 * enforced without a tensor library. Built from a typed array (its element type fixes the dtype) or
 * from nested arrays (dtype inferred as numpy's `np.array` would: all integers -> `int64`, any
 * fraction -> `float64`, booleans -> `bool`, strings -> `str`, `Uint8Array` -> `bytes`, `Date` ->
 * `datetime64[ms]`, ragged or mixed -> `object` with shape `[n]`).
 */
import { isDate } from "./datetime.js";
import { SchemaError } from "./errors.js";
import { describe, normalizeTensorDType, type TensorDType } from "./types.js";
import { isBytes, isNumericVector, isTensorLike, type TypedArray, tensorLikeDType, typedArrayDType } from "./values.js";

/** The default bound on nesting depth for every walk over caller data. */
export const DEFAULT_MAX_DEPTH = 64;

/** Options of {@link ndarray}. */
export interface NDArrayOptions {
  /** The numpy dtype to store (values are checked and converted); inferred from the data when absent. */
  dtype?: TensorDType;
  /** The shape, for a flat typed array that holds a multi-dimensional tensor (the product must equal its length). */
  shape?: readonly number[];
  /** Nesting bound for nested arrays (default {@link DEFAULT_MAX_DEPTH}). */
  maxDepth?: number;
}

/**
 * An n-dimensional array: a dtype, a shape and the elements in row-major order. Numeric dtypes keep
 * their elements in a typed array; `bool`, `str`, `bytes`, `datetime64[...]` and `object` in a plain
 * array. An `object` array of shape `[n]` holds arbitrary (e.g. ragged) elements.
 */
export class NDArray {
  /** The numpy dtype name, e.g. `float32`. */
  readonly dtype: TensorDType;
  /** The shape; `[]` for a 0-d (scalar) array. */
  readonly shape: readonly number[];
  /** The elements in row-major order. */
  readonly data: TypedArray | readonly unknown[];

  /**
   * Prefer {@link ndarray}, which infers dtype and shape. This constructor only checks that the
   * element count matches the shape.
   * @throws SchemaError `INVALID_INPUT` when `data.length` differs from the product of `shape`
   */
  constructor(data: TypedArray | readonly unknown[], shape: readonly number[], dtype: TensorDType) {
    const size = shape.reduce((a, b) => a * b, 1);
    if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0) || size !== data.length) {
      throw new SchemaError(
        "INVALID_INPUT",
        `An array of ${data.length} elements cannot have shape (${shape.join(", ")})`,
      );
    }
    this.dtype = normalizeTensorDType(dtype);
    this.shape = Object.freeze([...shape]);
    this.data = data;
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** The array as nested JS arrays (numpy `tolist()`); bigint elements stay bigint. */
  toList(): unknown {
    if (this.shape.length === 0) return this.data[0];
    const build = (axis: number, offset: number): unknown[] => {
      const n = this.shape[axis] as number;
      if (axis === this.shape.length - 1) return Array.from({ length: n }, (_, i) => this.data[offset + i]);
      const stride = this.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
      return Array.from({ length: n }, (_, i) => build(axis + 1, offset + i * stride));
    };
    return build(0, 0);
  }
}

/** `true` for an {@link NDArray}. */
export function isNDArray(x: unknown): x is NDArray {
  return x instanceof NDArray;
}

/**
 * Builds an {@link NDArray} (numpy's `np.array`).
 * @param data - a typed array, nested arrays, a duck-typed tensor (read with `dataSync()`), or a scalar (0-d)
 * @param options - `dtype`, `shape` for flat typed arrays, `maxDepth`
 * @returns the array
 * @throws SchemaError `INVALID_INPUT` (shape/length mismatch, values the dtype cannot hold),
 *   `MAX_DEPTH_EXCEEDED`, `UNSUPPORTED_TYPE` (e.g. functions as elements)
 * @example ndarray([[1, 2, 3], [4, 5, 6]]).shape // [2, 3], dtype "int64"
 * @example ndarray(new Float32Array(784 * 2), { shape: [2, 28, 28] })
 */
export function ndarray(data: unknown, options: NDArrayOptions = {}): NDArray {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (data instanceof NDArray) return options.dtype === undefined ? data : castNDArray(data, options.dtype);
  if (isTensorLike(data)) {
    const values = Array.from(data.dataSync());
    return fromFlat(values, [...data.shape], options.dtype ?? tensorLikeDType(data));
  }
  const fixed = typedArrayDType(data);
  if (fixed !== undefined) {
    const arr = data as TypedArray;
    const shape = options.shape ?? [arr.length];
    if (options.dtype === undefined || normalizeTensorDType(options.dtype) === fixed)
      return new NDArray(arr, shape, fixed);
    return fromFlat(Array.from(arr as ArrayLike<unknown>), shape, options.dtype);
  }
  if (!Array.isArray(data)) return fromFlat([data], [], options.dtype ?? scalarDType([data]));
  const shape = rectangularShape(data, maxDepth);
  if (shape === undefined) {
    // Ragged: numpy makes a 1-D object array of the first-axis elements.
    if (options.dtype !== undefined && normalizeTensorDType(options.dtype) !== "object") {
      throw new SchemaError("INVALID_INPUT", "A ragged nested array can only be an ndarray of dtype 'object'");
    }
    return new NDArray([...data], [data.length], "object");
  }
  const flat: unknown[] = [];
  flatten(data, shape.length, flat);
  return fromFlat(flat, shape, options.dtype ?? scalarDType(flat));
}

/** The numpy dtype and shape of an ndarray-like value, or `undefined` when it is not one. */
export function tensorInfo(x: unknown): { dtype: TensorDType; shape: readonly number[] } | undefined {
  if (x instanceof NDArray) return { dtype: x.dtype, shape: x.shape };
  if (isNumericVector(x)) return { dtype: typedArrayDType(x) as TensorDType, shape: [x.length] };
  if (isTensorLike(x)) return { dtype: tensorLikeDType(x), shape: x.shape };
  return undefined;
}

function rectangularShape(data: readonly unknown[], maxDepth: number): number[] | undefined {
  const shape: number[] = [];
  let level: unknown = data;
  while (Array.isArray(level)) {
    if (shape.length >= maxDepth) {
      throw new SchemaError("MAX_DEPTH_EXCEEDED", `Nested arrays deeper than maxDepth=${maxDepth}`);
    }
    shape.push(level.length);
    level = level[0];
  }
  return sameShape(data, shape, 0) ? shape : undefined;
}

function sameShape(x: unknown, shape: readonly number[], axis: number): boolean {
  if (axis === shape.length) return !Array.isArray(x);
  if (!Array.isArray(x) || x.length !== shape[axis]) return false;
  for (const item of x) if (!sameShape(item, shape, axis + 1)) return false;
  return true;
}

function flatten(x: readonly unknown[], depth: number, out: unknown[]): void {
  if (depth === 1) {
    for (const v of x) out.push(v);
    return;
  }
  for (const v of x) flatten(v as unknown[], depth - 1, out);
}

/** numpy's dtype for a flat list of Python-like scalars. */
function scalarDType(values: readonly unknown[]): TensorDType {
  type Kind = "none" | "bool" | "int" | "float" | "str" | "bytes" | "date" | "object";
  let kind = "none" as Kind;
  for (const v of values) {
    let k: Kind;
    if (typeof v === "boolean") k = "bool";
    else if (typeof v === "bigint") k = "int";
    else if (typeof v === "number") k = Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? "int" : "float";
    else if (typeof v === "string") k = "str";
    else if (isBytes(v)) k = "bytes";
    else if (isDate(v)) k = "date";
    else if (v === null || v === undefined || typeof v === "object") k = "object";
    else throw new SchemaError("UNSUPPORTED_TYPE", `Cannot store ${describe(v)} in an ndarray`);
    if (kind === "none") kind = k;
    else if (kind !== k) {
      // numpy promotes bool < int < float; any other mix is an object array.
      const numeric = ["bool", "int", "float"];
      if (numeric.includes(kind) && numeric.includes(k)) kind = numeric.indexOf(k) > numeric.indexOf(kind) ? k : kind;
      else kind = "object";
    }
  }
  switch (kind) {
    case "bool":
      return "bool";
    case "int":
      return "int64";
    case "none":
    case "float":
      return "float64";
    case "str":
      return "str";
    case "bytes":
      return "bytes";
    case "date":
      return "datetime64[ms]";
    default:
      return "object";
  }
}

const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
};

function fromFlat(values: readonly unknown[], shape: readonly number[], dtypeName: TensorDType): NDArray {
  const dtype = normalizeTensorDType(dtypeName);
  const bad = (v: unknown): never => {
    throw new SchemaError("INVALID_INPUT", `Cannot store ${describe(v)} in an ndarray of dtype ${dtype}`);
  };
  const range = INT_RANGES[dtype];
  if (range !== undefined) {
    const Ctor = {
      int8: Int8Array,
      uint8: Uint8Array,
      int16: Int16Array,
      uint16: Uint16Array,
      int32: Int32Array,
      uint32: Uint32Array,
    }[dtype as "int8"];
    const out = new Ctor(values.length);
    values.forEach((v, i) => {
      const n = typeof v === "bigint" ? Number(v) : typeof v === "boolean" ? Number(v) : v;
      if (typeof n !== "number" || !Number.isInteger(n) || n < range[0] || n > range[1]) bad(v);
      out[i] = n as number;
    });
    return new NDArray(out, shape, dtype);
  }
  switch (dtype) {
    case "int64":
    case "uint64": {
      const out = dtype === "int64" ? new BigInt64Array(values.length) : new BigUint64Array(values.length);
      const [lo, hi] = dtype === "int64" ? [-(2n ** 63n), 2n ** 63n - 1n] : [0n, 2n ** 64n - 1n];
      values.forEach((v, i) => {
        let b: bigint | undefined;
        if (typeof v === "bigint") b = v;
        else if (typeof v === "boolean") b = v ? 1n : 0n;
        else if (typeof v === "number" && Number.isInteger(v)) b = BigInt(v);
        if (b === undefined || b < lo || b > hi) bad(v);
        out[i] = b as bigint;
      });
      return new NDArray(out, shape, dtype);
    }
    case "float16":
    case "float32":
    case "float64": {
      const out = dtype === "float64" ? new Float64Array(values.length) : new Float32Array(values.length);
      values.forEach((v, i) => {
        const n = typeof v === "bigint" || typeof v === "boolean" ? Number(v) : v;
        if (typeof n !== "number") bad(v);
        out[i] = n as number;
      });
      // float16 is stored widened to float32 (no Float16Array on Node 20).
      return new NDArray(out, shape, dtype);
    }
    case "bool":
      for (const v of values) if (typeof v !== "boolean") bad(v);
      return new NDArray([...values], shape, dtype);
    case "str":
      for (const v of values) if (typeof v !== "string") bad(v);
      return new NDArray([...values], shape, dtype);
    case "bytes":
      for (const v of values) if (!isBytes(v)) bad(v);
      return new NDArray([...values], shape, dtype);
    case "object":
      return new NDArray([...values], shape, dtype);
    default:
      if (dtype.startsWith("datetime64")) {
        for (const v of values) if (!isDate(v)) bad(v);
        return new NDArray([...values], shape, dtype);
      }
      throw new SchemaError("UNSUPPORTED_TYPE", `Cannot build an ndarray of dtype ${dtype} from JavaScript values`);
  }
}

function castNDArray(a: NDArray, dtype: TensorDType): NDArray {
  if (normalizeTensorDType(dtype) === a.dtype) return a;
  return fromFlat(Array.from(a.data as ArrayLike<unknown>), a.shape, dtype);
}
