import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64, bytesToHex, hexToBytes } from "../src/encoding.js";

describe("base64 and hex codecs", () => {
  it("agree with Node's Buffer and round-trip", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 9000 }), (bytes) => {
        const b64 = bytesToBase64(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString("base64"));
        expect(base64ToBytes(b64)).toEqual(bytes);
        const hex = bytesToHex(bytes);
        expect(hex).toBe(Buffer.from(bytes).toString("hex"));
        expect(hexToBytes(hex)).toEqual(bytes);
      }),
    );
  });

  it("reject non-canonical input", () => {
    for (const bad of ["A", "AB=", "AB==C", "QQ=", "QR==", "QUI=x", "Q U==", "QUJ-", 7, null]) {
      expect(base64ToBytes(bad)).toBeUndefined();
    }
    expect(base64ToBytes("QUI=")).toEqual(new Uint8Array([65, 66]));
    for (const bad of ["a", "AB", "0g", "zz", 12]) expect(hexToBytes(bad)).toBeUndefined();
  });
});
