/**
 * busybox nslookup in containers: one A query to the resolv.conf server (or the
 * one named), printed as busybox 1.35 prints it. Answers from the embedded DNS
 * carry "Non-authoritative answer:", forwarded ones do not (golden 18).
 */
import { busyboxUsage } from './busybox.ts';
import { containerNameserver, queryServer, reverseQuery } from '../docker/dns.ts';
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
    const answer = queryServer(engine, c, name, server);
    const head = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
    const traces = answer.kind !== 'servfail' && answer.trace ? [answer.trace] : [];
    switch (answer.kind) {
      case 'address': {
        const note = answer.source === 'embedded' ? 'Non-authoritative answer:\n' : '';
        return { stdout: `${head}${note}Name:\t${name}\nAddress: ${answer.address}\n\n`, stderr: '', exitCode: 0, traces };
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
