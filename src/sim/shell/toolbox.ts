/**
 * The everyday programs every machine and image answers with, in one table:
 * text (cat, grep, sed, awk, cut, sort, uniq, tr, head, tail, wc, tee, seq,
 * printf), files (ls, find, cp, mv, rm, mkdir, rmdir, touch), names (which,
 * basename, dirname, pwd), identity (id, whoami, groups, uname, nproc, hostname,
 * env), time (date, sleep) and processes (kill, xargs). Each program picks
 * GNU's or busybox's behaviour from the userland it runs in; what differs per
 * place (its executables, its hostname, its processes) comes in `ToolboxPlace`.
 */
import { dateCommand, sleepCommand } from './clock-cmds.ts';
import { catCommand, cpCommand, mkdirCommand, mvCommand, rmCommand, rmdirCommand, touchCommand } from './file-cmds.ts';
import { findCommand } from './find-cmd.ts';
import { grepCommand } from './grep-cmd.ts';
import { lsCommand, type LsInfo } from './ls-cmd.ts';
import { basenameCommand, dirnameCommand, pwdCommand, whichCommand } from './path-cmds.ts';
import { printfCommand, type PrintfVoice } from './printf-cmd.ts';
import { killCommand, xargsCommand, type KillVoice, type SignalResult } from './process-cmds.ts';
import { envCommand, groupsCommand, hostnameCommand, idCommand, nprocCommand, unameCommand, whoamiCommand } from './system-cmds.ts';
import { cutCommand, headCommand, seqCommand, tailCommand, teeCommand, wcCommand } from './text-cmds.ts';
import { sortCommand, trCommand, uniqCommand } from './text-edit-cmds.ts';
import type { Command } from './types.ts';
import { fail, ok } from './types.ts';
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

export function toolbox(place: ToolboxPlace): [string, Command][] {
  return [
    ['cat', catCommand],
    ['ls', lsCommand({ ...place.ls, executables: place.executables })],
    ['mkdir', mkdirCommand],
    ['rmdir', rmdirCommand],
    ['rm', rmCommand],
    ['touch', touchCommand],
    ['cp', cpCommand],
    ['mv', mvCommand],
    ['find', findCommand(place.program)],
    ['sort', sortCommand],
    ['uniq', uniqCommand],
    ['tr', trCommand],
    ['sed', (argv, ctx) => lazyPart('sed').sedCommand(argv, ctx)],
    ['awk', (argv, ctx) => lazyPart('awk').awkCommand(argv, ctx)],
    ['cut', cutCommand],
    ['grep', grepCommand('grep')],
    ['egrep', grepCommand('egrep')],
    ['fgrep', grepCommand('fgrep')],
    ['head', headCommand],
    ['tail', tailCommand],
    ['wc', wcCommand],
    ['tee', teeCommand],
    ['seq', seqCommand],
    ['printf', printfCommand(place.voice.printf)],
    ['echo', echo],
    ['true', () => ok()],
    ['false', () => fail('', 1)],
    ['which', whichCommand(place.executables)],
    ['basename', basenameCommand],
    ['dirname', dirnameCommand],
    ['pwd', pwdCommand],
    ['id', idCommand],
    ['whoami', whoamiCommand],
    ['groups', groupsCommand],
    ['uname', unameCommand(place.hostname)],
    ['nproc', nprocCommand],
    ['hostname', hostnameCommand(place.hostname)],
    ['env', envCommand(place.program)],
    ['date', dateCommand],
    ['sleep', sleepCommand],
    ['kill', killCommand(place.voice.kill, place.signal)],
    ['xargs', xargsCommand(place.program)],
  ];
}
