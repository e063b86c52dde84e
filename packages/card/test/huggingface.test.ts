import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_MARKER, type ModelCard, parseHuggingFaceReadme, renderHuggingFaceReadme } from "../src/index.js";
import { expectCardError, loadCard, paths } from "./helpers.js";

function get(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), obj);
}

/** The fixture card as a Hugging Face README can carry it (see the README's round-trip table). */
function carriedByHuggingFace(card: ModelCard): ModelCard {
  const metrics = card.evaluation!.metrics!.filter((m) => m.dataset !== undefined);
  const usedBenchmarks = new Set(metrics.map((m) => m.dataset));
  return {
    schemaVersion: card.schemaVersion,
    name: card.name,
    version: card.version,
    summary: card.summary!,
    description: card.description!,
    creators: card.creators!.map(({ kind: _kind, ...rest }) => rest),
    license: card.license,
    created: card.created!,
    updated: card.updated!,
    task: card.task!,
    architecture: card.architecture!,
    libraryName: card.libraryName!,
    languages: card.languages!,
    tags: card.tags!,
    lineage: { baseModels: card.lineage!.baseModels!.map((b) => ({ id: b.id })), relation: card.lineage!.relation! },
    training: {
      datasets: card.training!.datasets!.map((d) => ({ name: d.id!, id: d.id! })),
      preprocessing: card.training!.preprocessing!,
      procedure: { hyperparameters: card.training!.procedure!.hyperparameters! },
      compute: {
        co2eqKg: card.training!.compute!.co2eqKg!,
        region: card.training!.compute!.region!,
        hardware: card.training!.compute!.hardware!,
      },
    },
    evaluation: {
      benchmarks: card
        .evaluation!.benchmarks!.filter((b) => usedBenchmarks.has(b.name))
        .map((b) => ({ name: b.name, ...(b.id ? { id: b.id } : {}), ...(b.version ? { version: b.version } : {}) })),
      metrics: metrics.map(({ slice: _s, confidence: _c, ...m }) => m),
    },
    intendedUse: card.intendedUse!,
    limitations: card.limitations!,
    ethicalConsiderations: card.ethicalConsiderations!,
    citations: card.citations!,
    additionalSections: card.additionalSections!,
  };
}

const CARRIED = [
  "name",
  "version",
  "summary",
  "description",
  "license",
  "created",
  "updated",
  "task",
  "architecture",
  "libraryName",
  "languages",
  "tags",
  "lineage.relation",
  "training.preprocessing",
  "training.procedure.hyperparameters",
  "training.compute.co2eqKg",
  "training.compute.region",
  "training.compute.hardware",
  "intendedUse",
  "limitations",
  "ethicalConsiderations",
  "citations",
  "additionalSections",
];

describe("renderHuggingFaceReadme / parseHuggingFaceReadme", () => {
  const card = loadCard();
  const readme = renderHuggingFaceReadme(card);
  const parsed = parseHuggingFaceReadme(readme);

  it("writes front matter with the Hub's keys", () => {
    expect(readme.startsWith("---\nlanguage:\n  - en\nlicense: apache-2.0\n")).toBe(true);
    for (const key of [
      "library_name:",
      "pipeline_tag: text-classification",
      "base_model: distilbert/distilbert-base-uncased",
      "model-index:",
    ]) {
      expect(readme).toContain(key);
    }
    const frontMatter = readme.slice(0, readme.indexOf("\n---\n", 4));
    expect(frontMatter).not.toMatch(/(^|\s)[&*][A-Za-z0-9]/m); // no YAML anchors or aliases
  });

  it.each(CARRIED)("round-trips %s", (path) => {
    expect(get(parsed, path)).toEqual(get(card, path));
  });

  it("round-trips creators without their kind (not carried)", () => {
    expect(parsed.creators).toEqual(card.creators!.map(({ kind: _k, ...c }) => c));
  });

  it("round-trips metrics with a dataset: type, value, name, dataset, split, verified (order kept)", () => {
    expect(parsed.evaluation?.metrics).toEqual(carriedByHuggingFace(card).evaluation?.metrics);
  });

  it("round-trips base models and training datasets by hub id", () => {
    expect(parsed.lineage?.baseModels).toEqual([{ id: "distilbert/distilbert-base-uncased" }]);
    expect(parsed.training?.datasets).toEqual([{ name: "stanfordnlp/imdb", id: "stanfordnlp/imdb" }]);
  });

  it("gives back exactly the carried projection of the card, nothing more", () => {
    expect(parsed).toEqual(carriedByHuggingFace(card));
  });

  it("is a fixed point after one round trip", () => {
    const again = parseHuggingFaceReadme(renderHuggingFaceReadme(parsed));
    expect(again).toEqual(parsed);
  });

  it("marks sections rendered only for people and does not read them back", () => {
    expect(readme).toContain(`## Provenance and Integrity\n\n${GENERATED_MARKER}`);
    expect(parsed.provenance).toBeUndefined();
    expect(parsed.artifacts).toBeUndefined();
  });

  it("keeps hostile markdown in text fields intact", () => {
    const hostile: ModelCard = {
      ...card,
      summary: "# not a heading",
      description: "---\nlicense: mit\n---\n## Fake section\n- fake bullet\n<!-- modelproof:generated -->",
      limitations: ["line one\n## still the same limitation", "- starts with a dash"],
    };
    const back = parseHuggingFaceReadme(renderHuggingFaceReadme(hostile));
    expect(back.summary).toBe(hostile.summary);
    expect(back.description).toBe(hostile.description);
    expect(back.limitations).toEqual(hostile.limitations);
    expect(back.license).toBe("Apache-2.0");
  });

  it.each([
    ["MIT OR Apache-2.0", undefined],
    ["BSD-4-Clause", undefined],
    ["LicenseRef-acme-eula", "https://example.com/eula"],
    ["LicenseRef-hf-llama3", undefined],
  ])("round-trips the licence %s", (license, licenseUrl) => {
    const c: ModelCard = { ...card, license, ...(licenseUrl ? { licenseUrl } : {}) };
    const back = parseHuggingFaceReadme(renderHuggingFaceReadme(c));
    expect(back.license).toBe(license);
    expect(back.licenseUrl).toBe(licenseUrl);
  });
});

describe("parseHuggingFaceReadme on a README written from the Hub's template", () => {
  const text = readFileSync(new URL("./fixtures/hf-template-readme.md", import.meta.url), "utf8");
  const card = parseHuggingFaceReadme(text, { defaults: { version: "0.3.0" } });

  it("maps the standard metadata", () => {
    expect(card).toMatchObject({
      name: "llama3-oasst-lora",
      version: "0.3.0",
      license: "LicenseRef-hf-llama3",
      languages: ["en", "fr"],
      libraryName: "peft",
      task: "text-generation",
      tags: ["text-generation", "lora"],
      lineage: { baseModels: [{ id: "meta-llama/Meta-Llama-3-8B" }], relation: "adapter" },
      training: {
        datasets: [{ name: "OpenAssistant/oasst1", id: "OpenAssistant/oasst1" }],
        preprocessing: ["Removed non-English and non-French conversations"],
        procedure: { hyperparameters: { "Training regime": "bf16 mixed precision" } },
      },
      evaluation: {
        benchmarks: [{ name: "MMLU", id: "cais/mmlu" }],
        metrics: [{ type: "acc", value: 62.3, name: "accuracy (5-shot)", dataset: "MMLU", split: "test" }],
      },
      summary: "A LoRA adapter that makes Llama 3 follow chat instructions in English and French.",
      creators: [{ name: "Jane Doe", email: "jane@example.org" }, { name: "Example Org" }],
      intendedUse: { primary: ["Chat assistants"], outOfScope: ["Medical advice"] },
      limitations: ["Inherits the biases of Llama 3 and OASST1"],
    });
  });

  it("keeps unknown front-matter keys and model-index details in extensions.huggingface", () => {
    expect(card.extensions?.huggingface).toEqual({
      thumbnail: "https://example.com/thumb.png",
      widget: [{ text: "Bonjour, comment" }],
      inference: false,
      "model-index:unmapped": [
        {
          result: 0,
          "dataset.config": "all",
          "task.name": "Text Generation",
          source: {
            name: "Open LLM Leaderboard",
            url: "https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard",
          },
        },
      ],
    });
  });

  it("keeps sections it does not map, drops only template placeholders", () => {
    expect(card.additionalSections).toContainEqual({
      title: "Model Description",
      body: "- **Model type:** causal LM adapter",
    });
    expect(card.additionalSections).toContainEqual({
      title: "Recommendations",
      body: "Users should be made aware of the risks.",
    });
    const titles = card.additionalSections!.map((s) => s.title);
    expect(titles).toContain("Recommendations");
    expect(titles).toContain("Model Card Authors [optional]");
    expect(titles).not.toContain("Downstream Use [optional]");
  });

  it("writes the kept front-matter keys back", () => {
    const out = renderHuggingFaceReadme(card);
    expect(out).toContain("thumbnail: https://example.com/thumb.png");
    expect(out).toContain("inference: false");
    expect(out).not.toContain("model-index:unmapped");
  });
});

describe("parseHuggingFaceReadme on bad input", () => {
  const fm = (yaml: string) => `---\n${yaml}\n---\n\n# m\n`;
  const defaults = { version: "1", license: "MIT" };

  it("refuses YAML anchors and aliases (billion laughs)", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "tags: *c",
    ].join("\n");
    const e = expectCardError(() => parseHuggingFaceReadme(fm(bomb), { defaults }), "INVALID_YAML");
    expect(e.issues.some((i) => i.message.includes("anchors"))).toBe(true);
    expect(e.issues.some((i) => i.message.includes("aliases"))).toBe(true);
    expect(e.issues[0]!.path).toMatch(/^line:\d+$/);
  });

  it("refuses explicit tags, merge keys and duplicate keys, all at once", () => {
    const e = expectCardError(
      () =>
        parseHuggingFaceReadme(fm("a: !!python/object:os.system ls\nb:\n  <<: {x: 1}\ntags: [a]\ntags: [b]"), {
          defaults,
        }),
      "INVALID_YAML",
    );
    const text = e.issues.map((i) => i.message).join("\n");
    expect(text).toMatch(/tag/i);
    expect(text).toMatch(/merge keys/);
    expect(text).toMatch(/unique|duplicate/i);
  });

  it("bounds the size of the input", () => {
    const big = fm(`tags:\n${"  - x\n".repeat(50_000)}`);
    expectCardError(() => parseHuggingFaceReadme(big, { defaults, limits: { maxBytes: 100_000 } }), "INPUT_TOO_LARGE");
  });

  it("bounds the nesting of the front matter", () => {
    const deep = `x: ${"[".repeat(100)}${"]".repeat(100)}`;
    expectCardError(() => parseHuggingFaceReadme(fm(deep), { defaults }), "INPUT_TOO_LARGE");
  });

  it("reports front matter of the wrong shape with paths", () => {
    const e = expectCardError(
      () =>
        parseHuggingFaceReadme(
          fm(
            "tags: 3\nlanguage: [en, 2]\nmodel-index:\n- name: m\n  results:\n  - task: {type: t}\n    dataset: {name: d, type: d}\n    metrics:\n    - {type: acc, value: high}",
          ),
          { defaults },
        ),
      "INVALID_DOCUMENT",
    );
    expect(paths(e)).toEqual(["/language", "/model-index/0/results/0/metrics/0/value", "/tags"]);
  });

  it("refuses front matter that is not a mapping", () => {
    expectCardError(() => parseHuggingFaceReadme(fm("- a\n- b"), { defaults }), "INVALID_DOCUMENT");
  });

  it("says which required card fields are missing", () => {
    const e = expectCardError(() => parseHuggingFaceReadme(fm("license: mit")), "INVALID_CARD");
    expect(paths(e)).toEqual(["/version"]);
  });
});

describe("parseHuggingFaceReadme on long hostile lines", () => {
  it("parses lines of 200 000 spaces without regex backtracking blow-ups", () => {
    const spaces = " ".repeat(200_000);
    const text = [
      "---",
      "license: mit",
      "---",
      `# title${spaces}x`,
      "## Model Details",
      `- **Developed by:** A${spaces}<${spaces}`,
      "#### Training Hyperparameters",
      `- key${spaces}x`,
      `## Section${spaces}#${spaces}y`,
      "body",
    ].join("\n");
    const card = parseHuggingFaceReadme(text, { defaults: { version: "1" } });
    expect(card.creators?.[0]?.name.startsWith("A")).toBe(true);
    expect(card.additionalSections?.length).toBeGreaterThan(0);
  });
});
