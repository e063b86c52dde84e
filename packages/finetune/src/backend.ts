/**
 * Backend selection: `tensorflow` (tfjs-node-gpu, then tfjs-node; optional peer dependencies),
 * `wasm` (the CPU default, with the kernel fixes of ./kernels/shims.ts) and `cpu` (pure JS
 * fallback). `auto` tries them in that order and reports which one it got.
 */
import * as tf from "@tensorflow/tfjs-core";
import { FinetuneError } from "./errors.js";
import { registerFusedKernels } from "./kernels/fused.js";
import { registerCpuShims, registerWasmShims } from "./kernels/shims.js";

/** A backend request: `auto` picks the fastest one that loads. */
export type BackendRequest = "auto" | "tensorflow" | "wasm" | "cpu";

/** The backend that is active after {@link useBackend}. */
export interface BackendInfo {
  /** What was asked for. */
  requested: BackendRequest;
  /** The tfjs backend now active. */
  name: "tensorflow" | "wasm" | "cpu";
  /** The npm package that provides it. */
  package: string;
  /** Why faster candidates were skipped (auto only), e.g. "@tensorflow/tfjs-node-gpu: not installed". */
  skipped: string[];
}

/** The order in which `auto` tries backends. */
export const AUTO_BACKEND_ORDER: readonly string[] = [
  "@tensorflow/tfjs-node-gpu",
  "@tensorflow/tfjs-node",
  "@tensorflow/tfjs-backend-wasm",
  "@tensorflow/tfjs-backend-cpu",
];

const NODE_PACKAGES = ["@tensorflow/tfjs-node-gpu", "@tensorflow/tfjs-node"] as const;

let prepared = false;
let current: BackendInfo | undefined;

async function prepare(): Promise<void> {
  if (prepared) return;
  await import("@tensorflow/tfjs-backend-cpu");
  await import("@tensorflow/tfjs-backend-wasm");
  // tfjs-layers registers the gradients of every tfjs-core op (tfjs-core alone registers none);
  // the classifier watermarking trains LayersModels through them.
  await import("@tensorflow/tfjs-layers");
  registerWasmShims();
  registerCpuShims();
  registerFusedKernels();
  prepared = true;
}

async function loadNode(pkg: string): Promise<string | undefined> {
  try {
    // A variable specifier keeps bundlers from resolving the optional peer at build time.
    const specifier: string = pkg;
    await import(specifier);
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND"
      ? "not installed"
      : `failed to load (${(cause as Error).message})`;
  }
  return tf.findBackend("tensorflow") === null ? "loaded but registered no 'tensorflow' backend" : undefined;
}

async function activate(name: "tensorflow" | "wasm" | "cpu"): Promise<boolean> {
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return false;
    await tf.ready();
  } catch {
    return false;
  }
  if (name === "cpu") {
    // The cpu backend prints a "install tfjs-node" banner on first use; our README covers that.
    const backend = tf.findBackend("cpu") as unknown as { firstUse?: boolean } | null;
    if (backend !== null) backend.firstUse = false;
  }
  return tf.getBackend() === name;
}

/**
 * Makes a tfjs backend active for all later training and generation.
 *
 * @param request - `auto` (default): tfjs-node-gpu, tfjs-node, wasm, cpu, first that loads;
 *   `tensorflow`: tfjs-node-gpu or tfjs-node (must be installed by the caller); `wasm`; `cpu`.
 * @returns which backend is active, and why faster ones were skipped
 * @throws FinetuneError `BACKEND_UNAVAILABLE` when the requested backend cannot be loaded
 * @example
 * ```ts
 * const info = await useBackend("auto");
 * console.log(info.name); // "wasm" on a machine without tfjs-node
 * ```
 */
export async function useBackend(request: BackendRequest = "auto"): Promise<BackendInfo> {
  if (!["auto", "tensorflow", "wasm", "cpu"].includes(request)) {
    throw new FinetuneError("BACKEND_UNAVAILABLE", `unknown backend '${String(request)}'`);
  }
  await prepare();
  const skipped: string[] = [];
  if (request === "auto" || request === "tensorflow") {
    for (const pkg of NODE_PACKAGES) {
      const why = await loadNode(pkg);
      if (why === undefined && (await activate("tensorflow"))) {
        current = { requested: request, name: "tensorflow", package: pkg, skipped };
        return current;
      }
      skipped.push(`${pkg}: ${why ?? "backend failed to initialise"}`);
    }
    if (request === "tensorflow") {
      throw new FinetuneError(
        "BACKEND_UNAVAILABLE",
        `backend 'tensorflow' needs @tensorflow/tfjs-node-gpu or @tensorflow/tfjs-node 4.22.0 (${skipped.join("; ")})`,
      );
    }
  }
  for (const [name, pkg] of [
    ["wasm", "@tensorflow/tfjs-backend-wasm"],
    ["cpu", "@tensorflow/tfjs-backend-cpu"],
  ] as const) {
    if (request !== "auto" && request !== name) continue;
    if (await activate(name)) {
      current = { requested: request, name, package: pkg, skipped };
      return current;
    }
    skipped.push(`${pkg}: backend failed to initialise`);
  }
  throw new FinetuneError("BACKEND_UNAVAILABLE", `no backend could be initialised (${skipped.join("; ")})`);
}

/**
 * The active backend, activating `auto` first when none was chosen yet.
 * @internal
 */
export async function ensureBackend(): Promise<BackendInfo> {
  if (current !== undefined && tf.getBackend() === current.name) return current;
  const active = tf.getBackend();
  if (prepared && (active === "wasm" || active === "cpu" || active === "tensorflow")) {
    current = { requested: active, name: active, package: `@tensorflow/tfjs-backend-${active}`, skipped: [] };
    return current;
  }
  return useBackend("auto");
}
