import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  canonicalJsonBytes,
  MAX_CANONICAL_DEPTH,
  ProvenanceError,
  parseCanonicalJson,
} from "../src/index.js";

const code = (f: () => unknown) => {
  try {
    f();
    return "OK";
  } catch (e) {
    expect(e).toBeInstanceOf(ProvenanceError);
    return (e as ProvenanceError).code;
  }
};

describe("canonicalJson (RFC 8785)", () => {
  it("sorts members by UTF-16 code units, recursively, without whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    // RFC 8785 §3.2.3 sorting illustration: code-unit order puts U+1F600 (D83D DE00) before U+FB33.
    const keys = ["\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6"];
    const obj = Object.fromEntries(keys.map((k, i) => [k, i]));
    const expected = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"];
    // (Checked on the text: JS objects list integer-like keys such as "1" first, whatever the order.)
    expect(canonicalJson(obj)).toBe(`{${expected.map((k) => `${JSON.stringify(k)}:${keys.indexOf(k)}`).join(",")}}`);
  });

  it("writes numbers in the ECMAScript shortest form (RFC 8785 §3.2.2.3 / Appendix B)", () => {
    const cases: [number, string][] = [
      [0, "0"],
      [-0, "0"],
      [5e-324, "5e-324"],
      [1.7976931348623157e308, "1.7976931348623157e+308"],
      [1e21, "1e+21"],
      [1e20, "100000000000000000000"],
      [0.000001, "0.000001"],
      [1e-7, "1e-7"],
      [333333333.3333333, "333333333.3333333"],
      [9007199254740992, "9007199254740992"],
      [-1.5, "-1.5"],
      [0.1 + 0.2, "0.30000000000000004"],
    ];
    for (const [n, s] of cases) expect(canonicalJson(n)).toBe(s);
  });

  it("escapes strings as JSON.stringify does and encodes UTF-8", () => {
    expect(canonicalJson('a"\\\n\u0001é€😀')).toBe('"a\\"\\\\\\n\\u0001é€😀"');
    expect(Array.from(canonicalJsonBytes("é"))).toEqual([0x22, 0xc3, 0xa9, 0x22]);
  });

  it("rejects what JSON cannot carry exactly, with the path", () => {
    expect(code(() => canonicalJson({ a: [1, Number.NaN] }))).toBe("NON_CANONICAL_JSON");
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow("$.a[1]");
    expect(code(() => canonicalJson(Number.POSITIVE_INFINITY))).toBe("NON_CANONICAL_JSON");
    expect(code(() => canonicalJson({ a: undefined }))).toBe("NON_CANONICAL_JSON");
    expect(code(() => canonicalJson(10n))).toBe("NON_CANONICAL_JSON");
    expect(code(() => canonicalJson(() => 1))).toBe("NON_CANONICAL_JSON");
    expect(code(() => canonicalJson(new Date(0)))).toBe("NON_CANONICAL_JSON");
    expect(code(() => canonicalJson(new Map()))).toBe("NON_CANONICAL_JSON");
    expect(code(() => canonicalJson("\ud800x"))).toBe("NON_CANONICAL_JSON");
    expect(code(() => canonicalJson({ "\udc00": 1 }))).toBe("NON_CANONICAL_JSON");
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(code(() => canonicalJson(cyclic))).toBe("NON_CANONICAL_JSON");
  });

  it("bounds nesting depth instead of overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < MAX_CANONICAL_DEPTH + 1; i++) deep = [deep];
    expect(code(() => canonicalJson(deep))).toBe("NON_CANONICAL_JSON");
    let ok: unknown = 1;
    for (let i = 0; i < MAX_CANONICAL_DEPTH - 1; i++) ok = { k: ok };
    expect(code(() => canonicalJson(ok))).toBe("OK");
  });

  it("treats __proto__ as an ordinary member and accepts null-prototype objects", () => {
    const parsed = JSON.parse('{"__proto__":{"x":1},"a":2}');
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":1},"a":2}');
    const bare = Object.create(null);
    bare.k = 1;
    expect(canonicalJson(bare)).toBe('{"k":1}');
  });

  it("allows shared (non-cyclic) references", () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});

describe("parseCanonicalJson", () => {
  it("accepts canonical text and rejects anything else", () => {
    expect(parseCanonicalJson('{"a":1,"b":[true]}')).toEqual({ a: 1, b: [true] });
    expect(code(() => parseCanonicalJson('{"b":1,"a":2}'))).toBe("NON_CANONICAL_JSON");
    expect(code(() => parseCanonicalJson('{"a": 1}'))).toBe("NON_CANONICAL_JSON");
    expect(code(() => parseCanonicalJson('{"a":1.0}'))).toBe("NON_CANONICAL_JSON");
    expect(code(() => parseCanonicalJson('"\\u0041"'))).toBe("NON_CANONICAL_JSON");
    expect(code(() => parseCanonicalJson("{"))).toBe("NON_CANONICAL_JSON");
  });
});
