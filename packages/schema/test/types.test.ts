import { describe, expect, it } from "vitest";
import { ANY, arrayOf, colSpec, mapOf, objectOf, property, type SchemaError, tensorSpec } from "../src/index.js";
import { compareCodePoints, describe as describeValue, normalizeTensorDType, typesEqual } from "../src/types.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as SchemaError).code;
  }
  return "none";
};

describe("objectOf", () => {
  it("sorts properties by code point, as Python's sorted() does", () => {
    const o = objectOf({ "\uffff": "string", "😀": "string", b: "long", a: "double" });
    expect(o.properties.map((p) => p.name)).toEqual(["a", "b", "\uffff", "😀"]);
    // UTF-16 order would put the emoji (0xD83D...) before U+FFFF.
    expect(["😀", "\uffff"].sort()).toEqual(["😀", "\uffff"]);
  });

  it("rejects empty and duplicate properties", () => {
    expect(code(() => objectOf([]))).toBe("INVALID_SCHEMA");
    expect(code(() => objectOf([property("a", "long"), property("a", "string")]))).toBe("INVALID_SCHEMA");
  });

  it("is frozen", () => {
    expect(Object.isFrozen(objectOf({ a: "long" }).properties)).toBe(true);
  });
});

describe("type builders", () => {
  it("build the types MLflow names", () => {
    expect(arrayOf("string")).toEqual({ type: "array", items: "string" });
    expect(mapOf(ANY)).toEqual({ type: "map", values: { type: "any" } });
    expect(colSpec("double", { name: "x", required: false })).toEqual({
      kind: "column",
      type: "double",
      name: "x",
      required: false,
    });
    expect(tensorSpec("float32", [-1, 3])).toEqual({ kind: "tensor", dtype: "float32", shape: [-1, 3] });
  });

  it("reject what is not a type", () => {
    expect(code(() => arrayOf("int" as never))).toBe("INVALID_SCHEMA");
    expect(code(() => colSpec({ type: "tensor" } as never))).toBe("INVALID_SCHEMA");
    expect(code(() => property(1 as never, "long"))).toBe("INVALID_SCHEMA");
  });

  it("checks tensor dtypes and shapes like MLflow", () => {
    expect(normalizeTensorDType("str_")).toBe("str");
    expect(normalizeTensorDType("datetime64[ns]")).toBe("datetime64[ns]");
    expect(code(() => tensorSpec("<U16", [-1]))).toBe("INVALID_SCHEMA");
    expect(code(() => tensorSpec("float", [-1]))).toBe("INVALID_SCHEMA");
    expect(code(() => tensorSpec("float32", [-2]))).toBe("INVALID_SCHEMA");
    expect(code(() => tensorSpec("float32", [1.5]))).toBe("INVALID_SCHEMA");
  });

  it("compares types structurally", () => {
    expect(typesEqual(arrayOf(objectOf({ a: "long" })), arrayOf(objectOf({ a: "long" })))).toBe(true);
    expect(typesEqual(objectOf([property("a", "long", false)]), objectOf({ a: "long" }))).toBe(false);
    expect(typesEqual(mapOf("long"), arrayOf("long"))).toBe(false);
  });

  it("compareCodePoints orders like Python", () => {
    expect(compareCodePoints("a", "b")).toBeLessThan(0);
    expect(compareCodePoints("ab", "a")).toBeGreaterThan(0);
    expect(compareCodePoints("😀", "\uffff")).toBeGreaterThan(0);
    expect(compareCodePoints("x", "x")).toBe(0);
  });

  it("describes values briefly", () => {
    expect(describeValue("x".repeat(1_000_000)).length).toBeLessThan(100);
    expect(describeValue(new Map())).toBe("a Map");
    expect(describeValue(Symbol("s"))).toBe("a symbol");
  });
});
