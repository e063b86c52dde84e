/**
 * What a JavaScript value is, for MLflow's purposes: plain objects (Python dicts), typed arrays
 * (numpy arrays of a fixed dtype), `Uint8Array` (Python `bytes`), `Date`, and duck-typed tensors
 * (TensorFlow.js `tf.Tensor` and anything else with `shape`, `dtype` and `dataSync`), detected
 * without importing any tensor library.
 */
import type { TensorDType } from "./types.js";

/** Any typed array (every numeric element type JavaScript has). */
export type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/**
 * A tensor from a tensor library, recognised by shape (TensorFlow.js `tf.Tensor`, ONNX Runtime
 * tensors with `dims` adapted by the caller, ...). Only `shape` and `dtype` are read for inference
 * and enforcement; `dataSync()` only when the data itself is needed (nested in records).
 */
export interface TensorLike {
  readonly shape: readonly number[];
  readonly dtype: string;
  dataSync(): ArrayLike<unknown>;
}

const TYPED_ARRAY_DTYPES: Readonly<Record<string, TensorDType>> = {
  Int8Array: "int8",
  Uint8Array: "uint8",
  Uint8ClampedArray: "uint8",
  Int16Array: "int16",
  Uint16Array: "uint16",
  Int32Array: "int32",
  Uint32Array: "uint32",
  Float16Array: "float16",
  Float32Array: "float32",
  Float64Array: "float64",
  BigInt64Array: "int64",
  BigUint64Array: "uint64",
};

/** TensorFlow.js dtype names -> numpy names. */
const TFJS_DTYPES: Readonly<Record<string, TensorDType>> = {
  float32: "float32",
  int32: "int32",
  bool: "bool",
  string: "str",
  complex64: "complex64",
};

const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), Symbol.toStringTag)
  ?.get as (this: unknown) => string | undefined;

/** The numpy dtype of a typed array, or `undefined` when `x` is not a typed array. Works across realms. */
export function typedArrayDType(x: unknown): TensorDType | undefined {
  if (typeof x !== "object" || x === null || !ArrayBuffer.isView(x)) return undefined;
  const tag = typedArrayTag.call(x);
  return tag === undefined ? undefined : TYPED_ARRAY_DTYPES[tag];
}

/** `true` for a typed array. */
export function isTypedArray(x: unknown): x is TypedArray {
  return typedArrayDType(x) !== undefined;
}

/** `true` for a `Uint8Array` (and subclasses such as Node's `Buffer`): MLflow `binary`, Python `bytes`. */
export function isBytes(x: unknown): x is Uint8Array {
  return typeof x === "object" && x !== null && ArrayBuffer.isView(x) && typedArrayTag.call(x) === "Uint8Array";
}

/** A typed array that is not `Uint8Array`: the JS analogue of a 1-D numpy array. */
export function isNumericVector(x: unknown): x is TypedArray {
  const tag = typeof x === "object" && x !== null && ArrayBuffer.isView(x) ? typedArrayTag.call(x) : undefined;
  return tag !== undefined && tag !== "Uint8Array" && tag in TYPED_ARRAY_DTYPES;
}

/** `true` for an object literal, `JSON.parse` output or `Object.create(null)` (a Python dict). */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== "object" || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  if (proto === null || proto === Object.prototype) return true;
  // An object literal from another realm (iframe, vm context).
  return (
    Object.getPrototypeOf(proto) === null &&
    Object.prototype.toString.call(x) === "[object Object]" &&
    !isTensorShaped(x)
  );
}

function isTensorShaped(x: object): boolean {
  return "dataSync" in x;
}

/** `true` for a duck-typed tensor: `shape` (integers), `dtype` (string) and a `dataSync` method. */
export function isTensorLike(x: unknown): x is TensorLike {
  if (typeof x !== "object" || x === null) return false;
  const t = x as { shape?: unknown; dtype?: unknown; dataSync?: unknown };
  return (
    typeof t.dataSync === "function" &&
    typeof t.dtype === "string" &&
    Array.isArray(t.shape) &&
    t.shape.length <= 64 &&
    t.shape.every((d) => Number.isSafeInteger(d) && d >= 0)
  );
}

/** The numpy dtype of a duck-typed tensor (`float32`, `int32`, `bool`, `str`, `complex64`, or its own numpy-style name). */
export function tensorLikeDType(t: TensorLike): TensorDType {
  return TFJS_DTYPES[t.dtype] ?? t.dtype;
}

/** `true` for `null`, `undefined`, `NaN` and an invalid `Date` (Python `None`, `NaN`, `NaT`). */
export function isMissing(x: unknown): boolean {
  return (
    x === null ||
    x === undefined ||
    (typeof x === "number" && Number.isNaN(x)) ||
    (x instanceof Date && Number.isNaN(x.getTime()))
  );
}

/** Defines `obj[key] = value` as an own data property, also for `__proto__` (which `=` would treat as the prototype). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/** Python's type name of a JS value, for messages that follow MLflow's wording. */
export function pyTypeName(x: unknown): string {
  if (x === null || x === undefined) return "NoneType";
  if (Array.isArray(x)) return "list";
  if (typeof x === "string") return "str";
  if (typeof x === "boolean") return "bool";
  if (typeof x === "number") return Number.isInteger(x) ? "int" : "float";
  if (typeof x === "bigint") return "int";
  if (isBytes(x)) return "bytes";
  if (isTypedArray(x) || isTensorLike(x)) return "ndarray";
  if (x instanceof Set) return "set";
  if (x instanceof Map) return "map";
  if (isPlainObject(x)) return "dict";
  if (x instanceof Date) return "datetime";
  return typeof x === "object" ? "object" : typeof x;
}
