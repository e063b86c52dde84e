import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { AUTO_BACKEND_ORDER, useBackend } from "../src/backend.js";

describe("useBackend", () => {
  it("auto falls back to wasm when tfjs-node is not installed, and says why", async () => {
    const info = await useBackend("auto");
    expect(info.name).toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
    expect(info.skipped).toEqual(["@tensorflow/tfjs-node-gpu: not installed", "@tensorflow/tfjs-node: not installed"]);
    expect(AUTO_BACKEND_ORDER[0]).toBe("@tensorflow/tfjs-node-gpu");
  });

  it("switches between wasm and cpu", async () => {
    expect((await useBackend("cpu")).name).toBe("cpu");
    expect(tf.getBackend()).toBe("cpu");
    expect((await useBackend("wasm")).name).toBe("wasm");
  });

  it("fails clearly when the tensorflow backend is requested but not installed", async () => {
    await expect(useBackend("tensorflow")).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
    await expect(useBackend("webgpu" as never)).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
  });
});
