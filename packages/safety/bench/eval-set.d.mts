/** Settings of the evaluation runs (README "Evaluation"). */
export declare const EVAL_CONFIG: { minAgeRating: "TEEN"; maxInputLength: number; maxOutputLength: number };
/** One item of the evaluation set. */
export interface LoadedItem {
  id: string;
  group: string;
  split: "dev" | "test";
  direction: "input" | "output";
  labels: string[];
  text: string;
}
/** Loads a JSONL evaluation file (default: the main set). */
export declare function loadEvalSet(url?: URL): LoadedItem[];
