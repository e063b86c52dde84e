// Throughput of the safety checks (lexicon classifier + every check) on a mixed corpus of
// 100,000 texts: 99,000 short ones (20-300 characters, built from the evaluation sentences) and
// 1,000 of 10 KB. Every figure is also given as a ratio to a reference measured in the same run:
// a plain pass that lowercases each text and counts its spaces (the least any checker must do).
// Then linearity: time per KB for one text of 1 KB ... 1 MB, natural and adversarial.
// Each figure is the median of ROUNDS runs after a warm-up, in wall time and in CPU time of this
// process (process.cpuUsage): on a shared machine the wall time includes waiting for a core, the
// CPU time much less so.
// Run: pnpm --filter @modelproof/safety run build && pnpm --filter @modelproof/safety run bench
import { machineInfo, report } from "@modelproof/tooling/bench";
import { createSafetyChecker, normalizeText } from "../dist/index.js";
import { loadEvalSet } from "./eval-set.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
console.log(`machine: ${machineInfo()}`);
console.log(`date: ${new Date().toISOString().slice(0, 10)}, rounds: ${ROUNDS} (median)`);

// Deterministic PRNG (mulberry32) so every run checks the same corpus.
let seed = 0x5afe7;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const sentences = loadEvalSet()
  .map((i) => i.text)
  .filter((t) => t.length < 200);
const pick = () => sentences[Math.floor(random() * sentences.length)];

function shortText() {
  let t = pick();
  while (t.length < 20 || (random() < 0.3 && t.length < 150)) t += ` ${pick()}`;
  return t.slice(0, 300);
}
function longText(size = 10_240) {
  const parts = [];
  let n = 0;
  while (n < size) {
    const s = pick();
    parts.push(s);
    n += s.length + 1;
  }
  return parts.join(" ").slice(0, size);
}

const shortTexts = Array.from({ length: 99_000 }, shortText);
const longTexts = Array.from({ length: 1_000 }, () => longText());
const mixed = [...shortTexts, ...longTexts];
for (let i = mixed.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [mixed[i], mixed[j]] = [mixed[j], mixed[i]];
}
const bytes = (texts) => texts.reduce((n, t) => n + t.length, 0);
console.log(
  `corpus: ${mixed.length} texts, ${(bytes(shortTexts) / shortTexts.length).toFixed(0)} chars per short text, ` +
    `${(bytes(mixed) / 2 ** 20).toFixed(1)} MiB in all`,
);

// Large limits so that the classifier runs on every text (nothing is cut short by the length check).
const checker = createSafetyChecker({
  config: {
    minAgeRating: "TEEN",
    contentFilters: ["violence", "explicit", "offensive", "hate", "self_harm", "dangerous", "personal_data"],
    maxInputLength: 2_000_000,
    maxOutputLength: 2_000_000,
    blockSensitiveTopics: true,
    sensitiveTopics: ["politics", "religion", "medical"],
    requireContentWarning: true,
    contentWarningTopics: ["conflict", "disaster", "death", "crime", "substances"],
    scoreThreshold: 0.5,
  },
  // Scan the 1 MB texts of the linearity table too (the default limit is 1,000,000 code units).
  maxScanLength: 2_000_000,
});

let sink = 0;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median wall and CPU milliseconds of `fn` over `rounds` runs, after one warm-up run. */
function timed(fn, rounds = ROUNDS) {
  fn();
  const wall = [];
  const cpu = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}
function reference(texts) {
  for (const t of texts) {
    const lower = t.toLowerCase();
    let spaces = 0;
    for (let i = 0; i < lower.length; i++) if (lower.charCodeAt(i) === 32) spaces++;
    sink += spaces;
  }
}
function checks(texts) {
  let blocked = 0;
  for (const t of texts) if (!checker.check(t, "output").allowed) blocked++;
  sink += blocked;
}
function normaliseOnly(texts) {
  for (const t of texts) sink += normalizeText(t).length;
}

function suite(title, texts) {
  const ref = timed(() => reference(texts));
  const norm = timed(() => normaliseOnly(texts));
  const full = timed(() => checks(texts));
  for (const clock of ["wall", "cpu"]) {
    report(`${title}: ${texts.length} texts, ${clock} time`, { name: "lowercase + scan (reference)", ms: ref[clock] }, [
      { name: "normalizeText only", ms: norm[clock] },
      { name: "check() with the lexicon classifier", ms: full[clock] },
    ]);
  }
  const mib = bytes(texts) / 2 ** 20;
  const rate = (ms) => Math.round((texts.length / ms) * 1000).toLocaleString("en-US");
  console.log(
    `  -> ${rate(full.wall)} checks/s wall (${(mib / (full.wall / 1000)).toFixed(1)} MiB/s), ` +
      `${rate(full.cpu)} checks per CPU-second (${(mib / (full.cpu / 1000)).toFixed(1)} MiB/s)`,
  );
  return { wall: (texts.length / full.wall) * 1000, cpu: (texts.length / full.cpu) * 1000 };
}

const shortRate = suite("short texts", shortTexts);
const verdict = (x) => (x >= 50_000 ? "meets" : "MISSES");
console.log(
  `  goal >= 50,000 short checks/s on one core: wall ${verdict(shortRate.wall)}, CPU ${verdict(shortRate.cpu)}`,
);
suite("10 KB texts", longTexts);
suite("mixed corpus", mixed);

// Linearity: per-KB cost of one text as it grows 1 KB -> 1 MB (natural text and adversarial shapes).
const shapes = {
  "natural text": (n) => longText(n),
  "spaced letters 'a a a'": (n) => "a ".repeat(n / 2),
  "one giant word": (n) => "a".repeat(n),
  "l33t soup 'k1!|@$'": (n) => "k1!|@$".repeat(n / 6),
  "trigger words 'kill '": (n) => "kill ".repeat(n / 5),
  "'a@' (e-mail scanner)": (n) => "a@".repeat(n / 2),
  "digits with separators": (n) => "1 ".repeat(n / 2),
  "zero-width between letters": (n) => "k\u200b".repeat(n / 2),
};
console.log("\n## linearity: CPU us per KB of one text (ratio to the 1 KB figure; linear = about 1)");
for (const [name, make] of Object.entries(shapes)) {
  const cells = [];
  let base;
  for (const size of [1_024, 10_240, 102_400, 1_048_576]) {
    const text = make(size);
    const reps = Math.max(1, Math.round(400_000 / size));
    const { cpu } = timed(() => {
      for (let r = 0; r < reps; r++) sink += checker.check(text, "output").length;
    }, 3);
    const perKb = cpu / reps / (text.length / 1024);
    base ??= perKb;
    cells.push(
      `${size >= 1_048_576 ? "1 MB" : `${size / 1024} KB`}: ${(perKb * 1000).toFixed(0)} (${(perKb / base).toFixed(2)}x)`,
    );
  }
  console.log(`  ${name.padEnd(30)} ${cells.join("  ")}`);
}
if (sink === 42) console.log("");
