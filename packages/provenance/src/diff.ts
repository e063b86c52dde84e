/** Which components changed between two provenance records (versions of one model, or two models). */
import type { ComponentName } from "./components.js";
import { compareComponentNames } from "./components.js";
import { type ProvenanceRecord, validateProvenanceRecord } from "./record.js";

/** The difference between two records, component by component. */
export interface ProvenanceDiff {
  /** True when both roots are equal (then every component is unchanged). */
  identical: boolean;
  /** Only in the later record. */
  added: ComponentName[];
  /** Only in the earlier record. */
  removed: ComponentName[];
  /** In both, with different digests. */
  changed: { name: ComponentName; before: string; after: string }[];
  /** In both, same digest. */
  unchanged: ComponentName[];
}

/**
 * Compares two records. Salts are ignored: a component whose content did not change is reported
 * unchanged even if the two records salted it differently.
 * @throws {ProvenanceError} `CORRUPTED_DATA` when either record is malformed or inconsistent
 * @example diffProvenance(v1, v2).changed.map((c) => c.name) // ["metrics", "model_weights"]
 */
export function diffProvenance(before: ProvenanceRecord, after: ProvenanceRecord): ProvenanceDiff {
  const a = validateProvenanceRecord(before);
  const b = validateProvenanceRecord(after);
  const inA = new Map(a.components.map((c) => [c.name, c]));
  const inB = new Map(b.components.map((c) => [c.name, c]));
  const diff: ProvenanceDiff = { identical: a.root === b.root, added: [], removed: [], changed: [], unchanged: [] };
  const names = [...new Set([...inA.keys(), ...inB.keys()])].sort(compareComponentNames);
  for (const name of names) {
    const x = inA.get(name);
    const y = inB.get(name);
    if (!x) diff.added.push(name);
    else if (!y) diff.removed.push(name);
    else if (x.digest === y.digest && x.encoding === y.encoding) diff.unchanged.push(name);
    else diff.changed.push({ name, before: x.digest, after: y.digest });
  }
  return diff;
}
