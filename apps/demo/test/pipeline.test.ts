import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without type declarations
import { runPipeline } from "../src/pipeline.mjs";

describe("demo pipeline", () => {
  it("runs every step and every check passes", async () => {
    const lines: string[] = [];
    const result = await runPipeline({ log: (l: string) => lines.push(l) });
    expect(result.steps.length).toBeGreaterThanOrEqual(6);
    expect(result.steps.every((s: { ok: boolean }) => s.ok)).toBe(true);
    expect(lines).toHaveLength(result.steps.length);
  });
});
