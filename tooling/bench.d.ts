/** One line describing the machine (CPU, cores, memory, Node), for README performance tables. */
export declare function machineInfo(): string;
/** Median wall time in ms of `rounds` runs of `fn` (after one warm-up unless `warmup` is false). */
export declare function measure(fn: () => unknown, options?: { rounds?: number; warmup?: boolean }): Promise<number>;
export interface BenchRow {
  name: string;
  ms: number;
  ratio: number;
  goal?: number;
  verdict: string;
}
/** Prints cases as ratios against a reference measured in the same run; returns the rows. */
export declare function report(
  title: string,
  reference: { name: string; ms: number },
  cases: { name: string; ms: number; goal?: number }[],
): { title: string; reference: { name: string; ms: number }; rows: BenchRow[] };
