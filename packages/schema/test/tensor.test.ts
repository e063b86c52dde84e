import { describe, expect, it } from "vitest";
import { isNDArray, NDArray, ndarray, type SchemaError } from "../src/index.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as SchemaError).code;
  }
  return "none";
};

describe("ndarray", () => {
  it("infers dtype and shape as np.array does", () => {
    expect(
      ndarray([
        [1, 2],
        [3, 4],
      ]),
    ).toMatchObject({ dtype: "int64", shape: [2, 2] });
    expect(ndarray([1, 2.5])).toMatchObject({ dtype: "float64", shape: [2] });
    expect(ndarray([true, 2])).toMatchObject({ dtype: "int64" });
    expect(ndarray([true, false])).toMatchObject({ dtype: "bool" });
    expect(ndarray(["a"])).toMatchObject({ dtype: "str" });
    expect(ndarray([new Date(0)])).toMatchObject({ dtype: "datetime64[ms]" });
    expect(ndarray([1, "a"])).toMatchObject({ dtype: "object" });
    expect(ndarray([null])).toMatchObject({ dtype: "object" });
    expect(ndarray([])).toMatchObject({ dtype: "float64", shape: [0] });
    expect(ndarray(3)).toMatchObject({ dtype: "int64", shape: [] });
    expect(ndarray([[1], [2, 3]])).toMatchObject({ dtype: "object", shape: [2] });
  });

  it("keeps typed arrays without copying and reshapes them", () => {
    const data = new Float32Array(6);
    const a = ndarray(data, { shape: [2, 3] });
    expect(a.data).toBe(data);
    expect(a.ndim).toBe(2);
    expect(a.size).toBe(6);
    expect(code(() => ndarray(data, { shape: [4, 2] }))).toBe("INVALID_INPUT");
    expect(ndarray(Int32Array.of(1, 2), { dtype: "float64" }).data).toEqual(Float64Array.of(1, 2));
    expect(ndarray(a)).toBe(a);
  });

  it("converts to an explicit dtype, checking every value", () => {
    expect(ndarray([1, 2], { dtype: "uint8" }).data).toEqual(Uint8Array.of(1, 2));
    expect(ndarray([1n, 2], { dtype: "int64" }).data).toEqual(BigInt64Array.of(1n, 2n));
    expect(ndarray([1], { dtype: "uint64" }).data).toEqual(BigUint64Array.of(1n));
    expect(code(() => ndarray([256], { dtype: "uint8" }))).toBe("INVALID_INPUT");
    expect(code(() => ndarray([1.5], { dtype: "int32" }))).toBe("INVALID_INPUT");
    expect(code(() => ndarray(["x"], { dtype: "float32" }))).toBe("INVALID_INPUT");
    expect(code(() => ndarray([1], { dtype: "bool" }))).toBe("INVALID_INPUT");
    expect(code(() => ndarray([[1], [2, 3]], { dtype: "int64" }))).toBe("INVALID_INPUT");
    expect(code(() => ndarray([1], { dtype: "complex64" }))).toBe("UNSUPPORTED_TYPE");
    expect(code(() => ndarray([1], { dtype: "<U8" }))).toBe("INVALID_SCHEMA");
    expect(code(() => ndarray([() => 1]))).toBe("UNSUPPORTED_TYPE");
  });

  it("reads duck-typed tensors with dataSync()", () => {
    const t = { shape: [2, 2], dtype: "int32", dataSync: () => Int32Array.of(1, 2, 3, 4) };
    const a = ndarray(t);
    expect(a).toMatchObject({ dtype: "int32", shape: [2, 2] });
    expect(a.toList()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("bounds nesting (cycles included)", () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(code(() => ndarray(cyclic))).toBe("MAX_DEPTH_EXCEEDED");
  });

  it("checks the constructor's shape", () => {
    expect(code(() => new NDArray([1, 2, 3], [2], "int64"))).toBe("INVALID_INPUT");
    expect(isNDArray(new NDArray([1], [1], "object"))).toBe(true);
    expect(isNDArray({ data: [], shape: [0], dtype: "int64" })).toBe(false);
  });
});
