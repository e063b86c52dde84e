// Training throughput: steps/s of one optimiser step (forward, backward, AdamW) for the same model
// configuration on tfjs-wasm (this package), tfjs-cpu, and PyTorch CPU (Debian python3-torch with
// OpenBLAS, 1 thread), measured in one run and interleaved round by round so machine load hits all
// sides alike. Also the "before" of our optimisation: the same model written with plain tfjs ops,
// differentiated by tfjs autodiff, with the two wasm kernel fixes only (tfjs-training.md A.2b).
//
// node bench/train.bench.mjs [--json out.json] [--rounds 5] [--config demo|tx2|all]
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { machineInfo, report } from "@modelproof/tooling/bench";
import * as tf from "@tensorflow/tfjs-core";
import { DEFAULT_MODEL_CONFIG, useBackend } from "../dist/index.js";
import { autodiffStep, explicitStep, setSimd } from "./train-step.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const rounds = Number(arg("rounds", 5));
const which = arg("config", "all");

const CONFIGS = {
  demo: { ...DEFAULT_MODEL_CONFIG, vocabSize: 768, batch: 16, seqLen: 96, steps: 5 },
  tx2: {
    vocabSize: 1000,
    contextLength: 32,
    dModel: 64,
    nHeads: 4,
    nLayers: 2,
    dFF: 256,
    layerNormEps: 1e-5,
    batch: 32,
    seqLen: 32,
    steps: 10,
  },
};

function cpuMs(fn, steps) {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  for (let i = 0; i < steps; i++) fn();
  const c = process.cpuUsage(c0);
  return { wallMs: (performance.now() - w0) / steps, cpuMs: (c.user + c.system) / 1000 / steps };
}

const torchPython = "/usr/bin/python3";
const hasTorch =
  existsSync(torchPython) && spawnSync(torchPython, ["-c", "import torch"], { stdio: "ignore" }).status === 0;

function torchRound(cfg) {
  const out = spawnSync(torchPython, [join(here, "torch_lm.py"), JSON.stringify({ ...cfg, rounds: 1, threads: 1 })], {
    encoding: "utf8",
    env: { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1" },
  });
  if (out.status !== 0) throw new Error(`torch failed: ${out.stderr}`);
  const r = JSON.parse(out.stdout.trim().split("\n").at(-1));
  return { ...r.rounds[0], version: r.torch };
}

// Wraps the wasm matmul kernels with a timer for `steps` steps; returns their share of the wall time.
function measureMatmulShare(step, steps) {
  const wrapped = ["BatchMatMul", "_FusedMatMul"].map((n) => tf.getKernel(n, "wasm")).filter((k) => k !== undefined);
  let inside = 0;
  const originals = wrapped.map((k) => k.kernelFunc);
  wrapped.forEach((k, i) => {
    k.kernelFunc = (args) => {
      const t = performance.now();
      const r = originals[i](args);
      inside += performance.now() - t;
      return r;
    };
  });
  try {
    const t = performance.now();
    for (let i = 0; i < steps; i++) step();
    return inside / (performance.now() - t);
  } finally {
    wrapped.forEach((k, i) => {
      k.kernelFunc = originals[i];
    });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results = { machine: machineInfo(), date: new Date().toISOString(), torch: hasTorch, configs: {} };
console.log(`# @modelproof/finetune training throughput\n${results.machine}`);
if (!hasTorch)
  console.log(
    "PyTorch not found at /usr/bin/python3 (apt-get install python3-torch libopenblas0-pthread): torch column skipped",
  );

for (const [name, cfg] of Object.entries(CONFIGS)) {
  if (which !== "all" && which !== name) continue;
  const cases = {
    "tfjs-wasm, this package (SIMD kernels)": [],
    "tfjs-wasm, this package (JS kernels)": [],
    "tfjs-wasm, autodiff + 2 shims (before)": [],
    "tfjs-cpu, this package": [],
    "pytorch-cpu (1 thread, OpenBLAS)": [],
  };
  let torchVersion;
  await useBackend("wasm");
  const wasmStep = explicitStep(cfg);
  const baseStep = autodiffStep(cfg);
  for (let i = 0; i < 2; i++) {
    wasmStep.step();
    baseStep.step();
  }
  for (let r = 0; r < rounds; r++) {
    await useBackend("wasm");
    setSimd(true);
    cases["tfjs-wasm, this package (SIMD kernels)"].push(cpuMs(wasmStep.step, cfg.steps));
    setSimd(false);
    cases["tfjs-wasm, this package (JS kernels)"].push(cpuMs(wasmStep.step, cfg.steps));
    setSimd(true);
    cases["tfjs-wasm, autodiff + 2 shims (before)"].push(cpuMs(baseStep.step, Math.max(2, cfg.steps >> 1)));
    if (hasTorch) {
      const t = torchRound(cfg);
      torchVersion = t.version;
      cases["pytorch-cpu (1 thread, OpenBLAS)"].push(t);
    }
  }
  // where the time goes on wasm: the share of the step spent inside the matmul kernels (XNNPACK)
  const matmulShare = measureMatmulShare(wasmStep.step, cfg.steps);
  // the cpu backend is ~50x slower: fewer rounds and steps
  await useBackend("cpu");
  const cpuStep = explicitStep(cfg);
  cpuStep.step();
  for (let r = 0; r < Math.min(rounds, 2); r++) cases["tfjs-cpu, this package"].push(cpuMs(cpuStep.step, 1));
  await useBackend("wasm");
  wasmStep.dispose();
  baseStep.dispose();
  cpuStep.dispose();

  const rows = Object.entries(cases)
    .filter(([, v]) => v.length > 0)
    .map(([label, v]) => ({ label, wallMs: median(v.map((x) => x.wallMs)), cpuMs: median(v.map((x) => x.cpuMs)) }));
  const ref = rows.find((r) => r.label.startsWith("pytorch")) ?? rows[0];
  const tokens = cfg.batch * cfg.seqLen;
  console.log(
    `\n### ${name}: V=${cfg.vocabSize} d=${cfg.dModel} heads=${cfg.nHeads} layers=${cfg.nLayers} ff=${cfg.dFF}, batch ${cfg.batch} x ${cfg.seqLen} tokens`,
  );
  const wall = report(
    `${name}: wall ms/step (median of ${rounds} rounds)`,
    { name: ref.label, ms: ref.wallMs },
    rows.map((r) => ({ name: r.label, ms: r.wallMs, ...(r.label.includes("SIMD") && hasTorch ? { goal: 2 } : {}) })),
  );
  const cpu = report(
    `${name}: CPU ms/step (process CPU time, robust to other jobs)`,
    { name: ref.label, ms: ref.cpuMs },
    rows.map((r) => ({ name: r.label, ms: r.cpuMs, ...(r.label.includes("SIMD") && hasTorch ? { goal: 2 } : {}) })),
  );
  for (const r of rows) {
    console.log(
      `  ${r.label.padEnd(44)} ${(1000 / r.wallMs).toFixed(2).padStart(7)} steps/s  ${((tokens * 1000) / r.wallMs).toFixed(0).padStart(7)} tokens/s`,
    );
  }
  const simd = rows.find((r) => r.label.includes("SIMD"));
  const torch = rows.find((r) => r.label.startsWith("pytorch"));
  console.log(
    `  where the time goes (wasm, SIMD kernels): matmul kernels ${(matmulShare * 100).toFixed(0)}% of the step, everything else ${((1 - matmulShare) * 100).toFixed(0)}%` +
      (torch === undefined
        ? ""
        : `; the matmuls alone take ${((matmulShare * simd.wallMs) / torch.wallMs).toFixed(2)}x PyTorch's whole step`),
  );
  results.configs[name] = { config: cfg, torchVersion, rows, wall, cpu, matmulShare };
}
console.log(
  `\ntfjs ${tf.version_core}; load average at end: ${(await import("node:os"))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
const out = arg("json", undefined);
if (out !== undefined) writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
