/**
 * `vethlab`: the simulator headless.
 *
 *   run FILE|-        prints a transcript in the real-docker tool's format: a
 *                     script's lines, or a scenario file's setup lines then its
 *                     steps' (`--json` adds each command's Traces; `--images
 *                     playground` gives the host the official alpine, nginx,
 *                     python and ubuntu images besides the rig's busybox, httpd
 *                     and redis)
 *   run --url LINK    the same for the scenario a share link holds (run.ts)
 *   trace LINE [FILE] runs FILE, then prints LINE's packet traces as text
 *                     (`--short`: one line per hop; `--images` as for run;
 *                     trace.ts says when it exits non-zero)
 *   share FILE        prints FILE's share link (share.ts)
 *   check FILE...     holds each scenario file's steps to their `expect` (check.ts)
 *   export --linux FILE  prints a shell script that rebuilds FILE's world on a
 *                     real Linux machine, in network namespaces, without Docker
 *                     (`-o OUT` writes it to OUT; export.ts)
 *
 * FILE is a shell script, or a scenario file (.yaml, .yml, .json; see
 * docs/scenarios.md). Errors print `vethlab: MESSAGE` on one line of standard
 * error; the exit status is 1 for bad input, 2 for a command given wrongly
 * (and for no command at all: the usage, as CLIs do; `--help` prints it with 0).
 */
import { checkCommand } from './check.ts';
import { exportCommand } from './export.ts';
import { CliError, UsageError } from './errors.ts';
import { runCommand } from './run.ts';
import { traceCommand } from './trace.ts';
import { shareCommand } from './share.ts';
import { loadAllParts } from '../sim/shell/lazy/parts.ts';

/** Loads every part the simulator loads on first use in the browser: the CLI runs each line at once (bin/vethlab awaits it before main). */
export const prepare = loadAllParts;

export const USAGE = `usage: vethlab run [--json] [--images rig|playground] FILE|-
       vethlab run [--json] [--images rig|playground] --url LINK
       vethlab trace [--images rig|playground] [--short] 'LINE' [FILE|-]
       vethlab share [--base URL] [--step N] [--no-layout] [--short] FILE|-
       vethlab check FILE...
       vethlab export --linux [--prefix P] [--step N] [--images rig|playground] [-o OUT] FILE|-
FILE is a shell script, or a scenario file (.yaml, .yml or .json).
`;

const COMMANDS: ReadonlyMap<string, (args: readonly string[]) => number | Promise<number>> = new Map<string, (args: readonly string[]) => number | Promise<number>>([
  ['run', runCommand],
  ['trace', traceCommand],
  ['share', shareCommand],
  ['check', checkCommand],
  ['export', exportCommand],
]);

/** Runs one command; its exit status. A link is read asynchronously (the platform's inflater), so every command is awaited. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const run = command === undefined ? undefined : COMMANDS.get(command);
  if (!run) {
    process.stderr.write(USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  try {
    return await run(rest);
  } catch (e) {
    if (!(e instanceof CliError)) {
      process.stderr.write(`vethlab: ${(e as Error).message}\n`);
      return 1;
    }
    process.stderr.write(`vethlab: ${e.message}\n${e instanceof UsageError ? USAGE : ''}`);
    return e.status;
  }
}
