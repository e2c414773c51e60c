/**
 * The everyday text, file, name, identity, time and process programs of the toolbox
 * (../toolbox.ts names them; echo, true and false stay with it), and sudo; with them
 * the shell's printf and test builtins (named as the programs are) and its arithmetic,
 * which only `$((...))` and `${x:offset}` reach (a `$` in the text: every part): one
 * lazy part (./parts.ts). A first `docker run`, `docker ps` or `ping` needs none of them.
 * Also ps (procps's and busybox's) and `docker top`: the process table's reader.
 */
export { dateCommand, sleepCommand } from '../clock-cmds.ts';
export { catCommand, cpCommand, mkdirCommand, mvCommand, rmCommand, rmdirCommand, touchCommand } from '../file-cmds.ts';
export { findCommand } from '../find-cmd.ts';
export { grepCommand } from '../grep-cmd.ts';
export { lsCommand } from '../ls-cmd.ts';
export { basenameCommand, dirnameCommand, pwdCommand, whichCommand } from '../path-cmds.ts';
export { printfCommand } from '../printf-cmd.ts';
export { killCommand, sudoCommand, xargsCommand } from '../process-cmds.ts';
export { busyboxPsCommand, containerProcesses, hostProcesses, passwdName, procpsCommand } from '../ps-cmd.ts';
export { envCommand, groupsCommand, hostnameCommand, idCommand, nprocCommand, unameCommand, whoamiCommand } from '../system-cmds.ts';
export { cutCommand, headCommand, seqCommand, tailCommand, teeCommand, wcCommand } from '../text-cmds.ts';
export { sortCommand, trCommand, uniqCommand } from '../text-edit-cmds.ts';
export { evaluateArith } from '../sh/arith.ts';
export { runPrintf } from '../sh/printf.ts';
export { runTest } from '../sh/test-cmd.ts';
