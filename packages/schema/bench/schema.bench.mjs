// Schema inference and enforcement benchmarks, as ratios against JSON.parse of the same data in the
// same run (the "plain pass" every request already pays). Run: pnpm --filter @modelproof/schema bench
// (builds first). BENCH_RECORDS / BENCH_ENFORCE / BENCH_ROUNDS override the sizes.
import { machineInfo, measure, report } from "@modelproof/tooling/bench";
import { createRequestValidator, enforce, inferSchema, ModelSignature, SILENT_LOGGER } from "../dist/index.js";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const ENFORCE = Number(process.env.BENCH_ENFORCE ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const quiet = { logger: SILENT_LOGGER };

console.log(`machine: ${machineInfo()}`);

// Ten mixed fields: integers, fractions, strings, a boolean, an optional string, a list of strings,
// an ISO datetime string. Deterministic (LCG), so every run sees the same data.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const categories = ["alpha", "beta", "gamma", "delta"];
function record(i) {
  return {
    id: i,
    name: `user-${i}`,
    score: Math.round(rand() * 1e6) / 1e3 + 0.5,
    active: rand() < 0.5,
    category: categories[i % 4],
    count: Math.floor(rand() * 1000),
    ratio: rand(),
    note: rand() < 0.1 ? null : "ok",
    tags: ["x", categories[i % 3]],
    created: "2024-06-25T10:11:12Z",
  };
}
const text = JSON.stringify(Array.from({ length: RECORDS }, (_, i) => record(i)));
const records = JSON.parse(text);
console.log(`${RECORDS.toLocaleString("en")} records x 10 fields, ${(text.length / 2 ** 20).toFixed(0)} MiB of JSON`);

// Inference: the whole data set, against parsing it.
const parseMs = await measure(() => JSON.parse(text), { rounds });
let schema;
const inferMs = await measure(
  () => {
    schema = inferSchema(records, quiet);
  },
  { rounds },
);
console.log(`inferred: ${schema.toJsonString()}`);
const inference = report(
  `inferSchema over ${RECORDS.toLocaleString("en")} records x 10 fields`,
  { name: "JSON.parse of the same data", ms: parseMs },
  [{ name: "inferSchema(records)", ms: inferMs, goal: 1 }],
);

// Enforcement: the first ENFORCE records against the inferred schema (records coerced and rebuilt).
const part = records.slice(0, ENFORCE);
const partText = JSON.stringify(part);
const signature = new ModelSignature({ inputs: schema });
const partParseMs = await measure(() => JSON.parse(partText), { rounds: rounds * 3 });
const enforceMs = await measure(() => enforce(signature, part, quiet), { rounds: rounds * 3 });
// The same records with one undeclared key each: every record is rebuilt (extra key dropped).
const extra = part.map((r) => ({ ...r, trace_id: "t" }));
const rebuildMs = await measure(() => enforce(signature, extra, quiet), { rounds: rounds * 3 });
const validate = createRequestValidator(signature);
const body = { dataframe_records: part };
if (!validate(body).valid) throw new Error("the exported JSON Schema rejects valid records");
const ajvMs = await measure(() => validate(body), { rounds: rounds * 3 });
const enforcement = report(
  `enforce on ${ENFORCE.toLocaleString("en")} records x 10 fields`,
  { name: "JSON.parse of the same records", ms: partParseMs },
  [
    { name: "enforce(signature, records), records already conform", ms: enforceMs },
    { name: "enforce(signature, records), every record rebuilt", ms: rebuildMs },
    { name: "Ajv validator of the exported JSON Schema (context)", ms: ajvMs },
  ],
);
const goal = 1_000_000;
const throughput = {};
for (const [label, ms] of [
  ["records already conform", enforceMs],
  ["every record rebuilt", rebuildMs],
]) {
  const perSecond = ENFORCE / (ms / 1000);
  throughput[label] = Math.round(perSecond);
  console.log(
    `  enforce throughput, ${label}: ${Math.round(perSecond).toLocaleString("en")} records/s (goal >= ${goal.toLocaleString("en")}: ${perSecond >= goal ? "meets" : "MISSES"})`,
  );
}

if (process.env.BENCH_JSON) {
  console.log(JSON.stringify({ machine: machineInfo(), inference, enforcement, enforceRecordsPerSecond: throughput }));
}
