import { describe, expect, it } from "vitest";
import { FingerprintError } from "../src/index.js";

describe("FingerprintError", () => {
  it("carries its code, issues, index and cause", () => {
    const cause = new Error("low level");
    const issues = [{ path: "fingerprints[1].key", code: "EMPTY_KEY" as const, message: "must not be empty" }];
    const e = new FingerprintError("EMPTY_KEY", "bad", { issues, index: 1, cause });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("FingerprintError");
    expect(e.code).toBe("EMPTY_KEY");
    expect(e.issues).toEqual(issues);
    expect(e.index).toBe(1);
    expect(e.cause).toBe(cause);
    expect(new FingerprintError("ABORTED", "x").cause).toBeUndefined();
  });
});
