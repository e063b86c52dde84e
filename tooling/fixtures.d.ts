/** Absolute path of ../shared/fixtures (override with MODELPROOF_FIXTURES), or undefined when absent. */
export declare function sharedFixturesDir(): string | undefined;
/** Path of a fixture folder; `skip` is true (and a reason was printed) when it is absent. */
export declare function fixture(sub: string): { path: string; present: boolean; skip: boolean };
