import { describe, expect, it } from "vitest";
import { buildProvenance, diffProvenance, type ProvenanceError } from "../src/index.js";
import { sampleComponents } from "./helpers/sample.js";

describe("diffProvenance", () => {
  it("lists added, removed, changed and unchanged components", () => {
    const v1 = buildProvenance(sampleComponents(), { version: "1" });
    const next = sampleComponents();
    next.metrics = { train_loss: 1.5 };
    delete next.model_card;
    const v2 = buildProvenance({ ...next, "x-eval": { mmlu: 0.3 } }, { version: "2" });
    const d = diffProvenance(v1, v2);
    expect(d.identical).toBe(false);
    expect(d.changed.map((c) => c.name)).toEqual(["metrics"]);
    expect(d.changed[0]!.before).toBe(v1.components[2]!.digest);
    expect(d.removed).toEqual(["model_card"]);
    expect(d.added).toEqual(["x-eval"]);
    expect(d.unchanged).toHaveLength(8);
  });

  it("reports identical records, ignoring salts for unchanged content", () => {
    const a = buildProvenance(sampleComponents(), { salt: true });
    const b = buildProvenance(sampleComponents(), { salt: true });
    const d = diffProvenance(a, b);
    expect(d.identical).toBe(false); // different salts, different roots
    expect(d.changed).toEqual([]);
    expect(diffProvenance(a, a).identical).toBe(true);
  });

  it("refuses malformed records", () => {
    const a = buildProvenance(sampleComponents());
    try {
      diffProvenance(a, { ...a, root: "0".repeat(64) });
      expect.unreachable();
    } catch (e) {
      expect((e as ProvenanceError).code).toBe("CORRUPTED_DATA");
    }
  });
});
