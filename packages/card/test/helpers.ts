// Shared test helpers: the fixture card, coded-error assertions and validators built from the
// official schemas in ../shared/fixtures (never copied into the repository).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixture } from "@modelproof/tooling/fixtures";
import Ajv, { type ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import addFormats2019 from "ajv-formats-draft2019";
import { expect } from "vitest";
import { CardError, type CardErrorCode, type ModelCard } from "../src/index.js";

/** A loosely typed JSON object: tests reach into rendered documents and mutate cards on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: tests poke at untyped JSON documents
export type Json = Record<string, any>;

/** A fresh copy of the realistic fixture card (test/fixtures/sentiment-card.json). */
export function loadCard(): ModelCard {
  return JSON.parse(readFileSync(new URL("./fixtures/sentiment-card.json", import.meta.url), "utf8")) as ModelCard;
}

/** Runs `fn`, expects a CardError with `code`, returns it for further checks. */
export function expectCardError(fn: () => unknown, code: CardErrorCode): CardError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CardError);
    expect((e as CardError).code).toBe(code);
    return e as CardError;
  }
  throw new Error(`expected CardError ${code}, nothing was thrown`);
}

/** The issue paths of a CardError, sorted. */
export function paths(e: CardError): string[] {
  return e.issues.map((i) => i.path).sort();
}

export const cyclonedxFixtures = fixture("cyclonedx");
export const spdxFixtures = fixture("spdx");
export const mctFixtures = fixture("model-card-toolkit");

const readJson = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), "utf8"));
const errorsOf = (v: ValidateFunction) => JSON.stringify(v.errors?.slice(0, 5), null, 1);

let cdx: ValidateFunction | undefined;
/** Validates against the official CycloneDX bom-1.6 schema (with its spdx and jsf schemas), as the official JS library does. */
export function validateCycloneDxOfficial(bom: unknown): string | undefined {
  if (!cdx) {
    const dir = cyclonedxFixtures.path;
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      schemas: [readJson(dir, "spdx.schema.json"), readJson(dir, "jsf-0.82.schema.json")],
    });
    addFormats(ajv);
    addFormats2019(ajv, { formats: ["idn-email"] });
    ajv.addFormat("iri-reference", true);
    cdx = ajv.compile(readJson(dir, "bom-1.6.schema.json"));
  }
  return cdx(bom) ? undefined : errorsOf(cdx);
}

let spdx: ValidateFunction | undefined;
/** Validates against the official SPDX 3.0.1 JSON schema (draft 2020-12). */
export function validateSpdxOfficial(doc: unknown): string | undefined {
  if (!spdx)
    spdx = new Ajv2020({ allErrors: true }).compile(readJson(spdxFixtures.path, "spdx-json-schema-3.0.1.json"));
  return spdx(doc) ? undefined : errorsOf(spdx);
}

let mct: ValidateFunction | undefined;
/** Validates against the official Model Card Toolkit v0.0.2 schema. */
export function validateMctOfficial(doc: unknown): string | undefined {
  if (!mct) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    mct = ajv.compile(readJson(mctFixtures.path, "model_card.schema.v0.0.2.json"));
  }
  return mct(doc) ? undefined : errorsOf(mct);
}

/** The SPDX example document shipped with the fixtures. */
export function spdxExample(): unknown {
  return readJson(spdxFixtures.path, "example-package_sbom-3.0.1.json");
}
