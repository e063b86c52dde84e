import { describe, expect, it } from "vitest";
import { ProvenanceError } from "../src/index.js";

describe("ProvenanceError", () => {
  it("carries its code, details and cause", () => {
    const cause = new Error("low level");
    const e = new ProvenanceError("HASH_MISMATCH", "changed", {
      component: "metrics",
      expected: "aa",
      actual: "bb",
      cause,
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("ProvenanceError");
    expect(e.code).toBe("HASH_MISMATCH");
    expect(e.component).toBe("metrics");
    expect([e.expected, e.actual]).toEqual(["aa", "bb"]);
    expect(e.cause).toBe(cause);
  });
});
