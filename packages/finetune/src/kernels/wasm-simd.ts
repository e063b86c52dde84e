/**
 * Loads the SIMD kernel module (wasm/kernels.c, compiled into ./wasm-kernels.generated.ts) into
 * the linear memory of the tfjs wasm backend, so its functions work on tensor data in place.
 */
import type { KernelBackend, TensorInfo } from "@tensorflow/tfjs-core";
import { WASM_KERNELS_BASE64 } from "./wasm-kernels.generated.js";

type Ptr = number;

/** The exported functions of the kernel module; pointers are byte offsets into the backend heap. */
export interface SimdKernels {
  mp_layernorm_fwd(x: Ptr, g: Ptr, b: Ptr, y: Ptr, mean: Ptr, rstd: Ptr, n: number, d: number, eps: number): void;
  mp_layernorm_bwd(
    dy: Ptr,
    x: Ptr,
    g: Ptr,
    mean: Ptr,
    rstd: Ptr,
    dres: Ptr,
    dx: Ptr,
    dg: Ptr,
    db: Ptr,
    n: number,
    d: number,
  ): void;
  mp_gelu_fwd(u: Ptr, out: Ptr, n: number): void;
  mp_gelu_bwd(dg: Ptr, u: Ptr, du: Ptr, n: number): void;
  mp_xent(
    logits: Ptr,
    targets: Ptr,
    dl: Ptr,
    nll: Ptr,
    n: number,
    v: number,
    scale: number,
    rowScale: Ptr,
    soft: Ptr,
  ): void;
  mp_attn_fwd(qkv: Ptr, p: Ptr, ctx: Ptr, b: number, s: number, h: number, dh: number, scale: number, row: Ptr): void;
  mp_attn_bwd(
    qkv: Ptr,
    p: Ptr,
    dctx: Ptr,
    dqkv: Ptr,
    b: number,
    s: number,
    h: number,
    dh: number,
    scale: number,
    row: Ptr,
  ): void;
  mp_colsum(x: Ptr, out: Ptr, n: number, c: number): void;
  mp_transpose(x: Ptr, out: Ptr, r: number, c: number): void;
  mp_embed_fwd(ids: Ptr, wte: Ptr, wpe: Ptr, out: Ptr, n: number, s: number, d: number): void;
  mp_embed_bwd(dx: Ptr, ids: Ptr, dwte: Ptr, dwpe: Ptr, n: number, s: number, d: number, v: number, t: number): void;
  mp_scatter_rows(src: Ptr, rows: Ptr, out: Ptr, m: number, n: number, d: number): void;
}

/** SIMD kernels bound to one wasm backend, plus pointer lookup for its tensors. */
export interface BoundSimdKernels {
  /** The kernel functions. */
  fn: SimdKernels;
  /** Byte offset of a tensor's data in the shared heap. */
  ptr(info: TensorInfo): Ptr;
}

interface WasmBackendLike {
  wasm: { asm?: { memory?: unknown }; wasmMemory?: unknown; HEAPU8: Uint8Array };
  dataIdMap: { get(dataId: object): { memoryOffset: number } };
}

const bound = new WeakMap<object, BoundSimdKernels | null>();
let compiled: WebAssembly.Module | undefined;
let disabled = false;

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Switches the WebAssembly SIMD kernels on (default) or off; when off, the same kernels run as
 * plain JavaScript. A diagnostic switch for benchmarks and for ruling the SIMD module out when
 * troubleshooting; results agree to float rounding either way.
 * @param enabled - true to use the SIMD kernels on the wasm backend
 */
export function useWasmSimdKernels(enabled: boolean): void {
  disabled = !enabled;
}

/** @internal alias used by tests */
export const setSimdKernelsEnabled = useWasmSimdKernels;

/**
 * The SIMD kernels bound to a wasm backend, or undefined when that backend's memory is not
 * reachable (other tfjs build) or WebAssembly SIMD is unavailable; callers then use JS kernels.
 */
export function simdKernelsFor(backend: KernelBackend): BoundSimdKernels | undefined {
  if (disabled) return undefined;
  const key = backend as object;
  const cached = bound.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let result: BoundSimdKernels | null = null;
  try {
    const b = backend as unknown as WasmBackendLike;
    const memory = b.wasm.asm?.memory ?? b.wasm.wasmMemory;
    if (memory instanceof WebAssembly.Memory && memory.buffer === b.wasm.HEAPU8.buffer) {
      compiled ??= new WebAssembly.Module(decodeBase64(WASM_KERNELS_BASE64) as BufferSource);
      const instance = new WebAssembly.Instance(compiled, { env: { memory } });
      result = {
        fn: instance.exports as unknown as SimdKernels,
        ptr: (info) => b.dataIdMap.get(info.dataId).memoryOffset,
      };
    }
  } catch {
    result = null;
  }
  bound.set(key, result);
  return result ?? undefined;
}
