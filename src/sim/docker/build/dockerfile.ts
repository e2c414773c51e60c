/**
 * A Dockerfile as the classic builder reads it (moby's vendored
 * buildkit/frontend/dockerfile/parser): comment and blank lines dropped, lines
 * joined at a trailing backslash, the first word the instruction (any case),
 * the rest its arguments, and the line as written kept for the `Step N/M :`
 * lines. Stages start at each FROM; ARGs before the first FROM are global.
 */

export interface Instruction {
  /** Upper case: FROM, RUN, COPY... */
  keyword: string;
  /** The text after the keyword, continuation lines joined. */
  rest: string;
  /** The instruction as written (`Step 2/8 : LABEL maintainer="me@example.com"`). */
  original: string;
  /** 1-based line of the instruction's first line (parse errors name it). */
  line: number;
}

export interface Stage {
  /** `FROM image AS name`: the name, lower-cased as the builder keeps it. */
  name?: string;
  /** Its FROM, then the rest of its instructions. */
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
}

/** The instructions the classic builder knows (dispatchers.go); anything else is a parse error. */
export const KNOWN_INSTRUCTIONS: ReadonlySet<string> = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export type ParseResult = { ok: true; dockerfile: Dockerfile } | { ok: false; error: string };

/** Splits a Dockerfile's text into instructions and stages, or the builder's parse error. */
export function parseDockerfile(text: string): ParseResult {
  const instructions: Instruction[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let pending: { parts: string[]; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.replace(/^[ \t]+/, '');
    // Comments and blank lines are dropped, also between continuation lines.
    if (trimmed.startsWith('#') || (trimmed.trim() === '' && pending === undefined)) continue;
    if (trimmed.trim() === '') continue;
    const continued = /\\[ \t]*$/.test(trimmed);
    const part = continued ? trimmed.replace(/\\[ \t]*$/, '') : trimmed.replace(/[ \t]+$/, '');
    if (pending) pending.parts.push(part);
    else pending = { parts: [part], line: i + 1 };
    if (continued) continue;
    const original = pending.parts.join('').trim();
    const match = /^(\S+)\s*([\s\S]*)$/.exec(original)!;
    instructions.push({ keyword: match[1]!.toUpperCase(), rest: match[2]!, original, line: pending.line });
    pending = undefined;
  }
  if (pending) {
    const original = pending.parts.join('').trim();
    const match = /^(\S+)\s*([\s\S]*)$/.exec(original)!;
    instructions.push({ keyword: match[1]!.toUpperCase(), rest: match[2]!, original, line: pending.line });
  }
  for (const ins of instructions) {
    if (!KNOWN_INSTRUCTIONS.has(ins.keyword)) return { ok: false, error: `dockerfile parse error on line ${ins.line}: unknown instruction: ${ins.original.split(/\s/)[0]}` };
  }
  if (instructions.length === 0) return { ok: false, error: 'the Dockerfile (Dockerfile) cannot be empty' };
  const globalArgs: Instruction[] = [];
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const words = ins.rest.trim().split(/\s+/);
      const named = words.length === 3 && words[1]!.toLowerCase() === 'as' ? words[2]!.toLowerCase() : undefined;
      stages.push({ ...(named !== undefined ? { name: named } : {}), instructions: [ins] });
    } else if (stages.length === 0) {
      if (ins.keyword !== 'ARG') return { ok: false, error: 'no build stage in current context' };
      globalArgs.push(ins);
    } else {
      stages[stages.length - 1]!.instructions.push(ins);
    }
  }
  if (stages.length === 0) return { ok: false, error: 'no build stage in current context' };
  return { ok: true, dockerfile: { globalArgs, stages } };
}

/** An instruction's JSON form (`CMD ["httpd", "-f"]`): its strings, or undefined for the shell form. */
export function jsonArgs(rest: string): string[] | undefined {
  const text = rest.trim();
  if (!text.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // Not JSON: the builder takes the text as a shell command.
  }
  return undefined;
}

/** Leading `--name=value` flags of COPY, ADD, FROM, RUN and HEALTHCHECK, and the text after them. */
export function instructionFlags(rest: string): { flags: Map<string, string>; rest: string } {
  const flags = new Map<string, string>();
  let text = rest.trim();
  for (;;) {
    const m = /^--([A-Za-z-]+)(?:=(\S*))?(?:\s+|$)/.exec(text);
    if (!m) break;
    flags.set(m[1]!, m[2] ?? '');
    text = text.slice(m[0].length);
  }
  return { flags, rest: text };
}
