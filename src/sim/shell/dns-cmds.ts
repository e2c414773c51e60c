/**
 * busybox 1.35 nslookup in containers (networking/nslookup.c): options before the
 * name (`-type=`, `-port=`, `-retry=`, `-timeout=`, `-debug`), an optional server
 * (an address, or a name it resolves first), and resolv.conf's search list: a name
 * without a dot is asked as NAME.DOMAIN for each domain, never bare. Answers from the
 * embedded DNS carry "Non-authoritative answer:", forwarded ones do not (golden 18).
 * Without -type it asks A and AAAA and prints both answers (golden ipv6-nslookup).
 * A server that answers with ICMP port unreachable costs one `read: Connection
 * refused` per send round (`-retry`, 2 by default) before the timeout text.
 */
import { busyboxUsage } from './busybox.ts';
import { aaaaQueryTraces, containerNameserver, EMBEDDED_DNS, embeddedKnows, embeddedLookup6All, lookup, queryServer, reverseQuery, type LookupResult } from '../docker/dns.ts';
import { usesEmbeddedDns } from '../docker/files.ts';
import type { Engine } from '../docker/engine.ts';
import type { Container } from '../docker/model.ts';
import { observedResult, type Trace } from '../net/trace.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail } from './types.ts';

const NSLOOKUP_USAGE = busyboxUsage('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n');
const QUERY_TYPES = ['a', 'cname', 'mx', 'txt', 'ptr', 'ns', 'soa', 'srv', 'aaaa', 'any'];
const isIPv4 = (text: string) => /^\d+\.\d+\.\d+\.\d+$/.test(text);
const TIMED_OUT = ';; connection timed out; no servers could be reached\n\n';

interface NslookupArgs {
  qtype?: string;
  retry: number;
  name: string;
  server?: string;
}

/** nslookup_main's option loop: `-OPT[=VAL]` words before the name; anything else it does not know prints the usage. */
function parseNslookup(argv: string[]): NslookupArgs | CommandOutput {
  let qtype: string | undefined;
  let retry = 2;
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const [option, value = ''] = argv[i]!.slice(1).split(/=(.*)/s);
    if (option === 'type' || option === 'querytype') {
      if (!QUERY_TYPES.includes(value.toLowerCase())) return fail(`nslookup: invalid query type "${value}"\n`, 1);
      qtype = value.toLowerCase();
    } else if (option === 'retry' || option === 'timeout' || option === 't' || option === 'port') {
      const n = /^\d+$/.test(value) ? Number(value) : NaN;
      const max = option === 'port' ? 0xffff : option === 'retry' ? 2 ** 31 - 1 : 2_147_483;
      if (!(n >= 1 && n <= max)) return fail(/^\d+$/.test(value) ? `nslookup: number ${value} is not in 1..${max} range\n` : `nslookup: invalid number '${value}'\n`, 1);
      if (option === 'retry') retry = n;
      if (option === 'port' && n !== 53) return fail(`vethlab: nslookup -port=${n} is not modelled (the servers here listen on 53)\n`, 1);
    } else if (option === 'debug') return fail('vethlab: nslookup -debug (the raw replies) is not modelled\n', 1);
    else return fail(NSLOOKUP_USAGE, 1);
  }
  const [name, server, extra] = argv.slice(i);
  if (name === undefined || extra !== undefined) return fail(NSLOOKUP_USAGE, 1);
  const parsed: NslookupArgs = { retry, name };
  if (qtype !== undefined) parsed.qtype = qtype;
  if (server !== undefined) parsed.server = server;
  return parsed;
}

/** resolv.conf's search list (a later `search` or `domain` line replaces an earlier one; `domain` only without `search`). */
function searchList(ctx: CommandContext): string[] {
  const text = ctx.fs.read('/etc/resolv.conf');
  if (typeof text !== 'string' || ['ENOENT', 'EISDIR', 'ENOTDIR'].includes(text)) return [];
  let search: string[] = [];
  let haveSearch = false;
  for (const line of text.split('\n')) {
    const [key, ...words] = line.trim().split(/\s+/);
    if (words.length === 0) continue;
    if (key === 'search') {
      haveSearch = true;
      search = words;
    } else if (key === 'domain' && !haveSearch) search = words;
  }
  return search.length === 1 && search[0] === '.' ? [] : search;
}

export function nslookupCommand(engine: Engine, c: Container): Command {
  return (argv, ctx) => {
    const args = parseNslookup(argv);
    if ('exitCode' in args) return args;
    const { name, qtype, retry } = args;
    let server = args.server ?? containerNameserver(engine, c);
    if (!isIPv4(server)) {
      // xhost2sockaddr: the server's name goes through the container's resolver first.
      const found = lookup(engine, c, server);
      if (found.kind !== 'address') return fail(`nslookup: bad address '${server}'\n`, 1);
      server = found.address;
    }
    const head = `Server:\t\t${args.server ?? server}\nAddress:\t${server}:53\n\n`;
    // One `read: Connection refused` per send round when the server's host has nothing on port 53.
    const refusedRounds = (traces: readonly Trace[]): CommandOutput => {
      const refused = (server === EMBEDDED_DNS && !usesEmbeddedDns(engine, c)) || traces.some((t) => observedResult(t) === 'refused');
      return { stdout: TIMED_OUT, stderr: refused ? 'nslookup: read: Connection refused\n'.repeat(retry) : '', exitCode: 1, stderrFirst: true, traces: [...traces] };
    };
    // Without -type an address is a PTR question (make_ptr); with one, busybox asks for the words as given.
    if (isIPv4(name) && qtype === undefined) {
      const arpa = `${name.split('.').reverse().join('.')}.in-addr.arpa`;
      const reverse = reverseQuery(engine, c, name, server);
      const traces = [...reverse.traces];
      if (reverse.kind === 'name') return { stdout: `${head}Non-authoritative answer:\n${arpa}\tname = ${reverse.name}\n\n`, stderr: '', exitCode: 0, traces };
      if (reverse.kind === 'nxdomain') return { stdout: `${head}** server can't find ${arpa}: NXDOMAIN\n\n`, stderr: '', exitCode: 1, traces };
      return refusedRounds([]);
    }
    // -type=QUERY_TYPE: A is the model's; AAAA only as the embedded DNS answers it for an IPv6 endpoint.
    if (qtype === 'aaaa' && server === EMBEDDED_DNS) {
      const addresses6 = embeddedLookup6All(engine, c, name);
      // A container's name without an IPv6 address: the embedded DNS's empty answer, its notes alone (the rig's capdns.txt).
      if (addresses6.length > 0 || embeddedKnows(engine, c, name)) return { stdout: `${head}Non-authoritative answer:\n${answerRecords(name, addresses6)}\n`, stderr: '', exitCode: 0, traces: [...aaaaQueryTraces(engine, c, name, server, addresses6)] };
    }
    if (qtype !== undefined && qtype !== 'a') return fail(`vethlab: nslookup -type=${qtype} is not modelled here beyond the AAAA records of containers on IPv6 networks\n`, 1);
    // add_query_with_search: a dotless name is asked once per search domain, and only so.
    const search = name.includes('.') ? [] : searchList(ctx);
    const names = search.length > 0 ? search.map((domain) => `${name}.${domain}`) : [name];
    const traces: Trace[] = [];
    let stdout = '';
    let aaaaHalf = '';
    let exitCode = 0;
    for (const asked of names) {
      const answer = queryServer(engine, c, asked, server);
      traces.push(...(answer.traces ?? []));
      // A server that never answers one of the queries leaves busybox waiting until its timeout.
      if (answer.kind === 'timeout') return { ...refusedRounds(answer.traces ?? []), traces };
      if (answer.kind === 'address') {
        const note = answer.source === 'embedded' ? 'Non-authoritative answer:\n' : '';
        // Each record of the answer, in the order the server sent them (golden dns-shared-alias).
        stdout += `${note}${answerRecords(asked, answer.addresses)}\n`;
      } else {
        stdout += `** server can't find ${asked}: ${answer.kind === 'nxdomain' ? 'NXDOMAIN' : 'SERVFAIL'}\n\n`;
        exitCode = 1;
      }
      if (qtype === undefined) {
        const addresses6 = server === EMBEDDED_DNS ? embeddedLookup6All(engine, c, asked) : [];
        aaaaHalf += aaaaAnswer(asked, answer, addresses6);
        // The AAAA question leaves from the A question's socket (the rig's capture: one port for both).
        const sport = answer.traces?.[0]?.hops[0]?.packet.sport;
        traces.push(...aaaaQueryTraces(engine, c, asked, server, addresses6, sport));
      }
    }
    // busybox queues every A question, then every AAAA one, and prints each reply as it
    // arrives: either order on the rig (golden ipv6-nslookup); here always the queue's.
    return { stdout: head + stdout + aaaaHalf, stderr: '', exitCode, traces };
  };
}

/**
 * The reply to the AAAA question nslookup asks beside the A one when given no -type
 * (golden ipv6-nslookup): the embedded DNS answers a container's name with its IPv6
 * address, or with no record (non-authoritative) when it has none; a forwarded name
 * gets the LAN server's empty authoritative answer (its zone has no AAAA records); a
 * name nobody has is NXDOMAIN (or SERVFAIL) again. busybox prints an empty answer as
 * its notes and the blank line alone.
 */
function aaaaAnswer(asked: string, answerA: LookupResult, addresses6: readonly string[]): string {
  if (answerA.kind === 'nxdomain' || answerA.kind === 'servfail') return `** server can't find ${asked}: ${answerA.kind === 'nxdomain' ? 'NXDOMAIN' : 'SERVFAIL'}\n\n`;
  if (answerA.kind !== 'address' || answerA.source !== 'embedded') return '\n';
  return `Non-authoritative answer:\n${answerRecords(asked, addresses6)}\n`;
}

/** Each record of an answer, in the order the server sent them (goldens dns-shared-alias, dns-shared-alias-ipv6). */
function answerRecords(name: string, addresses: readonly string[]): string {
  return addresses.map((address) => `Name:\t${name}\nAddress: ${address}\n`).join('');
}

/**
 * getent hosts NAME... (glibc's, on the Debian machines and images): /etc/hosts
 * first (IPv6 entries first, as getent asks for AF_INET6 before AF_INET), then
 * the resolver; one line per address, `%-15s NAME ALIASES`. Status 2 when a
 * key is not found; `getent hosts` alone lists /etc/hosts; passwd and group
 * read those files. A name the resolver answers with several addresses prints
 * one line for each, in the answer's order (glibc getent.c's print_hosts walks
 * h_addr_list).
 */
export type FamilyLookup = (name: string, type: 'A' | 'AAAA') => { addresses: readonly string[]; traces?: readonly Trace[] };

/**
 * getaddrinfo as getent's ahosts calls it (AI_ADDRCONFIG | AI_CANONNAME, AF_UNSPEC for
 * `ahosts`, AF_INET for `ahostsv4`): the addresses in the order glibc sorts them, and the
 * questions it sent.
 */
export type AddrInfoLookup = (name: string, family: 0 | 4) => { addresses: readonly string[]; traces?: readonly Trace[] };

/**
 * `getent ahosts|ahostsv4 KEY...` (glibc's getent.c ahosts_keys_int): each address three
 * times, for the STREAM, DGRAM and RAW socket types, as `%-15s %-6s %s` with the canonical
 * name on the first line only (test/fixtures/tcpdump/capaddrconfig.txt); status 2 when a
 * key does not resolve, the next keys still asked.
 */
function ahosts(keys: readonly string[], family: 0 | 4, lookupAddrInfo: AddrInfoLookup): CommandOutput {
  let stdout = '';
  let missing = false;
  const traces: Trace[] = [];
  for (const key of keys) {
    const literal = /^\d+\.\d+\.\d+\.\d+$/.test(key);
    const found = literal ? { addresses: [key] } : lookupAddrInfo(key, family);
    traces.push(...(found.traces ?? []));
    if (found.addresses.length === 0) missing = true;
    found.addresses.forEach((ip, i) => {
      for (const [n, type] of ['STREAM', 'DGRAM', 'RAW'].entries()) stdout += `${ip.padEnd(15)} ${type.padEnd(6)} ${i === 0 && n === 0 ? key : ''}\n`;
    });
  }
  return { stdout, stderr: '', exitCode: missing ? 2 : 0, ...(traces.length === 0 ? {} : { traces }) };
}

export function getentCommand(lookupFamily: FamilyLookup, lookupAddrInfo?: AddrInfoLookup): Command {
  return (argv, ctx) => {
    const [db, ...keys] = argv;
    if (db === undefined) return fail("getent: wrong number of arguments\nTry `getent --help' or `getent --usage' for more information.\n", 1);
    const read = (path: string): string[][] => {
      const text = ctx.fs.read(path);
      return typeof text === 'string' && !['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(text) ? text.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean).map((l) => l.split(/\s+/)) : [];
    };
    const line = (ip: string, names: string[]) => `${ip.padEnd(15)} ${names.join(' ')}\n`;
    if (db === 'hosts') {
      const entries = read('/etc/hosts');
      if (keys.length === 0) return { stdout: entries.map((e) => line(e[0]!, e.slice(1))).join(''), stderr: '', exitCode: 0 };
      let stdout = '';
      let missing = false;
      const traces: Trace[] = [];
      // gethostbyname2 with `hosts: files dns`: the file, then the server, for AF_INET6 and then for AF_INET.
      const ask = (key: string, type: 'A' | 'AAAA') => {
        const found = lookupFamily(key, type);
        traces.push(...(found.traces ?? []));
        return found.addresses;
      };
      for (const key of keys) {
        if (/^\d+\.\d+\.\d+\.\d+$/.test(key) || key.includes(':')) {
          const hit = entries.find((e) => e[0] === key);
          if (hit) stdout += line(hit[0]!, hit.slice(1));
          else missing = true;
          continue;
        }
        const v6 = entries.find((e) => e[0]!.includes(':') && e.slice(1).includes(key));
        const v4 = entries.find((e) => !e[0]!.includes(':') && e.slice(1).includes(key));
        if (v6) {
          stdout += line(v6[0]!, v6.slice(1));
          continue;
        }
        const addresses6 = ask(key, 'AAAA');
        if (addresses6.length > 0) {
          stdout += addresses6.map((ip) => line(ip, [key])).join('');
          continue;
        }
        if (v4) {
          stdout += line(v4[0]!, v4.slice(1));
          continue;
        }
        const addresses = ask(key, 'A');
        if (addresses.length === 0) missing = true;
        else stdout += addresses.map((ip) => line(ip, [key])).join('');
      }
      return { stdout, stderr: '', exitCode: missing ? 2 : 0, ...(traces.length === 0 ? {} : { traces }) };
    }
    if ((db === 'ahosts' || db === 'ahostsv4') && lookupAddrInfo && keys.length > 0) return ahosts(keys, db === 'ahosts' ? 0 : 4, lookupAddrInfo);
    if (db.startsWith('ahosts')) return fail(`vethlab: getent ${db}${keys.length === 0 ? ' without a key (the whole hosts database)' : ''} is not modelled here\n`, 1);
    if (db === 'passwd' || db === 'group') {
      const entries = read(`/etc/${db}`).map((e) => e.join(' ')).map((l) => l.split(':'));
      if (keys.length === 0) return { stdout: entries.map((e) => `${e.join(':')}\n`).join(''), stderr: '', exitCode: 0 };
      let stdout = '';
      let missing = false;
      for (const key of keys) {
        const hit = entries.find((e) => e[0] === key || e[2] === key);
        if (hit) stdout += `${hit.join(':')}\n`;
        else missing = true;
      }
      return { stdout, stderr: '', exitCode: missing ? 2 : 0 };
    }
    return fail(`Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`, 1);
  };
}
