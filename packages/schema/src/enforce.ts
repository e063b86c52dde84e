/**
 * Signature enforcement with MLflow's rules (`_enforce_schema`, `_enforce_params_schema` in
 * `mlflow/models/utils.py`, MLflow 2.x-3.x): missing required inputs are an error, extra columns are
 * dropped with a warning, columns are reordered to the schema's order, values are converted only by
 * widening casts, tensors are checked for shape and dtype and never cast, params get their defaults.
 *
 * Input orientations for column schemas, each returned in the same orientation after conversion:
 * records (array of plain objects), a {@link Frame}, a single record (plain object of scalars, or any
 * object when the schema has array/object columns), a columnar plain object (values are arrays, as
 * `pd.DataFrame(dict)`), rows (arrays of arrays, or a 2-D {@link NDArray}), a flat array (one column)
 * and a scalar (one value).
 *
 * Typed-array columns carry a numpy dtype and follow numpy's rules exactly (`int32 -> long` is fine,
 * `int64 -> integer` or `int64 -> double` is not). Plain JavaScript values carry no width and are
 * checked by value, as MLflow's JSON serving path does: an integer within range fits `integer`/`long`,
 * any number fits `double`, `float` rounds to float32; `bigint` is an `int64`. Binary columns accept
 * `Uint8Array` or base64 text; datetime columns accept `Date` or ISO 8601 text (returned as `Date`).
 *
 * Stricter than MLflow (JS has real nulls): a null in a *required* column is an error; a string column
 * only takes strings. More lenient: optional integer columns may hold nulls (pandas cannot).
 *
 * Records are checked in one pass with checkers compiled once per schema; a record that already
 * conforms (schema key order, no extra keys, nothing converted) is returned as it is, others are
 * rebuilt with an object literal generated per schema (key-by-key where `Function` is not allowed).
 */
import {
  coerceScalar,
  enforceValue,
  escapePointer,
  NO_FIT,
  NUMPY_NAME,
  pyList,
  pyTuple,
  valueDType,
} from "./coerce.js";
import { type EnforceContext, type EnforceOptions, isScalar, warnExtra } from "./enforce-context.js";
import { enforceRecordsFast } from "./enforce-records.js";
import { enforceTensors } from "./enforce-tensors.js";
import { SchemaError } from "./errors.js";
import { Frame, isFrame } from "./frame.js";
import { DEFAULT_LOGGER, logAndRethrow } from "./logger.js";
import { Schema } from "./schema.js";
import { ModelSignature } from "./signature.js";
import { DEFAULT_MAX_DEPTH, isNDArray, NDArray, ndarray } from "./tensor.js";
import { type ColSpec, type DataType, describe } from "./types.js";
import { isPlainObject, isTensorLike, isTypedArray, pyTypeName, setOwn, typedArrayDType } from "./values.js";

export type { EnforceOptions };

type Ctx = EnforceContext;

const MISSING_VALUE_HINT =
  " Hint: the type mismatch is likely caused by missing values. Integer columns in python can not represent missing values and are therefore encoded as floats. The best way to avoid this problem is to infer the model schema based on a realistic data sample (training dataset) that includes missing values. Alternatively, you can declare integer columns as doubles (float64) whenever these columns may have missing values.";

/**
 * Enforces a signature's input schema on `input` (MLflow `_enforce_schema`) and returns the converted
 * input, in the orientation it came in. A signature without inputs returns `input` unchanged.
 * @param signature - a {@link ModelSignature} (its `inputs` are used) or a {@link Schema}
 * @param input - records, a {@link Frame}, a plain object, rows, a scalar; for tensor schemas an
 *   {@link NDArray}, a typed array, a duck-typed tensor, `{name: tensor}` or a {@link Frame}
 * @param options - `logger`, `maxDepth`
 * @returns the converted input; the input is never mutated, and records, lists, objects, typed arrays
 *   and tensors that already conform may be returned as they are rather than copied
 * @throws SchemaError `MISSING_INPUTS`, `MISSING_VALUE`, `INCOMPATIBLE_TYPE`, `UNKNOWN_PROPERTY`,
 *   `SHAPE_MISMATCH`, `DTYPE_MISMATCH`, `INVALID_INPUT`, `MAX_DEPTH_EXCEEDED`
 * @example
 * enforce(signature, [{ b: 2, a: 1.5, extra: true }]) // [{ a: 1.5, b: 2 }], warning: extra dropped
 */
export function enforce(signature: ModelSignature | Schema, input: unknown, options: EnforceOptions = {}): unknown {
  const logger = options.logger ?? DEFAULT_LOGGER;
  try {
    const schema = signature instanceof ModelSignature ? signature.inputs : signature;
    if (schema === undefined) return input;
    if (!(schema instanceof Schema)) {
      throw new SchemaError("INVALID_SIGNATURE", `Expected a ModelSignature or a Schema, got ${describe(signature)}`);
    }
    const ctx: Ctx = { logger, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH };
    return schema.isTensorSpec() ? enforceTensors(schema, input, ctx) : enforceColumns(schema, input, ctx);
  } catch (e) {
    return logAndRethrow(logger, e, "INVALID_INPUT", "Failed to enforce the model signature");
  }
}

// -------------------------------------------------------------------------------------------------
// Column schemas

/** A column of the normalised input: typed (numpy dtype) or untyped values. */
interface InColumn {
  readonly key: string | number;
  readonly values: ArrayLike<unknown>;
  /** The numpy dtype when the column is a typed array or an NDArray column. */
  readonly dtype?: string;
}

type Orientation = "records" | "frame" | "row" | "columns" | "rows" | "values" | "scalar";

interface InTable {
  readonly orientation: Orientation;
  readonly columns: readonly InColumn[];
  readonly nrows: number;
}

function enforceColumns(schema: Schema, input: unknown, ctx: Ctx, allowFast = true): unknown {
  const specs = schema.inputs as readonly ColSpec[];
  if (
    allowFast &&
    schema.hasInputNames() &&
    Array.isArray(input) &&
    input.length > 0 &&
    isPlainObject(input[0]) &&
    !isTensorLike(input[0])
  ) {
    const fast = enforceRecordsFast(specs, input, ctx);
    if (fast !== undefined) return fast;
  }
  const table = toTable(input, specs, ctx);
  const chosen = selectColumns(schema, specs, table, ctx);
  const out = chosen.map(({ spec, column }) => ({ spec, column, values: enforceColumn(spec, column, ctx) }));
  return rebuild(table, out);
}

/** Internal (tests): column-schema enforcement without the records fast path. */
export function enforceColumnwise(schema: Schema, input: unknown, options: EnforceOptions = {}): unknown {
  const ctx: Ctx = { logger: options.logger ?? DEFAULT_LOGGER, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH };
  return enforceColumns(schema, input, ctx, false);
}

/** MLflow's conversion of the input to a DataFrame, as columns. */
function toTable(input: unknown, specs: readonly ColSpec[], ctx: Ctx): InTable {
  if (isFrame(input)) {
    return {
      orientation: "frame",
      nrows: input.length,
      columns: input.columns.map((key) => column(key, input.get(key)!)),
    };
  }
  if (Array.isArray(input)) {
    if (input.every((r) => isPlainObject(r) && !isTensorLike(r)))
      return recordsTable(input as Record<string, unknown>[], "records");
    if (input.every((r) => Array.isArray(r) || isTypedArray(r))) {
      const width = input.reduce((w: number, r) => Math.max(w, (r as ArrayLike<unknown>).length), 0);
      const columns: InColumn[] = [];
      for (let c = 0; c < width; c++) {
        columns.push({ key: c, values: input.map((r) => (r as ArrayLike<unknown>)[c] ?? null) });
      }
      return { orientation: "rows", nrows: input.length, columns };
    }
    if (input.some((r) => Array.isArray(r) || isPlainObject(r))) {
      throw new SchemaError("INVALID_INPUT", "Expected input rows to be all records, all lists or all scalars");
    }
    return { orientation: "values", nrows: input.length, columns: [{ key: 0, values: input }] };
  }
  if (isNDArray(input) || isTypedArray(input)) {
    const a = isNDArray(input) ? input : ndarray(input);
    if (a.ndim === 1)
      return {
        orientation: "values",
        nrows: a.shape[0] as number,
        columns: [{ key: 0, values: a.data, dtype: a.dtype }],
      };
    if (a.ndim !== 2)
      throw new SchemaError(
        "INVALID_INPUT",
        `Must pass 2-d input to a column-based signature, got shape ${pyTuple(a.shape)}`,
      );
    const [rows, cols] = a.shape as [number, number];
    const columns: InColumn[] = [];
    for (let c = 0; c < cols; c++) {
      const values = Array.from({ length: rows }, (_, r) => a.data[r * cols + c]);
      columns.push({ key: c, values, dtype: a.dtype });
    }
    return { orientation: "rows", nrows: rows, columns };
  }
  if (isPlainObject(input) && !isTensorLike(input)) return dictTable(input, specs, ctx);
  if (isScalar(input)) return { orientation: "scalar", nrows: 1, columns: [{ key: 0, values: [input] }] };
  throw new SchemaError("INVALID_INPUT", `Expected input to be DataFrame. Found: ${pyTypeName(input)}`);
}

function column(key: string | number, values: ArrayLike<unknown>): InColumn {
  const dtype = typedArrayDType(values);
  return dtype === undefined ? { key, values } : { key, values, dtype };
}

function recordsTable(rows: readonly Record<string, unknown>[], orientation: Orientation): InTable {
  const keys = new Map<string, unknown[]>();
  rows.forEach((row, r) => {
    for (const k of Object.keys(row)) {
      let col = keys.get(k);
      if (col === undefined) {
        col = new Array(rows.length).fill(undefined);
        keys.set(k, col);
      }
      col[r] = row[k];
    }
  });
  return { orientation, nrows: rows.length, columns: [...keys].map(([key, values]) => ({ key, values })) };
}

function dictTable(input: Record<string, unknown>, specs: readonly ColSpec[], ctx: Ctx): InTable {
  const keys = Object.keys(input);
  const composite = specs.some(
    (s) => typeof s.type === "object" && (s.type.type === "array" || s.type.type === "object"),
  );
  const oneRow =
    composite ||
    keys.every((k) => {
      const v = input[k];
      return isScalar(v) || v === undefined || (Array.isArray(v) && v.every((x) => typeof x === "string"));
    });
  if (oneRow) return recordsTable([input], "row");
  // pd.DataFrame(dict): arrays are columns, scalars are broadcast; lengths must agree.
  let length: number | undefined;
  const cols = keys.map((k) => {
    let v = input[k];
    if (isNDArray(v) && v.ndim > 1) v = v.toList();
    if (isNDArray(v)) return { key: k, values: v.data, dtype: v.dtype, len: v.size } as InColumn & { len: number };
    if (Array.isArray(v) || isTypedArray(v)) {
      const arr = v as ArrayLike<unknown>;
      if (length !== undefined && arr.length !== length) {
        throw new SchemaError(
          "INVALID_INPUT",
          "This model contains a column-based signature, which suggests a DataFrame input. There was an error casting the input data to a DataFrame: All arrays must be of the same length",
          { name: k },
        );
      }
      length = arr.length;
      return { ...column(k, arr), len: arr.length };
    }
    return { key: k, values: [v], len: -1, scalar: true } as InColumn & { len: number; scalar: true };
  });
  const n = length ?? 1;
  void ctx;
  return {
    orientation: "columns",
    nrows: n,
    columns: cols.map((c) =>
      (c as { scalar?: true }).scalar ? { key: c.key, values: new Array(n).fill(c.values[0]) } : c,
    ),
  };
}

interface Chosen {
  readonly spec: ColSpec;
  readonly column: InColumn | undefined;
  readonly outKey: string | number;
}

/** Missing/extra column handling (named schemas) or the count check (unnamed ones). */
function selectColumns(schema: Schema, specs: readonly ColSpec[], table: InTable, ctx: Ctx): Chosen[] {
  if (schema.hasInputNames()) {
    const byKey = new Map<string | number, InColumn>(table.columns.map((c) => [c.key, c]));
    const missing = specs.filter((s) => s.required && !byKey.has(s.name as string)).map((s) => s.name as string);
    const declared = new Set(specs.map((s) => s.name as string));
    const extra = table.columns.filter((c) => !declared.has(c.key as string)).map((c) => c.key);
    if (missing.length > 0) {
      throw new SchemaError(
        "MISSING_INPUTS",
        `Model is missing inputs ${pyList(missing)}.${extra.length > 0 ? ` Note that there were extra inputs: ${pyList(extra)}` : ""}`,
      );
    }
    if (extra.length > 0) warnExtra(ctx, extra);
    return specs.flatMap((s) => {
      const c = byKey.get(s.name as string);
      return c === undefined ? [] : [{ spec: s, column: c, outKey: s.name as string }];
    });
  }
  if (table.columns.length < specs.length) {
    throw new SchemaError(
      "MISSING_INPUTS",
      `Model inference is missing inputs. The model signature declares ${specs.length} inputs  but the provided value only has ${table.columns.length} inputs. Note: the inputs were not named in the signature so we can only verify their count.`,
    );
  }
  if (table.columns.length > specs.length)
    warnExtra(
      ctx,
      table.columns.slice(specs.length).map((c) => c.key),
    );
  return specs.map((s, i) => {
    const c = table.columns[i] as InColumn;
    return { spec: s, column: c, outKey: c.key };
  });
}

/** Enforces one column; returns its converted values (a typed array for typed input). */
function enforceColumn(spec: ColSpec, col: InColumn | undefined, ctx: Ctx): ArrayLike<unknown> {
  if (col === undefined) return [];
  const name = String(spec.name ?? col.key);
  const type = spec.type;
  if (col.dtype !== undefined && col.dtype !== "object" && typeof type === "string")
    return enforceDType(name, col, type);
  const values = col.values;
  const out = new Array(values.length);
  if (typeof type === "string") {
    let firstMissing = -1;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      // NaN is a float value for float columns and a missing value (Python's NaN) for the others.
      if (
        v === null ||
        v === undefined ||
        (typeof v === "number" && Number.isNaN(v) && type !== "double" && type !== "float")
      ) {
        if (spec.required && firstMissing < 0) firstMissing = i;
        out[i] = null;
        continue;
      }
      const c = coerceScalar(v, type);
      if (c === NO_FIT) throw incompatible(name, valueDType(v), type, `/${i}/${escapePointer(name)}`, v);
      out[i] = c;
    }
    if (firstMissing >= 0) throw missingValue(name, type, firstMissing);
    return out;
  }
  for (let i = 0; i < values.length; i++) {
    out[i] = enforceValue(values[i], type, spec.required, `/${i}/${escapePointer(name)}`, ctx);
  }
  return out;
}

function incompatible(name: string, from: string, to: DataType, path: string, value?: unknown): SchemaError {
  const what = value === undefined ? "" : ` (value ${describe(value)})`;
  return new SchemaError(
    "INCOMPATIBLE_TYPE",
    `Incompatible input types for column ${name}. Can not safely convert ${from} to ${NUMPY_NAME[to]}.${what}`,
    { path, name },
  );
}

function missingValue(name: string, type: DataType, row: number): SchemaError {
  const hint = type === "integer" || type === "long" ? MISSING_VALUE_HINT : "";
  return new SchemaError("MISSING_VALUE", `Column ${name} is required but row ${row} has no value.${hint}`, {
    path: `/${row}/${escapePointer(name)}`,
    name,
  });
}

const WIDE: Readonly<Record<string, { kind: string; size: number }>> = {
  bool: { kind: "b", size: 1 },
  int8: { kind: "i", size: 1 },
  int16: { kind: "i", size: 2 },
  int32: { kind: "i", size: 4 },
  int64: { kind: "i", size: 8 },
  uint8: { kind: "u", size: 1 },
  uint16: { kind: "u", size: 2 },
  uint32: { kind: "u", size: 4 },
  uint64: { kind: "u", size: 8 },
  float16: { kind: "f", size: 2 },
  float32: { kind: "f", size: 4 },
  float64: { kind: "f", size: 8 },
};

/** numpy's rules for a typed column (`_enforce_mlflow_datatype`): identity, widening within a kind, uint -> wider int, small ints -> double. */
function enforceDType(name: string, col: InColumn, type: DataType): ArrayLike<unknown> {
  const dtype = col.dtype as string;
  const values = col.values;
  if (type === "string" && dtype === "str") return values;
  if (type === "binary" && dtype === "bytes") return values;
  if (type === "datetime" && dtype.startsWith("datetime64")) return values;
  if (type === "boolean" && dtype === "bool") return values;
  const from = WIDE[dtype];
  const target = WIDE[NUMPY_NAME[type]];
  if (from !== undefined && target !== undefined) {
    let ok: boolean;
    if (from.kind === target.kind) ok = from.size <= target.size;
    else if (from.kind === "u" && target.kind === "i") ok = from.size < target.size;
    else if ((from.kind === "i" || from.kind === "u") && type === "double") ok = from.size <= 6;
    else ok = false;
    if (ok) return castTyped(values, type);
  }
  throw incompatible(name, dtype, type, `/${escapePointer(name)}`);
}

function castTyped(values: ArrayLike<unknown>, type: DataType): ArrayLike<unknown> {
  switch (type) {
    case "integer":
      return values instanceof Int32Array ? values : Int32Array.from(values as ArrayLike<number>);
    case "long":
      return values instanceof BigInt64Array
        ? values
        : BigInt64Array.from(values as ArrayLike<number | bigint>, (v) => BigInt(v));
    case "float":
      return values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>);
    case "double":
      return values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>, (v) => Number(v));
    default:
      return values;
  }
}

/** Puts converted columns back in the input's orientation. */
function rebuild(
  table: InTable,
  out: readonly { spec: ColSpec; column: InColumn | undefined; values: ArrayLike<unknown> }[],
): unknown {
  const present = out.filter((o) => o.column !== undefined);
  const key = (o: (typeof out)[number]) => (o.spec.name ?? (o.column as InColumn).key) as string | number;
  switch (table.orientation) {
    case "frame":
      return new Frame(present.map((o) => [String(key(o)), o.values as readonly unknown[]] as const));
    case "columns": {
      const obj: Record<string, unknown> = {};
      for (const o of present) setOwn(obj, String(key(o)), Array.from(o.values));
      return obj;
    }
    case "scalar":
      return present[0]?.values[0];
    case "values":
      return Array.from(present[0]?.values ?? []);
    case "rows":
      return Array.from({ length: table.nrows }, (_, r) => present.map((o) => o.values[r]));
    default: {
      const rows = Array.from({ length: table.nrows }, () => ({}) as Record<string, unknown>);
      for (const o of present) {
        const name = String(key(o));
        const source = (o.column as InColumn).values;
        for (let r = 0; r < table.nrows; r++) {
          // A key absent from a record stays absent (undefined in the column).
          if (source[r] !== undefined) setOwn(rows[r] as Record<string, unknown>, name, o.values[r]);
        }
      }
      return table.orientation === "row" ? rows[0] : rows;
    }
  }
}
