import { describe, expect, it } from "vitest";
import { type ModelCard, parseCycloneDx, renderCycloneDx } from "../src/index.js";
import {
  cyclonedxFixtures,
  expectCardError,
  type Json,
  loadCard,
  paths,
  validateCycloneDxOfficial,
} from "./helpers.js";

const SERIAL = "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79";

function foreignBom(): Json {
  return {
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    version: 1,
    metadata: { timestamp: "2024-05-01T00:00:00Z", supplier: { name: "Acme" } },
    components: [
      {
        type: "machine-learning-model",
        "bom-ref": "model-1",
        name: "iris-rf",
        version: "3",
        purl: "pkg:huggingface/acme/iris-rf@3",
        supplier: { name: "Acme" },
        licenses: [{ license: { id: "MIT" } }],
        hashes: [{ alg: "SHA-256", content: "A".repeat(64) }],
        externalReferences: [{ type: "model-card", url: "https://example.com/card" }],
        properties: [{ name: "mlflow:signature.inputs", value: '[{"type": "double"}]' }],
        modelCard: {
          modelParameters: {
            approach: { type: "supervised" },
            task: "classification",
            datasets: [{ ref: "data-1" }],
            inputs: [{ format: "tabular" }],
          },
          quantitativeAnalysis: {
            performanceMetrics: [
              { type: "accuracy", value: "0.95", confidenceInterval: { lowerBound: "0.93", upperBound: "0.97" } },
            ],
            graphics: { description: "ROC curve" },
          },
          considerations: {
            useCases: ["flower classification"],
            technicalLimitations: ["only three species"],
            fairnessAssessments: [{ groupAtRisk: "none", benefits: "n/a" }],
            environmentalConsiderations: {
              energyConsumptions: [
                { activity: "training", energyProviders: [], activityEnergyCost: { value: 0.2, unit: "kWh" } },
              ],
            },
          },
        },
      },
      {
        type: "data",
        "bom-ref": "data-1",
        name: "iris",
        data: [{ type: "dataset", name: "iris", contents: { url: "https://example.com/iris.csv" } }],
      },
      {
        type: "library",
        "bom-ref": "lib-1",
        name: "scikit-learn",
        version: "1.4.0",
        purl: "pkg:pypi/scikit-learn@1.4.0",
      },
      { type: "application", "bom-ref": "app-1", name: "serving" },
    ],
    services: [{ name: "inference-api" }],
  };
}

describe("renderCycloneDx", () => {
  const card = loadCard();
  const bom = renderCycloneDx(card, {
    serialNumber: SERIAL,
    timestamp: "2024-03-20T10:30:00+01:00",
    toolVersion: "0.1.0",
  });

  describe.skipIf(cyclonedxFixtures.skip)("against the official bom-1.6 schema (../shared/fixtures/cyclonedx)", () => {
    it("the fixture card's BOM is valid", () => {
      expect(validateCycloneDxOfficial(bom)).toBeUndefined();
    });
    it("a minimal card's BOM is valid", () => {
      const minimal: ModelCard = { schemaVersion: "1.0", name: "m", version: "1", license: "MIT" };
      expect(validateCycloneDxOfficial(renderCycloneDx(minimal))).toBeUndefined();
    });
    it("a BOM re-rendered from a foreign BOM is valid", () => {
      expect(validateCycloneDxOfficial(foreignBom())).toBeUndefined();
      const again = renderCycloneDx(parseCycloneDx(foreignBom()));
      expect(validateCycloneDxOfficial(again)).toBeUndefined();
    });
    it("the official schema rejects numeric metric values (why this package writes strings)", () => {
      const broken = structuredClone(bom) as Json;
      broken.components[0].modelCard.quantitativeAnalysis.performanceMetrics[0].value = 0.912;
      expect(validateCycloneDxOfficial(broken)).toBeDefined();
    });
  });

  it("describes the model as a machine-learning-model component with a modelCard", () => {
    const model = (bom.components as Json[])[0]!;
    expect(model).toMatchObject({
      type: "machine-learning-model",
      name: card.name,
      version: card.version,
      licenses: [{ expression: "Apache-2.0" }],
      hashes: [{ alg: "SHA-256", content: card.hashes![0]!.value }],
      modelCard: {
        modelParameters: {
          approach: { type: "supervised" },
          task: "text-classification",
          architectureFamily: "transformer",
          modelArchitecture: "DistilBERT",
        },
      },
    });
    const metrics = model.modelCard.quantitativeAnalysis.performanceMetrics as Json[];
    expect(metrics[0]).toEqual({
      type: "accuracy",
      value: "0.912",
      confidenceInterval: { lowerBound: "0.908", upperBound: "0.916" },
    });
    for (const m of metrics) expect(typeof m.value).toBe("string");
    expect(model.components.map((f: Json) => f.name)).toEqual(card.artifacts!.map((a) => a.path));
  });

  it("lists datasets as data components and libraries with purls, rooted at the model", () => {
    const components = bom.components as Json[];
    expect(components.filter((c) => c.type === "data").map((c) => c.name)).toEqual([
      "stanfordnlp/imdb",
      "IMDb test",
      "SST-2",
    ]);
    expect(components.filter((c) => c.type === "library").map((c) => c.purl)).toEqual(
      card.software!.dependencies.map((d) => d.purl),
    );
    const root = (bom.dependencies as Json[])[0]!;
    expect(root.ref).toBe(components[0]!["bom-ref"]);
    expect(root.dependsOn).toContain("pkg:pypi/torch@2.3.0");
    expect(root.dependsOn).toContain("dataset/SST-2");
    expect((bom.vulnerabilities as Json[])[0]).toMatchObject({
      id: "CVE-2024-3568",
      affects: [{ ref: "pkg:pypi/transformers@4.38.0" }],
      ratings: [{ score: 8.8, severity: "high" }],
    });
  });

  it("is deterministic and writes an empty vulnerability list when none are known", () => {
    const c = loadCard();
    c.software!.vulnerabilities = [];
    expect(renderCycloneDx(c)).toEqual(renderCycloneDx(c));
    expect(renderCycloneDx(c).vulnerabilities).toEqual([]);
    expect(renderCycloneDx(c).serialNumber).toBeUndefined();
    expect(bom.metadata).toMatchObject({ timestamp: "2024-03-20T09:30:00Z" });
  });

  it("refuses a malformed serial number and an invalid card", () => {
    expectCardError(() => renderCycloneDx(card, { serialNumber: "urn:uuid:NOT-A-UUID" }), "INVALID_ARGUMENT");
    expectCardError(() => renderCycloneDx({ ...card, license: "Apache 2.0" }), "INVALID_CARD");
  });
});

describe("parseCycloneDx round trip", () => {
  const card = loadCard();
  const text = JSON.stringify(renderCycloneDx(card, { serialNumber: SERIAL }));
  const back = parseCycloneDx(text);

  it.each(Object.keys(card))("round-trips %s", (key) => {
    expect((back as Json)[key]).toEqual((card as Json)[key]);
  });

  it("gives back the whole card, nothing more", () => {
    expect(back).toEqual(card);
  });

  it("round-trips the fields the fixture leaves out", () => {
    const variant: ModelCard = {
      ...loadCard(),
      license: "LicenseRef-acme-eula OR MIT",
      licenseName: "Acme EULA",
      licenseUrl: "https://example.com/eula",
      creators: [{ name: "Solo" }],
      extensions: { "acme.internal": { ticket: "ML-42", reviewed: true } },
    };
    variant.evaluation!.metrics!.push({ type: "latency_ms", value: 12.5 });
    variant.software!.dependencies.push({
      name: "left-pad",
      versionSpec: "^1.3.0",
      ecosystem: "npm",
      scope: "dev",
      direct: false,
    });
    variant.software!.vulnerabilities.push({ id: "GHSA-xxxx-yyyy-zzzz", affects: ["left-pad"] });
    expect(parseCycloneDx(renderCycloneDx(variant))).toEqual(variant);
    if (!cyclonedxFixtures.skip) expect(validateCycloneDxOfficial(renderCycloneDx(variant))).toBeUndefined();
  });

  it("round-trips a minimal card", () => {
    const minimal: ModelCard = { schemaVersion: "1.0", name: "m", version: "1", license: "MIT" };
    expect(parseCycloneDx(renderCycloneDx(minimal))).toEqual(minimal);
  });
});

describe("parseCycloneDx on a BOM written by another tool", () => {
  const card = parseCycloneDx(foreignBom(), { defaults: { created: "2024-05-01" } });

  it("maps the native fields", () => {
    expect(card).toMatchObject({
      name: "iris-rf",
      version: "3",
      license: "MIT",
      created: "2024-05-01",
      task: "classification",
      approach: "supervised",
      hashes: [{ alg: "sha256", value: "a".repeat(64) }],
      training: { datasets: [{ name: "iris", url: "https://example.com/iris.csv" }], compute: { energyKwh: 0.2 } },
      evaluation: { metrics: [{ type: "accuracy", value: 0.95, confidence: { lower: 0.93, upper: 0.97 } }] },
      intendedUse: { primary: ["flower classification"] },
      limitations: ["only three species"],
      ioSignature: { inputFormat: "tabular" },
      software: {
        dependencies: [
          { name: "scikit-learn", version: "1.4.0", ecosystem: "pypi", purl: "pkg:pypi/scikit-learn@1.4.0" },
        ],
        vulnerabilities: [],
      },
    });
  });

  it("keeps everything it does not map in extensions.cyclonedx", () => {
    const cdx = card.extensions!.cyclonedx as Json;
    expect(cdx.component).toMatchObject({
      purl: "pkg:huggingface/acme/iris-rf@3",
      supplier: { name: "Acme" },
      properties: [{ name: "mlflow:signature.inputs", value: '[{"type": "double"}]' }],
      externalReferences: [{ type: "model-card", url: "https://example.com/card" }],
      modelCard: {
        quantitativeAnalysis: { graphics: { description: "ROC curve" } },
        considerations: { fairnessAssessments: [{ groupAtRisk: "none", benefits: "n/a" }] },
      },
    });
    expect(cdx.components).toEqual([{ type: "application", "bom-ref": "app-1", name: "serving" }]);
    expect(cdx.bom).toEqual({ services: [{ name: "inference-api" }], metadata: { supplier: { name: "Acme" } } });
  });

  it("writes the kept data back", () => {
    const out = renderCycloneDx(card);
    const model = (out.components as Json[])[0]!;
    expect(model.purl).toBe("pkg:huggingface/acme/iris-rf@3");
    expect(model.properties).toContainEqual({ name: "mlflow:signature.inputs", value: '[{"type": "double"}]' });
    expect(out.services).toEqual([{ name: "inference-api" }]);
    expect(parseCycloneDx(out)).toEqual(card);
  });
});

describe("parseCycloneDx on bad input", () => {
  it("reports metric values that are not numbers written as strings, with their paths", () => {
    const bom = foreignBom();
    bom.components[0].modelCard.quantitativeAnalysis.performanceMetrics = [
      { type: "accuracy", value: "95%" },
      { type: "f1", value: 0.9 },
      { type: "auc", value: "0.9", confidenceInterval: { lowerBound: "low", upperBound: "0.95" } },
    ];
    const e = expectCardError(() => parseCycloneDx(bom, { defaults: { created: "2024-05-01" } }), "INVALID_DOCUMENT");
    const base = "/components/0/modelCard/quantitativeAnalysis/performanceMetrics";
    expect(paths(e)).toEqual([`${base}/0/value`, `${base}/1/value`, `${base}/2/confidenceInterval/lowerBound`]);
  });

  it("needs exactly one model component", () => {
    const none = foreignBom();
    none.components = none.components.slice(1);
    expectCardError(() => parseCycloneDx(none), "INVALID_DOCUMENT");
    const two = foreignBom();
    two.components.push({ ...two.components[0], "bom-ref": "model-2" });
    expectCardError(() => parseCycloneDx(two), "INVALID_DOCUMENT");
    expect(parseCycloneDx(two, { modelRef: "model-2" }).name).toBe("iris-rf");
  });

  it("refuses other formats and versions", () => {
    expectCardError(() => parseCycloneDx({ ...foreignBom(), specVersion: "1.4" }), "UNSUPPORTED_VERSION");
    expectCardError(() => parseCycloneDx({ bomFormat: "SPDX" }), "INVALID_DOCUMENT");
    expectCardError(() => parseCycloneDx("{not json"), "INVALID_JSON");
    expectCardError(
      () => parseCycloneDx(JSON.stringify(foreignBom()), { limits: { maxBytes: 100 } }),
      "INPUT_TOO_LARGE",
    );
  });

  it("validates the resulting card (e.g. an invalid licence expression)", () => {
    const bom = foreignBom();
    bom.components[0].licenses = [{ expression: "Apache 2.0" }];
    const e = expectCardError(() => parseCycloneDx(bom), "INVALID_CARD");
    expect(paths(e)).toContain("/license");
  });

  it("reports wrong types with paths instead of dropping them", () => {
    const bom = foreignBom();
    bom.components[0].tags = "not-a-list";
    bom.components[0].hashes = [{ alg: "SHA-999", content: "00" }];
    const e = expectCardError(() => parseCycloneDx(bom), "INVALID_DOCUMENT");
    expect(paths(e)).toEqual(["/components/0/hashes/0", "/components/0/tags"]);
  });
});
