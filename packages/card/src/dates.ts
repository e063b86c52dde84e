/**
 * Dates in cards: `YYYY-MM-DD` (RFC 3339 full-date) or an RFC 3339 date-time, with a real calendar
 * date and time. Conversions to what each standard wants: SPDX 3.0.1 `DateTime` (UTC, whole seconds,
 * `Z`), MCT v0.0.2 `date`, CycloneDX 1.6 `date-time`.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

function validCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] ?? 0);
}

/**
 * Whether `value` is a card date: `YYYY-MM-DD` or an RFC 3339 date-time with a valid calendar date,
 * hours 00–23, minutes 00–59, seconds 00–60 and an offset within ±23:59.
 *
 * @param value - the string to check
 * @returns true when valid
 * @example
 * ```ts
 * isCardDate("2024-02-29"); // true
 * isCardDate("2023-02-29"); // false
 * ```
 */
export function isCardDate(value: string): boolean {
  const d = DATE.exec(value);
  if (d) return validCalendarDate(Number(d[1]), Number(d[2]), Number(d[3]));
  const t = DATE_TIME.exec(value);
  if (!t) return false;
  if (!validCalendarDate(Number(t[1]), Number(t[2]), Number(t[3]))) return false;
  if (Number(t[4]) > 23 || Number(t[5]) > 59 || Number(t[6]) > 60) return false;
  if (t[9] !== undefined && (Number(t[9]) > 23 || Number(t[10]) > 59)) return false;
  return true;
}

/** `YYYY-MM-DD` → `YYYY-MM-DDT00:00:00Z`; a date-time → the same instant in UTC, whole seconds (SPDX 3.0.1 DateTime). */
export function toUtcSeconds(value: string): string {
  if (DATE.test(value)) return `${value}T00:00:00Z`;
  const ms = Date.parse(
    value
      .replace(/t/, "T")
      .replace(/z$/, "Z")
      .replace(/:60(\.\d+)?([Zz+-])/, ":59$2"),
  );
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The calendar date part, `YYYY-MM-DD`, of a card date (MCT `date`). */
export function toDateOnly(value: string): string {
  return value.slice(0, 10);
}
