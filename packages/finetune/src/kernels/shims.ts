/**
 * The two kernel fixes tfjs 4.22.0 needs to train on the `wasm` backend (see the package README):
 *
 * 1. `UnsortedSegmentSum` is not registered for wasm, so the gradient of `gather` (every embedding)
 *    fails with "Kernel 'UnsortedSegmentSum' not registered". We register a linear-time kernel for
 *    wasm, and replace the cpu one, which loops over every segment with whole-tensor ops.
 * 2. `BatchMatMul` with `transposeA`/`transposeB` skips XNNPACK's fast path on wasm and runs 10-25x
 *    slower than the plain case; every matmul gradient uses those flags. We transpose the operand
 *    explicitly (a cheap copy) and call the plain kernel.
 */

import type { KernelBackend, KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from "@tensorflow/tfjs-core";
import * as tf from "@tensorflow/tfjs-core";
import { cpuMemory, type TensorMemory, wasmMemory } from "./tensor-memory.js";

interface Marked {
  modelproofShim?: true;
}

function unsortedSegmentSum(
  inputs: { x: TensorInfo; segmentIds: TensorInfo },
  attrs: NamedAttrMap,
  mem: TensorMemory,
): TensorInfo {
  const { x, segmentIds } = inputs;
  const numSegments = attrs.numSegments as number;
  const tail = x.shape.slice(segmentIds.shape.length);
  const inner = tail.reduce((a, b) => a * b, 1);
  const dtype = x.dtype === "int32" ? "int32" : "float32";
  const out = mem.alloc([numSegments, ...tail], dtype);
  const xv = dtype === "int32" ? mem.i32(x) : mem.f32(x);
  const ov = dtype === "int32" ? mem.i32(out) : mem.f32(out);
  ov.fill(0);
  const ids = mem.i32(segmentIds);
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i]!;
    if (s < 0 || s >= numSegments) continue;
    const o = s * inner;
    const xi = i * inner;
    for (let j = 0; j < inner; j++) ov[o + j]! += xv[xi + j]!;
  }
  return out;
}

function segmentSumKernel(memoryOf: (b: KernelBackend) => TensorMemory): KernelFunc {
  return ({ inputs, attrs, backend }) =>
    unsortedSegmentSum(
      inputs as { x: TensorInfo; segmentIds: TensorInfo },
      attrs ?? {},
      memoryOf(backend as unknown as KernelBackend),
    );
}

function replaceKernel(config: KernelConfig): void {
  if (tf.getKernel(config.kernelName, config.backendName) !== undefined) {
    tf.unregisterKernel(config.kernelName, config.backendName);
  }
  tf.registerKernel(Object.assign(config, { modelproofShim: true } satisfies Marked));
}

const swapLastTwo = (rank: number): number[] => {
  const p = Array.from({ length: rank }, (_, i) => i);
  p[rank - 2] = rank - 1;
  p[rank - 1] = rank - 2;
  return p;
};

/**
 * Registers the wasm fixes (idempotent). Must run before the wasm backend initialises, because the
 * wrapped `BatchMatMul` keeps the original kernel's `setupFunc`, which runs at backend init.
 */
export function registerWasmShims(): void {
  const uss = tf.getKernel("UnsortedSegmentSum", "wasm") as (KernelConfig & Marked) | undefined;
  if (uss === undefined || uss.modelproofShim !== true) {
    replaceKernel({ kernelName: "UnsortedSegmentSum", backendName: "wasm", kernelFunc: segmentSumKernel(wasmMemory) });
  }
  const orig = tf.getKernel("BatchMatMul", "wasm") as (KernelConfig & Marked) | undefined;
  const transposeKernel = tf.getKernel("Transpose", "wasm");
  if (orig === undefined || orig.modelproofShim === true || transposeKernel === undefined) return;
  const plain = orig.kernelFunc;
  const transpose = transposeKernel.kernelFunc;
  const kernelFunc: KernelFunc = (args) => {
    const { inputs, attrs, backend } = args;
    if (attrs?.transposeA !== true && attrs?.transposeB !== true) return plain(args);
    const a = inputs.a as TensorInfo;
    const b = inputs.b as TensorInfo;
    const temps: TensorInfo[] = [];
    const flip = (t: TensorInfo): TensorInfo => {
      const out = transpose({ inputs: { x: t }, attrs: { perm: swapLastTwo(t.shape.length) }, backend }) as TensorInfo;
      temps.push(out);
      return out;
    };
    const out = plain({
      inputs: { a: attrs.transposeA === true ? flip(a) : a, b: attrs.transposeB === true ? flip(b) : b },
      attrs: { ...attrs, transposeA: false, transposeB: false },
      backend,
    });
    for (const t of temps) (backend as unknown as KernelBackend).disposeData(t.dataId);
    return out;
  };
  const config: KernelConfig = { kernelName: "BatchMatMul", backendName: "wasm", kernelFunc };
  if (orig.setupFunc !== undefined) config.setupFunc = orig.setupFunc;
  replaceKernel(config);
}

/** Replaces the cpu backend's quadratic `UnsortedSegmentSum` with a linear one (idempotent). */
export function registerCpuShims(): void {
  const uss = tf.getKernel("UnsortedSegmentSum", "cpu") as (KernelConfig & Marked) | undefined;
  if (uss !== undefined && uss.modelproofShim === true) return;
  replaceKernel({ kernelName: "UnsortedSegmentSum", backendName: "cpu", kernelFunc: segmentSumKernel(cpuMemory) });
}
