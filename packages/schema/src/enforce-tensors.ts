/**
 * Enforcement of tensor schemas (MLflow `_enforce_tensor_schema`, `_enforce_tensor_spec`,
 * `_reshape_and_cast_pandas_column_values`): shapes with `-1` free, dtypes never cast, ragged object
 * arrays accepted by variable specs, frames reshaped into tensors.
 */
import { pyList, pyTuple } from "./coerce.js";
import { type EnforceContext, isScalar, warnExtra } from "./enforce-context.js";
import { SchemaError } from "./errors.js";
import { type Frame, isFrame } from "./frame.js";
import type { Schema } from "./schema.js";
import { NDArray, ndarray, tensorInfo } from "./tensor.js";
import type { TensorSpec } from "./types.js";
import {
  isBytes,
  isPlainObject,
  isTensorLike,
  pyTypeName,
  setOwn,
  type TypedArray,
  typedArrayDType,
} from "./values.js";

export function enforceTensors(schema: Schema, input: unknown, ctx: EnforceContext): unknown {
  const specs = schema.inputs as readonly TensorSpec[];
  if (!schema.hasInputNames()) {
    const spec = specs[0] as TensorSpec;
    if (isFrame(input)) return frameToTensor(input, spec);
    const info = tensorInfoAny(input);
    if (info === undefined) {
      throw new SchemaError(
        "INVALID_INPUT",
        `This model contains a tensor-based model signature with no input names, which suggests a numpy array input or a pandas dataframe input with proper column values, but an input of type <class '${pyTypeName(input)}'> was found.`,
      );
    }
    checkTensor(info, spec);
    return input;
  }
  const names = specs.map((s) => s.name as string);
  // A single named tensor also takes a bare array (MLflow maps it to the one input).
  if (specs.length === 1 && tensorInfoAny(input) !== undefined) {
    checkTensor(tensorInfoAny(input)!, specs[0] as TensorSpec);
    return input;
  }
  let actual: string[] = [];
  if (isFrame(input)) actual = [...input.columns];
  else if (isPlainObject(input) && !isTensorLike(input)) actual = Object.keys(input);
  const missing = names.filter((n) => !actual.includes(n));
  const extra = actual.filter((k) => !names.includes(k));
  if (missing.length > 0) {
    throw new SchemaError(
      "MISSING_INPUTS",
      `Model is missing inputs ${pyList(missing)}.${extra.length > 0 ? ` Note that there were extra inputs: ${pyList(extra)}` : ""}`,
    );
  }
  if (extra.length > 0) warnExtra(ctx, extra);
  const out: Record<string, unknown> = {};
  if (isFrame(input)) {
    for (const s of specs)
      setOwn(out, s.name as string, columnToTensor(s.name as string, input.get(s.name as string)!, s));
    return out;
  }
  const dict = input as Record<string, unknown>;
  for (const s of specs) {
    const v = dict[s.name as string];
    const info = tensorInfoAny(v);
    if (info === undefined) {
      throw new SchemaError(
        "INVALID_INPUT",
        `This model contains a tensor-based model signature with input names, which suggests a dictionary input mapping input name to a numpy array, but a dict with value type <class '${pyTypeName(v)}'> was found.`,
        { name: s.name as string },
      );
    }
    try {
      checkTensor(info, s);
    } catch (e) {
      if (e instanceof SchemaError)
        throw new SchemaError(e.code, `Input '${s.name}': ${e.message}`, { name: s.name as string });
      throw e;
    }
    setOwn(out, s.name as string, v);
  }
  return out;
}

/** Like {@link tensorInfo}, but a `Uint8Array` is a uint8 tensor here (the schema says tensor). */
function tensorInfoAny(v: unknown): { dtype: string; shape: readonly number[] } | undefined {
  if (isBytes(v)) return { dtype: "uint8", shape: [v.length] };
  return tensorInfo(v);
}

function cleanDType(dtype: string): string {
  if (/^[<>|=]?U\d*$/.test(dtype)) return "str";
  if (/^[<>|=]?S\d*$/.test(dtype)) return "bytes";
  return dtype;
}

/** `_enforce_tensor_spec`: shape (with `-1` free) and dtype, no casting; ragged object arrays pass variable specs. */
function checkTensor(info: { dtype: string; shape: readonly number[] }, spec: TensorSpec): void {
  const expected = spec.shape;
  const actual = info.shape;
  if (expected.length === 1 && expected[0] === -1 && spec.dtype === "object") return;
  if (expected.length > 1 && expected.slice(1).includes(-1) && actual.length === 1 && info.dtype === "object") return;
  const shapeError = () =>
    new SchemaError(
      "SHAPE_MISMATCH",
      `Shape of input ${pyTuple(actual)} does not match expected shape ${pyTuple(expected)}.`,
    );
  if (expected.length !== actual.length) throw shapeError();
  for (let i = 0; i < expected.length; i++) if (expected[i] !== -1 && expected[i] !== actual[i]) throw shapeError();
  if (cleanDType(info.dtype) !== spec.dtype) {
    throw new SchemaError("DTYPE_MISMATCH", `dtype of input ${info.dtype} does not match expected dtype ${spec.dtype}`);
  }
}

function frameToTensor(f: Frame, spec: TensorSpec): NDArray {
  if (f.length === 0 || f.columns.length === 0) throw new SchemaError("INVALID_INPUT", "Input DataFrame is empty.");
  if (f.columns.length === 1) return columnToTensor(undefined, f.get(f.columns[0] as string)!, spec);
  if (spec.shape.length !== 2 || spec.shape[0] !== -1 || spec.shape[1] !== f.columns.length) {
    throw new SchemaError(
      "INVALID_INPUT",
      `This model contains a model signature with an unnamed input. Since the input data is a pandas DataFrame containing multiple columns, the input shape must be of the structure (-1, number_of_dataframe_columns). Instead, the input DataFrame passed had ${f.columns.length} columns and an input shape of ${pyTuple(spec.shape)} with all values within the DataFrame of scalar type. Please adjust the passed in DataFrame to match the expected structure`,
    );
  }
  // DataFrame.to_numpy(): one dtype for all columns (they must agree here), row-major.
  const dtypes = new Set(f.columns.map((c) => typedArrayDType(f.get(c)) ?? "object"));
  const values: unknown[] = [];
  for (let r = 0; r < f.length; r++) for (const c of f.columns) values.push(f.get(c)![r]);
  const dtype = dtypes.size === 1 ? ([...dtypes][0] as string) : "object";
  const arr = ndarray(chunk(values, f.columns.length), dtype === "object" ? {} : { dtype });
  checkTensor({ dtype: arr.dtype, shape: arr.shape }, spec);
  return arr;
}

function chunk(values: readonly unknown[], width: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < values.length; i += width) rows.push(values.slice(i, i + width));
  return rows;
}

/** `_reshape_and_cast_pandas_column_values`: one DataFrame column to the tensor it encodes. */
function columnToTensor(name: string | undefined, values: ArrayLike<unknown>, spec: TensorSpec): NDArray {
  const label = name === undefined ? "the unnamed input" : `input ${name}`;
  if (spec.shape[0] !== -1 || spec.shape.slice(1).includes(-1)) {
    throw new SchemaError(
      "INVALID_INPUT",
      `For pandas dataframe input, the first dimension of shape must be a variable dimension and other dimensions must be fixed, but in model signature the shape of ${label} is ${pyTuple(spec.shape)}.`,
    );
  }
  const n = values.length;
  const first = values[0];
  const typed = typedArrayDType(values);
  if (typed !== undefined || isScalar(first)) {
    if (spec.shape.length === 1 || (spec.shape.length === 2 && spec.shape[1] === 1)) {
      const flat = Array.from(values);
      const arr = castTo(flat, spec.dtype, [n, ...spec.shape.slice(1)], name);
      checkTensor({ dtype: arr.dtype, shape: arr.shape }, spec);
      return arr;
    }
    throw new SchemaError(
      "INVALID_INPUT",
      `The input pandas dataframe column '${name ?? ""}' contains scalar values, which requires the shape to be (-1,) or (-1, 1), but got tensor spec shape of ${pyTuple(spec.shape)}.`,
      name === undefined ? {} : { name },
    );
  }
  const rowSize = spec.shape.slice(1).reduce((a, b) => a * b, 1);
  const reshapeError = () =>
    new SchemaError(
      "INVALID_INPUT",
      `The value in the Input DataFrame column '${name ?? ""}' could not be converted to the expected shape of: '${pyTuple(spec.shape)}'. Ensure that each of the input list elements are of uniform length and that the data can be coerced to the tensor type '${spec.dtype}'`,
      name === undefined ? {} : { name },
    );
  if (Array.isArray(first)) {
    const flat: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const row = values[i];
      if (!Array.isArray(row)) throw reshapeError();
      flat.push(...row.flat(Number.POSITIVE_INFINITY));
    }
    if (flat.length !== n * rowSize) throw reshapeError();
    const arr = castTo(flat, spec.dtype, [n, ...spec.shape.slice(1)], name);
    checkTensor({ dtype: arr.dtype, shape: arr.shape }, spec);
    return arr;
  }
  if (tensorInfoAny(first) !== undefined) {
    // numpy arrays keep their dtype (checked strictly afterwards).
    const parts = Array.from(values, (v) => ndarray(v));
    const dtype = parts[0]?.dtype as string;
    const flat: unknown[] = [];
    for (const p of parts) {
      if (p.dtype !== dtype) throw reshapeError();
      for (let i = 0; i < p.data.length; i++) flat.push(p.data[i]);
    }
    if (flat.length !== n * rowSize) throw reshapeError();
    const arr = ndarray(flat, { dtype }).data;
    const out = new NDArray(arr as TypedArray, [n, ...spec.shape.slice(1)], dtype);
    checkTensor({ dtype: out.dtype, shape: out.shape }, spec);
    return out;
  }
  throw new SchemaError(
    "INVALID_INPUT",
    "Because the model signature requires tensor spec input, the input pandas dataframe values should be either scalar value, python list containing scalar values or numpy array containing scalar values, other types are not supported.",
  );
}

function castTo(flat: readonly unknown[], dtype: string, shape: readonly number[], name: string | undefined): NDArray {
  try {
    const a = ndarray(flat, { dtype });
    return new NDArray(a.data, shape, a.dtype);
  } catch (e) {
    throw new SchemaError(
      "INCOMPATIBLE_TYPE",
      `The input column ${name === undefined ? "" : `'${name}' `}cannot be converted to a tensor of dtype ${dtype}: ${(e as Error).message}`,
      { ...(name === undefined ? {} : { name }), cause: e },
    );
  }
}
