/** Go's time.Time in JSON (2026-11-23T22:06:18.161749122Z): what inspect, info and `--format` print. */
export function goTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}
