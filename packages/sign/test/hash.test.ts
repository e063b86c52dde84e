import { createHash } from "node:crypto";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { blake3 } from "@noble/hashes/blake3.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type HashProgress, hashModel, rootDigest } from "../src/index.js";
import { codeOf, tempDir, writeTree } from "./helpers/fs.js";

const root = tempDir();
let n = 0;
const model = (files: Record<string, string | Uint8Array>) => writeTree(join(root, `h${n++}`), files);
const sha = (x: string | Uint8Array) => createHash("sha256").update(x).digest("hex");

describe("hashModel", () => {
  it("hashes every regular file, dotfiles included, git files at the top level excluded", async () => {
    const dir = model({
      "a.bin": "a",
      ".env.example": "e",
      ".cache/w.bin": "w",
      ".git/HEAD": "ref",
      ".github/ci.yml": "ci",
      ".gitignore": "x",
      ".gitattributes": "x",
      "sub/.git/HEAD": "nested git dirs are not ignored",
    });
    mkdirSync(join(dir, "empty-dir"));
    const m = await hashModel(dir);
    expect(m.resources.map((r) => r.name)).toEqual([".cache/w.bin", ".env.example", "a.bin", "sub/.git/HEAD"]);
    expect(m.resources[2]).toEqual({ name: "a.bin", algorithm: "sha256", digest: sha("a") });
    expect(m.serialization.ignorePaths).toEqual([".git", ".gitattributes", ".github", ".gitignore"]);
    const all = await hashModel(dir, { ignoreGitPaths: false });
    expect(all.resources).toHaveLength(8);
    expect(all.serialization.ignorePaths).toBeUndefined();
  });

  it("ignores paths component-wise, relative to the model (ignore-me does not match ignore-me2)", async () => {
    const dir = model({ "ignore-me": "1", "ignore-me2": "2", "d/x": "3", "d/y/z": "4", keep: "5" });
    const m = await hashModel(dir, {
      ignorePaths: ["ignore-me", "d/y", join(dir, "keep"), "../outside", "/elsewhere"],
    });
    expect(m.resources.map((r) => r.name)).toEqual(["d/x", "ignore-me2"]);
    expect(m.serialization.ignorePaths).toEqual([
      ".git",
      ".gitattributes",
      ".github",
      ".gitignore",
      "d/y",
      "ignore-me",
      "keep",
    ]);
  });

  it("orders like model_signing (path components) or like the spec (code points)", async () => {
    const dir = model({ "a/b": "1", "a b": "2", "a-b/c": "3", "a.b": "4" });
    const py = await hashModel(dir, { convention: "model_signing" });
    const spec = await hashModel(dir, { convention: "oms-spec" });
    expect(py.resources.map((r) => r.name)).toEqual(["a/b", "a b", "a-b/c", "a.b"]);
    expect(spec.resources.map((r) => r.name)).toEqual(["a b", "a-b/c", "a.b", "a/b"]);
  });

  it("sorts shards by numeric offset (model_signing) and names them algorithm-sharded-size", async () => {
    const dir = model({ f: "x".repeat(25) });
    const m = await hashModel(dir, { method: "shards", shardSize: 2 });
    expect(m.resources.slice(0, 6).map((r) => r.name)).toEqual([
      "f:0:2",
      "f:2:4",
      "f:4:6",
      "f:6:8",
      "f:8:10",
      "f:10:12",
    ]);
    expect(m.resources.at(-1)).toEqual({ name: "f:24:25", algorithm: "sha256-sharded-2", digest: sha("x") });
    const spec = await hashModel(dir, { method: "shards", shardSize: 2, convention: "oms-spec" });
    expect(spec.resources[0]).toEqual({ name: "f:0:2", algorithm: "sha256", digest: sha("xx") });
  });

  it("computes blake2b-512 and blake3-256 digests", async () => {
    const dir = model({ f: "hello" });
    const b2 = await hashModel(dir, { hashAlgorithm: "blake2b" });
    expect(b2.resources[0]!.digest).toBe(createHash("blake2b512").update("hello").digest("hex"));
    const b3 = await hashModel(dir, { hashAlgorithm: "blake3" });
    expect(b3.resources[0]!.digest).toBe(Buffer.from(blake3(new TextEncoder().encode("hello"))).toString("hex"));
  });

  it("gives identical manifests on the calling thread and on workers, for any file layout", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,6}(\/[a-z]{1,6})?$/), fc.uint8Array({ maxLength: 300 }), {
          minKeys: 1,
          maxKeys: 6,
        }),
        fc.integer({ min: 1, max: 64 }),
        async (files, shardSize) => {
          // a path cannot be both a file and a directory
          const names = Object.keys(files).filter((k) => !Object.keys(files).some((o) => o.startsWith(`${k}/`)));
          const dir = model(Object.fromEntries(names.map((k) => [k, files[k]!])));
          for (const method of ["files", "shards"] as const) {
            const one = await hashModel(dir, { method, shardSize, concurrency: 1 });
            const two = await hashModel(dir, { method, shardSize, concurrency: 2, parallelThreshold: 0 });
            expect(two).toEqual(one);
            if (method === "files") for (const r of one.resources) expect(r.digest).toBe(sha(files[r.name]!));
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it("streams large files in chunks, reports progress and finishes at the total", async () => {
    const big = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => i & 0xff);
    const dir = model({ big, small: "s" });
    for (const concurrency of [1, 2]) {
      const seen: HashProgress[] = [];
      const m = await hashModel(dir, {
        chunkSize: 64 * 1024,
        concurrency,
        parallelThreshold: 0,
        onProgress: (p) => seen.push(p),
      });
      expect(m.resources.find((r) => r.name === "big")!.digest).toBe(sha(big));
      expect(seen.at(-1)).toEqual({ bytesHashed: big.length + 1, totalBytes: big.length + 1, totalResources: 2 });
      expect(seen.every((p, i) => i === 0 || p.bytesHashed >= seen[i - 1]!.bytesHashed)).toBe(true);
    }
  });

  it("stops on an AbortSignal with ABORTED", async () => {
    const dir = model({ a: new Uint8Array(1 << 20), b: new Uint8Array(1 << 20) });
    const ac = new AbortController();
    ac.abort();
    expect(await codeOf(() => hashModel(dir, { signal: ac.signal }))).toBe("ABORTED");
    expect(await codeOf(() => hashModel(dir, { signal: ac.signal, concurrency: 2, parallelThreshold: 0 }))).toBe(
      "ABORTED",
    );
  });

  it("hashes an empty folder to the empty manifest (sha256 of nothing as root)", async () => {
    const dir = join(root, "empty");
    mkdirSync(dir);
    const m = await hashModel(dir);
    expect(m.resources).toEqual([]);
    expect(rootDigest(m.resources)).toBe(sha(""));
  });

  it.each([
    [{ method: "blocks" }, "INVALID_ARGUMENT"],
    [{ hashAlgorithm: "md5" }, "UNSUPPORTED_HASH"],
    [{ shardSize: 0 }, "INVALID_ARGUMENT"],
    [{ chunkSize: 12 }, "INVALID_ARGUMENT"],
    [{ concurrency: 0 }, "INVALID_ARGUMENT"],
    [{ convention: "go" }, "INVALID_ARGUMENT"],
  ])("rejects options %o with %s", async (options, code) => {
    const dir = model({ a: "a" });
    expect(await codeOf(() => hashModel(dir, options as never))).toBe(code);
  });

  it("refuses file names that are not valid UTF-8 (UNSAFE_PATH)", async () => {
    const dir = model({ a: "a" });
    const bad = Buffer.concat([Buffer.from(dir), Buffer.from("/"), Buffer.from([0x66, 0xff, 0x66])]);
    writeFileSync(bad, "x");
    expect(await codeOf(() => hashModel(dir))).toBe("UNSAFE_PATH");
  });

  it("refuses symlinks by default, to directories always, and outside the model unless scope is any", async () => {
    const outside = model({ "t.bin": "target" });
    const dir = model({ "in.bin": "in" });
    symlinkSync(join(dir, "in.bin"), join(dir, "link-in"));
    expect(await codeOf(() => hashModel(dir))).toBe("SYMLINK_REFUSED");
    const m = await hashModel(dir, { allowSymlinks: true });
    expect(m.resources.map((r) => [r.name, r.digest])).toEqual([
      ["in.bin", sha("in")],
      ["link-in", sha("in")],
    ]);
    symlinkSync(join(outside, "t.bin"), join(dir, "link-out"));
    expect(await codeOf(() => hashModel(dir, { allowSymlinks: true }))).toBe("SYMLINK_REFUSED");
    expect((await hashModel(dir, { allowSymlinks: true, symlinkScope: "any" })).resources).toHaveLength(3);
    symlinkSync(".", join(dir, "cycle"));
    expect(await codeOf(() => hashModel(dir, { allowSymlinks: true, symlinkScope: "any" }))).toBe("SYMLINK_REFUSED");
    const lonely = join(root, `h${n++}`);
    mkdirSync(lonely);
    symlinkSync(join(root, "does-not-exist"), join(lonely, "dangling"));
    expect(await codeOf(() => hashModel(lonely, { allowSymlinks: true }))).toBe("SYMLINK_REFUSED");
  });
});
