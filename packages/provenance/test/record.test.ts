import { describe, expect, it } from "vitest";
import {
  assertProvenance,
  buildProvenance,
  COMPONENT_NAMES,
  type ComponentName,
  canonicalJsonBytes,
  componentLeafData,
  MerkleTree,
  type ProvenanceError,
  type ProvenanceRecord,
  sha256,
  toHex,
  validateProvenanceRecord,
  verifyProvenance,
} from "../src/index.js";
import { sampleComponents } from "./helpers/sample.js";

function err(f: () => unknown): ProvenanceError {
  try {
    f();
  } catch (e) {
    return e as ProvenanceError;
  }
  throw new Error("expected an error");
}

const build = () => buildProvenance(sampleComponents(), { version: "1.0.0", createdAt: "2026-11-22T10:00:00Z" });

describe("buildProvenance", () => {
  it("orders components canonically and computes the root independently reproducible", () => {
    const record = build();
    expect(record.components.map((c) => c.name)).toEqual([...COMPONENT_NAMES]);
    expect(record.treeSize).toBe(10);
    // Recompute by hand: digest = SHA-256(canonical JSON), leaf = canonical {digest, encoding, name}.
    const leaves = COMPONENT_NAMES.map((name) => {
      const digest = toHex(sha256(canonicalJsonBytes(sampleComponents()[name])));
      expect(record.components.find((c) => c.name === name)!.digest).toBe(digest);
      return new TextEncoder().encode(`{"digest":"${digest}","encoding":"json","name":"${name}"}`);
    });
    expect(leaves[0]).toEqual(componentLeafData("model_weights", "json", record.components[0]!.digest));
    expect(record.root).toBe(toHex(MerkleTree.fromLeaves(leaves).root()));
  });

  it("is deterministic and independent of key order", () => {
    const a = build();
    const shuffled = Object.fromEntries(Object.entries(sampleComponents()).reverse());
    const b = buildProvenance(shuffled, { version: "1.0.0", createdAt: "2026-11-22T10:00:00Z" });
    expect(b).toEqual(a);
  });

  it("hashes byte components as bytes and never embeds them; custom x- names go last", () => {
    const weights = new Uint8Array([1, 2, 3, 4]);
    const r = buildProvenance({ "x-eval": { score: 1 }, metrics: { loss: 1 }, "x-blob": weights });
    expect(r.components.map((c) => [c.name, c.encoding, "value" in c])).toEqual([
      ["metrics", "json", true],
      ["x-blob", "bytes", false],
      ["x-eval", "json", true],
    ]);
    expect(r.components[1]!.digest).toBe(toHex(sha256(weights)));
    expect(r.components[1]!.size).toBe(4);
  });

  it("can leave values out and salt leaves", () => {
    let n = 0;
    const r = buildProvenance(
      { metrics: { loss: 1 } },
      { embedValues: false, salt: true, randomBytes: (k) => new Uint8Array(k).fill(++n) },
    );
    expect(r.components[0]!.value).toBeUndefined();
    expect(r.components[0]!.salt).toBe("01".repeat(32));
    expect(r.root).not.toBe(buildProvenance({ metrics: { loss: 1 } }).root);
    expect(validateProvenanceRecord(r)).toBe(r);
  });

  it("rejects bad names, unrepresentable values and empty input with precise codes", () => {
    expect(err(() => buildProvenance({ weights: {} } as never)).code).toBe("UNKNOWN_COMPONENT");
    expect(err(() => buildProvenance({ "x-Upper": {} } as never)).code).toBe("UNKNOWN_COMPONENT");
    const nan = err(() => buildProvenance({ metrics: { loss: Number.NaN } }));
    expect([nan.code, nan.component]).toEqual(["NON_CANONICAL_JSON", "metrics"]);
    expect(err(() => buildProvenance({})).code).toBe("CORRUPTED_DATA");
    expect(err(() => buildProvenance(null as never)).code).toBe("CORRUPTED_DATA");
  });

  it("enforces the shapes of the components it defines", () => {
    const e = err(() =>
      buildProvenance({
        data_statistics: { train: { samples: -1 } },
        fingerprint_commitment: { root: "xyz", count: 0 },
      }),
    );
    expect(e.code).toBe("CORRUPTED_DATA");
    const paths = e.issues!.map((i) => i.path);
    expect(paths).toContain("/components/0/value/train/samples");
    expect(paths).toContain("/components/1/value/root");
    expect(paths).toContain("/components/1/value/count");
  });
});

describe("validateProvenanceRecord", () => {
  it("reports every schema violation at once, with paths", () => {
    const bad = { ...build(), extra: true, treeSize: "10", components: [{ name: "metrics", encoding: "hex" }] };
    const e = err(() => validateProvenanceRecord(bad));
    expect(e.code).toBe("CORRUPTED_DATA");
    expect(e.issues!.map((i) => i.path)).toEqual(
      expect.arrayContaining(["/", "/treeSize", "/components/0", "/components/0/encoding"]),
    );
    expect(e.issues!.length).toBeGreaterThanOrEqual(4);
  });

  it("rejects missing fields, wrong types and bad times", () => {
    const r = build();
    const { root: _root, ...noRoot } = r;
    expect(err(() => validateProvenanceRecord(noRoot)).code).toBe("CORRUPTED_DATA");
    expect(err(() => validateProvenanceRecord({ ...r, createdAt: "yesterday" })).code).toBe("CORRUPTED_DATA");
    expect(err(() => validateProvenanceRecord({ ...r, root: r.root.toUpperCase() })).code).toBe("CORRUPTED_DATA");
    expect(err(() => validateProvenanceRecord("{}")).code).toBe("CORRUPTED_DATA");
  });

  it("detects a record edited without recomputing its root", () => {
    const r = structuredClone(build());
    r.components[2]!.digest = "0".repeat(64);
    delete r.components[2]!.value;
    const e = err(() => validateProvenanceRecord(r));
    expect(e.code).toBe("CORRUPTED_DATA");
    expect(e.expected).toBe(build().root);
  });

  it("detects an embedded value that does not match its digest", () => {
    const r = structuredClone(build());
    (r.components[1]!.value as Record<string, number>).epochs = 30;
    const e = err(() => validateProvenanceRecord(r));
    expect([e.code, e.component]).toEqual(["CORRUPTED_DATA", "training_config"]);
  });

  it("rejects duplicated or reordered components and a wrong treeSize", () => {
    const r = build();
    const swapped = { ...r, components: [r.components[1]!, r.components[0]!, ...r.components.slice(2)] };
    expect(err(() => validateProvenanceRecord(swapped)).code).toBe("CORRUPTED_DATA");
    const dup = { ...r, components: [r.components[0]!, ...r.components] };
    expect(err(() => validateProvenanceRecord(dup)).code).toBe("CORRUPTED_DATA");
    expect(err(() => validateProvenanceRecord({ ...r, treeSize: 9 })).code).toBe("CORRUPTED_DATA");
  });
});

describe("verifyProvenance", () => {
  it("reports every component as matched when nothing changed", () => {
    const v = verifyProvenance(build(), sampleComponents());
    expect(v.ok).toBe(true);
    expect(v.matched).toEqual([...COMPONENT_NAMES]);
    expect(v.failures).toEqual([]);
  });

  it("names exactly which components changed, are missing, or are unexpected", () => {
    const record = build();
    const now = sampleComponents();
    (now.metrics as Record<string, unknown>).val_loss = 2.5;
    delete now.model_card;
    const extra = { ...now, "x-extra": { a: 1 } };
    const v = verifyProvenance(record, extra);
    expect(v.ok).toBe(false);
    expect(v.changed.map((c) => c.name)).toEqual(["metrics"]);
    expect(v.changed[0]!.expected).toBe(record.components[2]!.digest);
    expect(v.missing).toEqual(["model_card"]);
    expect(v.unexpected).toEqual(["x-extra" as ComponentName]);
    expect(v.failures.map((f) => [f.code, f.component])).toEqual([
      ["HASH_MISMATCH", "metrics"],
      ["MISSING_COMPONENT", "model_card"],
      ["MISSING_COMPONENT", "x-extra"],
    ]);
  });

  it("treats a JSON value and the same bytes as different encodings", () => {
    const r = buildProvenance({ metrics: { loss: 1 } });
    const v = verifyProvenance(r, { metrics: canonicalJsonBytes({ loss: 1 }) });
    expect(v.changed.map((c) => c.name)).toEqual(["metrics"]);
  });

  it("throws CORRUPTED_DATA for a malformed record, before looking at components", () => {
    expect(err(() => verifyProvenance({ type: "x" }, sampleComponents())).code).toBe("CORRUPTED_DATA");
  });
});

describe("assertProvenance", () => {
  it("throws HASH_MISMATCH with the component and both hashes", () => {
    const record: ProvenanceRecord = build();
    const now = sampleComponents();
    now.safety_metrics = { totalChecks: 1000, passedChecks: 990, failedChecks: 10, contentWarnings: 12 };
    const e = err(() => assertProvenance(record, now));
    expect(e.code).toBe("HASH_MISMATCH");
    expect(e.component).toBe("safety_metrics");
    expect(e.expected).toBe(record.components[5]!.digest);
    expect(e.actual).toMatch(/^[0-9a-f]{64}$/);
  });

  it("throws MISSING_COMPONENT naming the component", () => {
    const now = sampleComponents();
    delete now.system_info;
    const e = err(() => assertProvenance(build(), now));
    expect([e.code, e.component]).toEqual(["MISSING_COMPONENT", "system_info"]);
  });

  it("returns the report when everything matches", () => {
    expect(assertProvenance(build(), sampleComponents()).ok).toBe(true);
  });
});
