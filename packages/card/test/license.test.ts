import fc from "fast-check";
import licenseIds from "spdx-license-ids/index.json";
import { describe, expect, it } from "vitest";
import { checkSpdxExpression, HUGGING_FACE_LICENSES, huggingFaceToSpdx, spdxToHuggingFace } from "../src/index.js";

describe("checkSpdxExpression", () => {
  it("accepts listed ids, LicenseRefs and compound expressions", () => {
    for (const e of [
      "MIT",
      "Apache-2.0 OR MIT",
      "(MIT AND BSD-2-Clause) OR GPL-3.0-or-later",
      "LicenseRef-x.y-1",
      "DocumentRef-a:LicenseRef-b",
    ]) {
      expect(checkSpdxExpression(e)).toBeUndefined();
    }
  });
  it("names the unknown id and suggests the right case", () => {
    expect(checkSpdxExpression("mit OR Apache-2.0")).toBe("unknown licence id 'mit' (did you mean 'MIT'?)");
    expect(checkSpdxExpression("Foo-1.0")).toBe("unknown licence id 'Foo-1.0'");
    expect(checkSpdxExpression("MIT OR")).toBe("not a valid SPDX licence expression");
    expect(checkSpdxExpression("x".repeat(2000))).toBeDefined();
  });
});

describe("Hugging Face licence mapping", () => {
  it("maps every Hub id to SPDX and back", () => {
    for (const id of HUGGING_FACE_LICENSES.filter((l) => l !== "other")) {
      const spdx = huggingFaceToSpdx({ license: id });
      expect(checkSpdxExpression(spdx.license)).toBeUndefined();
      expect(spdxToHuggingFace(spdx.license, spdx.url)).toEqual({ license: id });
    }
  });

  it("maps every SPDX id to Hub metadata and back (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...(licenseIds as string[])), (id) => {
        const hf = spdxToHuggingFace(id);
        expect(huggingFaceToSpdx(hf)).toEqual({ license: id });
      }),
      { numRuns: 300 },
    );
  });

  it("maps compound expressions and custom licences through `other`", () => {
    expect(spdxToHuggingFace("MIT OR Apache-2.0")).toEqual({ license: "other", licenseName: "MIT OR Apache-2.0" });
    expect(spdxToHuggingFace("LicenseRef-acme", "https://e.com/l")).toEqual({
      license: "other",
      licenseName: "acme",
      licenseLink: "https://e.com/l",
    });
    expect(
      huggingFaceToSpdx({ license: "other", licenseName: "llama-2 community license", licenseLink: "https://e.com" }),
    ).toEqual({
      license: "LicenseRef-llama-2-community-license",
      url: "https://e.com",
    });
  });
});
