/**
 * Programs that listen: binding their sockets in the namespace they run in (all
 * or none, as a program that fails its second bind exits), and the raw server
 * netcat is in listen mode: what a client sends is printed, the program's own
 * stdin goes back to the first client, and it ends after one client unless it
 * keeps listening (`-k`, UDP).
 */
import { KernelError } from '../net/api.ts';
import type { CommandContext, CommandOutput, Listen, Running, Served } from './types.ts';

/** Binds every socket, or none: the kernel's errno of the first that failed. */
export function bindAll(ctx: Pick<CommandContext, 'kernel' | 'netns'>, listens: Listen[], process: string): 'EADDRINUSE' | 'EADDRNOTAVAIL' | undefined {
  const bound: Listen[] = [];
  for (const l of listens) {
    try {
      const socket = { proto: l.proto, address: l.address, port: l.port, process, family: l.family } as const;
      ctx.kernel.listen(ctx.netns, l.v6only ? { ...socket, v6only: true } : socket);
      bound.push(l);
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      for (const b of bound) ctx.kernel.unlisten(ctx.netns, b.proto, b.address, b.port);
      return e.errno === 'EADDRINUSE' ? 'EADDRINUSE' : 'EADDRNOTAVAIL';
    }
  }
  return undefined;
}

/** Closes a program's sockets (it ended). */
export function unbindAll(ctx: Pick<CommandContext, 'kernel' | 'netns'>, listens: readonly Listen[]): void {
  for (const l of listens) {
    if (ctx.kernel.netns(ctx.netns)) ctx.kernel.unlisten(ctx.netns, l.proto, l.address, l.port);
  }
}

export interface NetcatListen {
  listen: Listen;
  /** Serve clients until killed (`-k`); a UDP listener always stays. */
  keep: boolean;
  /** The program's stdin: sent to the first client. */
  reply: string;
  argv: string[];
}

/**
 * netcat listening. Its sockets are bound; the program waits (`running`) and each
 * client's data is printed; without -k the first client's close ends it with 0.
 */
export function netcatListening(ctx: Pick<CommandContext, 'kernel' | 'netns'>, spec: NetcatListen): Running {
  let reply = spec.reply;
  const running: Running = {
    process: 'nc',
    argv: spec.argv,
    listens: [spec.listen],
    serve: (input): Served => {
      const sent = reply;
      reply = '';
      const stays = spec.keep || spec.listen.proto === 'udp';
      if (!stays) unbindAll(ctx, running.listens);
      return { reply: sent, stdout: input.data, stderr: '', next: stays ? running : { exitCode: 0 } };
    },
  };
  return running;
}

/** The command's answer once its socket is bound: nothing printed yet, still running. */
export function stillRunning(program: Running): CommandOutput {
  return { stdout: '', stderr: '', exitCode: 0, running: program };
}
