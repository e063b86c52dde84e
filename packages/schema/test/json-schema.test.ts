import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arrayOf,
  colSpec,
  compileJSONSchema,
  createRequestValidator,
  enforce,
  enforceParams,
  ModelSignature,
  mapOf,
  objectOf,
  ParamSchema,
  paramSpec,
  paramsToJSONSchema,
  property,
  Schema,
  type SchemaError,
  SILENT_LOGGER,
  schemaToJSONSchema,
  signatureToJSONSchema,
  tensorSpec,
} from "../src/index.js";
import { schemaArb } from "./helpers/arbitraries.js";

const quiet = { logger: SILENT_LOGGER };
const columns = new Schema([
  colSpec("long", { name: "id" }),
  colSpec("integer", { name: "n", required: false }),
  colSpec("float", { name: "f", required: false }),
  colSpec("string", { name: "s", required: false }),
  colSpec("boolean", { name: "b", required: false }),
  colSpec("datetime", { name: "t", required: false }),
  colSpec("binary", { name: "x", required: false }),
  colSpec(arrayOf(objectOf([property("role", "string"), property("name", "string", false)])), {
    name: "m",
    required: false,
  }),
  colSpec(mapOf("double"), { name: "w", required: false }),
]);
const params = new ParamSchema([paramSpec("k", "integer", 3), paramSpec("stop", "string", [], [-1])]);
const signature = new ModelSignature({ inputs: columns, params });

describe("JSON Schema export", () => {
  it("produces valid draft 2020-12 documents for every schema", () => {
    const meta = new Ajv2020({ strict: true });
    fc.assert(
      fc.property(schemaArb, (s) => {
        const doc = schemaToJSONSchema(s);
        expect(doc.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
        expect(meta.validateSchema(doc), JSON.stringify(meta.errors)).toBe(true);
        expect(() => compileJSONSchema(doc)).not.toThrow();
      }),
      { numRuns: 60 },
    );
    expect(meta.validateSchema(paramsToJSONSchema(params))).toBe(true);
    expect(meta.validateSchema(signatureToJSONSchema(signature))).toBe(true);
  });

  it("describes requests in MLflow's REST formats", () => {
    const doc = signatureToJSONSchema(signature) as { properties: Record<string, unknown>; required: string[] };
    expect(doc.required).toEqual(["dataframe_records"]);
    expect(Object.keys(doc.properties)).toEqual(["dataframe_records", "params"]);
    const t = signatureToJSONSchema(new ModelSignature({ inputs: new Schema([tensorSpec("float32", [-1, 2])]) }));
    expect((t as { required: string[] }).required).toEqual(["inputs"]);
  });

  it("validates requests with a validator compiled once per signature", () => {
    const check = createRequestValidator(signature);
    expect(createRequestValidator(signature)).toBe(check);
    expect(check({ dataframe_records: [{ id: 1, m: [{ role: "user" }], w: { a: 1 } }], params: { k: 2 } })).toEqual({
      valid: true,
      issues: [],
    });
    const bad = check({
      dataframe_records: [{ id: 1.5, n: 2 ** 31, m: [{ role: "user", extra: 1 }] }],
      params: { k: "x" },
    });
    expect(bad.valid).toBe(false);
    expect(bad.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        "/dataframe_records/0/id",
        "/dataframe_records/0/n",
        "/dataframe_records/0/m/0",
        "/params/k",
      ]),
    );
    expect(check({ inputs: [] }).valid).toBe(false);
  });

  it("agrees with enforce on JSON records", () => {
    const check = compileJSONSchema(schemaToJSONSchema(columns));
    const json = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(
        2 ** 31,
        1e39,
        2 ** 63,
        "AQID",
        "not base64!",
        "2024-01-01",
        "2024-13-01",
        "2024-01-01T24:00",
        "2024-06-25 10:11:12.5Z",
        "x",
        true,
        null,
      ),
      fc.constant([{ role: "user" }]),
      fc.constant([{ name: "x" }]),
      fc.constant({ a: 1 }),
      fc.constant({ a: "1" }),
    );
    // Rows that are valid but for a few random fields, so single-field disagreements show up.
    const row = fc
      .tuple(
        fc.integer(),
        fc.dictionary(fc.constantFrom("n", "f", "s", "b", "t", "x", "m", "w", "extra", "id"), json, { maxKeys: 1 }),
      )
      .map(([id, rest]) => ({ id, ...rest }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 3 }), (rows) => {
        let enforced = true;
        try {
          enforce(columns, rows, quiet);
        } catch (e) {
          enforced = false;
          expect((e as SchemaError).name).toBe("SchemaError");
        }
        expect(check(rows).valid, JSON.stringify(rows)).toBe(enforced);
      }),
      { numRuns: 1000 },
    );
    // The edge values one by one, each in an otherwise valid record.
    const edges: [string, unknown][] = [
      ["t", "2024-13-01"],
      ["t", "2024-01-01T24:00"],
      ["t", "2024-06-25 10:11:12.5Z"],
      ["t", "2024-06-25T10:11:12+02:00"],
      ["x", "AQID"],
      ["x", "not base64!"],
      ["x", "x"],
      ["x", "AQ="],
      ["x", "AQ=="],
      ["x", "AQI"],
      ["x", "_-8"],
      ["f", 1e39],
      ["n", 2 ** 31],
      ["id", 2 ** 63],
      ["id", 2 ** 62],
      ["m", [{ name: "x" }]],
      ["w", { a: "1" }],
      ["s", null],
    ];
    for (const [k, v] of edges) {
      const rows = [{ id: 1, [k]: v }];
      let enforced = true;
      try {
        enforce(columns, rows, quiet);
      } catch {
        enforced = false;
      }
      expect(check(rows).valid, JSON.stringify(rows)).toBe(enforced);
    }
    // The one documented gap: calendar overflow passes the pattern, not enforcement.
    expect(check([{ id: 1, t: "2023-02-30" }]).valid).toBe(true);
    expect(() => enforce(columns, [{ id: 1, t: "2023-02-30" }], quiet)).toThrow();
  });

  it("agrees with enforceParams", () => {
    const check = compileJSONSchema(paramsToJSONSchema(params));
    for (const p of [{}, { k: 1 }, { k: 1.5 }, { stop: ["a"] }, { stop: "a" }, { other: 1 }, { k: 2 ** 31 }]) {
      let ok = true;
      try {
        enforceParams(params, p, quiet);
      } catch {
        ok = false;
      }
      expect(check(p).valid, JSON.stringify(p)).toBe(ok);
    }
  });

  it("handles awkward names as plain properties", () => {
    const s = new Schema([colSpec("long", { name: "__proto__" }), colSpec("long", { name: "constructor" })]);
    const check = compileJSONSchema(schemaToJSONSchema(s));
    expect(check(JSON.parse('[{"__proto__": 1, "constructor": 2}]')).valid).toBe(true);
    expect(check([{ constructor: 2 }]).valid).toBe(false);
  });

  it("reports schemas Ajv cannot compile as INVALID_SCHEMA", () => {
    let code = "";
    try {
      compileJSONSchema({ type: "nope" }, quiet);
    } catch (e) {
      code = (e as SchemaError).code;
    }
    expect(code).toBe("INVALID_SCHEMA");
  });
});
