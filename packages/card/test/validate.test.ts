import { describe, expect, it } from "vitest";
import { assertCard, CardError, MODEL_CARD_JSON_SCHEMA, validateCard } from "../src/index.js";
import { expectCardError, type Json, loadCard, paths } from "./helpers.js";

describe("validateCard", () => {
  it("accepts the realistic fixture card", () => {
    const r = validateCard(loadCard());
    expect(r).toMatchObject({ valid: true });
  });

  it("accepts a minimal card", () => {
    expect(validateCard({ schemaVersion: "1.0", name: "m", version: "1", license: "MIT" }).valid).toBe(true);
  });

  it("reports every bad field at once, each with its path", () => {
    const card = loadCard() as unknown as Json;
    card.license = "apache-2.0";
    card.created = "2024-02-30";
    card.urls.homepage = "not a url";
    card.colour = "blue";
    card.evaluation.metrics[0].value = "0.91";
    card.creators[0].email = "ada(at)example.com";
    card.training.datasets[0].hashes[0].value = "abc";
    const r = validateCard(card);
    expect(r.valid).toBe(false);
    if (r.valid) return;
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        "/license",
        "/created",
        "/urls/homepage",
        "/colour",
        "/evaluation/metrics/0/value",
        "/creators/0/email",
        "/training/datasets/0/hashes/0/value",
      ].sort(),
    );
    expect(byPath["/license"]).toContain("did you mean 'Apache-2.0'");
    expect(byPath["/colour"]).toContain("unknown");
    expect(byPath["/evaluation/metrics/0/value"]).toContain("number");
    expect(byPath["/training/datasets/0/hashes/0/value"]).toContain("64 hex");
  });

  it.each([
    ["GPL-2.0-only WITH Classpath-exception-2.0", true],
    ["MIT OR (Apache-2.0 AND BSD-3-Clause)", true],
    ["LicenseRef-acme-eula", true],
    ["GPL-2.0+", true],
    ["MIT AND", false],
    ["Apache 2.0", false],
    ["NotALicence-1.0", false],
    ["", false],
  ])("checks the SPDX expression %j", (license, ok) => {
    const r = validateCard({ schemaVersion: "1.0", name: "m", version: "1", license });
    expect(r.valid).toBe(ok);
    if (!r.valid) expect(r.issues[0]!.path).toBe("/license");
  });

  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2024-13-01", false],
    ["2024-03-15T10:00:00Z", true],
    ["2024-03-15T10:00:00.123+05:30", true],
    ["2024-03-15T24:00:00Z", false],
    ["2024-03-15T10:00:00", false],
    ["15/03/2024", false],
  ])("checks the date %j", (created, ok) => {
    expect(validateCard({ schemaVersion: "1.0", name: "m", version: "1", license: "MIT", created }).valid).toBe(ok);
  });

  it("rejects unknown fields in nested objects, naming them", () => {
    const card = loadCard() as unknown as Json;
    card.training.compute.gpus = 8;
    card.lineage.baseModels[0].sha = "x";
    const e = expectCardError(() => assertCard(card), "INVALID_CARD");
    expect(paths(e)).toEqual(["/lineage/baseModels/0/sha", "/training/compute/gpus"]);
  });

  it("checks semantic rules: dataset references, confidence bounds, date order, vulnerability references, duplicates", () => {
    const card = loadCard() as unknown as Json;
    card.evaluation.metrics[1].dataset = "ImageNet";
    card.evaluation.metrics[0].confidence = { lower: 0.95, upper: 0.9 };
    card.updated = "2020-01-01";
    card.software.vulnerabilities[0].affects = ["pkg:npm/left-pad@1.0.0"];
    card.artifacts[1].path = "model.json";
    card.evaluation.benchmarks[1].name = "IMDb test";
    const e = expectCardError(() => assertCard(card), "INVALID_CARD");
    expect(paths(e)).toEqual(
      [
        "/artifacts/1/path",
        "/evaluation/benchmarks/1/name",
        "/evaluation/metrics/0/confidence",
        "/evaluation/metrics/1/dataset",
        "/evaluation/metrics/2/dataset",
        "/software/vulnerabilities/0/affects/0",
        "/updated",
      ].sort(),
    );
  });

  it("rejects non-finite numbers and non-JSON values", () => {
    const card = loadCard() as unknown as Json;
    card.evaluation.metrics[0].value = Number.NaN;
    card.training.compute.hours = Number.POSITIVE_INFINITY;
    card.extensions = { x: { f: () => 1 } };
    const e = expectCardError(() => assertCard(card), "INVALID_CARD");
    expect(paths(e)).toEqual(["/evaluation/metrics/0/value", "/extensions/x/f", "/training/compute/hours"]);
  });

  it("stops at hostile nesting instead of recursing without bound", () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 10_000; i++) {
      const next = {};
      deep.a = next;
      deep = next;
    }
    const r = validateCard({ schemaVersion: "1.0", name: "m", version: "1", license: "MIT", extensions: { x: root } });
    expect(r.valid).toBe(false);
  });

  it("rejects values that are not objects", () => {
    for (const v of [null, 1, "card", []]) expect(validateCard(v).valid).toBe(false);
  });

  it("throws a CardError whose issues match validateCard", () => {
    const bad = { schemaVersion: "2.0", name: "", version: "1", license: "MIT" };
    const e = expectCardError(() => assertCard(bad), "INVALID_CARD");
    expect(e).toBeInstanceOf(CardError);
    expect(paths(e)).toEqual(["/name", "/schemaVersion"]);
  });

  it("exposes a closed draft-07 JSON Schema", () => {
    expect(MODEL_CARD_JSON_SCHEMA.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(MODEL_CARD_JSON_SCHEMA.additionalProperties).toBe(false);
  });
});
