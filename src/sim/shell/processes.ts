/**
 * The programs that go on running inside containers after the command that
 * started them returned: a main process that waits for clients (`nc -lk -p
 * 9001`, `httpd -f -p 8080`, a script stopped at one), `docker exec -d` servers,
 * background jobs (`nc -l -p 80 &`), daemons (busybox `httpd -p 80`). Each holds
 * its bound sockets; a client's data reaches it here. What a main process (and
 * its jobs) prints goes to `docker logs`; an exec'd one's output has no reader.
 * When a main process ends, its container exits with its status.
 */
import type { Engine } from '../docker/engine.ts';
import type { Container } from '../docker/model.ts';
import type { Trace } from '../net/trace.ts';
import type { ClientData, Running } from './types.ts';
import { unbindAll } from './listen.ts';
import { stampLogs } from '../docker/log-stamps.ts';

export interface Process {
  pid: number;
  container: Container;
  /** The container's run it belongs to (a restart starts a new run). */
  startedAt: number;
  program: Running;
  /** PID 1, or a job of PID 1's shell: its output goes to the container's log. */
  logs: boolean;
  /** The container's main process itself: its end ends the container. */
  main: boolean;
}

/** The most sleeps and restarts one settle catches up with (a 1-second loop left alone for almost three hours). */
export const SETTLE_BUDGET = 10_000;

export class Processes {
  private list: Process[] = [];
  private nextPid = 20;

  constructor(private readonly engine: Engine) {
    engine.stopObservers.push((c, signal) => this.containerStopping(c, signal));
  }

  /** Keeps a program that is still running as a process of `c`. */
  adopt(c: Container, program: Running, role: { main: boolean; logs: boolean }): Process {
    const p: Process = { pid: role.main ? 1 : this.nextPid++, container: c, startedAt: c.startedAt ?? 0, program, logs: role.logs, main: role.main };
    this.list.push(p);
    return p;
  }

  /** A PID for a process that is not kept here (a server's forked child, a program that failed at its start). */
  newPid(): number {
    return this.nextPid++;
  }

  /** The live processes of a running container, in PID order. */
  of(c: Container): Process[] {
    return this.live().filter((p) => p.container === c);
  }

  /** The process whose socket takes `proto` traffic to `port` in namespace `netns`. */
  at(netns: string, proto: 'tcp' | 'udp', port: number): Process | undefined {
    return this.live().find((p) => p.container.netns === netns && p.program.listens.some((l) => l.proto === proto && l.port === port));
  }

  /**
   * A client's data reaches a raw server: what the server sends back. Its output is
   * logged (or lost), and its next state kept; a main process that ended takes its
   * container with it. A server that relays (socat's forwarder) adds its own
   * connection's traces to `legs`.
   */
  serve(p: Process, input: ClientData, legs: Trace[] = []): string {
    const serve = p.program.serve;
    if (!serve) return '';
    const served = serve(input);
    if (served.legs) legs.push(...served.legs);
    if (p.logs) p.container.logs += served.stdout + served.stderr;
    if ('exitCode' in served.next) {
      this.end(p, served.next.exitCode);
    } else {
      // A script's next server binds its own socket; the one that ended closed its own.
      p.program = served.next;
    }
    return served.reply;
  }

  /** When the earliest sleep that ended by now ended (a paused container's processes sleep on); undefined: none did. */
  nextWake(now: number): number | undefined {
    return this.due(now)?.program.wakeAt;
  }

  /**
   * Wakes the process whose sleep ended first by now and lets it run on, at the
   * moment it woke, to its next sleep, server or end (a main process's end stops
   * its container). The simulator's settle interleaves these with restarts.
   */
  wakeNext(now: number): void {
    const due = this.due(now);
    if (!due) return;
    this.engine.kernel.during(due.program.wakeAt!, () => {
      const next = due.program.wake ? due.program.wake() : { stdout: '', stderr: '', next: { exitCode: 0 } };
      if (due.logs) due.container.logs += next.stdout + next.stderr;
      stampLogs([due.container], this.engine.kernel.now);
      if ('exitCode' in next.next) this.end(due, next.next.exitCode);
      else due.program = next.next;
    });
  }

  private due(now: number): Process | undefined {
    return this.live()
      .filter((p) => p.program.wakeAt !== undefined && p.program.wakeAt <= now && p.container.state === 'running')
      .sort((a, b) => a.program.wakeAt! - b.program.wakeAt! || a.pid - b.pid)[0];
  }

  /** A process ended by itself: its sockets close; PID 1's end is its container's. */
  private end(p: Process, exitCode: number): void {
    this.list = this.list.filter((x) => x !== p);
    unbindAll({ kernel: this.engine.kernel, netns: p.container.netns ?? '' }, p.program.listens);
    if (p.main && p.container.state === 'running') this.engine.mainProcessExited(p.container.id, exitCode);
  }

  /** The container stops: `docker stop`'s SIGTERM reaches a main process that handles it (its last lines, its status). */
  private containerStopping(c: Container, signal: 'SIGTERM' | 'SIGKILL' | 'exit'): number | undefined {
    const mine = this.list.filter((p) => p.container === c);
    const main = mine.find((p) => p.main && p.startedAt === (c.startedAt ?? 0));
    const term = signal === 'SIGTERM' && main?.program.onTerm ? main.program.onTerm() : undefined;
    if (term && main!.logs) c.logs += term.stderr;
    this.list = this.list.filter((p) => p.container !== c);
    for (const p of mine) unbindAll({ kernel: this.engine.kernel, netns: c.netns ?? '' }, p.program.listens);
    return term?.exitCode;
  }

  private live(): Process[] {
    this.list = this.list.filter((p) => p.container.state !== 'exited' && p.container.state !== 'created' && p.startedAt === (p.container.startedAt ?? 0) && this.engine.containers.get(p.container.id) === p.container);
    return this.list;
  }
}
