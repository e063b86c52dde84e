import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PyFloat, pyFloatRepr, pyJsonDumps, pyString } from "../src/pyjson.js";

describe("pyFloatRepr", () => {
  // Python 3: repr(float(x)) for each x.
  it.each([
    [1, "1.0"],
    [0.1, "0.1"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [1e16, "1e+16"],
    [1234567890123456, "1234567890123456.0"],
    [1.2345678901234568e17, "1.2345678901234568e+17"],
    [1.5e300, "1.5e+300"],
    [-2.5e-7, "-2.5e-07"],
    [0.10000000149011612, "0.10000000149011612"],
    [-0, "-0.0"],
    [0, "0.0"],
    [5e-324, "5e-324"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [123.456, "123.456"],
    [1e22, "1e+22"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
  ])("repr(%s) is %s", (x, want) => {
    expect(pyFloatRepr(x)).toBe(want);
  });

  it("round-trips every finite double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(Number(pyFloatRepr(x)), x)).toBe(true);
      }),
    );
  });
});

describe("pyString", () => {
  it.each([
    ["plain", '"plain"'],
    ['q"b\\', '"q\\"b\\\\"'],
    ["é", '"\\u00e9"'],
    ["😀", '"\\ud83d\\ude00"'],
    ["\x7f\x01\u2028", '"\\u007f\\u0001\\u2028"'],
    ["\b\f\n\r\t", '"\\b\\f\\n\\r\\t"'],
  ])("escapes %j like json.dumps(ensure_ascii=True)", (s, want) => {
    expect(pyString(s)).toBe(want);
  });
});

describe("pyJsonDumps", () => {
  it("uses Python's separators and prints PyFloat as float", () => {
    expect(pyJsonDumps({ a: [1, new PyFloat(2)], b: null, c: true, d: "x", e: 2n ** 70n })).toBe(
      '{"a": [1, 2.0], "b": null, "c": true, "d": "x", "e": 1180591620717411303424}',
    );
  });

  it("writes an own __proto__ key like any other", () => {
    expect(pyJsonDumps(JSON.parse('{"__proto__": 1}'))).toBe('{"__proto__": 1}');
  });

  it("parses back to the same JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(pyJsonDumps(v as never))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});
