/**
 * When each line of a container's log was written, for `docker logs -t`, `--since`
 * and `--until`. Whoever writes a log appends to its text; the simulator stamps the
 * lines that appeared since it last looked with the clock's time (after each command
 * line, and after each sleeping process wakes, at the moment it woke), so no writer
 * has to know about time.
 */
import type { Container } from './model.ts';

/** How far each container's log has been read: its length then, the newlines in it, its lines. */
interface LogRead {
  length: number;
  newlines: number;
  lines: number;
}

// Per container, so a look reads only what was appended since the last one: every command line looks
// at every container's log, and counting each whole log every time grew with the world (a fifth of
// replaying 300 containers). Logs only ever grow (writers append); a shorter one is read again.
const reads = new WeakMap<Container, LogRead>();

/** How many lines (finished or not) the container's log has. */
function lineCount(c: Container): number {
  const text = c.logs;
  const last = reads.get(c);
  if (last?.length === text.length) return last.lines;
  const read = last && text.length > last.length ? last : { length: 0, newlines: 0, lines: 0 };
  for (let at = text.indexOf('\n', read.length); at !== -1; at = text.indexOf('\n', at + 1)) read.newlines++;
  read.length = text.length;
  read.lines = text === '' || text.endsWith('\n') ? read.newlines : read.newlines + 1;
  reads.set(c, read);
  return read.lines;
}

/** Stamps with `now` every line of these containers' logs that has no time yet. */
export function stampLogs(containers: Iterable<Container>, now: number): void {
  for (const c of containers) {
    const stamps = (c.logStamps ??= []);
    const lines = lineCount(c);
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
