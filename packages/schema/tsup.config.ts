import { definePackageBuild } from "@modelproof/tooling/tsup";

export default definePackageBuild();
