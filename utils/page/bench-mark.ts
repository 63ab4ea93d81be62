// Timing marks for the benchmark (bench/run.mjs) only. A page can read every performance.mark of
// its document (PerformanceObserver), content scripts' marks included: in a shipped build they
// would tell it when the guide mounted or drew a warning (issue 16, item 6). The production build
// has none: Vite replaces import.meta.env.MODE and the minifier drops the call. The benchmark
// builds with `wxt build --mode bench`; unit tests run in mode "test" and keep them.
export function benchMark(name: string): void {
  if (import.meta.env.MODE !== 'production') performance.mark(name);
}
