import { definePackageBuild } from "@modelproof/tooling/tsup";

// platform "node": this package reads and writes model files (node:fs) and hashes with node:crypto.
// shims: import.meta.url in the CommonJS build (locating the shipped corpus).
export default definePackageBuild({ platform: "node", shims: true });
