/**
 * find: GNU findutils on the Debian machines, busybox in containers. Starting
 * points, then an expression of tests (-name, -iname, -path, -ipath, -type f|d,
 * -empty, -maxdepth, -mindepth, -user/-group root), actions (-print, -print0,
 * -exec CMD {} ; and +, -prune, -quit) and operators (!, -not, -a, -o, ( )),
 * walked depth first. A directory lists in name order here; a real one in the
 * order its file system keeps, so scripts that compare sort the output.
 */
import { appletUsage } from './busybox-help.ts';
import { globRegex } from './regex.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail } from './types.ts';

type Node =
  | { op: 'and' | 'or'; left: Node; right: Node }
  | { op: 'not'; operand: Node }
  | { op: 'test'; test: (p: Visit) => boolean }
  | { op: 'print'; zero: boolean }
  | { op: 'exec'; argv: string[]; batch: boolean }
  | { op: 'prune' }
  | { op: 'quit' };

interface Visit {
  path: string;
  name: string;
  kind: 'file' | 'dir';
  depth: number;
}

class FindError extends Error {
  constructor(
    readonly gnu: string,
    readonly busybox: string,
    readonly usage = false,
  ) {
    super(gnu);
  }
}

interface Globals {
  maxdepth: number;
  mindepth: number;
}

/** Parses the expression; the globals (-maxdepth, -mindepth) are set aside. */
function parse(args: string[], ctx: CommandContext, globals: Globals): { node: Node | undefined; hasAction: boolean } {
  let i = 0;
  let hasAction = false;
  const need = (name: string): string => {
    const v = args[i++];
    if (v === undefined) throw new FindError(`missing argument to \`${name}'`, `${name} requires an argument`);
    return v;
  };
  const primary = (): Node => {
    const a = args[i++]!;
    switch (a) {
      case '(': {
        const inner = or();
        if (args[i] !== ')') throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.", 'unrecognized: (');
        i++;
        return inner;
      }
      case '!':
      case '-not':
        return { op: 'not', operand: primary() };
      case '-name':
      case '-iname': {
        const re = globRegex(need(a), a === '-iname');
        return { op: 'test', test: (v) => re.test(v.name) };
      }
      case '-path':
      case '-wholename':
      case '-ipath': {
        const re = globRegex(need(a), a === '-ipath');
        return { op: 'test', test: (v) => re.test(v.path) };
      }
      case '-type': {
        const t = need(a);
        if (!/^[fdlbcps]$/.test(t)) throw new FindError(`Unknown argument to -type: ${t}`, `invalid argument '${t}' to '-type'`);
        return { op: 'test', test: (v) => (t === 'f' ? v.kind === 'file' : t === 'd' ? v.kind === 'dir' : false) };
      }
      case '-empty':
        return {
          op: 'test',
          test: (v) => {
            if (v.kind === 'dir') {
              const names = ctx.fs.list(v.path);
              return Array.isArray(names) && names.length === 0;
            }
            return ctx.fs.read(v.path) === '';
          },
        };
      case '-user':
      case '-group': {
        const who = need(a);
        return { op: 'test', test: () => who === 'root' || who === '0' };
      }
      case '-maxdepth':
      case '-mindepth': {
        const v = need(a);
        if (!/^\d+$/.test(v)) throw new FindError(`Expected a positive decimal integer argument to ${a}, but got \u2018${v}\u2019`, `invalid number '${v}'`);
        globals[a === '-maxdepth' ? 'maxdepth' : 'mindepth'] = Number(v);
        return { op: 'test', test: () => true };
      }
      case '-true':
        return { op: 'test', test: () => true };
      case '-false':
        return { op: 'test', test: () => false };
      case '-print':
      case '-print0':
        hasAction = true;
        return { op: 'print', zero: a === '-print0' };
      case '-prune':
        return { op: 'prune' };
      case '-quit':
        return { op: 'quit' };
      case '-exec':
      case '-execdir': {
        hasAction = true;
        const argv: string[] = [];
        for (;;) {
          const w = args[i++];
          if (w === undefined) throw new FindError(`missing argument to \`${a}'`, `${a} requires an argument`);
          if (w === ';') return { op: 'exec', argv, batch: false };
          if (w === '+' && argv[argv.length - 1] === '{}') return { op: 'exec', argv: argv.slice(0, -1), batch: true };
          argv.push(w);
        }
      }
      default:
        if (a.startsWith('-')) throw new FindError(`unknown predicate \`${a}'`, `unrecognized: ${a}`, true);
        throw new FindError(`paths must precede expression: \`${a}'`, `unrecognized: ${a}`, true);
    }
  };
  const and = (): Node => {
    let left = primary();
    while (i < args.length && args[i] !== '-o' && args[i] !== '-or' && args[i] !== ')') {
      if (args[i] === '-a' || args[i] === '-and') i++;
      left = { op: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (args[i] === '-o' || args[i] === '-or') {
      i++;
      left = { op: 'or', left, right: and() };
    }
    return left;
  };
  if (args.length === 0) return { node: undefined, hasAction };
  const node = or();
  if (i < args.length) throw new FindError(`unexpected extra predicate '${args[i]}'`, `unrecognized: ${args[i]}`, true);
  return { node, hasAction };
}

export function findCommand(program: (name: string) => Command | undefined): Command {
  return (argv, ctx): CommandOutput => {
    const busybox = ctx.userland === 'busybox';
    let at = 0;
    while (argv[at] === '-H' || argv[at] === '-L' || argv[at] === '-P') at++;
    const starts: string[] = [];
    while (at < argv.length && !argv[at]!.startsWith('-') && argv[at] !== '(' && argv[at] !== '!') starts.push(argv[at++]!);
    const globals: Globals = { maxdepth: Infinity, mindepth: 0 };
    let parsed: { node: Node | undefined; hasAction: boolean };
    try {
      parsed = parse(argv.slice(at), ctx, globals);
    } catch (e) {
      if (!(e instanceof FindError)) throw e;
      return fail(busybox ? `find: ${e.busybox}\n${e.usage ? appletUsage('find') : ''}` : `find: ${e.gnu}\n`, 1);
    }
    let stdout = '';
    let stderr = '';
    let status = 0;
    let quit = false;
    const batches = new Map<Node, string[]>();
    const run = (cmdArgv: string[]): boolean => {
      const [name, ...rest] = cmdArgv;
      const command = name === undefined ? undefined : program(name);
      if (!command) {
        stderr += busybox ? `find: can't execute '${name}': No such file or directory\n` : `find: \u2018${name}\u2019: No such file or directory\n`;
        status = 1;
        return false;
      }
      const out = command(rest, { ...ctx, stdin: '' });
      stdout += out.stdout;
      stderr += out.stderr;
      return out.exitCode === 0;
    };
    let pruned = false;
    const evaluate = (n: Node, v: Visit): boolean => {
      switch (n.op) {
        case 'and':
          return evaluate(n.left, v) && evaluate(n.right, v);
        case 'or':
          return evaluate(n.left, v) || evaluate(n.right, v);
        case 'not':
          return !evaluate(n.operand, v);
        case 'test':
          return n.test(v);
        case 'print':
          stdout += `${v.path}${n.zero ? '\0' : '\n'}`;
          return true;
        case 'prune':
          pruned = true;
          return true;
        case 'quit':
          quit = true;
          return true;
        case 'exec':
          if (n.batch) {
            batches.set(n, [...(batches.get(n) ?? []), v.path]);
            return true;
          }
          return run(n.argv.map((w) => w.replace(/\{\}/g, v.path)));
      }
    };
    const visit = (path: string, depth: number) => {
      if (quit) return;
      const kind = ctx.fs.stat(path);
      if (kind === undefined) return;
      const name = depth === 0 ? path : path.slice(path.lastIndexOf('/') + 1);
      pruned = false;
      if (depth >= globals.mindepth) {
        const v: Visit = { path, name: name === '/' ? '/' : name.replace(/\/+$/, '').split('/').pop() ?? name, kind, depth };
        const matched = parsed.node ? evaluate(parsed.node, v) : true;
        if (matched && !parsed.hasAction) stdout += `${path}\n`;
      }
      if (kind !== 'dir' || pruned || depth >= globals.maxdepth) return;
      const names = ctx.fs.list(path);
      if (!Array.isArray(names)) return;
      for (const n of names) visit(path.endsWith('/') ? `${path}${n}` : `${path}/${n}`, depth + 1);
    };
    for (const start of starts.length > 0 ? starts : ['.']) {
      if (ctx.fs.stat(start) === undefined) {
        stderr += busybox ? `find: ${start}: No such file or directory\n` : `find: \u2018${start}\u2019: No such file or directory\n`;
        status = 1;
        continue;
      }
      visit(start, 0);
      if (quit) break;
    }
    for (const [n, paths] of batches) if (n.op === 'exec' && !run([...n.argv, ...paths])) status = 1;
    return { stdout, stderr, exitCode: status };
  };
}
