import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";
import { SignError, type SignErrorCode } from "../../src/index.js";

const created: string[] = [];
// Registered when a test file imports this module, so directories made inside tests (where a hook
// cannot be added) or inside skipped suites are removed too.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory removed after the test file. */
export function tempDir(prefix = "modelproof-sign-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Writes files (path -> content) under `root`, creating folders. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): string {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** Runs `fn` and returns the SignError code it fails with (fails the test if it does not throw one). */
export async function codeOf(fn: () => unknown): Promise<SignErrorCode> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof SignError) return e.code;
    throw new Error(`expected a SignError, got ${String(e)}`, { cause: e });
  }
  throw new Error("expected a SignError, but the call succeeded");
}

/** Runs `fn`, expecting a SignError, and returns it. */
export async function errorOf(fn: () => unknown): Promise<SignError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof SignError) return e;
    throw new Error(`expected a SignError, got ${String(e)}`, { cause: e });
  }
  throw new Error("expected a SignError, but the call succeeded");
}
