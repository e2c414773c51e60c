/**
 * The resolver's packets as part of a command's: a client that connects by name asks the
 * container's resolver first (docker/dns.ts clientLookup), and those questions are packets
 * the command sent, before its own. They come first in its traces, each exchange a Trace of
 * its own, so the probe's Trace stays the last (the one the Trace panel shows) and keeps its hops.
 */
import type { Trace } from '../net/trace.ts';
import type { Command } from './types.ts';

/**
 * Each command of `commands`, with the resolver's traces gathered in `asked` while it ran put
 * ahead of its own. `asked` is emptied before each run, so a lookup made after a command
 * returned (none is, today) is never credited to the next one.
 */
export function withDnsTraces(commands: ReadonlyMap<string, Command>, asked: Trace[]): Map<string, Command> {
  const wrapped = new Map<string, Command>();
  for (const [name, command] of commands) {
    wrapped.set(name, (argv, ctx) => {
      asked.length = 0;
      const out = command(argv, ctx);
      const dns = asked.splice(0);
      return dns.length === 0 ? out : { ...out, traces: [...dns, ...(out.traces ?? [])] };
    });
  }
  return wrapped;
}
