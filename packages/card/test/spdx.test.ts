import { describe, expect, it } from "vitest";
import { checkSpdxProfiles, type ModelCard, renderSpdx, SPDX_CONTEXT } from "../src/index.js";
import {
  expectCardError,
  type Json,
  loadCard,
  paths,
  spdxExample,
  spdxFixtures,
  validateSpdxOfficial,
} from "./helpers.js";

const NS = "https://example.com/spdx/sentiment/1.2.0/";

describe("renderSpdx", () => {
  const card = loadCard();
  const doc = renderSpdx(card, { namespace: NS });
  const graph = doc["@graph"] as Json[];
  const byType = (t: string) => graph.filter((e) => e.type === t);

  describe.skipIf(spdxFixtures.skip)("against the official SPDX 3.0.1 JSON schema (../shared/fixtures/spdx)", () => {
    it("the fixture card's document is valid", () => {
      expect(validateSpdxOfficial(doc)).toBeUndefined();
    });
    it("the default namespace and a card without optional parts are valid", () => {
      const c: ModelCard = {
        schemaVersion: "1.0",
        name: "m",
        version: "1",
        license: "MIT",
        created: "2024-01-01T10:00:00.5+02:00",
        creators: [{ name: "A" }],
        urls: { download: "https://example.com/m" },
      };
      expect(validateSpdxOfficial(renderSpdx(c))).toBeUndefined();
    });
    it("the schema alone accepts an AI package without its profile's required fields (why checkSpdxProfiles exists)", () => {
      const bare = structuredClone(doc);
      const model = (bare["@graph"] as Json[]).find((e) => e.type === "ai_AIPackage")!;
      delete model.releaseTime;
      delete model.suppliedBy;
      expect(validateSpdxOfficial(bare)).toBeUndefined();
      expect(paths({ issues: checkSpdxProfiles(bare) } as never)).toHaveLength(2);
    });
    it("the upstream example validates with our validator setup", () => {
      expect(validateSpdxOfficial(spdxExample())).toBeUndefined();
    });
  });

  it("describes the model as an ai_AIPackage with the AI profile's required fields", () => {
    expect(doc["@context"]).toBe(SPDX_CONTEXT);
    const model = byType("ai_AIPackage")[0]!;
    expect(model).toMatchObject({
      spdxId: `${NS}model`,
      name: card.name,
      software_packageVersion: "1.2.0",
      software_downloadLocation: card.urls!.download,
      software_primaryPurpose: "model",
      releaseTime: "2024-03-15T00:00:00Z",
      suppliedBy: `${NS}agent/1`,
      ai_typeOfModel: ["transformer", "DistilBERT"],
      ai_safetyRiskAssessment: "low",
      ai_useSensitivePersonalInformation: "no",
      verifiedUsing: [{ type: "Hash", algorithm: "sha256", hashValue: card.hashes![0]!.value }],
    });
    expect(model.ai_metric[0]).toEqual({
      type: "DictionaryEntry",
      key: "Accuracy / IMDb test / test",
      value: "0.912 [0.908, 0.916]",
    });
    expect(model.ai_hyperparameter).toContainEqual({ type: "DictionaryEntry", key: "learning_rate", value: "0.00005" });
    expect(checkSpdxProfiles(doc)).toEqual([]);
  });

  it("links datasets with trainedOn / testedOn and licences with hasDeclaredLicense", () => {
    const datasets = byType("dataset_DatasetPackage");
    expect(datasets.map((d) => d.name)).toEqual(["stanfordnlp/imdb", "IMDb test", "SST-2"]);
    expect(datasets[0]!).toMatchObject({
      dataset_datasetType: ["text"],
      dataset_datasetSize: 84125825,
      builtTime: "2011-06-01T00:00:00Z",
    });
    const rels = byType("Relationship");
    const rel = (type: string) => rels.filter((r) => r.relationshipType === type);
    expect(rel("trainedOn")).toEqual([
      expect.objectContaining({ from: `${NS}model`, to: [`${NS}dataset/training/0`] }),
    ]);
    expect(rel("testedOn")[0]!.to).toEqual([`${NS}dataset/evaluation/0`, `${NS}dataset/evaluation/1`]);
    const licence = byType("simplelicensing_LicenseExpression").find(
      (l) => l.simplelicensing_licenseExpression === "Apache-2.0",
    )!;
    expect(rel("hasDeclaredLicense").some((r) => r.from === `${NS}model` && r.to[0] === licence.spdxId)).toBe(true);
    expect(rel("hasAssociatedVulnerability")).toHaveLength(1);
    const document = byType("SpdxDocument")[0]!;
    expect(document.profileConformance).toEqual(["core", "software", "simpleLicensing", "ai", "dataset", "security"]);
    expect(document.rootElement).toEqual([`${NS}model`]);
  });

  it("names the card fields the AI and Dataset profiles need, all at once", () => {
    const c = loadCard() as unknown as Json;
    delete c.urls.download;
    delete c.creators;
    delete c.training.datasets[0].publisher;
    delete c.evaluation.benchmarks[1].url;
    const e = expectCardError(() => renderSpdx(c as ModelCard), "PROFILE_VIOLATION");
    expect(paths(e)).toEqual([
      "/creators",
      "/evaluation/benchmarks/1/url",
      "/training/datasets/0/publisher",
      "/urls/download",
    ]);
  });

  it("writes a schema-valid document without the profile fields only when asked to", () => {
    const c: ModelCard = { schemaVersion: "1.0", name: "m", version: "1", license: "MIT", created: "2024-01-01" };
    expectCardError(() => renderSpdx(c), "PROFILE_VIOLATION");
    const out = renderSpdx(c, { requireProfileFields: false });
    expect(checkSpdxProfiles(out).map((i) => i.path)).toEqual([
      "/@graph/3/suppliedBy",
      "/@graph/3/software_downloadLocation",
    ]);
    if (!spdxFixtures.skip) expect(validateSpdxOfficial(out)).toBeUndefined();
  });
});

describe("checkSpdxProfiles", () => {
  it("checks required fields, agent references and purposes of AI and dataset packages", () => {
    const doc = {
      "@context": SPDX_CONTEXT,
      "@graph": [
        { type: "Person", spdxId: "https://e.com/p", creationInfo: "_:c", name: "P" },
        {
          type: "ai_AIPackage",
          spdxId: "https://e.com/m",
          creationInfo: "_:c",
          releaseTime: "2024-01-01T00:00:00Z",
          suppliedBy: "https://e.com/nobody",
          software_downloadLocation: "https://e.com/m.bin",
          software_packageVersion: "1",
          software_primaryPurpose: "library",
        },
        {
          type: "dataset_DatasetPackage",
          spdxId: "https://e.com/d",
          creationInfo: "_:c",
          originatedBy: [],
          dataset_datasetType: ["text"],
        },
      ],
    };
    expect(checkSpdxProfiles(doc).map((i) => i.path)).toEqual([
      "/@graph/1/suppliedBy",
      "/@graph/1/software_primaryPurpose",
      "/@graph/2/builtTime",
      "/@graph/2/originatedBy",
      "/@graph/2/releaseTime",
      "/@graph/2/software_downloadLocation",
      "/@graph/2/software_primaryPurpose",
    ]);
    expect(checkSpdxProfiles({})).toEqual([{ path: "/@graph", message: "must be an array" }]);
  });
});
