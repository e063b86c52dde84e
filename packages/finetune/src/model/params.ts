/**
 * The model's parameters: one flat Float32Array (the master copy the optimiser updates, hashes and
 * saves) mirrored into tfjs tensors on the active backend, plus the transposed weight matrices the
 * backward pass multiplies by (so no matmul needs a transpose flag).
 */

import type { Tensor } from "@tensorflow/tfjs-core";
import * as tf from "@tensorflow/tfjs-core";
import { createRng } from "../rng.js";
import { type ModelConfig, type ParamSpec, paramSpecs } from "./config.js";

/** Parameter names whose transposes the training step needs. */
function needsTranspose(name: string): boolean {
  return name === "wte" || /\.(wqkv|wo|w1|w2)$/.test(name);
}

/** Flat parameters plus their tensor mirrors. */
export class ParamStore {
  /** Canonical parameter list. */
  readonly specs: ParamSpec[];
  /** The master copy of every parameter, in canonical order. */
  readonly values: Float32Array;
  private readonly byName = new Map<string, ParamSpec>();
  private tensors = new Map<string, Tensor>();
  private transposes = new Map<string, Tensor>();
  private backendOfTensors: string | undefined;

  constructor(config: ModelConfig, values?: Float32Array) {
    this.specs = paramSpecs(config);
    const total = this.specs.reduce((a, s) => a + s.size, 0);
    this.values = values ?? new Float32Array(total);
    if (this.values.length !== total) throw new RangeError(`expected ${total} parameters, got ${this.values.length}`);
    for (const s of this.specs) this.byName.set(s.name, s);
  }

  /** Fills the parameters with a seeded GPT-2 style initialisation (identical on every backend). */
  initialise(seed: number): void {
    const rng = createRng(seed);
    for (const s of this.specs) {
      const view = this.values.subarray(s.offset, s.offset + s.size);
      if (s.init === "ones") view.fill(1);
      else if (s.init === "zeros") view.fill(0);
      else for (let i = 0; i < view.length; i++) view[i] = rng.normal() * s.std;
    }
    this.invalidate();
  }

  /** The spec of one parameter. */
  spec(name: string): ParamSpec {
    const s = this.byName.get(name);
    if (s === undefined) throw new RangeError(`no parameter '${name}'`);
    return s;
  }

  /** A view into the flat values of one parameter. */
  view(name: string): Float32Array {
    const s = this.spec(name);
    return this.values.subarray(s.offset, s.offset + s.size);
  }

  /** The tensor mirror of a parameter on the active backend (created on first use). */
  tensor(name: string): Tensor {
    this.sync();
    let t = this.tensors.get(name);
    if (t === undefined) {
      const s = this.spec(name);
      t = tf.keep(tf.tensor(this.view(name), s.shape, "float32"));
      this.tensors.set(name, t);
    }
    return t;
  }

  /** The transpose of a 2-D parameter (e.g. `wte` -> [d, vocab]). */
  transposed(name: string): Tensor {
    this.sync();
    let t = this.transposes.get(name);
    if (t === undefined) {
      if (!needsTranspose(name)) throw new RangeError(`no transpose kept for '${name}'`);
      const s = this.spec(name);
      const [r, c] = s.shape as [number, number];
      const src = this.view(name);
      const out = new Float32Array(s.size);
      for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = src[i * c + j]!;
      t = tf.keep(tf.tensor(out, [c, r], "float32"));
      this.transposes.set(name, t);
    }
    return t;
  }

  /** Drops the tensor mirrors after `values` changed; they are rebuilt on next use. */
  invalidate(): void {
    for (const t of this.tensors.values()) t.dispose();
    for (const t of this.transposes.values()) t.dispose();
    this.tensors = new Map();
    this.transposes = new Map();
  }

  /** Frees the tensor mirrors (the flat values stay). */
  dispose(): void {
    this.invalidate();
  }

  private sync(): void {
    const backend = tf.getBackend();
    if (this.backendOfTensors !== backend) {
      // Tensors made on another backend would be moved lazily by tfjs; rebuilding is cheaper and clearer.
      if (this.backendOfTensors !== undefined) this.invalidate();
      this.backendOfTensors = backend;
    }
  }
}
