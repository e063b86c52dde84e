/**
 * Per-value enforcement with MLflow's rules (`_enforce_type` and friends in `mlflow/models/utils.py`):
 * scalars are converted only when no information is lost; arrays, objects and maps are checked item by
 * item; `any` passes anything. JavaScript numbers carry no width, so they are checked by value (an
 * integer within range fits `integer`/`long`, any number fits `double`, `float` rounds with
 * `Math.fround` and rejects overflow); `bigint`s are numpy `int64`s and follow numpy's rules.
 */
import { isDate, parseIsoDateTime } from "./datetime.js";
import { SchemaError } from "./errors.js";
import type { ColType, DataType, ObjectType } from "./types.js";
import { describe } from "./types.js";
import { isBytes, isPlainObject, isTypedArray, setOwn } from "./values.js";

/** Returned by {@link coerceScalar} when the value does not fit. */
export const NO_FIT: unique symbol = Symbol("no-fit");

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_LIMIT = 2 ** 63;
const FLOAT32_MAX = 3.4028234663852886e38;

/** The numpy dtype MLflow names for each DataType in its messages. */
export const NUMPY_NAME: Readonly<Record<DataType, string>> = {
  boolean: "bool",
  integer: "int32",
  long: "int64",
  float: "float32",
  double: "float64",
  string: "str",
  binary: "bytes",
  datetime: "datetime64[ns]",
};

/**
 * Converts one untyped JS value to `dt`, or returns {@link NO_FIT}. `null`/`undefined` never fit
 * (callers decide what a missing value means).
 */
export function coerceScalar(v: unknown, dt: DataType): unknown {
  switch (dt) {
    case "boolean":
      return typeof v === "boolean" ? v : NO_FIT;
    case "integer":
      return typeof v === "number" && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX ? v : NO_FIT;
    case "long":
      if (typeof v === "number") return Number.isInteger(v) && v >= -INT64_LIMIT && v < INT64_LIMIT ? v : NO_FIT;
      return typeof v === "bigint" && v >= -(2n ** 63n) && v < 2n ** 63n ? v : NO_FIT;
    case "float":
      if (typeof v !== "number") return NO_FIT;
      // Overflow to infinity loses the value; NaN and infinities themselves are float32 values.
      return Number.isFinite(v) && Math.abs(v) > FLOAT32_MAX ? NO_FIT : Math.fround(v);
    case "double":
      return typeof v === "number" ? v : NO_FIT;
    case "string":
      return typeof v === "string" ? v : NO_FIT;
    case "binary":
      if (isBytes(v)) return v;
      return typeof v === "string" ? (decodeBase64(v) ?? NO_FIT) : NO_FIT;
    case "datetime": {
      if (isDate(v)) return Number.isNaN(v.getTime()) ? NO_FIT : v;
      if (typeof v !== "string") return NO_FIT;
      const p = parseIsoDateTime(v);
      return p === undefined ? NO_FIT : new Date(p.epochMs);
    }
  }
}

/** How a scalar JS value is described in "Can not safely convert X to Y" messages. */
export function valueDType(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < INT64_LIMIT ? "int64" : "float64";
  if (typeof v === "bigint") return "int64";
  if (typeof v === "boolean") return "bool";
  if (v instanceof Date) return "datetime64[ns]";
  return "object";
}

/** Options shared by the value walkers. */
export interface WalkLimits {
  readonly maxDepth: number;
}

/**
 * Enforces `type` on one value (MLflow `_enforce_type(data, type, required)`) and returns the
 * converted value (new arrays/objects; the input is never mutated). Errors carry the JSON-pointer
 * path below `path`, built only when something fails.
 * @throws SchemaError `MISSING_VALUE`, `INCOMPATIBLE_TYPE`, `UNKNOWN_PROPERTY`, `MAX_DEPTH_EXCEEDED`
 */
export function enforceValue(v: unknown, type: ColType, required: boolean, path: string, limits: WalkLimits): unknown {
  try {
    return enforceAt(v, type, required, limits, 0);
  } catch (e) {
    if (e instanceof SchemaError && path !== "")
      throw new SchemaError(e.code, e.message, { path: path + (e.path ?? ""), cause: e.cause });
    throw e;
  }
}

/** Runs `f` for the child at `key`; a failure below gets `/key` prepended to its path. */
function child<T>(key: string | number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SchemaError) {
      const seg = typeof key === "number" ? String(key) : escapePointer(key);
      throw new SchemaError(e.code, e.message, { path: `/${seg}${e.path ?? ""}`, cause: e.cause });
    }
    throw e;
  }
}

function isAnyType(t: ColType): boolean {
  return typeof t === "object" && t.type === "any";
}

function enforceAt(v: unknown, type: ColType, required: boolean, limits: WalkLimits, depth: number): unknown {
  if (depth > limits.maxDepth)
    throw new SchemaError("MAX_DEPTH_EXCEEDED", `Data nested deeper than maxDepth=${limits.maxDepth}`);
  if (typeof type === "string") {
    if (
      v === null ||
      v === undefined ||
      (typeof v === "number" && Number.isNaN(v) && type !== "double" && type !== "float")
    ) {
      if (!required) return null;
      throw new SchemaError(
        "MISSING_VALUE",
        `Expected a value of type ${type}, got ${v === undefined ? "nothing" : describe(v)}`,
      );
    }
    const out = coerceScalar(v, type);
    if (out === NO_FIT)
      throw new SchemaError(
        "INCOMPATIBLE_TYPE",
        `Failed to enforce schema of data ${describe(v)} with dtype \`${type}\``,
      );
    return out;
  }
  switch (type.type) {
    case "any":
      return v;
    case "array":
    case "sparkml_vector": {
      const items: ColType = type.type === "array" ? type.items : "double";
      const isArray = Array.isArray(v) || isTypedArray(v);
      if (
        (!required || isAnyType(items)) &&
        (v === null || v === undefined || (isArray && (v as ArrayLike<unknown>).length === 0))
      ) {
        return v ?? null;
      }
      if (!isArray)
        throw new SchemaError("INCOMPATIBLE_TYPE", `Expected data to be list or numpy array, got ${describe(v)}`);
      const src = v as ArrayLike<unknown>;
      const out = new Array(src.length);
      for (let i = 0; i < src.length; i++) {
        const x = src[i];
        out[i] = child(i, () => enforceAt(x, items, required, limits, depth + 1));
      }
      return out;
    }
    case "object":
      return enforceObject(v, type, required, limits, depth);
    case "map": {
      if (
        (!required || isAnyType(type.values)) &&
        (v === null || v === undefined || (isPlainObject(v) && Object.keys(v).length === 0))
      ) {
        return v ?? null;
      }
      if (!isPlainObject(v))
        throw new SchemaError("INCOMPATIBLE_TYPE", `Expected data to be a dict, got ${describe(v)}`);
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) {
        const x = v[k];
        setOwn(
          out,
          k,
          child(k, () => enforceAt(x, type.values, required, limits, depth + 1)),
        );
      }
      return out;
    }
  }
}

function enforceObject(v: unknown, type: ObjectType, required: boolean, limits: WalkLimits, depth: number): unknown {
  if (!required && (v === null || v === undefined || (isPlainObject(v) && Object.keys(v).length === 0)))
    return v ?? null;
  if (!isPlainObject(v))
    throw new SchemaError("INCOMPATIBLE_TYPE", `Expected data to be dictionary, got ${describe(v)}`);
  const keys = Object.keys(v);
  const missing = type.properties.filter((p) => p.required && !Object.hasOwn(v, p.name)).map((p) => p.name);
  if (missing.length > 0) throw new SchemaError("MISSING_VALUE", `Missing required properties: ${pySet(missing)}`);
  const known = new Map(type.properties.map((p) => [p.name, p]));
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new SchemaError("UNKNOWN_PROPERTY", `Invalid properties not defined in the schema found: ${pySet(unknown)}`);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const p = known.get(k)!;
    const x = v[k];
    setOwn(
      out,
      k,
      child(k, () => enforceAt(x, p.type, p.required, limits, depth + 1)),
    );
  }
  return out;
}

/** A compiled {@link enforceValue}: returns the converted value, or {@link NO_FIT} on any failure (no message, no path). */
export type Checker = (v: unknown) => unknown;

/**
 * Compiles `type` into a {@link Checker} with exactly {@link enforceValue}'s semantics, for hot
 * loops. Callers rerun {@link enforceValue} on failure to get the precise error.
 */
export function compileChecker(type: ColType, required: boolean): Checker {
  if (typeof type === "string") {
    const float = type === "double" || type === "float";
    if (type === "double") {
      return (v) => (typeof v === "number" ? v : v === null || v === undefined ? (required ? NO_FIT : null) : NO_FIT);
    }
    if (type === "string") {
      return (v) => (typeof v === "string" ? v : v === null || v === undefined ? (required ? NO_FIT : null) : NO_FIT);
    }
    return (v) => {
      if (v === null || v === undefined || (!float && typeof v === "number" && Number.isNaN(v)))
        return required ? NO_FIT : null;
      return coerceScalar(v, type);
    };
  }
  switch (type.type) {
    case "any":
      return (v) => v;
    case "array":
    case "sparkml_vector": {
      const items: ColType = type.type === "array" ? type.items : "double";
      const item = compileChecker(items, required);
      const lenient = !required || isAnyType(items);
      return (v) => {
        const isArray = Array.isArray(v);
        if (!isArray && !isTypedArray(v)) return lenient && (v === null || v === undefined) ? (v ?? null) : NO_FIT;
        const src = v as ArrayLike<unknown>;
        if (lenient && src.length === 0) return v;
        // A plain array whose items all pass unchanged is returned as it is (no copy).
        let out: unknown[] | undefined = isArray ? undefined : new Array(src.length);
        for (let i = 0; i < src.length; i++) {
          const x = src[i];
          const w = item(x);
          if (w === NO_FIT) return NO_FIT;
          if (out === undefined && w !== x) out = Array.prototype.slice.call(src, 0, i);
          if (out !== undefined) out[i] = w;
        }
        return out ?? v;
      };
    }
    case "map": {
      const value = compileChecker(type.values, required);
      const lenient = !required || isAnyType(type.values);
      return (v) => {
        if (lenient && (v === null || v === undefined)) return v ?? null;
        if (!isPlainObject(v)) return NO_FIT;
        const keys = Object.keys(v);
        if (lenient && keys.length === 0) return v;
        return copyIfChanged(v, keys, (k) => value(v[k]));
      };
    }
    case "object": {
      const props = new Map(type.properties.map((p) => [p.name, compileChecker(p.type, p.required)]));
      const requiredNames = type.properties.filter((p) => p.required).map((p) => p.name);
      return (v) => {
        if (!required && (v === null || v === undefined)) return v ?? null;
        if (!isPlainObject(v)) return NO_FIT;
        const keys = Object.keys(v);
        if (!required && keys.length === 0) return v;
        for (const n of requiredNames) if (!Object.hasOwn(v, n)) return NO_FIT;
        return copyIfChanged(v, keys, (k) => {
          const check = props.get(k);
          return check === undefined ? NO_FIT : check(v[k]);
        });
      };
    }
  }
}

/** Applies `check` to each key; returns `v` itself when nothing changed, a new object otherwise. */
function copyIfChanged(v: Record<string, unknown>, keys: readonly string[], check: (k: string) => unknown): unknown {
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const w = check(k);
    if (w === NO_FIT) return NO_FIT;
    if (out === undefined && w !== v[k]) {
      out = {};
      for (let j = 0; j < i; j++) setOwn(out, keys[j] as string, v[keys[j] as string]);
    }
    if (out !== undefined) setOwn(out, k, w);
  }
  return out ?? v;
}

/** Nesting depth of a type (a scalar is 0). */
export function typeDepth(type: ColType): number {
  if (typeof type === "string") return 0;
  switch (type.type) {
    case "array":
      return 1 + typeDepth(type.items);
    case "map":
      return 1 + typeDepth(type.values);
    case "object":
      return 1 + Math.max(0, ...type.properties.map((p) => typeDepth(p.type)));
    default:
      return 0;
  }
}

/** Python's repr of a set of strings, `{'a', 'b'}` (for messages that follow MLflow's). */
export function pySet(names: readonly string[]): string {
  return `{${names.map(pyRepr).join(", ")}}`;
}

/** Python's repr of a list of names, `['a', 'b']`. */
export function pyList(names: readonly (string | number)[]): string {
  return `[${names.map((n) => (typeof n === "number" ? String(n) : pyRepr(n))).join(", ")}]`;
}

/** Python's repr of a shape tuple: `(2, 3)`, `(-1,)`, `()`. */
export function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

function pyRepr(s: string): string {
  const shown = s.length > 64 ? `${s.slice(0, 64)}…` : s;
  return `'${shown.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** Escapes a key for a JSON-pointer-like path. */
export function escapePointer(key: string): string {
  const k = key.length > 64 ? `${key.slice(0, 64)}…` : key;
  return k.replace(/~/g, "~0").replace(/\//g, "~1");
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;
B64_INDEX["-".charCodeAt(0)] = 62; // base64url, which some clients send
B64_INDEX["_".charCodeAt(0)] = 63;

/** Strict base64 (or base64url) decoding; `undefined` when `s` is not base64. Whitespace is not allowed. */
export function decodeBase64(s: string): Uint8Array | undefined {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x3d) end--;
  if (s.length - end > 2) return undefined;
  const rem = end % 4;
  if (rem === 1 || (s.length !== end && s.length % 4 !== 0)) return undefined;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  for (let i = 0; i < end; i += 4) {
    let n = 0;
    const chunk = Math.min(4, end - i);
    for (let j = 0; j < 4; j++) {
      let d = 0;
      if (j < chunk) {
        const c = s.charCodeAt(i + j);
        d = c < 128 ? (B64_INDEX[c] as number) : -1;
        if (d < 0) return undefined;
      }
      n = (n << 6) | d;
    }
    out[o++] = (n >> 16) & 0xff;
    if (chunk > 2) out[o++] = (n >> 8) & 0xff;
    if (chunk > 3) out[o++] = n & 0xff;
  }
  return out;
}
