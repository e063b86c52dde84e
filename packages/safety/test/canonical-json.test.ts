import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalSha256, MAX_CANONICAL_DEPTH } from "../src/canonical-json.js";
import { SafetyError } from "../src/errors.js";

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof SafetyError ? e.code : `not a SafetyError: ${String(e)}`;
  }
  return undefined;
}

describe("canonicalJson", () => {
  it("matches the RFC 8785 §3.2.2 example", () => {
    // RFC 8785, section 3.2.2 (input) and 3.2.3 (output)
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    // (Object.keys would list "1" first, so compare the text itself.)
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it("writes -0 as 0 and numbers in ECMAScript form", () => {
    expect(canonicalJson([-0, 1e21, 1e-7, 123.456, -1.5e-10])).toBe("[0,1e+21,1e-7,123.456,-1.5e-10]");
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", [Number.POSITIVE_INFINITY]],
    ["undefined member", { a: undefined }],
    ["function", () => 1],
    ["bigint", 1n],
    ["lone surrogate in a string", "a\ud800b"],
    ["lone surrogate in a key", { "\udc00": 1 }],
    ["Date", new Date(0)],
    ["Map", new Map()],
  ])("rejects %s with NON_CANONICAL_JSON", (_name, value) => {
    expect(code(() => canonicalJson(value))).toBe("NON_CANONICAL_JSON");
  });

  it("rejects cycles and excessive nesting", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(code(() => canonicalJson(cyclic))).toBe("NON_CANONICAL_JSON");
    let deep: unknown = 1;
    for (let i = 0; i <= MAX_CANONICAL_DEPTH; i++) deep = [deep];
    expect(code(() => canonicalJson(deep))).toBe("NON_CANONICAL_JSON");
  });

  it("allows repeated (non-cyclic) references", () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it("round-trips JSON values and ignores key order (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(dict));
      }),
    );
  });
});

describe("canonicalSha256", () => {
  it("is SHA-256 of the UTF-8 canonical text (node:crypto oracle)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const expected = createHash("sha256").update(canonicalJson(value), "utf8").digest("hex");
        expect(canonicalSha256(value)).toBe(expected);
      }),
      { numRuns: 100 },
    );
    expect(canonicalSha256({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });
});
