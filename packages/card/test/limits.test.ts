import { describe, expect, it } from "vitest";
import { DEFAULT_INPUT_LIMITS, parseYamlBounded } from "../src/index.js";
import { expectCardError } from "./helpers.js";

describe("parseYamlBounded", () => {
  it("parses plain YAML 1.2 (core schema: no implicit dates, no yes/no booleans)", () => {
    expect(parseYamlBounded("a: 2024-01-01\nb: yes\nc: 1.5\nd: [x, y]\n", "t")).toEqual({
      a: "2024-01-01",
      b: "yes",
      c: 1.5,
      d: ["x", "y"],
    });
  });

  it("reports every anchor, alias, tag and merge key with its line", () => {
    const e = expectCardError(
      () => parseYamlBounded("a: &x 1\nb: *x\nc: !!binary aGk=\nd:\n  <<: {k: 1}\n", "t", { firstLine: 10 }),
      "INVALID_YAML",
    );
    expect(e.issues.map((i) => i.path).sort()).toEqual(["line:10", "line:11", "line:12", "line:14"]);
  });

  it("bounds bytes, nodes and depth", () => {
    expectCardError(() => parseYamlBounded("a: 1\n", "t", { maxBytes: 3 }), "INPUT_TOO_LARGE");
    expectCardError(() => parseYamlBounded(`[${"1,".repeat(1000)}1]`, "t", { maxNodes: 500 }), "INPUT_TOO_LARGE");
    expectCardError(() => parseYamlBounded(`${"[".repeat(80)}${"]".repeat(80)}`, "t"), "INPUT_TOO_LARGE");
    expect(DEFAULT_INPUT_LIMITS.maxDepth).toBe(64);
  });

  it("counts bytes, not characters", () => {
    expectCardError(() => parseYamlBounded(`a: "${"é".repeat(60)}"`, "t", { maxBytes: 100 }), "INPUT_TOO_LARGE");
  });

  it("reports malformed YAML", () => {
    expectCardError(() => parseYamlBounded("a: [1, 2\nb: }", "t"), "INVALID_YAML");
  });
});
