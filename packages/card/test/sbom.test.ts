import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildCard,
  integrityToHashes,
  mergeSboms,
  renderCycloneDx,
  sbomFromNpm,
  sbomFromRequirements,
} from "../src/index.js";
import { cyclonedxFixtures, expectCardError, paths, validateCycloneDxOfficial } from "./helpers.js";

const read = (f: string) => readFileSync(new URL(`./fixtures/${f}`, import.meta.url), "utf8");

describe("sbomFromNpm", () => {
  it("lists every package of a package-lock v3 with version, purl, licence, hashes, scope and directness", () => {
    const { bom, unresolved } = sbomFromNpm({
      packageJson: read("package.json.txt"),
      lockfile: read("package-lock.json.txt"),
    });
    expect(bom.vulnerabilities).toEqual([]);
    const byPurl = Object.fromEntries(bom.dependencies.map((d) => [d.purl, d]));
    expect(Object.keys(byPurl).sort()).toEqual([
      "pkg:npm/%40tensorflow/tfjs-node@4.22.0",
      "pkg:npm/%40tensorflow/tfjs@4.22.0",
      "pkg:npm/seedrandom@2.4.4",
      "pkg:npm/seedrandom@3.0.5",
      "pkg:npm/vitest@4.1.12",
      "pkg:npm/yaml@2.9.1",
    ]);
    expect(byPurl["pkg:npm/%40tensorflow/tfjs@4.22.0"]).toMatchObject({
      name: "@tensorflow/tfjs",
      version: "4.22.0",
      license: "Apache-2.0",
      scope: "required",
      direct: true,
    });
    expect(byPurl["pkg:npm/seedrandom@3.0.5"]).toMatchObject({ direct: false, scope: "required", license: "MIT" });
    expect(byPurl["pkg:npm/@tensorflow/tfjs-node@4.22.0".replace("@t", "%40t")]).toMatchObject({
      scope: "optional",
      direct: true,
    });
    expect(byPurl["pkg:npm/vitest@4.1.12"]).toMatchObject({ scope: "dev", direct: true });
    expect(byPurl["pkg:npm/yaml@2.9.1"]!.hashes![0]!.alg).toBe("sha512");
    expect(byPurl["pkg:npm/yaml@2.9.1"]!.hashes![0]!.value).toHaveLength(128);
    expect(unresolved).toEqual([
      expect.objectContaining({ text: "../local-utils", reason: expect.stringContaining("workspace") }),
    ]);
  });

  it("reads package-lock v1 trees", () => {
    const lock = JSON.stringify({
      lockfileVersion: 1,
      dependencies: {
        yaml: { version: "2.9.1", integrity: "sha1-qUwiJOvKwEeCoNkDVSHyRzW37JI=" },
        a: { version: "1.0.0", dev: true, dependencies: { b: { version: "2.0.0", dev: true } } },
        g: { version: "git+https://example.com/g.git#abc" },
      },
    });
    const { bom, unresolved } = sbomFromNpm({ packageJson: read("package.json.txt"), lockfile: lock });
    expect(bom.dependencies.map((d) => `${d.name}@${d.version}:${d.scope}`)).toEqual([
      "yaml@2.9.1:required",
      "a@1.0.0:dev",
      "b@2.0.0:dev",
    ]);
    expect(bom.dependencies[0]!.hashes).toEqual([{ alg: "sha1", value: "a94c2224ebcac04782a0d9035521f24735b7ec92" }]);
    expect(unresolved.map((u) => u.location)).toEqual(["/dependencies/g"]);
  });

  it("reads pnpm-lock.yaml v9", () => {
    const { bom, unresolved } = sbomFromNpm({
      packageJson: read("package.json.txt"),
      lockfile: read("pnpm-lock.yaml.txt"),
    });
    expect(bom.dependencies.map((d) => d.purl)).toEqual([
      "pkg:npm/%40types/node@20.19.0",
      "pkg:npm/vitest@4.1.12",
      "pkg:npm/yaml@2.9.1",
    ]);
    expect(bom.dependencies[2]).toMatchObject({ direct: true, scope: "required" });
    expect(bom.dependencies[0]!.direct).toBe(false);
    expect(bom.dependencies[0]!.scope).toBeUndefined(); // pnpm v9 does not say whether a transitive package is dev-only
    expect(bom.dependencies[2]!.hashes![0]!.value.slice(0, 8)).toBe("01020304");
    expect(unresolved.map((u) => u.text)).toEqual(["local-thing@file:../local-thing"]);
  });

  it("lists direct dependencies with their ranges when there is no lockfile", () => {
    const { bom, unresolved } = sbomFromNpm({ packageJson: read("package.json.txt") });
    expect(bom.dependencies.find((d) => d.name === "yaml")).toMatchObject({
      version: "2.9.1",
      purl: "pkg:npm/yaml@2.9.1",
    });
    expect(bom.dependencies.find((d) => d.name === "@tensorflow/tfjs")).toMatchObject({
      versionSpec: "^4.22.0",
      purl: "pkg:npm/%40tensorflow/tfjs",
    });
    expect(unresolved.map((u) => u.text)).toEqual(["local-utils@file:../local-utils"]);
  });

  it("refuses malformed manifests with coded errors and paths", () => {
    expectCardError(() => sbomFromNpm({ packageJson: "{" }), "INVALID_MANIFEST");
    const e = expectCardError(
      () => sbomFromNpm({ packageJson: '{"dependencies": {"a": 1}, "devDependencies": []}' }),
      "INVALID_MANIFEST",
    );
    expect(paths(e)).toEqual(["/dependencies/a", "/devDependencies"]);
    expectCardError(() => sbomFromNpm({ packageJson: "{}", lockfile: '{"lockfileVersion": 7}' }), "INVALID_MANIFEST");
    expectCardError(() => sbomFromNpm({ packageJson: "{}", lockfile: "hello: world" }), "INVALID_MANIFEST");
    expectCardError(
      () => sbomFromNpm({ packageJson: "{}", lockfile: "lockfileVersion: '9.0'\npackages: &p {}\nx: *p" }),
      "INVALID_YAML",
    );
    expectCardError(
      () => sbomFromNpm({ packageJson: "{}", lockfile: read("package-lock.json.txt"), limits: { maxBytes: 500 } }),
      "INPUT_TOO_LARGE",
    );
  });
});

describe("sbomFromRequirements", () => {
  const { bom, unresolved } = sbomFromRequirements(read("requirements.txt"));
  const by = Object.fromEntries(bom.dependencies.map((d) => [d.name.toLowerCase(), d]));

  it("pins exact versions with purls and hashes", () => {
    expect(by.torch).toMatchObject({ version: "2.3.0", purl: "pkg:pypi/torch@2.3.0", ecosystem: "pypi", direct: true });
    expect(by.torch!.hashes).toEqual([
      { alg: "sha256", value: "0b5c1b7b5e2a3c6a7f8d9e0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e" },
    ]);
    expect(by.transformers).toMatchObject({
      version: "4.38.0",
      versionSpec: "[torch]",
      purl: "pkg:pypi/transformers@4.38.0",
    });
    expect(by.datasets).toMatchObject({ version: "2.18.0" });
  });

  it("keeps ranges as versionSpec and names as written (purls normalised)", () => {
    expect(by.scikit_learn).toMatchObject({
      name: "Scikit_Learn",
      versionSpec: ">=1.4,<2.0",
      purl: "pkg:pypi/scikit-learn",
    });
    expect(by.numpy).toMatchObject({ versionSpec: "~=1.26.4" });
    expect(by.tokenizers).toMatchObject({ versionSpec: "==0.15.*" });
    expect(by.pandas).toMatchObject({ purl: "pkg:pypi/pandas" });
    expect(by.pandas!.version).toBeUndefined();
  });

  it("returns includes, editable installs, URLs and options as unresolved", () => {
    expect(unresolved.map((u) => `${u.location} ${u.reason.split(" ")[0]}`)).toEqual([
      "line:2 pip",
      "line:11 includes",
      "line:12 editable",
      "line:13 direct",
      "line:14 a",
    ]);
    expect(by.tokenizer_utils).toMatchObject({ purl: "pkg:pypi/tokenizer-utils" });
    expect(by.mypkg).toMatchObject({ versionSpec: "https://example.com/mypkg-1.0.tar.gz" });
  });

  it("reports every line that is not a requirement", () => {
    const e = expectCardError(
      () => sbomFromRequirements("ok==1.0\n!!bad\nalso bad ==\nx >= \n--frobnicate\n"),
      "INVALID_MANIFEST",
    );
    expect(paths(e)).toEqual(["line:2", "line:3", "line:4", "line:5"]);
  });

  it("bounds the input size", () => {
    expectCardError(
      () => sbomFromRequirements("a==1\n".repeat(1000), { limits: { maxBytes: 100 } }),
      "INPUT_TOO_LARGE",
    );
  });
});

describe("mergeSboms", () => {
  it("merges npm and Python dependencies and attaches vulnerabilities that name them", () => {
    const npm = sbomFromNpm({ packageJson: read("package.json.txt"), lockfile: read("package-lock.json.txt") });
    const py = sbomFromRequirements(read("requirements.txt"));
    const merged = mergeSboms(
      [npm, py],
      [{ id: "CVE-2024-3568", affects: ["pkg:pypi/transformers@4.38.0"], severity: "high" }],
    );
    expect(merged.bom.dependencies).toHaveLength(npm.bom.dependencies.length + py.bom.dependencies.length);
    expect(merged.bom.vulnerabilities).toHaveLength(1);
    expect(merged.unresolved).toHaveLength(npm.unresolved.length + py.unresolved.length);
    const card = buildCard({ name: "m", license: "MIT", created: "2024-01-01", software: merged.bom });
    const out = renderCycloneDx(card);
    if (!cyclonedxFixtures.skip) expect(validateCycloneDxOfficial(out)).toBeUndefined();
  });

  it("refuses vulnerabilities that name no dependency", () => {
    const e = expectCardError(
      () => mergeSboms([], [{ id: "CVE-1", affects: ["pkg:npm/nothing@1"] }]),
      "INVALID_ARGUMENT",
    );
    expect(paths(e)).toEqual(["/0/affects/0"]);
  });
});

describe("integrityToHashes", () => {
  it("decodes Subresource Integrity values and skips unknown ones", () => {
    expect(integrityToHashes("sha1-qUwiJOvKwEeCoNkDVSHyRzW37JI= md5-xyz sha256-!!!")).toEqual([
      { alg: "sha1", value: "a94c2224ebcac04782a0d9035521f24735b7ec92" },
    ]);
  });
});
