import { describe, expect, it } from "vitest";
import { Frame, frame, isFrame, type SchemaError } from "../src/index.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as SchemaError).code;
  }
  return "none";
};

describe("frame", () => {
  it("holds equally long typed or plain columns", () => {
    const f = frame({ a: Int32Array.of(1, 2), b: ["x", "y"] });
    expect(f.columns).toEqual(["a", "b"]);
    expect(f.length).toBe(2);
    expect(f.has("a")).toBe(true);
    expect(f.get("zz")).toBeUndefined();
    expect(f.toRecords()).toEqual([
      { a: 1, b: "x" },
      { a: 2, b: "y" },
    ]);
    expect(isFrame(f)).toBe(true);
    expect(isFrame({ columns: [] })).toBe(false);
    expect(frame([["b", [1]] as const, ["a", [2]] as const]).columns).toEqual(["b", "a"]);
  });

  it("rejects ragged or non-array columns", () => {
    expect(code(() => frame({ a: [1], b: [1, 2] }))).toBe("INVALID_INPUT");
    expect(code(() => frame({ a: "abc" as never }))).toBe("INVALID_INPUT");
    expect(code(() => new Frame([[1 as never, [1]]]))).toBe("INVALID_INPUT");
  });

  it("keeps a __proto__ column as data", () => {
    const f = frame(JSON.parse('{"__proto__": [1]}'));
    expect(f.columns).toEqual(["__proto__"]);
    const rec = f.toRecords()[0] as object;
    expect(Object.getPrototypeOf(rec)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(rec, "__proto__")?.value).toBe(1);
  });
});
