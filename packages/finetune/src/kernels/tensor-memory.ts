/**
 * Direct access to tensor memory for the JS kernels on the two in-process backends. tfjs kernels
 * receive `TensorInfo`s; on `wasm` the data lives in the module's heap (`memoryOffset`), on `cpu` in
 * a typed array per data id. Both are internal but stable for the pinned tfjs 4.22.0.
 */
import type { DataType, KernelBackend, TensorInfo } from "@tensorflow/tfjs-core";

/** Reads and allocates tensor memory for one kernel invocation. */
export interface TensorMemory {
  /**
   * Allocates an output tensor. On wasm, allocation may grow (and so detach) the heap: allocate every
   * output before taking views.
   */
  alloc(shape: number[], dtype?: "float32" | "int32"): TensorInfo;
  /** A float32 view of the tensor's memory (valid until the next allocation). */
  f32(info: TensorInfo): Float32Array;
  /** An int32 view of the tensor's memory (valid until the next allocation). */
  i32(info: TensorInfo): Int32Array;
  /** Frees a scratch tensor allocated with {@link TensorMemory.alloc} and not returned. */
  free(info: TensorInfo): void;
}

interface WasmBackendInternals {
  wasm: { HEAPU8: Uint8Array };
  dataIdMap: { get(dataId: object): { memoryOffset: number } };
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
}

interface CpuBackendInternals {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: DataType, values: Float32Array | Int32Array): TensorInfo;
}

function size(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Tensor memory access for the tfjs `wasm` backend. */
export function wasmMemory(backend: KernelBackend): TensorMemory {
  const b = backend as unknown as WasmBackendInternals;
  const view = <T>(info: TensorInfo, Ctor: new (buf: ArrayBufferLike, off: number, len: number) => T): T =>
    new Ctor(b.wasm.HEAPU8.buffer, b.dataIdMap.get(info.dataId).memoryOffset, size(info.shape));
  return {
    alloc: (shape, dtype = "float32") => b.makeOutput(shape, dtype),
    f32: (info) => view(info, Float32Array),
    i32: (info) => view(info, Int32Array),
    free: (info) => backend.disposeData(info.dataId, true),
  };
}

/** Tensor memory access for the tfjs `cpu` backend. */
export function cpuMemory(backend: KernelBackend): TensorMemory {
  const b = backend as unknown as CpuBackendInternals;
  const get = (info: TensorInfo): unknown => b.data.get(info.dataId).values;
  return {
    alloc: (shape, dtype = "float32") =>
      b.makeTensorInfo(shape, dtype, dtype === "int32" ? new Int32Array(size(shape)) : new Float32Array(size(shape))),
    f32: (info) => {
      const v = get(info);
      return v instanceof Float32Array ? v : Float32Array.from(v as ArrayLike<number>);
    },
    i32: (info) => {
      const v = get(info);
      return v instanceof Int32Array ? v : Int32Array.from(v as ArrayLike<number>);
    },
    free: (info) => backend.disposeData(info.dataId, true),
  };
}
