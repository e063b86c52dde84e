/**
 * Runs hash jobs on worker threads (node:worker_threads), one job per idle worker, largest first.
 * Each worker reads with a single reused buffer, so memory stays at `workers x chunkSize` whatever
 * the model size. The worker script sits next to this module: `src/hash-worker.js` under the tests,
 * `dist/hash-worker.js` / `dist/hash-worker.cjs` in the published package.
 */
import { Worker } from "node:worker_threads";
import { SignError, type SignErrorCode } from "./errors.js";
import type { HashUnit } from "./hash-worker.js";

/** Where the worker script is, relative to the running module (ESM, CJS or source). */
function workerUrl(): URL {
  const here = import.meta.url;
  const ext = here.endsWith(".cjs") ? ".cjs" : ".js";
  return new URL(`./hash-worker${ext}`, here);
}

interface Job {
  id: number;
  units: HashUnit[];
  bytes: number;
}

/**
 * Hashes every unit on `workers` threads. Digests come back in the units' order.
 * @internal
 */
export async function hashOnWorkers(
  units: HashUnit[],
  options: {
    algorithm: string;
    workers: number;
    chunkSize: number;
    onBytes: (n: number) => void;
    signal?: AbortSignal;
  },
): Promise<Uint8Array[]> {
  const digests: Uint8Array[] = new Array(units.length);
  // Pack small units together so that thousands of tiny files do not cost a message each.
  const order = units.map((u, i) => ({ u, i })).sort((a, b) => b.u.end - b.u.start - (a.u.end - a.u.start));
  const jobs: (Job & { index: number[] })[] = [];
  const SMALL = 1 << 20;
  let batch: (Job & { index: number[] }) | undefined;
  for (const { u, i } of order) {
    const size = u.end - u.start;
    if (size >= SMALL) {
      jobs.push({ id: jobs.length, units: [u], bytes: size, index: [i] });
      continue;
    }
    if (batch === undefined || batch.units.length >= 256 || batch.bytes >= 8 * SMALL) {
      batch = { id: jobs.length, units: [], bytes: 0, index: [] };
      jobs.push(batch);
    }
    batch.units.push(u);
    batch.index.push(i);
    batch.bytes += size;
  }

  const count = Math.max(1, Math.min(options.workers, jobs.length));
  const pool: Worker[] = [];
  let onAbort: (() => void) | undefined;
  try {
    await new Promise<void>((resolvePromise, reject) => {
      let next = 0;
      let done = 0;
      let failed = false;
      const fail = (e: SignError) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      onAbort = () => fail(new SignError("ABORTED", "hashing was aborted"));
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener("abort", onAbort, { once: true });
      const dispatch = (w: Worker) => {
        if (failed) return;
        const job = jobs[next++];
        if (job === undefined) return;
        w.postMessage({ id: job.id, units: job.units });
      };
      for (let k = 0; k < count; k++) {
        const w = new Worker(workerUrl(), {
          workerData: { modelproofHashWorker: true, algorithm: options.algorithm, chunkSize: options.chunkSize },
        });
        pool.push(w);
        w.on(
          "message",
          (msg: {
            type: string;
            id: number;
            bytes: number;
            digests: Uint8Array[];
            code: string;
            message: string;
            path: string;
          }) => {
            if (msg.type === "progress") {
              options.onBytes(msg.bytes);
            } else if (msg.type === "done") {
              const job = jobs[msg.id]!;
              job.index.forEach((unitIndex, j) => {
                digests[unitIndex] = msg.digests[j]!;
              });
              done++;
              if (done === jobs.length) resolvePromise();
              else dispatch(w);
            } else if (msg.type === "error") {
              fail(new SignError(msg.code as SignErrorCode, msg.message, msg.path ? { path: msg.path } : {}));
            }
          },
        );
        w.on("error", (e) => fail(new SignError("IO_ERROR", `hash worker failed: ${e.message}`, { cause: e })));
        w.on("exit", (code) => {
          if (code !== 0 && done < jobs.length) fail(new SignError("IO_ERROR", `hash worker exited with code ${code}`));
        });
        dispatch(w);
      }
    });
  } finally {
    if (onAbort !== undefined) options.signal?.removeEventListener("abort", onAbort);
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return digests;
}
