import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without type declarations
import { runPipeline } from "../src/pipeline.mjs";

const outDir = mkdtempSync(join(tmpdir(), "modelproof-demo-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("demo pipeline", () => {
  it("runs every step end to end and every check passes", async () => {
    const lines: string[] = [];
    const result = await runPipeline({ outDir, log: (l: string) => lines.push(l), fingerprints: 16 });
    expect(result.steps.every((s: { ok: boolean }) => s.ok)).toBe(true);
    expect(result.steps.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining([
        "oms signature",
        "provenance",
        "model card",
        "tamper detection",
        "fingerprint check",
        "feedback link",
      ]),
    );
    expect(lines).toHaveLength(result.steps.length);
    expect(readdirSync(outDir).sort()).toEqual(
      expect.arrayContaining([
        "bom.cdx.json",
        "card.html",
        "model.spdx.json",
        "provenance.json",
        "provenance.sigstore.json",
      ]),
    );
  }, 120_000);
});
