import { definePackageBuild } from "@modelproof/tooling/tsup";

// spdx-license-ids ships bare JSON files, which Node's ESM loader will not import without an
// import attribute; bundling the list (CC0-1.0) keeps the output loadable everywhere.
export default definePackageBuild({ noExternal: ["spdx-license-ids"] });
