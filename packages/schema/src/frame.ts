/**
 * `Frame`: columnar data, the JavaScript stand-in for a pandas DataFrame. A plain object of arrays
 * means something else to MLflow (`{"a": [1, 2]}` is one row whose `a` is an array), so columnar
 * input is marked explicitly with {@link frame}. A typed-array column has a numpy dtype (`Int32Array`
 * is `int32`) and follows MLflow's dtype rules exactly; a plain-array column holds untyped values
 * (pandas `object`), typed from the values.
 */
import { SchemaError } from "./errors.js";
import { describe } from "./types.js";
import { isTypedArray, type TypedArray } from "./values.js";

/** One column: a typed array (fixed dtype) or a plain array of values. */
export type ColumnData = TypedArray | readonly unknown[];

/** Columnar data with named, equally long columns. Construct with {@link frame}. */
export class Frame {
  /** Column names in order. */
  readonly columns: readonly string[];
  /** Number of rows. */
  readonly length: number;
  readonly #data: ReadonlyMap<string, ColumnData>;

  /**
   * @param columns - column name -> data, in column order
   * @throws SchemaError `INVALID_INPUT` when a column is not an array or lengths differ
   */
  constructor(columns: Iterable<readonly [string, ColumnData]>) {
    const data = new Map<string, ColumnData>();
    let length: number | undefined;
    for (const [name, values] of columns) {
      if (typeof name !== "string") throw new SchemaError("INVALID_INPUT", "Frame column names must be strings");
      if (!Array.isArray(values) && !isTypedArray(values)) {
        throw new SchemaError(
          "INVALID_INPUT",
          `Frame column '${name}' must be an array or a typed array, got ${describe(values)}`,
          {
            name,
          },
        );
      }
      if (length !== undefined && values.length !== length) {
        throw new SchemaError(
          "INVALID_INPUT",
          `All frame columns must have the same length: column '${name}' has ${values.length} values, expected ${length}`,
          { name },
        );
      }
      length = values.length;
      data.set(name, values);
    }
    this.#data = data;
    this.columns = Object.freeze([...data.keys()]);
    this.length = length ?? 0;
  }

  /** The data of column `name`, or `undefined` when there is no such column. */
  get(name: string): ColumnData | undefined {
    return this.#data.get(name);
  }

  /** `true` when the frame has a column `name`. */
  has(name: string): boolean {
    return this.#data.has(name);
  }

  /** The rows as plain records (pandas `to_dict(orient="records")`). */
  toRecords(): Record<string, unknown>[] {
    const rows: Record<string, unknown>[] = Array.from({ length: this.length }, () => ({}));
    for (const [name, values] of this.#data) {
      for (let i = 0; i < this.length; i++) {
        Object.defineProperty(rows[i], name, {
          value: values[i],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return rows;
  }
}

/** `true` for a {@link Frame}. */
export function isFrame(x: unknown): x is Frame {
  return x instanceof Frame;
}

/**
 * Marks columnar data as a data frame (pandas `pd.DataFrame(dict)`).
 * @param columns - `{name: values}` or `[name, values]` pairs; values are arrays or typed arrays of equal length
 * @returns the frame
 * @throws SchemaError `INVALID_INPUT` on non-array columns or unequal lengths
 * @example frame({ age: Int32Array.of(31, 45), city: ["Oslo", null] })
 */
export function frame(columns: Readonly<Record<string, ColumnData>> | Iterable<readonly [string, ColumnData]>): Frame {
  if (columns !== null && typeof columns === "object" && Symbol.iterator in columns) {
    return new Frame(columns as Iterable<readonly [string, ColumnData]>);
  }
  const record = columns as Readonly<Record<string, ColumnData>>;
  return new Frame(Object.keys(record).map((k) => [k, record[k] as ColumnData] as const));
}
