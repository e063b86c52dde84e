// Tiny benchmark helper shared by the packages' bench/ scripts. Every figure is printed as a
// ratio against a reference measured in the same run, because absolute times on a shared 2-core
// machine move by +-15 % from one minute to the next.
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";

/** One line describing where the numbers came from (goes into the package README). */
export function machineInfo() {
  const cpu = cpus();
  const model = cpu[0]?.model?.trim() ?? "unknown CPU";
  return `${model}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}-${process.arch}`;
}

/**
 * Runs `fn` `rounds` times (after one warm-up unless `warmup` is false) and returns the median
 * wall time in milliseconds. `fn` may be async.
 */
export async function measure(fn, { rounds = 5, warmup = true } = {}) {
  if (warmup) await fn();
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Prints a table of cases against a reference: name, median ms, ratio to the reference and, when
 * given, a goal ("<= 1.3x") with a verdict. Returns the rows for JSON output.
 * @param {string} title
 * @param {{ name: string, ms: number }} reference
 * @param {{ name: string, ms: number, goal?: number, higherIsBetter?: boolean }[]} cases
 */
export function report(title, reference, cases) {
  const rows = cases.map((c) => {
    const ratio = c.ms / reference.ms;
    const verdict = c.goal === undefined ? "" : ratio <= c.goal ? `meets <= ${c.goal}x` : `MISSES <= ${c.goal}x`;
    return { name: c.name, ms: round(c.ms), ratio: round(ratio), goal: c.goal, verdict };
  });
  console.log(`\n## ${title}`);
  console.log(`reference: ${reference.name}: ${round(reference.ms)} ms`);
  for (const r of rows) {
    console.log(
      `  ${r.name.padEnd(52)} ${String(r.ms).padStart(10)} ms  ${String(r.ratio).padStart(7)}x reference  ${r.verdict}`,
    );
  }
  return { title, reference: { name: reference.name, ms: round(reference.ms) }, rows };
}

function round(x) {
  return Math.round(x * 100) / 100;
}
