import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesEqual, fromBase64, fromHex, hashFromHex, type ProvenanceError, toBase64, toHex } from "../src/index.js";

const code = (f: () => unknown) => {
  try {
    f();
    return "OK";
  } catch (e) {
    return (e as ProvenanceError).code;
  }
};

describe("hex and base64", () => {
  it("round-trip any bytes and agree with Node's encoders", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(toHex(bytes)).toBe(Buffer.from(bytes).toString("hex"));
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
        expect(fromHex(toHex(bytes))).toEqual(bytes);
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
        expect(fromBase64(Buffer.from(bytes).toString("base64url"))).toEqual(bytes);
      }),
    );
  });

  it("reject malformed text with INVALID_ENCODING", () => {
    expect(code(() => fromHex("abc"))).toBe("INVALID_ENCODING");
    expect(code(() => fromHex("zz"))).toBe("INVALID_ENCODING");
    expect(code(() => fromBase64("a"))).toBe("INVALID_ENCODING");
    expect(code(() => fromBase64("ab$="))).toBe("INVALID_ENCODING");
    expect(code(() => fromBase64("YR=="))).toBe("INVALID_ENCODING"); // non-zero trailing bits
    expect(code(() => hashFromHex("ab", "root"))).toBe("INVALID_HASH");
    expect(fromHex("ABcd")).toEqual(Uint8Array.of(0xab, 0xcd));
  });

  it("compares bytes", () => {
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1, 2))).toBe(false);
  });
});
