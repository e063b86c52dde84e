import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without type declarations
import { runPipeline } from "../src/pipeline.mjs";

describe("demo pipeline", () => {
  it("runs every step", async () => {
    const lines: string[] = [];
    const result = await runPipeline({ log: (l: string) => lines.push(l) });
    expect(result.steps.length).toBeGreaterThan(0);
    expect(lines.length).toBe(result.steps.length);
  });
});
