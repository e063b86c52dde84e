// Benchmarks of @modelproof/fingerprint (run `pnpm build` first; this imports dist/).
// Every figure is a ratio against a reference measured in the same run. On a shared machine the
// load moves between measurements, so each case is timed in paired rounds (reference, then case,
// alternately) and the reported ratio is the median of the per-round ratios.
// - commitment vs SHA-256 of exactly the same leaf bytes, one node:crypto call per fingerprint
//   (the cost the goal "commitment within 1.5x of hashing the same bytes" is measured against);
// - checking vs calling the same in-process fake model in a plain loop.
// Usage: node bench/fingerprint.bench.mjs [--count 100000] [--check 10000] [--rounds 7] [--json out.json]
import { hash as nodeHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { machineInfo } from "@modelproof/tooling/bench";
import {
  checkFingerprints,
  commitFingerprints,
  fingerprintLeafData,
  generateRandomWordFingerprints,
  IdentityQuestionDetector,
  verifyOpening,
} from "../dist/index.js";

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const COUNT = Number(arg("count", 100_000));
const CHECK = Number(arg("check", 10_000));
const ROUNDS = Number(arg("rounds", 7));
const json = arg("json", undefined);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Paired rounds: returns median ms of each and the median of per-round ratios. */
async function paired(reference, fn, rounds = ROUNDS) {
  await reference();
  await fn();
  const refs = [];
  const cases = [];
  const ratios = [];
  for (let i = 0; i < rounds; i++) {
    const r = await time(reference);
    const c = await time(fn);
    refs.push(r);
    cases.push(c);
    ratios.push(c / r);
  }
  return {
    refMs: median(refs),
    ms: median(cases),
    ratio: median(ratios),
    spread: [Math.min(...ratios), Math.max(...ratios)],
  };
}

const round2 = (x) => Math.round(x * 100) / 100;
const results = { machine: machineInfo(), loadAverageAtStart: loadavg(), sections: [] };

function section(title, referenceName, rows) {
  console.log(`\n## ${title}`);
  console.log(`reference: ${referenceName}`);
  for (const r of rows) {
    const verdict = r.goal === undefined ? "" : r.ratio <= r.goal ? `meets <= ${r.goal}x` : `MISSES <= ${r.goal}x`;
    console.log(
      `  ${r.name.padEnd(50)} ${String(round2(r.ms)).padStart(9)} ms (ref ${String(round2(r.refMs)).padStart(8)} ms)` +
        `  ${String(round2(r.ratio)).padStart(6)}x  [${round2(r.spread[0])}-${round2(r.spread[1])}]  ${verdict}`,
    );
  }
  results.sections.push({ title, reference: referenceName, rows });
}

console.log(`# @modelproof/fingerprint benchmarks`);
console.log(`machine: ${machineInfo()}`);
console.log(
  `load average at start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
console.log(`fingerprints: ${COUNT} (random_word, 32-word keys, 32-word responses: OML's generator defaults)`);

// ---------------------------------------------------------------- generation and commitment
const opts = { count: COUNT, seed: "bench", keyLength: 32, responseLength: 32 };
const set = generateRandomWordFingerprints(opts);
const salted = commitFingerprints(set, { seed: "bench-salts" });
const leaves = set.map((f, i) => fingerprintLeafData(f, salted.salts[i]));
const totalBytes = leaves.reduce((n, l) => n + l.length, 0);
console.log(`leaf bytes: ${totalBytes} (${(totalBytes / COUNT).toFixed(0)} B per fingerprint)`);
const concatenated = new Uint8Array(totalBytes);
{
  let o = 0;
  for (const l of leaves) {
    concatenated.set(l, o);
    o += l.length;
  }
}
const hashEach = () => {
  for (const l of leaves) nodeHash("sha256", l, "buffer");
};
// The least any RFC 9162 commitment with one leaf per fingerprint can cost: every leaf hash plus
// the n - 1 interior node hashes, straight through node:crypto, with no encoding or validation.
const node = new Uint8Array(65);
const treeFloor = () => {
  for (const l of leaves) nodeHash("sha256", l, "buffer");
  for (let i = 1; i < leaves.length; i++) nodeHash("sha256", node, "buffer");
};
const openings = Array.from({ length: 1000 }, (_, i) => salted.open((i * 97) % COUNT));
const publicCommitment = salted.toJSON();

const commitRows = [
  {
    name: "commitFingerprints (stored salts)",
    goal: 1.5,
    ...(await paired(hashEach, () => commitFingerprints(set, { salts: salted.salts }))),
  },
  {
    name: "commitFingerprints (fresh random salts)",
    goal: 1.5,
    ...(await paired(hashEach, () => commitFingerprints(set))),
  },
  { name: "RFC 9162 floor: leaf + n-1 node hashes, raw", ...(await paired(hashEach, treeFloor)) },
  {
    name: "SHA-256 of all leaf bytes in one call",
    ...(await paired(hashEach, () => nodeHash("sha256", concatenated, "buffer"))),
  },
  {
    name: `generateRandomWordFingerprints (${COUNT})`,
    ...(await paired(hashEach, () => generateRandomWordFingerprints(opts), 3)),
  },
  {
    name: `open(i) for all ${COUNT} (inclusion proofs)`,
    ...(await paired(
      hashEach,
      () => {
        for (let i = 0; i < COUNT; i++) salted.open(i);
      },
      3,
    )),
  },
  {
    name: "verifyOpening x 1000",
    ...(await paired(hashEach, () => {
      for (const o of openings) verifyOpening(publicCommitment, o);
    })),
  },
];
section(`commitment of ${COUNT} fingerprints`, "SHA-256 of the same leaf bytes, one node:crypto call each", commitRows);
const floorRow = await paired(treeFloor, () => commitFingerprints(set, { salts: salted.salts }));
console.log(
  `  commitFingerprints vs the RFC 9162 floor: ${round2(floorRow.ratio)}x [${round2(floorRow.spread[0])}-${round2(floorRow.spread[1])}]`,
);
results.commitVsFloor = floorRow;

// ---------------------------------------------------------------- checking
const checkSet = set.slice(0, CHECK);
const answers = new Map(checkSet.map((f, i) => [f.key, i % 10 === 0 ? "wrong" : f.response]));
const model = { generate: async (prompt) => answers.get(prompt) ?? "" };
const plainLoop = async () => {
  let matched = 0;
  for (const f of checkSet) if ((await model.generate(f.key)).trim() === f.response) matched++;
  if (matched !== CHECK - CHECK / 10) throw new Error("fake model broken");
};
const checkBytes = checkSet.map((f) => new TextEncoder().encode(f.key + f.response));
section(
  `checking ${CHECK} fingerprints against an in-process fake model (90 % known)`,
  "the fake model called in a plain loop",
  [
    {
      name: "checkFingerprints (concurrency 16)",
      ...(await paired(plainLoop, async () => {
        const r = await checkFingerprints(model, checkSet, { concurrency: 16 });
        if (r.raw.matched !== CHECK - CHECK / 10) throw new Error("unexpected success rate");
      })),
    },
    {
      name: `checkFingerprints, ${CHECK / 10} keys x 3 prompts`,
      ...(await paired(plainLoop, () =>
        checkFingerprints(model, checkSet.slice(0, CHECK / 10), { concurrency: 16, systemPrompts: ["S: {}", "{} ?"] }),
      )),
    },
    {
      name: "SHA-256 of the same key+response bytes",
      ...(await paired(plainLoop, () => {
        for (const b of checkBytes) nodeHash("sha256", b, "buffer");
      })),
    },
  ],
);

// ---------------------------------------------------------------- detector
const detector = new IdentityQuestionDetector();
const messages = [
  "Who are you?",
  "Where can I report a problem with this model?",
  "Can you help me write a cover letter for a data analyst position at a bank?",
  "¿Quién eres?",
  "Summarize the following article about the history of the printing press in Europe.",
  "你是什么模型？",
  "who are youth workers",
  "What is the capital of Australia and how many people live there?",
];
const detectN = 10_000;
const detectRow = await paired(
  () => {
    for (let i = 0; i < detectN; i++) messages[i % messages.length].normalize("NFKC").toLowerCase();
  },
  () => {
    for (let i = 0; i < detectN; i++) detector.detect(messages[i % messages.length]);
  },
);
section(`IdentityQuestionDetector.detect x ${detectN} short messages`, "NFKC + toLowerCase of the same messages", [
  { name: "detect()", ...detectRow },
]);
console.log(`  (${((detectRow.ms / detectN) * 1000).toFixed(1)} us per message)`);
console.log(
  `load average at end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);

if (json) writeFileSync(json, JSON.stringify(results, null, 2));
