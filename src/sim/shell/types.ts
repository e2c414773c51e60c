/**
 * The contract every command of the simulated shells implements: argv in, the
 * real tool's stdout, stderr and exit status out, plus the Traces of any packets
 * it sent. Commands never throw for bad input; they answer like the real tool.
 */
import type { KernelApi } from '../net/api.ts';
import type { Trace } from '../net/trace.ts';
import type { FileSystem } from './fs.ts';

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Packet walks the command made (ping, wget, curl, nc...), in order. */
  traces?: Trace[];
  /** The command wrote its stderr before its stdout (a warning ahead of the result); terminals show it so. */
  stderrFirst?: boolean;
  /**
   * An interactive shell now waits for the user's terminal (`docker exec -it C sh`,
   * `docker run -it IMAGE sh`, `docker attach C`): a UI opens it as a session of
   * that container. `main`: the shell is the container's main process (PID 1),
   * so its `exit` ends the container (recorded as `attachExitLine`); an exec'd
   * shell's exit ends only itself.
   */
  session?: { container: string; shell: string; main?: true };
  /** A line ran in a Python REPL on a terminal: the prompt it shows next, or that it ended. */
  repl?: { prompt?: string; styledPrompt?: string; ended?: true };
}

/** Where and how a command runs. */
export interface CommandContext {
  kernel: KernelApi;
  /** Network namespace the command runs in. */
  netns: string;
  /** Standard input (the previous pipeline stage's output, or empty). */
  stdin: string;
  /** Environment variables visible to the command. */
  env: Record<string, string>;
  /** Which userland answers: Debian's tools on hosts, busybox inside containers. */
  userland: 'debian' | 'busybox';
  /** The machine's or container's files. */
  fs: FileSystem;
}

export type Command = (argv: string[], ctx: CommandContext) => CommandOutput;

export function ok(stdout = ''): CommandOutput {
  return { stdout, stderr: '', exitCode: 0 };
}

export function fail(stderr: string, exitCode = 1, stdout = ''): CommandOutput {
  return { stdout, stderr, exitCode };
}
