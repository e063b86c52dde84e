/**
 * The records fast path of enforcement: row-major, one checker per column compiled once per schema,
 * no transposition. A record that already conforms (schema key order, no extra keys, nothing
 * converted) is returned as it is; others are rebuilt with an object literal generated per schema
 * (key by key where `Function` is not allowed). Any failure hands over to the column-wise path, which
 * reports exactly what MLflow would report first.
 */
import { type Checker, compileChecker, NO_FIT, typeDepth } from "./coerce.js";
import { type EnforceContext, warnExtra } from "./enforce-context.js";
import type { ColSpec } from "./types.js";
import { isPlainObject, setOwn } from "./values.js";

interface CompiledColumn {
  readonly name: string;
  readonly required: boolean;
  readonly check: Checker;
  /** Names that live on Object.prototype must be read with hasOwn. */
  readonly inherited: boolean;
}

interface CompiledSchema {
  readonly columns: readonly CompiledColumn[];
  readonly depth: number;
  /** Column name -> position. */
  readonly index: ReadonlyMap<string, number>;
  readonly requiredCount: number;
  /** Builds a full record from values in column order with one object literal; absent where code generation is not allowed. */
  readonly build: ((values: readonly unknown[]) => Record<string, unknown>) | undefined;
}

/**
 * An object-literal builder for records with exactly these keys: one allocation with a fixed shape,
 * several times faster than adding keys one by one. Keys are JSON string literals (valid JS string
 * literals); names that live on Object.prototype (`__proto__` would set the prototype) are not
 * compiled. Returns `undefined` where `Function` is unavailable (a Content-Security-Policy without
 * 'unsafe-eval'): records are then built key by key.
 */
function recordBuilder(
  names: readonly string[],
): ((values: readonly unknown[]) => Record<string, unknown>) | undefined {
  if (names.some((n) => n in Object.prototype)) return undefined;
  try {
    const body = `return {${names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(", ")}};`;
    return new Function("v", body) as (values: readonly unknown[]) => Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const compiled = new WeakMap<readonly ColSpec[], CompiledSchema>();

function compile(specs: readonly ColSpec[]): CompiledSchema {
  let c = compiled.get(specs);
  if (c === undefined) {
    c = {
      columns: specs.map((s) => ({
        name: s.name as string,
        required: s.required,
        check: compileChecker(s.type, s.required),
        inherited: (s.name as string) in Object.prototype,
      })),
      depth: Math.max(...specs.map((s) => typeDepth(s.type))),
      index: new Map(specs.map((s, i) => [s.name as string, i])),
      requiredCount: specs.filter((s) => s.required).length,
      build: recordBuilder(specs.map((s) => s.name as string)),
    };
    compiled.set(specs, c);
  }
  return c;
}

/**
 * Enforces a named column schema on records in one pass with compiled checkers. Returns `undefined`
 * when anything is off (a missing column, a bad value, a non-record row): the column-wise path then
 * reports exactly what MLflow would report first.
 */
export function enforceRecordsFast(
  specs: readonly ColSpec[],
  rows: readonly unknown[],
  ctx: EnforceContext,
): unknown[] | undefined {
  const schema = compile(specs);
  if (schema.depth >= ctx.maxDepth) return undefined;
  const cols = schema.columns;
  const ncols = cols.length;
  let polluted = false;
  for (const _ in {}) polluted = true;
  const out = new Array(rows.length);
  const values: unknown[] = new Array(ncols);
  const extras = new Set<string>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!isPlainObject(row)) return undefined;
    // One pass over the row's own keys (`for...in` reads values through V8's enum cache, much faster
    // than looking each column up by name), then a check that every required column was there.
    let matched = 0;
    let requiredSeen = 0;
    let changed = false;
    let keys = 0;
    let inOrder = true;
    let j = 0;
    values.fill(undefined);
    for (const k in row) {
      if (polluted && !Object.hasOwn(row, k)) continue;
      keys++;
      let at: number | undefined;
      if (j < ncols && (cols[j] as CompiledColumn).name === k) at = j;
      else {
        at = schema.index.get(k);
        if (at === undefined) {
          extras.add(k);
          continue;
        }
        if (at < j) inOrder = false;
      }
      j = at + 1;
      const v = row[k];
      if (v === undefined) continue; // an undefined value is an absent key
      const col = cols[at] as CompiledColumn;
      const w = col.check(v);
      if (w === NO_FIT) return undefined;
      values[at] = w;
      matched++;
      if (col.required) requiredSeen++;
      if (w !== v) changed = true;
    }
    if (requiredSeen !== schema.requiredCount) return undefined;
    if (!changed && inOrder && keys === matched) {
      // Already exactly what enforcement returns: reuse the record (no copy).
      out[r] = row;
      continue;
    }
    let rec: Record<string, unknown>;
    if (matched === ncols && schema.build !== undefined) {
      rec = schema.build(values);
    } else {
      rec = {};
      for (let c = 0; c < ncols; c++) {
        const w = values[c];
        if (w === undefined) continue;
        const col = cols[c] as CompiledColumn;
        if (col.inherited) setOwn(rec, col.name, w);
        else rec[col.name] = w;
      }
    }
    out[r] = rec;
  }
  if (extras.size > 0) warnExtra(ctx, [...extras]);
  return out;
}
