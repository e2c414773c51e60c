/**
 * One network namespace's netfilter: the IPv4 and IPv6 rulesets, the conntrack
 * table, and the user-space tools on top of them (iptables, iptables-save,
 * iptables-restore and their ip6 twins). The kernel model calls runHook at each
 * hook; the shells call the command methods.
 */
import { BadArgument, parseCommand, type ParsedCommand } from './cmdline.ts';
import { execute } from './commands.ts';
import { Conntrack, type ConntrackEntry } from './conntrack.ts';
import { IptablesError, PARAMETER_PROBLEM } from './errors.ts';
import type { Hook, HookContext, HookResult } from './hook.ts';
import { saveTable } from './output.ts';
import { isIPv6, type Packet, type PacketPlace } from './packet.ts';
import { restore } from './restore.ts';
import { Ruleset, isTableName, Table } from './ruleset.ts';
import { runHook } from './traversal.ts';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Parsed command lines by their words: a parse depends on nothing but them, and its
 * result is never changed afterwards (a Rule copies the counters it is given), so one
 * parse serves every namespace. Docker programs the same lines in each container's
 * namespace (the embedded DNS's chains and jumps); bounded, oldest out first.
 */
const parsedLines = new Map<string, ParsedCommand>();
const PARSED_LINES_KEPT = 256;

function parseCached(argv: readonly string[], family: 4 | 6): ParsedCommand {
  const key = `${family}\0${argv.join('\0')}`;
  const hit = parsedLines.get(key);
  if (hit) return hit;
  const parsed = parseCommand(argv, family, 'filter', false);
  if (parsedLines.size >= PARSED_LINES_KEPT) parsedLines.delete(parsedLines.keys().next().value!);
  parsedLines.set(key, parsed);
  return parsed;
}

export class Netfilter {
  private readonly rules4 = new Ruleset(4);
  private readonly rules6 = new Ruleset(6);
  readonly conntrack = new Conntrack();
  /** IPv4 iptables lines given to `iptablesLater`, not yet run: every read of the rules runs them first. */
  private pending: string[][] = [];

  get v4(): Ruleset {
    this.runPending();
    return this.rules4;
  }

  get v6(): Ruleset {
    this.runPending();
    return this.rules6;
  }

  /**
   * IPv4 iptables lines run when the rules are next read (a packet, a listing, another
   * line), in order: dockerd's eight lines for the embedded DNS in every container were a
   * sixth of building a 300-container world, parsed for containers nobody asks. The result
   * is the same as running them now; one that fails then is the caller's bug, and throws.
   */
  iptablesLater(argv: readonly string[]): void {
    this.pending.push([...argv]);
  }

  private runPending(): void {
    if (this.pending.length === 0) return;
    const lines = this.pending;
    this.pending = [];
    for (const argv of lines) {
      const done = this.iptables(argv, 4);
      if (done.exitCode !== 0) throw new Error(`iptables ${argv.join(' ')}: ${done.stderr.trim()}`);
    }
  }

  runHook(hook: Hook, packet: Packet, place: PacketPlace, ctx: HookContext): HookResult {
    // Without any table nothing asked for conntrack or filtering here (as in a fresh
    // container namespace): the kernel registers no hooks, so the packet passes untouched.
    // An IPv6 packet meets ip6tables' tables; conntrack is shared, as nf_conntrack is (its tuples carry the family).
    const rules = isIPv6(packet) ? this.v6 : this.v4;
    if (rules.isEmpty()) return { verdict: 'ACCEPT', packet, steps: [], ctState: 'UNTRACKED' };
    return runHook(rules, this.conntrack, hook, packet, place, ctx);
  }

  iptables(argv: string[], family: 4 | 6): CommandResult {
    const prog = family === 4 ? 'iptables' : 'ip6tables';
    const rs = family === 4 ? this.v4 : this.v6;
    const hint = `Try \`${prog} -h' or '${prog} --help' for more information.\n`;
    try {
      const parsed = parseCached(argv, family);
      if (parsed.version) return { stdout: `${prog} v1.8.9 (nf_tables)\n`, stderr: '', exitCode: 0 };
      if (parsed.help) return { stdout: '', stderr: '', exitCode: 0 };
      const stdout = execute(rs, parsed);
      return { stdout, stderr: '', exitCode: 0 };
    } catch (e) {
      if (e instanceof BadArgument) return { stdout: '', stderr: `${e.message}\n${hint}`, exitCode: PARAMETER_PROBLEM };
      if (!(e instanceof IptablesError)) throw e;
      if (e.kind === 'kernel') return { stdout: '', stderr: `${prog}: ${e.message}.\n`, exitCode: e.status };
      let stderr = `${prog} v1.8.9 (nf_tables): ${e.message}\n`;
      if (e.status === PARAMETER_PROBLEM) stderr += hint;
      if (e.status === 3) stderr += 'Perhaps iptables or your kernel needs to be upgraded.\n';
      return { stdout: '', stderr, exitCode: e.status };
    }
  }

  save(argv: string[], family: 4 | 6, now: number): CommandResult {
    const prog = family === 4 ? 'iptables-save' : 'ip6tables-save';
    const rs = family === 4 ? this.v4 : this.v6;
    let counters = false;
    let tableName: string | undefined;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '-c' || a === '--counters') counters = true;
      else if (a === '-t' || a === '--table') tableName = argv[++i];
      else if (a.startsWith('--table=')) tableName = a.slice(8);
      else if (a.startsWith('-t') && a.length > 2) tableName = a.slice(2);
      else if (a === '-M' || a === '--modprobe') i++;
      else if (a === '-f' || a === '--file') i++;
      else
        return {
          stdout: '',
          stderr: `${prog}: unrecognized option '${a}'\nLook at manual page \`${prog}.8' for more information.\n`,
          exitCode: 1,
        };
    }
    if (tableName !== undefined) {
      if (!isTableName(tableName)) return { stdout: '', stderr: `Table \`${tableName}' does not exist\n`, exitCode: 1 };
      return { stdout: saveTable(rs.get(tableName) ?? new Table(tableName), prog, now, counters), stderr: '', exitCode: 0 };
    }
    const stdout = rs
      .saveOrder()
      .map((t) => saveTable(t, prog, now, counters))
      .join('');
    return { stdout, stderr: '', exitCode: 0 };
  }

  restore(argv: string[], input: string, family: 4 | 6): CommandResult {
    const prog = family === 4 ? 'iptables-restore' : 'ip6tables-restore';
    const opts = { noflush: false, counters: false, test: false };
    for (const a of argv) {
      if (a === '-n' || a === '--noflush') opts.noflush = true;
      else if (a === '-c' || a === '--counters') opts.counters = true;
      else if (a === '-t' || a === '--test') opts.test = true;
      else if (a === '-w' || a === '--wait' || a === '-v' || a === '--verbose' || a.startsWith('-W') || a.startsWith('--wait')) continue;
      else
        return {
          stdout: '',
          stderr: `${prog}: unrecognized option '${a}'\nTry \`${prog} -h' for more information.\n`,
          exitCode: 1,
        };
    }
    return restore(family === 4 ? this.v4 : this.v6, input, opts);
  }

  conntrackEntries(): ConntrackEntry[] {
    return this.conntrack.entries();
  }

  flushConntrack(): void {
    this.conntrack.flush();
  }
}
