// Prints the evaluation of the shipped lexicon classifier on the shipped evaluation sets, as
// Markdown tables (README "Evaluation"). Run: pnpm --filter @modelproof/safety run eval [--errors]
// [--split=dev|test|main|fresh|heldout|languages]
import { createSafetyChecker, createSafetyConfig, evaluateChecker } from "../dist/index.js";
import { EVAL_CONFIG, loadEvalSet } from "./eval-set.mjs";

const items = loadEvalSet();
const checker = createSafetyChecker({ config: createSafetyConfig(EVAL_CONFIG) });
const pct = (x) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

async function table(title, subset) {
  const report = await evaluateChecker(checker, subset);
  console.log(`\n### ${title} (${report.items} items)\n`);
  console.log("| label | support | TP | FP | FN | precision | recall |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const [label, s] of Object.entries(report.labels)) {
    console.log(
      `| ${label} | ${s.support} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${pct(s.precision)} | ${pct(s.recall)} |`,
    );
  }
  const v = report.verdict;
  console.log(
    `| **blocked (verdict)** | ${v.support} | ${v.truePositives} | ${v.falsePositives} | ${v.falseNegatives} | ${pct(v.precision)} | ${pct(v.recall)} |`,
  );
  console.log(`\nverdict accuracy ${pct(v.accuracy)}`);
  if (process.argv.includes("--errors")) {
    for (const e of report.errors) {
      const item = subset.find((i) => i.id === e.id);
      console.log(
        `  ${e.id} missed=[${e.missed}] spurious=[${e.spurious}]${e.verdictWrong ? " VERDICT" : ""}  ${JSON.stringify(item.text.slice(0, 90))}`,
      );
    }
  }
  return report;
}

const which = process.argv.find((a) => a.startsWith("--split="))?.slice(8) ?? "all";
const fixture = (name) => loadEvalSet(new URL(`../test/fixtures/${name}`, import.meta.url));
if (which === "all" || which === "dev")
  await table(
    "main set, dev split",
    items.filter((i) => i.split === "dev"),
  );
if (which === "all" || which === "test")
  await table(
    "main set, test split",
    items.filter((i) => i.split === "test"),
  );
if (which === "all" || which === "main") await table("all items of the main set", items);
if (which === "all" || which === "fresh") {
  await table("fresh set (the development set since the lexicon rework)", fixture("eval-fresh.jsonl"));
}
if (which === "all" || which === "heldout") {
  await table("held-out set (written after the rework, measured once)", fixture("eval-heldout.jsonl"));
}
if (which === "all" || which === "languages") {
  await table("Spanish, French and German set", fixture("eval-languages.jsonl"));
}
