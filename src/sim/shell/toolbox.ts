/**
 * The everyday programs every machine and image answers with, in one table:
 * text (cat, grep, sed, awk, cut, sort, uniq, tr, head, tail, wc, tee, seq,
 * printf), files (ls, find, cp, mv, rm, mkdir, rmdir, touch), names (which,
 * basename, dirname, pwd), identity (id, whoami, groups, uname, nproc, hostname,
 * env), time (date, sleep) and processes (kill, xargs). Each program picks
 * GNU's or busybox's behaviour from the userland it runs in; what differs per
 * place (its executables, its hostname, its processes) comes in `ToolboxPlace`.
 * The table names every program at once; their code is the tools part
 * (./lazy/tools.ts; sed and awk are parts of their own), loaded on first use.
 */
import type { LsInfo } from './ls-cmd.ts';
import type { PrintfVoice } from './printf-cmd.ts';
import type { KillVoice, SignalResult } from './process-cmds.ts';
import type { Command } from './types.ts';
import { fail, ok } from './types.ts';
import { lazyCommand } from './lazy/command.ts';
import { lazyPart } from './lazy/parts.ts';

export interface ToolboxPlace {
  /** Another program by name or path (env, xargs, find -exec run them). */
  program: (name: string) => Command | undefined;
  /** The executables that exist here (which, ls -l). */
  executables: () => ReadonlySet<string>;
  hostname: () => string;
  /** What a signal does to a PID here. */
  signal: (pid: number, sig: number) => SignalResult;
  ls: Omit<LsInfo, 'executables'>;
  /** Whose kill and printf a name finds: the shell's builtins (dash, ash) or a program. */
  voice: { kill: KillVoice; printf: PrintfVoice };
}

const echo: Command = (argv) => (argv[0] === '-n' ? ok(argv.slice(1).join(' ')) : ok(`${argv.join(' ')}\n`));

/** A program of the tools part (./lazy/tools.ts), made on its first run. */
function tool(make: (tools: ReturnType<typeof lazyPart<'tools'>>) => Command): Command {
  return lazyCommand(() => make(lazyPart('tools')));
}

export function toolbox(place: ToolboxPlace): [string, Command][] {
  return [
    ['cat', tool((t) => t.catCommand)],
    ['ls', tool((t) => t.lsCommand({ ...place.ls, executables: place.executables }))],
    ['mkdir', tool((t) => t.mkdirCommand)],
    ['rmdir', tool((t) => t.rmdirCommand)],
    ['rm', tool((t) => t.rmCommand)],
    ['touch', tool((t) => t.touchCommand)],
    ['cp', tool((t) => t.cpCommand)],
    ['mv', tool((t) => t.mvCommand)],
    ['find', tool((t) => t.findCommand(place.program))],
    ['sort', tool((t) => t.sortCommand)],
    ['uniq', tool((t) => t.uniqCommand)],
    ['tr', tool((t) => t.trCommand)],
    ['sed', (argv, ctx) => lazyPart('sed').sedCommand(argv, ctx)],
    ['awk', (argv, ctx) => lazyPart('awk').awkCommand(argv, ctx)],
    ['cut', tool((t) => t.cutCommand)],
    ['grep', tool((t) => t.grepCommand('grep'))],
    ['egrep', tool((t) => t.grepCommand('egrep'))],
    ['fgrep', tool((t) => t.grepCommand('fgrep'))],
    ['head', tool((t) => t.headCommand)],
    ['tail', tool((t) => t.tailCommand)],
    ['wc', tool((t) => t.wcCommand)],
    ['tee', tool((t) => t.teeCommand)],
    ['seq', tool((t) => t.seqCommand)],
    ['printf', tool((t) => t.printfCommand(place.voice.printf))],
    ['echo', echo],
    ['true', () => ok()],
    ['false', () => fail('', 1)],
    ['which', tool((t) => t.whichCommand(place.executables))],
    ['basename', tool((t) => t.basenameCommand)],
    ['dirname', tool((t) => t.dirnameCommand)],
    ['pwd', tool((t) => t.pwdCommand)],
    ['id', tool((t) => t.idCommand)],
    ['whoami', tool((t) => t.whoamiCommand)],
    ['groups', tool((t) => t.groupsCommand)],
    ['uname', tool((t) => t.unameCommand(place.hostname))],
    ['nproc', tool((t) => t.nprocCommand)],
    ['hostname', tool((t) => t.hostnameCommand(place.hostname))],
    ['env', tool((t) => t.envCommand(place.program))],
    ['date', tool((t) => t.dateCommand)],
    ['sleep', tool((t) => t.sleepCommand)],
    ['kill', tool((t) => t.killCommand(place.voice.kill, place.signal))],
    ['xargs', tool((t) => t.xargsCommand(place.program))],
  ];
}
