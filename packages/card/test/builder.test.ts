import { describe, expect, it } from "vitest";
import { buildCard, DEFAULT_CARD_VERSION, validateCard } from "../src/index.js";
import { expectCardError } from "./helpers.js";

describe("buildCard", () => {
  it("fills in sensible defaults", () => {
    const card = buildCard(
      {
        name: "tiny",
        license: "MIT",
        tags: ["a", "b", "a"],
        hashes: [{ alg: "sha256", value: "AB".repeat(32) }],
        summary: undefined,
      },
      { now: new Date("2025-06-01T12:00:00Z") },
    );
    expect(card).toEqual({
      schemaVersion: "1.0",
      name: "tiny",
      version: DEFAULT_CARD_VERSION,
      license: "MIT",
      created: "2025-06-01",
      tags: ["a", "b"],
      hashes: [{ alg: "sha256", value: "ab".repeat(32) }],
    });
    expect(validateCard(card).valid).toBe(true);
  });

  it("adds an empty vulnerability list next to dependencies", () => {
    const card = buildCard({
      name: "tiny",
      license: "MIT",
      software: { dependencies: [{ name: "yaml", version: "2.9.1", ecosystem: "npm" }] },
    });
    expect(card.software?.vulnerabilities).toEqual([]);
  });

  it("keeps given values over defaults", () => {
    const card = buildCard({ name: "tiny", license: "MIT", version: "3.0.0", created: "2020-01-01" });
    expect(card.version).toBe("3.0.0");
    expect(card.created).toBe("2020-01-01");
  });

  it("refuses bad input with every issue", () => {
    const e = expectCardError(
      () => buildCard({ name: "tiny", license: "Apache 2", created: "yesterday" } as never),
      "INVALID_CARD",
    );
    expect(e.issues.map((i) => i.path).sort()).toEqual(["/created", "/license"]);
  });
});
