/**
 * JSON text exactly as Python's `json.dumps(obj)` writes it with default settings (the serialiser
 * MLflow uses for the signature strings in MLmodel): `", "` and `": "` separators, `ensure_ascii=True`
 * (every character outside 0x20-0x7E escaped as lowercase `\uXXXX`, UTF-16 units), and Python's float
 * `repr` for values typed as floats (`1.0`, `1e-05`, `1e+16`).
 */

/** A number that Python holds as a `float` (printed `1.0`, not `1`). */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** Values the serialiser accepts: JSON values, with {@link PyFloat} marking floats. */
export type PyJsonValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyFloat
  | readonly PyJsonValue[]
  | { readonly [key: string]: PyJsonValue };

/** Serialises `value` as Python's `json.dumps(value)` would. Integral `number`s print as ints. */
export function pyJsonDumps(value: PyJsonValue): string {
  const out: string[] = [];
  write(value, out, 0);
  return out.join("");
}

function write(value: PyJsonValue, out: string[], depth: number): void {
  if (depth > 10_000) throw new RangeError("value is nested too deeply to serialise");
  if (value === null) {
    out.push("null");
  } else if (value === true) {
    out.push("true");
  } else if (value === false) {
    out.push("false");
  } else if (typeof value === "string") {
    out.push(pyString(value));
  } else if (typeof value === "bigint") {
    out.push(value.toString());
  } else if (typeof value === "number") {
    out.push(Number.isInteger(value) ? pyInt(value) : pyFloatRepr(value));
  } else if (value instanceof PyFloat) {
    out.push(pyFloatRepr(value.value));
  } else if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(", ");
      write(value[i] as PyJsonValue, out, depth + 1);
    }
    out.push("]");
  } else {
    out.push("{");
    let first = true;
    const obj = value as { readonly [key: string]: PyJsonValue };
    for (const key of Object.keys(obj)) {
      if (!first) out.push(", ");
      first = false;
      out.push(pyString(key), ": ");
      write(obj[key] as PyJsonValue, out, depth + 1);
    }
    out.push("}");
  }
}

/** Python `repr(int)`: integral numbers without exponent or fraction, however large. */
function pyInt(x: number): string {
  if (Object.is(x, -0)) return "0";
  return Math.abs(x) < 1e21 ? String(x) : BigInt(x).toString();
}

/**
 * Python's `repr(float)`: the shortest round-tripping digits, in fixed notation when the decimal
 * exponent is in [-4, 16), else scientific with a signed exponent of at least two digits.
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Number.POSITIVE_INFINITY) return "Infinity";
  if (x === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  // toExponential() with no argument gives the shortest digits that round-trip (ECMA-262 Number::toString).
  const [mantissa, expText] = Math.abs(x).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  if (exp >= -4 && exp < 16) {
    let s: string;
    if (exp < 0) {
      s = `0.${"0".repeat(-exp - 1)}${digits}`;
    } else if (digits.length > exp + 1) {
      s = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
    } else {
      s = `${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
    }
    return sign + s;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = exp < 0 ? `-${String(-exp).padStart(2, "0")}` : `+${String(exp).padStart(2, "0")}`;
  return `${sign}${m}e${e}`;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/** A Python `json.dumps` string literal with `ensure_ascii=True`. */
export function pyString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    if (i > start) out += s.slice(start, i);
    const ch = s[i] as string;
    out += SIMPLE_ESCAPES[ch] ?? `\\u${c.toString(16).padStart(4, "0")}`;
    start = i + 1;
  }
  return `${out}${s.slice(start)}"`;
}
