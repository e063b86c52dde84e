import { definePackageTests } from "@modelproof/tooling/vitest";

export default definePackageTests(import.meta.url);
