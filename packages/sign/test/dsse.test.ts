import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fixture } from "@modelproof/tooling/fixtures";
import { describe, expect, it } from "vitest";
import { importPublicKey, pae, parseBundle, parseStatement, serializeStatement, verifyBytes } from "../src/index.js";
import { codeOf } from "./helpers/fs.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("pae", () => {
  it("matches the DSSE v1.0.2 specification vector", () => {
    const bytes = pae("http://example.com/HelloWorld", new TextEncoder().encode("hello world"));
    expect(hex(bytes)).toBe(
      "44535345763120323920687474703a2f2f6578616d706c652e636f6d2f48656c6c6f576f726c642031312068656c6c6f20776f726c64",
    );
  });

  it("verifies the specification's P-256 signature (converted to DER)", () => {
    // DSSE protocol.md test key and signature; the spec's raw r||s signature in DER form.
    const key = importPublicKey(
      "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEZ805D3eqNZywjCI19lInBJOp7YMrCrzAH3CVTAOQ0jgMeCvVTiaRJaRPRDOv8UMs6U4SvKc6pnrIDOoSYI3fdA==\n-----END PUBLIC KEY-----\n",
    );
    const sig = Buffer.from(
      "MEQCIANyarEBrVbCdjtsaqyOSHJ14qeRk6CdxfhZ2fjvPEo7AiBR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==",
      "base64",
    );
    const data = pae("http://example.com/HelloWorld", new TextEncoder().encode("hello world"));
    expect(verifyBytes(key, data, new Uint8Array(sig))).toBe(true);
    expect(
      verifyBytes(
        key,
        pae("http://example.com/HelloWorld", new TextEncoder().encode("hello world!")),
        new Uint8Array(sig),
      ),
    ).toBe(false);
  });

  it("counts bytes, not characters", () => {
    expect(new TextDecoder().decode(pae("t", new TextEncoder().encode("é")))).toBe("DSSEv1 1 t 2 é");
  });
});

const mt = fixture("model-transparency");
const oc = fixture("oms-conformance");

describe.skipIf(mt.skip || oc.skip)("serializeStatement (model_signing style)", () => {
  it("re-serialises every indented model_signing payload in the fixtures to the same bytes", () => {
    const bundles: string[] = [];
    const tests = join(mt.path, "scripts/tests");
    for (const d of readdirSync(tests)) if (d.startsWith("v")) bundles.push(join(tests, d, "model.sig"));
    for (const group of ["positive", "negative", "historical"]) {
      const root = join(oc.path, "test/test-cases/verify", group);
      for (const d of readdirSync(root)) bundles.push(join(root, d, "bundle.sig"));
    }
    let checked = 0;
    for (const file of bundles) {
      let payload: Uint8Array;
      try {
        payload = parseBundle(readFileSync(file)).payload;
      } catch {
        continue; // the corrupted, truncated and empty bundles of the negative cases
      }
      const text = new TextDecoder().decode(payload);
      if (!text.startsWith("{\n  ")) continue; // Go writes compact JSON
      expect(new TextDecoder().decode(serializeStatement(JSON.parse(text)))).toBe(text);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });
});

describe("parseStatement", () => {
  const enc = (x: unknown) => new TextEncoder().encode(typeof x === "string" ? x : JSON.stringify(x));
  const ok = {
    _type: "https://in-toto.io/Statement/v1",
    subject: [{ name: "m", digest: { sha256: "00" } }],
    predicateType: "p",
    predicate: {},
  };
  it("accepts a minimal statement", () => {
    expect(parseStatement(enc(ok)).predicateType).toBe("p");
  });
  it.each([
    ["not JSON", "{", "MALFORMED_JSON"],
    ["invalid UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), "MALFORMED_JSON"],
    ["an array", [], "MALFORMED_STATEMENT"],
    ["wrong _type", { ...ok, _type: "https://in-toto.io/Statement/v0.1" }, "MALFORMED_STATEMENT"],
    ["no subject", { ...ok, subject: [] }, "MALFORMED_STATEMENT"],
    ["subject without digest", { ...ok, subject: [{ name: "m" }] }, "MALFORMED_STATEMENT"],
    ["non-hex digest", { ...ok, subject: [{ name: "m", digest: { sha256: "zz" } }] }, "MALFORMED_STATEMENT"],
    ["no predicateType", { ...ok, predicateType: undefined }, "MALFORMED_STATEMENT"],
    ["predicate not an object", { ...ok, predicate: [1] }, "MALFORMED_STATEMENT"],
  ])("rejects %s with %s", async (_w, input, code) => {
    expect(await codeOf(() => parseStatement(input instanceof Uint8Array ? input : enc(input)))).toBe(code);
  });
});

describe("serializeStatement", () => {
  it("escapes like Python's json (ASCII only) and writes numbers as Python floats", () => {
    const st = {
      _type: "t",
      subject: [{ name: '模型\u007f"\\\n', digest: { sha256: "00" } }],
      predicateType: "p",
      predicate: { a: 8, b: 1e16, c: 0.5, d: [], e: {} },
    };
    expect(new TextDecoder().decode(serializeStatement(st))).toBe(
      '{\n  "_type": "t",\n  "subject": [\n    {\n      "name": "\\u6a21\\u578b\\u007f\\"\\\\\\n",\n      "digest": {\n        "sha256": "00"\n      }\n    }\n  ],\n  "predicateType": "p",\n  "predicate": {\n    "a": 8.0,\n    "b": 1e+16,\n    "c": 0.5,\n    "d": [],\n    "e": {}\n  }\n}',
    );
    expect(new TextDecoder().decode(serializeStatement(st, "compact"))).toBe(JSON.stringify(st));
  });
});
