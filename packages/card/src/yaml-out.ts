/** YAML output for front matter: plain block style, no anchors or aliases, no line folding. */
import { stringify } from "yaml";

/** Serialises JSON-like data as YAML 1.2 without anchors, aliases or folded lines. */
export function stringifyYaml(value: unknown): string {
  return stringify(value, { aliasDuplicateObjects: false, lineWidth: 0, version: "1.2" });
}
