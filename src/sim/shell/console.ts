/**
 * The line a session records when the user ends a container's main shell at its
 * terminal (`exit` in the tab of `docker run -it IMAGE sh`): `docker attach C # exit N`.
 * On a real host that is how one reaches the main process (PID 1) from the host's
 * shell, then `exit N` typed at its prompt; the comment carries that typed line,
 * so the session stays a script of host lines and replays to the same world
 * (ARCHITECTURE.md, principle 2). The Simulator reads this form before the
 * shell, which would drop the comment. Pure.
 */

const ATTACH_EXIT = /^docker\s+attach\s+([A-Za-z0-9][A-Za-z0-9_.-]*)\s+#\s*exit(?:\s+(\d+))?\s*$/;

/** `docker attach C # exit N`, with N as the shell gives it to the kernel (0-255). */
export function attachExitLine(container: string, status: number): string {
  return `docker attach ${container} # exit ${status & 255}`;
}

/** The container and status of an `attachExitLine` (bare `exit` at a fresh prompt: 0), or undefined for any other line. */
export function parseAttachExit(line: string): { container: string; status: number } | undefined {
  const m = ATTACH_EXIT.exec(line.trim());
  if (!m) return undefined;
  return { container: m[1]!, status: m[2] === undefined ? 0 : Number(m[2]) & 255 };
}
