/**
 * What the UI's shells do with a line before the simulator sees it: the
 * terminal's own builtins (`clear`, `history`, `exit [N]`) and `docker exec -it C sh`,
 * which opens the container's shell in a new tab. Pure.
 */

/** Splits on blanks, honouring simple single and double quotes (enough to recognise `docker exec`). */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

const SHELLS = new Set(['sh', '/bin/sh', 'ash', '/bin/ash']);

/**
 * The container of `docker exec -it C sh` (also `-ti`, `-i -t`, `--interactive --tty`),
 * or undefined for any other line.
 */
export function interactiveExecTarget(line: string): string | undefined {
  if (/[|;&<>$`]/.test(line)) return undefined;
  const w = splitWords(line);
  if (w[0] !== 'docker' || w[1] !== 'exec') return undefined;
  let interactive = false;
  let tty = false;
  let i = 2;
  for (; i < w.length && w[i]!.startsWith('-'); i++) {
    const f = w[i]!;
    if (f === '--interactive') interactive = true;
    else if (f === '--tty') tty = true;
    else if (/^-[a-zA-Z]+$/.test(f)) {
      if (!/^-[itd]+$/.test(f)) return undefined;
      if (f.includes('d')) return undefined;
      interactive ||= f.includes('i');
      tty ||= f.includes('t');
    } else return undefined;
  }
  const [container, shell, ...rest] = w.slice(i);
  if (!interactive || !tty || !container || !shell || rest.length > 0 || !SHELLS.has(shell)) return undefined;
  return container;
}

export type Builtin = 'clear' | 'history' | 'exit';

const EXIT = /^exit(?:\s+(\d+))?$/;

/** A terminal builtin, if the line is one (`exit N` too; `exit abc` is left to the shell). */
export function builtinOf(line: string): Builtin | undefined {
  const t = line.trim();
  if (t === 'clear' || t === 'history') return t;
  if (EXIT.test(t)) return 'exit';
  return undefined;
}

/**
 * The status a shell ends with on `exit [N]` (busybox ash, dash and bash agree):
 * N modulo 256, or without N the status of the last command (`last`).
 */
export function exitStatus(line: string, last: number): number {
  const n = EXIT.exec(line.trim())?.[1];
  return (n === undefined ? last : Number(n)) & 255;
}

/** `history`'s listing: bash's numbered lines. */
export function formatHistory(lines: readonly string[]): string {
  return lines.map((l, i) => `${String(i + 1).padStart(5)}  ${l}\n`).join('');
}
