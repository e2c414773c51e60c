/**
 * When each line of a container's log was written, for `docker logs -t`, `--since`
 * and `--until`. Whoever writes a log appends to its text; the simulator stamps the
 * lines that appeared since it last looked with the clock's time (after each command
 * line, and after each sleeping process wakes, at the moment it woke), so no writer
 * has to know about time.
 */
import type { Container } from './model.ts';

/** How many lines (finished or not) the text has. */
function lineCount(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** Stamps with `now` every line of these containers' logs that has no time yet. */
export function stampLogs(containers: Iterable<Container>, now: number): void {
  for (const c of containers) {
    const stamps = (c.logStamps ??= []);
    const lines = lineCount(c.logs);
    while (stamps.length < lines) stamps.push(now);
  }
}

/** A log's lines, each with when it was written (a line never stamped takes the one before it, or the container's start). */
export function logEntries(c: Container): { at: number; line: string }[] {
  const lines = c.logs.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let last = c.startedAt ?? c.created;
  return lines.map((line, i) => {
    last = c.logStamps?.[i] ?? last;
    return { at: last, line };
  });
}
