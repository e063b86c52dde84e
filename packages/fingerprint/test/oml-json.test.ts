import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type FingerprintError,
  parseFingerprintsJson,
  parseKeysJson,
  stringifyFingerprintsJson,
} from "../src/index.js";

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as FingerprintError).code;
  }
  return undefined;
}

describe("parseFingerprintsJson", () => {
  it("reads the OML format from text or bytes, with or without a BOM", () => {
    const text = '[{"key": "amber lunar", "response": " quartz"}, {"key": "b", "response": "c"}]';
    const expected = [
      { key: "amber lunar", response: " quartz" },
      { key: "b", response: "c" },
    ];
    expect(parseFingerprintsJson(text)).toEqual(expected);
    expect(parseFingerprintsJson(new TextEncoder().encode(text))).toEqual(expected);
    expect(parseFingerprintsJson(`\uFEFF${text}`)).toEqual(expected);
  });

  it("accepts OML's older `signature` field name unless told not to", () => {
    const text = '[{"key": "k", "signature": "s"}]';
    expect(parseFingerprintsJson(text)).toEqual([{ key: "k", response: "s" }]);
    expect(code(() => parseFingerprintsJson(text, { acceptSignatureField: false }))).toBe("INVALID_FORMAT");
  });

  it("drops OML's fine-tuning extras (text, key_length, ...)", () => {
    const text = '[{"key": "k", "response": "r", "text": "k r", "key_length": 1, "response_length": 2}]';
    expect(parseFingerprintsJson(text)).toEqual([{ key: "k", response: "r" }]);
  });

  it("rejects the wrong shape with coded errors", () => {
    expect(code(() => parseFingerprintsJson("not json"))).toBe("INVALID_FORMAT");
    expect(code(() => parseFingerprintsJson(new Uint8Array([0x5b, 0xff, 0x5d])))).toBe("INVALID_FORMAT");
    expect(code(() => parseFingerprintsJson('{"key": "k", "response": "r"}'))).toBe("INVALID_FORMAT");
    expect(code(() => parseFingerprintsJson('["just a key"]'))).toBe("INVALID_FORMAT");
    expect(code(() => parseFingerprintsJson('[{"key": "k"}]'))).toBe("INVALID_FORMAT");
    expect(code(() => parseFingerprintsJson("[]"))).toBe("EMPTY_SET");
    expect(code(() => parseFingerprintsJson('[{"key": "k", "response": 3}]'))).toBe("INVALID_TEXT");
    expect(code(() => parseFingerprintsJson('[{"key": "k", "response": "a"}, {"key": "k", "response": "b"}]'))).toBe(
      "DUPLICATE_KEY",
    );
    expect(code(() => parseFingerprintsJson('[{"key": "k", "response": "abc"}]', { maxResponseLength: 2 }))).toBe(
      "RESPONSE_TOO_LONG",
    );
    expect(code(() => parseFingerprintsJson(42 as unknown as string))).toBe("INVALID_FORMAT");
  });
});

describe("stringifyFingerprintsJson", () => {
  it("writes only key and response, in that order, and round-trips (property)", () => {
    const text = fc.string({ minLength: 1, maxLength: 30, unit: "grapheme" }).filter((s) => s.trim() !== "");
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ response: text, key: text }), {
          minLength: 1,
          maxLength: 20,
          selector: (f) => f.key,
        }),
        fc.integer({ min: 0, max: 4 }),
        (set, indent) => {
          const json = stringifyFingerprintsJson(set, { indent });
          expect(json.endsWith("\n")).toBe(true);
          expect(parseFingerprintsJson(json)).toEqual(set.map(({ key, response }) => ({ key, response })));
          expect(Object.keys(JSON.parse(json)[0])).toEqual(["key", "response"]);
        },
      ),
    );
  });

  it("validates before writing", () => {
    expect(code(() => stringifyFingerprintsJson([]))).toBe("EMPTY_SET");
    expect(code(() => stringifyFingerprintsJson([{ key: "k", response: "r" }], { indent: -1 }))).toBe("INVALID_OPTION");
  });
});

describe("parseKeysJson", () => {
  it("reads a custom keys file (a JSON array of strings)", () => {
    expect(parseKeysJson('["first key", "second key"]')).toEqual(["first key", "second key"]);
  });

  it("rejects the wrong shape, empty and duplicate keys", () => {
    expect(code(() => parseKeysJson('{"keys": []}'))).toBe("INVALID_FORMAT");
    expect(code(() => parseKeysJson("[]"))).toBe("EMPTY_SET");
    expect(code(() => parseKeysJson('["a", ""]'))).toBe("EMPTY_KEY");
    expect(code(() => parseKeysJson('["a", "a"]'))).toBe("DUPLICATE_KEY");
    expect(code(() => parseKeysJson('[{"key": "a"}]'))).toBe("INVALID_TEXT");
  });
});
