// A realistic model state, used across the record, proof, diff and lineage tests.
import type { Components } from "../../src/index.js";

export function sampleComponents(): Components {
  return {
    model_weights: {
      format: "tfjs-layers",
      digest: { sha256: "92745110b1ab4368471cbe31664e10174e954b113a3df333db860317b2c6dec4" },
      files: [
        { name: "model.json", digest: "bc9a717db6064a32cbe9eae6fc40651dd6d36ef1757183f590eff2b1765d7ebc", size: 2048 },
        {
          name: "group1-shard1of1.bin",
          digest: "32dcb1f8e1ae52d5963e56a6ba06ab58b424c15ed2a6b70d2feca1d089370028",
          size: 663552,
        },
      ],
      architecture: {
        name: "tiny-decoder",
        layers: [
          { name: "wte", type: "embedding", parameters: 65536 },
          { name: "block_0", type: "transformer_block", parameters: 49920 },
        ],
        total_parameters: 165888,
      },
    },
    training_config: { epochs: 3, batch_size: 32, learning_rate: 0.001, optimizer: "adam", seed: 42 },
    metrics: { train_loss: 1.92, val_loss: 2.07, perplexity: { held_out: 7.9 } },
    data_statistics: {
      train: { samples: 5400, statistics: { mean: 41.2, std: 12.5, min: 3, max: 128 } },
      test: { samples: 600, statistics: { mean: 40.8, std: 12.1, min: 4, max: 121 } },
    },
    safety_config: { min_age_rating: "GENERAL", filters: ["violence", "self_harm"], max_input_length: 4096 },
    safety_metrics: { totalChecks: 1000, passedChecks: 960, failedChecks: 40, contentWarnings: 12 },
    system_info: { os: "linux", arch: "x64", runtime: "node v20.20.2", backend: "wasm" },
    io_signature: {
      inputs: '[{"type": "string", "name": "prompt", "required": true}]',
      outputs: '[{"type": "string", "required": true}]',
    },
    fingerprint_commitment: {
      root: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
      count: 64,
      scheme: "oml-1.0",
    },
    model_card: { name: "support-tiny", license: "apache-2.0" },
  };
}
