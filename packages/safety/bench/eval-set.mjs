// Loads the evaluation set shipped with the tests (test/fixtures/eval-set.jsonl). Each line is
// [group, "in" | "out", labels, text | { repeat, times }]. Items alternate between a "dev" split
// (even positions, the only one looked at while improving the lexicon) and a held-out "test" split.
import { readFileSync } from "node:fs";

export const EVAL_CONFIG = {
  minAgeRating: "TEEN",
  maxInputLength: 2000,
  maxOutputLength: 1000,
};

/** @returns {{ id: string, group: string, split: "dev" | "test", direction: "input" | "output", labels: string[], text: string }[]} */
export function loadEvalSet(url = new URL("../test/fixtures/eval-set.jsonl", import.meta.url)) {
  const lines = readFileSync(url, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0);
  const perGroup = new Map();
  return lines.map((line, n) => {
    const [group, dir, labels, text] = JSON.parse(line);
    const k = (perGroup.get(group) ?? 0) + 1;
    perGroup.set(group, k);
    return {
      id: `${group}-${String(k).padStart(3, "0")}`,
      group,
      split: n % 2 === 0 ? "dev" : "test",
      direction: dir === "in" ? "input" : "output",
      labels,
      text: typeof text === "string" ? text : text.repeat.repeat(text.times),
    };
  });
}
