/**
 * Internal helpers for calling untrusted model adapters: a group of calls sharing one
 * cancellation (one listener on the caller's signal, whatever the concurrency), each call with its
 * own timeout and its own AbortSignal for the adapter, settling as soon as it times out or the
 * group is aborted, even if the adapter ignores its signal; and a bounded-concurrency pool that
 * stops scheduling and aborts the group on the first failure.
 * @internal
 */

/** Why a guarded call did not return a value. @internal */
export class CallFailure extends Error {
  constructor(
    readonly reason: "error" | "timeout" | "aborted",
    cause?: unknown,
  ) {
    super(reason, cause === undefined ? undefined : { cause });
  }
}

/** Calls that are cancelled together. @internal */
export class CallGroup {
  readonly #controller = new AbortController();
  readonly #pending = new Set<(reason: unknown) => void>();

  /** @param outer - the caller's signal; aborting it aborts every call of the group */
  constructor(outer?: AbortSignal) {
    if (outer?.aborted) this.abort(outer.reason);
    else outer?.addEventListener("abort", () => this.abort(outer.reason), { once: true });
  }

  get aborted(): boolean {
    return this.#controller.signal.aborted;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.#controller.abort(reason);
    for (const cancel of [...this.#pending]) cancel(reason);
    this.#pending.clear();
  }

  /** Runs `fn` with a per-call signal, rejecting with a {@link CallFailure} on error, timeout or abort. */
  call<T>(fn: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
    if (this.aborted) return Promise.reject(new CallFailure("aborted", this.#controller.signal.reason));
    const perCall = new AbortController();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (): boolean => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        this.#pending.delete(onAbort);
        return true;
      };
      const onAbort = (reason: unknown) => {
        if (!finish()) return;
        perCall.abort(reason);
        reject(new CallFailure("aborted", reason));
      };
      const timer = setTimeout(() => {
        if (!finish()) return;
        const failure = new CallFailure("timeout");
        perCall.abort(failure);
        reject(failure);
      }, timeoutMs);
      this.#pending.add(onAbort);
      let result: Promise<T>;
      try {
        result = Promise.resolve(fn(perCall.signal));
      } catch (cause) {
        if (finish()) reject(new CallFailure("error", cause));
        return;
      }
      result.then(
        (value) => {
          if (finish()) resolve(value);
        },
        (cause: unknown) => {
          if (finish()) reject(new CallFailure("error", cause));
        },
      );
    });
  }
}

/**
 * Runs `task(0..count-1)` with at most `concurrency` in flight. On the first failure it stops
 * scheduling, aborts `group` (so in-flight calls settle at once) and rethrows. @internal
 */
export async function runPool(
  count: number,
  concurrency: number,
  group: CallGroup,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < count) {
      const index = next++;
      try {
        await task(index);
      } catch (error) {
        if (failure === undefined) {
          failure = { error };
          group.abort(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (failure !== undefined) throw failure.error;
}
