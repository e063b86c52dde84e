import { describe, expect, it } from "vitest";
import { FinetuneError } from "../src/index.js";

describe("FinetuneError", () => {
  it("carries its code, step, index and cause", () => {
    const cause = new Error("low level");
    const e = new FinetuneError("NAN_LOSS", "loss became NaN", { step: 3, index: 1, cause });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("FinetuneError");
    expect([e.code, e.step, e.index, e.cause]).toEqual(["NAN_LOSS", 3, 1, cause]);
  });
});
