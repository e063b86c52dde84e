/**
 * Datetimes as MLflow reads and writes them: ISO 8601 text (`2023-06-26T00:00:00`, Python's naive
 * `datetime.isoformat()`), with timezone offsets converted to UTC (as numpy does) and JS `Date`s read
 * in UTC. Parsed by hand because `Date.parse` reads `2023-06-26T00:00` in the *local* timezone.
 */

/** A parsed datetime: milliseconds since the epoch (UTC), the sub-millisecond microseconds, and whether it was a bare date. */
export interface ParsedDateTime {
  readonly epochMs: number;
  readonly micros: number;
  readonly dateOnly: boolean;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Parses ISO 8601 date or date-time text; returns `undefined` when it is not one (or not a real date). */
export function parseIsoDateTime(text: string): ParsedDateTime | undefined {
  if (text.length > 40) return undefined;
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = (frac ?? "").padEnd(9, "0");
  if (/[1-9]/.test(fraction.slice(6))) return undefined; // below a microsecond: Python datetimes cannot hold it
  const ms = Number(fraction.slice(0, 3));
  const micros = Number(fraction.slice(3, 6));
  let offsetMinutes = 0;
  if (tz !== undefined && tz !== "Z") {
    const sign = tz[0] === "-" ? -1 : 1;
    const digits = tz.slice(1).replace(":", "");
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0"));
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return { epochMs: date.getTime() - offsetMinutes * 60_000, micros, dateOnly: h === undefined };
}

/** Python's `datetime.isoformat()` of a naive UTC datetime (`date.isoformat()` for a bare date). */
export function formatIsoDateTime(p: ParsedDateTime): string | undefined {
  const date = new Date(p.epochMs);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(p.epochMs) || year < 1 || year > 9999) return undefined;
  const ymd = `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  if (p.dateOnly) return ymd;
  const hms = `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  const micro = date.getUTCMilliseconds() * 1000 + p.micros;
  return micro === 0 ? `${ymd}T${hms}` : `${ymd}T${hms}.${pad(micro, 6)}`;
}

/** A `Date` as Python's `isoformat()` of the same naive UTC datetime; `undefined` for an invalid Date. */
export function dateToIso(date: Date): string | undefined {
  const t = date.getTime();
  return Number.isNaN(t) ? undefined : formatIsoDateTime({ epochMs: t, micros: 0, dateOnly: false });
}

/** `true` for a `Date` (from any realm). */
export function isDate(x: unknown): x is Date {
  return x instanceof Date || Object.prototype.toString.call(x) === "[object Date]";
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
