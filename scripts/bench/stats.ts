/** Timing and summary statistics for the benchmarks: wall-clock samples in milliseconds. */
import { performance } from 'node:perf_hooks';

export interface Summary {
  median: number;
  p95: number;
  samples: number;
}

/** The value at quantile q (0..1) of sorted samples, nearest rank. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), samples: sorted.length };
}

/** Milliseconds one call takes. */
export function timeOnce(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

/** Runs `warmup` untimed calls (JIT, caches), then times `count` calls one by one. */
export function sample(count: number, warmup: number, run: (i: number) => void): Summary {
  for (let i = 0; i < warmup; i++) run(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(timeOnce(() => run(i)));
  return summarize(times);
}

/** As `sample`, for calls that time their own part (a command, not the cleanup after it) and return its milliseconds. */
export function sampleTimed(count: number, warmup: number, run: () => number): Summary {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(run());
  return summarize(times);
}
