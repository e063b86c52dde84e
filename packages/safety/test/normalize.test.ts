import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanCodeUnits, normalizeText } from "../src/normalize.js";

describe("normalizeText", () => {
  it.each([
    ["ＦＵＬＬＷＩＤＴＨ", "fullwidth"],
    ["𝐛𝐨𝐥𝐝 𝓼𝓬𝓻𝓲𝓹𝓽 𝕕𝕠𝕦𝕓𝕝𝕖", "bold script double"],
    ["ⓒⓘⓡⓒⓛⓔⓓ", "circled"],
    ["ki\u200bll\u200d yo\ufeffu", "kill you"],
    ["sui\u00adcide", "suicide"],
    ["Café NAÏVE résumé", "cafe naive resume"],
    ["ASCII Only", "ascii only"],
  ])("normalises %j to %j", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("replaces lone surrogates and keeps pairs", () => {
    expect(normalizeText("a\ud800b\udc00c😀")).toBe("a\ufffdb\ufffdc😀");
    expect(cleanCodeUnits("x\ud83dy").loneSurrogates).toBe(1);
    expect(cleanCodeUnits("plain").text).toBe("plain");
  });

  it("never throws and is idempotent on any string (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});
