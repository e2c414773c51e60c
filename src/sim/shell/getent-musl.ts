/**
 * Alpine's getent (musl-utils: aports main/musl/getent.c, NetBSD's, cleaned up for
 * musl). It differs from glibc's (./dns-cmds.ts) in what tutorials see:
 *
 * - `hosts` asks gethostbyname2 for IPv6 first, then IPv4, and prints one address as
 *   `%-16s  %s` followed by the aliases; musl's hostent lists the canonical name among
 *   its own aliases (src/network/gethostbyname2_r.c), so a name prints twice
 *   (`172.18.0.2        web  web`), and a name asked under another name adds that one.
 * - An address is looked up backwards (getnameinfo: /etc/hosts, then a PTR question),
 *   falling back to the address itself.
 * - The first key not found ends the run with status 2; the keys after it are not read.
 * - musl's gethostent is empty, so `getent hosts` without a key prints nothing.
 */
import type { Trace } from '../net/trace.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail } from './types.ts';

/** What the container's resolver answers, as musl's getaddrinfo and getnameinfo see it; its questions are packets. */
export interface MuslResolver {
  /** The DNS answer's addresses for the name in one family (an AAAA or an A question): empty when none. */
  addresses(name: string, family: 4 | 6): { addresses: readonly string[]; traces: readonly Trace[] };
  /** The PTR answer for an address (/etc/hosts first, then a question), or no name. */
  reverse(ip: string): { name?: string; traces: readonly Trace[] };
}

/** The resolver with the packets of its questions kept, in the order asked. */
function asking(resolver: MuslResolver, traces: Trace[]) {
  return {
    addresses: (name: string, family: 4 | 6) => {
      const answer = resolver.addresses(name, family);
      traces.push(...answer.traces);
      return answer.addresses;
    },
    reverse: (ip: string) => {
      const answer = resolver.reverse(ip);
      traces.push(...answer.traces);
      return answer.name;
    },
  };
}
type Asking = ReturnType<typeof asking>;

interface HostEntry {
  address: string;
  canonical: string;
  aliases: string[];
}

const DATABASES = ['ethers', 'group', 'hosts', 'ahosts', 'ahostsv4', 'ahostsv6', 'networks', 'passwd', 'protocols', 'services', 'shadow', 'shells'];
const RV_NOTFOUND = 2;
const isIPv4 = (text: string) => /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text) && text.split('.').every((n) => Number(n) <= 255);
const isIPv6 = (text: string) => text.includes(':') && /^[0-9A-Fa-f:.]+$/.test(text);

function usage(arg0: string): string {
  // Seven database names to a line, each line opened by "\n\t\t" (usage()).
  let text = `Usage: ${arg0} database [key ...]\n\tdatabase may be one of:`;
  DATABASES.forEach((name, i) => {
    if (i % 7 === 0) text += '\n\t\t';
    text += `${i % 7 === 0 ? '' : ' '}${name}`;
  });
  return `${text}\n`;
}

export function muslGetentCommand(resolver: MuslResolver, arg0 = 'getent'): Command {
  return (argv, ctx) => {
    const [db, ...keys] = argv;
    if (db === undefined) return fail(usage(arg0), 1);
    const traces: Trace[] = [];
    const withTraces = (out: CommandOutput): CommandOutput => (traces.length > 0 ? { ...out, traces } : out);
    switch (db) {
      case 'hosts':
        return withTraces(hosts(keys, ctx, asking(resolver, traces)));
      case 'ahosts':
      case 'ahostsv4':
      case 'ahostsv6':
        return withTraces(keys.length === 0 ? hosts(keys, ctx, asking(resolver, traces)) : ahosts(keys, db === 'ahosts' ? 0 : db === 'ahostsv4' ? 4 : 6, ctx, asking(resolver, traces)));
      case 'passwd':
      case 'group':
        return accounts(db, keys, ctx);
      case 'ethers':
        if (keys.length === 0) return { stdout: '', stderr: 'getent: Enumeration not supported on ethers\n', exitCode: 3 };
        break;
    }
    if (DATABASES.includes(db)) return fail(`vethlab: getent ${db} is not modelled here (hosts, ahosts, passwd and group are)\n`, 1);
    // warn() adds strerror(errno); nothing has set errno yet, and musl calls 0 "No error information".
    return fail(`getent: Unknown database \`${db}': No error information\n${usage(arg0)}`, 1);
  };
}

function readLines(ctx: CommandContext, path: string): string[] {
  const text = ctx.fs.read(path);
  return typeof text === 'string' && !['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(text) ? text.split('\n') : [];
}

/** musl's name_from_hosts: every line naming `name` in this family; the first such line's first name is canonical. */
function fromHostsFile(lines: readonly string[], name: string, family: 4 | 6): { canonical: string; addresses: string[] } | undefined {
  let canonical: string | undefined;
  const addresses: string[] = [];
  for (const raw of lines) {
    const [address, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (address === undefined || !names.includes(name)) continue;
    const lineFamily = isIPv4(address) ? 4 : isIPv6(address) ? 6 : undefined;
    if (lineFamily === undefined) continue;
    if (lineFamily === family) addresses.push(address);
    // A line of the other family still names the canonical name (the switch falls through to it).
    canonical ??= names[0];
  }
  return addresses.length > 0 ? { canonical: canonical ?? name, addresses } : undefined;
}

/** gethostbyname2(name, family): /etc/hosts, then DNS. */
function byName(ctx: CommandContext, resolver: Asking, name: string, family: 4 | 6): HostEntry | undefined {
  const hostsLines = readLines(ctx, '/etc/hosts');
  const found = fromHostsFile(hostsLines, name, family);
  // A line naming it in the other family answers "no such name" without asking DNS.
  if (!found && hostsLines.some((l) => l.replace(/#.*/, '').trim().split(/\s+/).slice(1).includes(name))) return undefined;
  const canonical = found?.canonical ?? name;
  const address = found?.addresses[0] ?? resolver.addresses(name, family)[0];
  if (address === undefined) return undefined;
  return { address, canonical, aliases: canonical === name ? [canonical] : [canonical, name] };
}

/** gethostbyaddr: getnameinfo's name (the resolver reads /etc/hosts' first name for it, then asks PTR), or the address. */
function byAddress(resolver: Asking, address: string): HostEntry {
  const name = resolver.reverse(address) ?? address;
  return { address, canonical: name, aliases: [name] };
}

function hostLine(entry: HostEntry): string {
  return `${entry.address.padEnd(16)}  ${entry.canonical}${entry.aliases.map((a, i) => `${i === 0 ? '  ' : ' '}${a}`).join('')}\n`;
}

function hosts(keys: readonly string[], ctx: CommandContext, resolver: Asking): CommandOutput {
  let stdout = '';
  for (const key of keys) {
    const entry = isIPv6(key) || isIPv4(key) ? byAddress(resolver, key) : (byName(ctx, resolver, key, 6) ?? byName(ctx, resolver, key, 4));
    if (!entry) return { stdout, stderr: '', exitCode: RV_NOTFOUND };
    stdout += hostLine(entry);
  }
  return { stdout, stderr: '', exitCode: 0 };
}

/** getaddrinfo with AI_CANONNAME: each address as a STREAM and a DGRAM socket, IPv6 first. */
function ahosts(keys: readonly string[], family: 0 | 4 | 6, ctx: CommandContext, resolver: Asking): CommandOutput {
  let stdout = '';
  for (const key of keys) {
    const literal = isIPv4(key) ? 4 : isIPv6(key) ? 6 : undefined;
    let canonical = key;
    let addresses: string[];
    if (literal !== undefined) {
      addresses = family === 0 || family === literal ? [key] : family === 6 ? [`::ffff:${key}`] : [];
    } else {
      const lookup = (f: 4 | 6) => {
        const entry = fromHostsFile(readLines(ctx, '/etc/hosts'), key, f);
        if (entry) canonical = entry.canonical;
        return entry?.addresses ?? [...resolver.addresses(key, f)];
      };
      const v6 = family === 4 ? [] : lookup(6);
      const v4 = family === 6 ? [] : lookup(4);
      // AI_V4MAPPED (ahostsv6): IPv4 answers only when there is no IPv6 one, mapped.
      addresses = family === 6 ? (v6.length > 0 ? v6 : v4.map((a) => `::ffff:${a}`)) : [...v6, ...v4];
    }
    if (addresses.length === 0) return { stdout, stderr: '', exitCode: RV_NOTFOUND };
    for (const address of addresses) {
      stdout += `${address.padEnd(15)} ${'STREAM'.padEnd(6)} ${canonical}\n`;
      stdout += `${address.padEnd(15)} ${'DGRAM'.padEnd(6)} ${canonical}\n`;
    }
  }
  return { stdout, stderr: '', exitCode: 0 };
}

/** passwd and group: the file's lines, by name or by number. */
function accounts(db: 'passwd' | 'group', keys: readonly string[], ctx: CommandContext): CommandOutput {
  const entries = readLines(ctx, `/etc/${db}`).filter((l) => l.trim() !== '').map((l) => l.split(':'));
  const print = (e: string[]) => `${e.join(':')}\n`;
  if (keys.length === 0) return { stdout: entries.map(print).join(''), stderr: '', exitCode: 0 };
  let stdout = '';
  for (const key of keys) {
    const byNumber = /^\d+$/.test(key);
    const hit = entries.find((e) => (byNumber ? e[2] === String(Number(key)) : e[0] === key));
    if (!hit) return { stdout, stderr: '', exitCode: RV_NOTFOUND };
    stdout += print(hit);
  }
  return { stdout, stderr: '', exitCode: 0 };
}
