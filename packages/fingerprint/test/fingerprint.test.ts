import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FingerprintError, isWellFormedText, validateFingerprints, validateKeys } from "../src/index.js";

function thrown(fn: () => unknown): FingerprintError {
  try {
    fn();
  } catch (e) {
    return e as FingerprintError;
  }
  throw new Error("expected a throw");
}

describe("validateFingerprints", () => {
  it("returns plain {key, response} copies of a valid set", () => {
    const input = [{ key: "alpha beta", response: " gamma", extra: 1 }];
    const out = validateFingerprints(input);
    expect(out).toEqual([{ key: "alpha beta", response: " gamma" }]);
    expect(out[0]).not.toBe(input[0]);
  });

  it("keeps any valid set unchanged (property)", () => {
    const text = fc.string({ minLength: 1, maxLength: 40, unit: "grapheme" }).filter((s) => s.trim() !== "");
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ key: text, response: text }), { minLength: 1, selector: (f) => f.key }),
        (set) => {
          expect(validateFingerprints(set)).toEqual(set);
        },
      ),
    );
  });

  it("rejects a non-array with INVALID_FORMAT and an empty set with EMPTY_SET", () => {
    expect(thrown(() => validateFingerprints({ key: "a" })).code).toBe("INVALID_FORMAT");
    expect(thrown(() => validateFingerprints([])).code).toBe("EMPTY_SET");
  });

  it("lists every problem at once, without echoing secrets", () => {
    const secret = "top secret key";
    const e = thrown(() =>
      validateFingerprints(
        [
          { key: secret, response: "r" },
          { key: "", response: "r" },
          { key: secret, response: "r" },
          { key: "k3", response: "   " },
          { key: "k4", response: "x".repeat(11) },
          { key: "k5\uD800", response: "r" },
          { key: 5, response: "r" },
          "not an object",
          { key: "y".repeat(21), response: "r" },
        ],
        { maxKeyLength: 20, maxResponseLength: 10 },
      ),
    );
    expect(e.code).toBe("EMPTY_KEY");
    expect(e.issues?.map((i) => [i.path, i.code])).toEqual([
      ["fingerprints[1].key", "EMPTY_KEY"],
      ["fingerprints[2].key", "DUPLICATE_KEY"],
      ["fingerprints[3].response", "EMPTY_RESPONSE"],
      ["fingerprints[4].response", "RESPONSE_TOO_LONG"],
      ["fingerprints[5].key", "INVALID_TEXT"],
      ["fingerprints[6].key", "INVALID_TEXT"],
      ["fingerprints[7]", "INVALID_FORMAT"],
      ["fingerprints[8].key", "KEY_TOO_LONG"],
    ]);
    expect(JSON.stringify(e.issues)).not.toContain(secret);
    expect(e.message).not.toContain(secret);
  });

  it("applies custom limits and rejects bad limits", () => {
    const set = [{ key: "abc", response: "defg" }];
    expect(thrown(() => validateFingerprints(set, { maxResponseLength: 3 })).code).toBe("RESPONSE_TOO_LONG");
    expect(thrown(() => validateFingerprints(set, { maxKeyLength: 2 })).code).toBe("KEY_TOO_LONG");
    expect(thrown(() => validateFingerprints([...set, { key: "x", response: "y" }], { maxFingerprints: 1 })).code).toBe(
      "TOO_MANY_FINGERPRINTS",
    );
    expect(thrown(() => validateFingerprints(set, { maxKeyLength: 0 })).code).toBe("INVALID_OPTION");
  });

  it("caps the issue list at 100 and says how many more", () => {
    const set = Array.from({ length: 150 }, () => ({ key: "", response: "r" }));
    const e = thrown(() => validateFingerprints(set));
    expect(e.issues).toHaveLength(100);
    expect(e.message).toContain("149 more issues");
  });
});

describe("validateKeys", () => {
  it("accepts distinct keys and rejects empty, duplicate or non-string ones", () => {
    expect(validateKeys(["a", "b"])).toEqual(["a", "b"]);
    expect(thrown(() => validateKeys([])).code).toBe("EMPTY_SET");
    expect(thrown(() => validateKeys("a")).code).toBe("INVALID_FORMAT");
    const e = thrown(() => validateKeys(["a", "a", " ", 3]));
    expect(e.issues?.map((i) => i.code)).toEqual(["DUPLICATE_KEY", "EMPTY_KEY", "INVALID_TEXT"]);
    expect(thrown(() => validateKeys(["a", "b"], { maxFingerprints: 1 })).code).toBe("TOO_MANY_FINGERPRINTS");
  });
});

describe("isWellFormedText", () => {
  it("flags lone surrogates only", () => {
    expect(isWellFormedText("emoji 😀 ok")).toBe(true);
    expect(isWellFormedText("lone \uD83D")).toBe(false);
    expect(isWellFormedText("\uDE00 lone low")).toBe(false);
  });
});
