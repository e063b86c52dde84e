import fc from "fast-check";
import { PackageURL } from "packageurl-js";
import { describe, expect, it } from "vitest";
import { normalizePythonName, toPurl } from "../src/index.js";

// npm names: lowercase URL-safe characters (npm's own rule)
const segment = fc.stringMatching(/^[a-z0-9][a-z0-9._~-]{0,20}$/);
const version = fc.stringMatching(/^[0-9A-Za-z][0-9A-Za-z.+:_-]{0,15}$/);

describe("toPurl (differential against packageurl-js)", () => {
  it("matches for npm names, scoped or not", () => {
    fc.assert(
      fc.property(fc.option(segment, { nil: undefined }), segment, version, (scope, name, v) => {
        const full = scope ? `@${scope}/${name}` : name;
        const expected = new PackageURL(
          "npm",
          scope ? `@${scope}` : undefined,
          name,
          v,
          undefined,
          undefined,
        ).toString();
        expect(toPurl("npm", full, v)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("matches for PyPI names (normalised)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/), version, (name, v) => {
        expect(toPurl("pypi", name, v)).toBe(
          new PackageURL("pypi", undefined, name, v, undefined, undefined).toString(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("normalises PyPI names as the purl PyPI type says", () => {
    expect(normalizePythonName("Scikit_Learn.Extra")).toBe("scikit-learn.extra");
    expect(toPurl("npm", "@babel/core")).toBe("pkg:npm/%40babel/core");
  });
});
