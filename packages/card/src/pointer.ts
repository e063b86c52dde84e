/** JSON Pointer (RFC 6901) helpers for issue paths. */

/** Escapes one reference token. */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Joins a base pointer and tokens: `join("/a", "b", 0)` → `/a/b/0`. */
export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => `/${escapeToken(t)}`).join("");
}
