// The end-to-end path that exists today. Each package adds its step here as it lands.
import { ProvenanceError } from "@modelproof/provenance";

/**
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ steps: string[] }>}
 */
export async function runPipeline({ log = () => {} } = {}) {
  const steps = [];
  log("[1/1] provenance: package loaded");
  steps.push(ProvenanceError.name);
  return { steps };
}
