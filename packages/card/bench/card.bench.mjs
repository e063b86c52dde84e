// Rendering and parsing the fixture card, as ratios against JSON.stringify + JSON.parse of the same
// card measured in the same run. Run with `pnpm bench` after `pnpm build`.
import { readFileSync } from "node:fs";
import { machineInfo, measure, report } from "@modelproof/tooling/bench";
import {
  parseCycloneDx,
  parseHuggingFaceReadme,
  parseModelCardToolkit,
  renderCycloneDx,
  renderHtml,
  renderHuggingFaceReadme,
  renderModelCardToolkit,
  renderSpdx,
  validateCard,
} from "../dist/index.js";

const card = JSON.parse(readFileSync(new URL("../test/fixtures/sentiment-card.json", import.meta.url), "utf8"));
const N = 200;
const loop = (fn) => () => {
  for (let i = 0; i < N; i++) fn();
};
validateCard(card); // compiles the schema once, outside the timings
const readme = renderHuggingFaceReadme(card);
const bom = JSON.stringify(renderCycloneDx(card));
const mct = JSON.stringify(renderModelCardToolkit(card));

console.log(`machine: ${machineInfo()}; ${N} iterations per case`);
const reference = {
  name: "JSON.stringify + JSON.parse of the card",
  ms: await measure(loop(() => JSON.parse(JSON.stringify(card)))),
};
report("@modelproof/card, fixture card", reference, [
  { name: "validateCard", ms: await measure(loop(() => validateCard(card))) },
  { name: "renderHuggingFaceReadme", ms: await measure(loop(() => renderHuggingFaceReadme(card))) },
  { name: "parseHuggingFaceReadme", ms: await measure(loop(() => parseHuggingFaceReadme(readme))) },
  { name: "renderCycloneDx", ms: await measure(loop(() => renderCycloneDx(card))) },
  { name: "parseCycloneDx (text)", ms: await measure(loop(() => parseCycloneDx(bom))) },
  { name: "renderSpdx", ms: await measure(loop(() => renderSpdx(card))) },
  { name: "renderModelCardToolkit", ms: await measure(loop(() => renderModelCardToolkit(card))) },
  { name: "parseModelCardToolkit (text)", ms: await measure(loop(() => parseModelCardToolkit(mct))) },
  { name: "renderHtml", ms: await measure(loop(() => renderHtml(card))) },
]);
