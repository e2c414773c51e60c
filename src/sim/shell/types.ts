/**
 * The contract every command of the simulated shells implements: argv in, the
 * real tool's stdout, stderr and exit status out, plus the Traces of any packets
 * it sent. Commands never throw for bad input; they answer like the real tool.
 */
import type { KernelApi } from '../net/api.ts';
import type { Trace } from '../net/trace.ts';
import type { ProcessUser } from '../docker/users.ts';
import type { FileSystem } from './fs.ts';

/**
 * What `docker exec` was given for a process besides its command: `-e` and
 * `--env-file` as the client resolved them (`K=V`, or a bare name the daemon
 * leaves out), `-w`, `-u`. A session's later lines run with the same.
 */
export interface ExecSettings {
  env: readonly string[];
  workdir?: string;
  user?: string;
}

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
  session?: { container: string; shell: string; main?: true; exec?: ExecSettings };
  /** A line ran at an interactive shell: where that shell stands now (its prompt shows it), or that the line ended it (`exit`). */
  shell?: { cwd: string; ended?: true };
  /** A line ran in a Python REPL on a terminal: the prompt it shows next, or that it ended. */
  repl?: { prompt?: string; styledPrompt?: string; ended?: true };
  /**
   * The program has not ended: it listens and waits for clients (`nc -l`, `httpd -f`,
   * a script stopped at one of those). Its sockets are bound already; whoever ran it
   * keeps it as a process of its container until it ends.
   */
  running?: Running;
  /**
   * A program that goes on reading after it returns (tcpdump as a background job):
   * the shell calls this when its line ends, with the Traces of the commands run
   * after it, and prints what it returns. `traces`: packets it sent meanwhile (tcpdump's
   * own name lookups without -n).
   */
  afterLine?: (later: Trace[]) => { stdout: string; stderr: string; traces?: Trace[] };
}

/** A socket a server listens on. */
export interface Listen {
  proto: 'tcp' | 'udp';
  address: string;
  family: 4 | 6;
  port: number;
  v6only?: boolean;
}

/** What a client sent to a raw server: a TCP connection's bytes, or one UDP datagram. */
export interface ClientData {
  proto: 'tcp' | 'udp';
  port: number;
  /** The client's address as the server saw it. */
  client: string;
  /** The client's port, and the local address it reached (getpeername/getsockname after any NAT). */
  clientPort?: number;
  local?: string;
  data: string;
}

/** What a raw server did with a client's data. */
export interface Served {
  /** Sent back to the client. */
  reply: string;
  /** What the program printed meanwhile. */
  stdout: string;
  stderr: string;
  /** Still running (the same or a changed program), or ended with a status. */
  next: Running | { exitCode: number };
  /** The connections it made to answer (a relay's second leg). */
  legs?: Trace[];
}

/** A program that is still running: a server, or a script waiting inside one. */
export interface Running {
  /** The program's name as netstat -p shows it, and what answers clients without `serve` (httpd, redis-server...). */
  process: string;
  argv: string[];
  /** Bound sockets (in the namespace the program runs in). */
  listens: Listen[];
  /** Where an HTTP server serves files from (busybox httpd's -h, python's --directory). */
  docroot?: string;
  /** Raw servers (nc, a script around one): what a client's data does. */
  serve?: (input: ClientData) => Served;
  /** A program asleep on the virtual clock (a background `sleep`): when it wakes, epoch ms (Infinity: never). */
  wakeAt?: number;
  /** What it does when it wakes (a script goes on to its next command); absent: it ends with status 0. */
  wake?: () => Woken;
  /** A program that handles SIGTERM (`docker stop`): what it prints as it ends, and its status. */
  onTerm?: () => { stderr: string; exitCode: number };
}

/** A sleeping program's next stretch: what it printed and whether it sleeps again, serves or ended. */
export interface Woken {
  stdout: string;
  stderr: string;
  next: Running | { exitCode: number };
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
  /** Who the process runs as (`docker exec -u`, `docker run -u`); absent: root. */
  user?: ProcessUser;
  /**
   * Hands over a program that goes on running after the command that started it
   * (`CMD &` waiting for clients, busybox `httpd -p` without -f): it becomes a
   * process of this machine. Absent where nothing can keep it (it is then refused).
   */
  spawn?: (program: Running) => void;
  /**
   * The program runs in the background (a container's main process, `CMD &`): a
   * `sleep` there waits on the virtual clock, as a process, instead of moving it on.
   */
  background?: boolean;
}

export type Command = (argv: string[], ctx: CommandContext) => CommandOutput;

export function ok(stdout = ''): CommandOutput {
  return { stdout, stderr: '', exitCode: 0 };
}

export function fail(stderr: string, exitCode = 1, stdout = ''): CommandOutput {
  return { stdout, stderr, exitCode };
}
