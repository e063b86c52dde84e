import { describe, expect, it } from "vitest";
import { type ModelCard, parseModelCardToolkit, renderModelCardToolkit } from "../src/index.js";
import { expectCardError, type Json, loadCard, mctFixtures, paths, validateMctOfficial } from "./helpers.js";

/** The fixture card as MCT v0.0.2 can carry it (see the README's round-trip table). */
function carriedByMct(card: ModelCard): ModelCard {
  const data = [...card.training!.datasets!, ...card.evaluation!.benchmarks!].map((d) => ({
    name: d.name,
    ...(d.url ? { url: d.url } : {}),
    ...(d.description ? { description: d.description } : {}),
    ...(d.sensitiveData ? { sensitiveData: d.sensitiveData } : {}),
  }));
  return {
    schemaVersion: "1.0",
    name: card.name,
    version: card.version,
    summary: card.summary!,
    description: card.description!,
    creators: card.creators!.map((c) => ({ name: c.name, ...(c.email ? { email: c.email } : {}) })),
    license: card.license,
    created: card.created!,
    references: card.references!,
    citations: card.citations!,
    urls: { download: card.urls!.download! },
    architecture: { name: card.architecture!.name! },
    training: { datasets: data },
    ioSignature: {
      inputFormat: card.ioSignature!.inputFormat!,
      outputFormat: card.ioSignature!.outputFormat!,
      inputs: card.ioSignature!.inputs!.map((f) => ({ name: f.name!, type: f.type })),
      outputs: card.ioSignature!.outputs!.map((f) => ({ name: f.name!, type: f.type })),
    },
    evaluation: {
      metrics: card.evaluation!.metrics!.map((m) => ({
        type: m.type,
        value: m.value,
        ...(m.slice ? { slice: m.slice } : {}),
        ...(m.confidence ? { confidence: { lower: m.confidence.lower, upper: m.confidence.upper } } : {}),
      })),
    },
    intendedUse: { primary: card.intendedUse!.primary!, users: card.intendedUse!.users! },
    limitations: card.limitations!,
    tradeoffs: card.tradeoffs!,
    ethicalConsiderations: card.ethicalConsiderations!,
  };
}

describe("renderModelCardToolkit / parseModelCardToolkit", () => {
  const card = loadCard();
  const mct = renderModelCardToolkit(card) as Json;

  describe.skipIf(mctFixtures.skip)(
    "against the official MCT v0.0.2 schema (../shared/fixtures/model-card-toolkit)",
    () => {
      it("the fixture card's MCT document is valid", () => {
        expect(validateMctOfficial(mct)).toBeUndefined();
      });
      it("a minimal card's MCT document is valid", () => {
        expect(
          validateMctOfficial(
            renderModelCardToolkit({ schemaVersion: "1.0", name: "m", version: "1", license: "MIT" }),
          ),
        ).toBeUndefined();
      });
    },
  );

  it("writes string metric values and the MCT section layout", () => {
    expect(mct.schema_version).toBe("0.0.2");
    expect(mct.model_details).toMatchObject({
      name: card.name,
      version: { name: "1.2.0", date: "2024-03-15" },
      licenses: [{ identifier: "Apache-2.0" }],
    });
    expect(mct.quantitative_analysis.performance_metrics[0]).toEqual({
      type: "accuracy",
      value: "0.912",
      confidence_interval: { lower_bound: "0.908", upper_bound: "0.916" },
    });
    expect(mct.considerations.ethical_considerations[0]).toEqual({
      name: card.ethicalConsiderations![0]!.risk,
      mitigation_strategy: card.ethicalConsiderations![0]!.mitigation,
    });
  });

  const back = parseModelCardToolkit(JSON.stringify(mct));
  const expected = carriedByMct(card);
  it.each(Object.keys(expected))("round-trips %s", (key) => {
    expect((back as Json)[key]).toEqual((expected as Json)[key]);
  });

  it("gives back exactly the carried projection, nothing more", () => {
    expect(back).toEqual(expected);
  });

  it("keeps unknown MCT content in extensions.mct and writes it back", () => {
    const doc = structuredClone(mct) as Json;
    doc.quantitative_analysis.graphics = { description: "ROC", collection: [{ name: "roc", image: "iVBORw0KGgo=" }] };
    doc.model_details.version.diff = "retrained";
    doc.model_details.owners.push({ name: "Ops", contact: "#ml-ops on chat" });
    const parsed = parseModelCardToolkit(doc);
    expect(parsed.extensions?.mct).toEqual({
      quantitative_analysis: { graphics: { description: "ROC", collection: [{ name: "roc", image: "iVBORw0KGgo=" }] } },
      model_details: { version: { diff: "retrained" } },
      "values:unmapped": { "owners.2.contact": "#ml-ops on chat" },
    });
    const again = renderModelCardToolkit(parsed) as Json;
    expect(again.quantitative_analysis.graphics).toEqual(doc.quantitative_analysis.graphics);
    expect(again.model_details.version).toEqual({ name: "1.2.0", date: "2024-03-15", diff: "retrained" });
    if (!mctFixtures.skip) expect(validateMctOfficial(again)).toBeUndefined();
  });
});

describe("parseModelCardToolkit on bad input", () => {
  it("reports wrong types and non-numeric metric values with paths, all at once", () => {
    const e = expectCardError(
      () =>
        parseModelCardToolkit({
          model_details: { name: 3, owners: "me", version: { name: "1" }, licenses: [{ identifier: "MIT" }] },
          quantitative_analysis: {
            performance_metrics: [
              { type: "acc", value: 0.9 },
              { type: "f1", value: "good" },
            ],
          },
        }),
      "INVALID_DOCUMENT",
    );
    expect(paths(e)).toEqual([
      "/model_details/name",
      "/model_details/owners",
      "/quantitative_analysis/performance_metrics/0/value",
      "/quantitative_analysis/performance_metrics/1/value",
    ]);
  });

  it("validates the resulting card (licence id, missing version)", () => {
    const e = expectCardError(
      () => parseModelCardToolkit({ model_details: { name: "m", licenses: [{ identifier: "Apache License 2.0" }] } }),
      "INVALID_CARD",
    );
    expect(paths(e)).toEqual(["/license", "/version"]);
  });

  it("refuses non-objects, bad JSON and oversized input", () => {
    expectCardError(() => parseModelCardToolkit([]), "INVALID_DOCUMENT");
    expectCardError(() => parseModelCardToolkit("{"), "INVALID_JSON");
    expectCardError(
      () => parseModelCardToolkit(JSON.stringify({ a: "x".repeat(200) }), { limits: { maxBytes: 100 } }),
      "INPUT_TOO_LARGE",
    );
  });
});
