/**
 * busybox nslookup in containers: one A query to the resolv.conf server (or the
 * one named), printed as busybox 1.35 prints it. Answers from the embedded DNS
 * carry "Non-authoritative answer:", forwarded ones do not (golden 18).
 */
import { busyboxUsage } from './busybox.ts';
import { containerNameserver, EMBEDDED_DNS, embeddedLookup6, queryServer, reverseQuery } from '../docker/dns.ts';
import type { Engine } from '../docker/engine.ts';
import type { Container } from '../docker/model.ts';
import type { Command } from './types.ts';
import { fail } from './types.ts';

export function nslookupCommand(engine: Engine, c: Container): Command {
  return (argv) => {
    const args = argv.filter((a) => !a.startsWith('-'));
    const [name, serverArg] = args;
    if (name === undefined) return fail(busyboxUsage('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n'), 1);
    const server = serverArg ?? containerNameserver(engine, c);
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) {
      const arpa = `${name.split('.').reverse().join('.')}.in-addr.arpa`;
      const head = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
      const reverse = reverseQuery(engine, c, name, server);
      if (reverse.kind === 'name') return { stdout: `${head}Non-authoritative answer:\n${arpa}\tname = ${reverse.name}\n\n`, stderr: '', exitCode: 0 };
      if (reverse.kind === 'nxdomain') return { stdout: `${head}** server can't find ${arpa}: NXDOMAIN\n\n`, stderr: '', exitCode: 1 };
      return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1 };
    }
    const head = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
    // -type=QUERY_TYPE: A is the model's; AAAA only as the embedded DNS answers it for an IPv6 endpoint.
    const qtype = argv.find((a) => /^-(type|query)=/.test(a))?.replace(/^-\w+=/, '').toLowerCase();
    const address6 = server === EMBEDDED_DNS ? embeddedLookup6(engine, c, name) : undefined;
    if (qtype === 'aaaa' && address6 !== undefined) return { stdout: `${head}Non-authoritative answer:\nName:\t${name}\nAddress: ${address6}\n\n`, stderr: '', exitCode: 0 };
    if (qtype !== undefined && qtype !== 'a') return fail(`vethlab: nslookup -type=${qtype} is not modelled here beyond the AAAA records of containers on IPv6 networks\n`, 1);
    if (qtype === undefined && address6 !== undefined) return fail(`vethlab: ${name} has an IPv6 address too, and nslookup's AAAA half is not modelled yet (-type=a or -type=aaaa asks for one)\n`, 1);
    const answer = queryServer(engine, c, name, server);
    const traces = answer.kind !== 'servfail' && answer.trace ? [answer.trace] : [];
    switch (answer.kind) {
      case 'address': {
        const note = answer.source === 'embedded' ? 'Non-authoritative answer:\n' : '';
        // Each record of the answer, in the order the server sent them (golden dns-shared-alias).
        const records = answer.addresses.map((address) => `Name:\t${name}\nAddress: ${address}\n`).join('');
        return { stdout: `${head}${note}${records}\n`, stderr: '', exitCode: 0, traces };
      }
      case 'nxdomain':
        return { stdout: `${head}** server can't find ${name}: NXDOMAIN\n\n`, stderr: '', exitCode: 1, traces };
      case 'servfail':
        return { stdout: `${head}** server can't find ${name}: SERVFAIL\n\n`, stderr: '', exitCode: 1, traces };
      case 'timeout':
        return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1, traces };
    }
  };
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
export function getentCommand(resolveAll: (name: string) => readonly string[]): Command {
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
      for (const key of keys) {
        if (/^\d+\.\d+\.\d+\.\d+$/.test(key) || key.includes(':')) {
          const hit = entries.find((e) => e[0] === key);
          if (hit) stdout += line(hit[0]!, hit.slice(1));
          else missing = true;
          continue;
        }
        const v6 = entries.find((e) => e[0]!.includes(':') && e.slice(1).includes(key));
        const v4 = entries.find((e) => !e[0]!.includes(':') && e.slice(1).includes(key));
        const hit = v6 ?? v4;
        if (hit) {
          stdout += line(hit[0]!, hit.slice(1));
          continue;
        }
        const addresses = resolveAll(key);
        if (addresses.length === 0) missing = true;
        else stdout += addresses.map((ip) => line(ip, [key])).join('');
      }
      return { stdout, stderr: '', exitCode: missing ? 2 : 0 };
    }
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
