// A step's process tree, for stopping all of it when it runs past its time. A group-wide
// signal misses a descendant that started a process group of its own (Playwright's web
// server is spawned detached), and once its parent is gone it is reparented out of the
// tree and keeps its port: so the tree is recorded while it is whole, and a process is
// known by its pid and start time (a pid freed and reused is never signalled).
// Linux's /proc; elsewhere the tree is the step's own pid alone.
import { readdirSync, readFileSync } from 'node:fs';

/** A process's parent pid, group and start time (in clock ticks since boot), or undefined when it is gone. */
function stat(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // After the command's name in parentheses (which may itself hold spaces and parentheses):
  // state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime
  // cstime priority nice threads itrealvalue starttime ...
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z') return undefined; // a zombie: already dead, only not yet reaped
  return { ppid: Number(fields[1]), pgid: Number(fields[2]), start: fields[19] };
}

function allPids() {
  try {
    return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
}

/**
 * Adds `root` and its living descendants to `known` (pid -> start time and group); what is
 * already known stays, so a process recorded before its parent died is still stopped.
 * @param {number} root
 * @param {Map<number, { start: string, pgid: number }>} known
 */
export function recordTree(root, known = new Map()) {
  const children = new Map();
  const stats = new Map();
  for (const pid of allPids()) {
    const s = stat(pid);
    if (!s) continue;
    stats.set(pid, s);
    if (!children.has(s.ppid)) children.set(s.ppid, []);
    children.get(s.ppid).push(pid);
  }
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop();
    const s = stats.get(pid);
    if (s && !known.has(pid)) known.set(pid, { start: s.start, pgid: s.pgid });
    queue.push(...(children.get(pid) ?? []));
  }
  return known;
}

/** The recorded processes still alive as the same processes (pid and start time). */
export function living(known) {
  return [...known].filter(([pid, { start }]) => {
    const s = stat(pid);
    return s !== undefined && s.start === start;
  });
}

/**
 * Sends `signal` to each living recorded process's group, and to the process itself
 * (its group may have been left); returns how many processes were still alive.
 * @param {Map<number, { start: string, pgid: number }>} known
 * @param {NodeJS.Signals} signal
 */
export function signalTree(known, signal) {
  const alive = living(known);
  const groups = new Set(alive.map(([, { pgid }]) => pgid));
  for (const pgid of groups) {
    // The step's groups only: never init's or the caller's own (a step is spawned detached).
    if (pgid <= 1 || pgid === process.pid) continue;
    try {
      process.kill(-pgid, signal);
    } catch {
      /* already gone */
    }
  }
  for (const [pid] of alive) {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
  return alive.length;
}
