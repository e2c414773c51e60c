/**
 * `docker compose kill`, `rm`, `top` and `images` (docker/compose v2.40.3:
 * pkg/compose/kill.go, remove.go, top.go, images.go and their cmd/compose
 * printers): what each does to the project's containers, found by label, and
 * what it prints. Kill and rm run per container in parallel in Compose; here
 * their events come as `stop` prints them, each kind for every container in turn.
 */
import { DockerError, type Engine } from '../../docker/engine.ts';
import type { Container } from '../../docker/model.ts';
import { goTime } from '../../docker/go-time.ts';
import { familiarName, parseNormalizedNamed } from '../../docker/reference.ts';
import { humanDuration, humanSize } from '../docker/format.ts';
import { containerProcesses, type HostUserName } from '../ps-cmd.ts';
import { ComposeError, type Project } from './model.ts';
import { LABEL, projectContainers, type Outcome } from './plan.ts';

const event = (name: string, status: string) => ` Container ${name}  ${status}`;

/** The signals Linux names (moby's SignalMap): any of these is valid for the daemon. */
const SIGNALS = ['ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL', 'PROF', 'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'USR1', 'USR2', 'VTALRM', 'WINCH', 'XCPU', 'XFSZ'];

/** signal.ParseSignal: `KILL` for SIGKILL, 9, kill...; another valid one by name; or invalid. */
function parseSignal(raw: string): 'kill' | 'other' | 'invalid' {
  if (/^\d+$/.test(raw)) return Number(raw) === 9 ? 'kill' : Number(raw) >= 1 && Number(raw) <= 64 ? 'other' : 'invalid';
  const name = raw.toUpperCase().replace(/^SIG/, '');
  if (name === 'KILL') return 'kill';
  return SIGNALS.includes(name) || /^RTM(IN|AX)([+-]\d+)?$/.test(name) ? 'other' : 'invalid';
}

/** The project's services, as `kill` and `rm` keep only their containers (unless told otherwise). */
const ofServices = (project: Project | undefined) => (c: Container) => !project || project.services.has(c.labels?.[LABEL.service] ?? '');

/**
 * `kill [-s SIGNAL] [--remove-orphans] [SERVICE...]`: the running containers,
 * one-offs included; `no container to kill` (without a newline) when there is none.
 */
export function killContainers(engine: Engine, projectName: string, project: Project | undefined, services: string[], opts: { signal: string; removeOrphans: boolean }, out: Outcome): string {
  let containers = projectContainers(engine, projectName, { services, oneOff: 'include' });
  if (!opts.removeOrphans) containers = containers.filter(ofServices(project));
  if (containers.length === 0) return 'no container to kill';
  const signal = parseSignal(opts.signal);
  if (signal === 'other') throw new ComposeError(`vethlab: docker compose kill -s ${opts.signal} is not modelled (only SIGKILL, the default, is: the simulated programs have no signal handlers)`);
  for (const c of containers) out.events.push(event(c.name, 'Killing'));
  for (const c of containers) {
    if (signal === 'invalid') {
      out.events.push(event(c.name, 'Error while Killing'));
      out.error ??= `Error response from daemon: cannot kill container: ${c.id}: invalid signal: ${opts.signal}`;
      continue;
    }
    try {
      engine.kill(c.id);
      if (c.autoRemove) engine.remove(c.id, true);
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      out.events.push(event(c.name, 'Error while Killing'));
      out.error ??= `Error response from daemon: ${e.message}`;
      continue;
    }
    out.events.push(event(c.name, 'Killed'));
  }
  return '';
}

/** The stopped containers `rm` would remove (one-offs are not among them), newest first as the API lists them. */
export function stoppedContainers(engine: Engine, projectName: string, project: Project | undefined, services: string[]): Container[] {
  return projectContainers(engine, projectName, { all: true, services })
    .filter(ofServices(project))
    .filter((c) => c.state !== 'running' && c.state !== 'paused')
    .sort((a, b) => b.created - a.created);
}

/** rm's removal of `containers` (after its `Going to remove ...` line): Removing, then Removed. */
export function removeContainers(engine: Engine, containers: Container[], volumes: boolean, out: Outcome): void {
  for (const c of containers) out.events.push(event(c.name, 'Removing'));
  for (const c of containers) {
    try {
      engine.remove(c.id, true, volumes);
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      out.error ??= `Error response from daemon: ${e.message}`;
      continue;
    }
    out.events.push(event(c.name, 'Removed'));
  }
}

/** tabwriter.NewWriter(out, minwidth, 1, padding, ' ', 0): every column but the last padded. */
function tabwrite(rows: string[][], minWidth: number, padding: number): string {
  const widths = rows[0]!.map((_, i) => Math.max(minWidth, ...rows.map((r) => r[i]!.length + padding)));
  return rows.map((r) => `${r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i]!) : cell)).join('')}\n`).join('');
}

/**
 * `top [SERVICE...]`: the running containers' processes (as `docker top`), by container name; nothing when none.
 * UID is what the daemon's `ps -ef` on the host prints: the host's account name for the uid, else the number
 * (golden compose-top-user: root, 4242, and uid 1000 named as the rig machine's account, as docker top does).
 */
export function topOutput(engine: Engine, projectName: string, services: string[], hostUser?: HostUserName): string {
  const containers = projectContainers(engine, projectName, { services, oneOff: 'include' });
  const rows = [['SERVICE', '#', 'UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD']];
  for (const c of containers) {
    for (const p of containerProcesses(engine, c, hostUser)) {
      rows.push([c.labels?.[LABEL.service] ?? c.name, c.labels?.[LABEL.number] ?? '', p.user, String(p.pid), String(p.ppid), '0', '00:00', c.tty ? 'pts/0' : '?', '00:00:00', p.args]);
    }
  }
  return rows.length === 1 ? '' : tabwrite(rows, 4, 2);
}

/** Go's maximum time.Duration: `time.Now().Sub(time.Time{})` saturates there (an image nobody tagged). */
const MAX_DURATION_MS = 9_223_372_036_854.775;

/**
 * `images [-q] [--format table|json] [SERVICE...]`: the image of every container
 * of the project (any state, one-offs included), by container name in the table;
 * CREATED is the image's last tag time, as Compose prints it.
 */
export function imagesOutput(engine: Engine, projectName: string, services: string[], opts: { quiet: boolean; format: string }): { stdout: string; error?: string } {
  const containers = [...engine.containers.values()]
    .filter((c) => c.labels?.[LABEL.project] === projectName)
    .filter((c) => services.length === 0 || services.includes(c.labels?.[LABEL.service] ?? ''))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows = containers.map((c) => {
    const image = engine.imageOf(c);
    const ref = parseNormalizedNamed(c.image);
    const named = ref.ok && !/^[0-9a-f]{64}$/.test(c.image) && !c.image.startsWith('sha256:') ? ref.value : undefined;
    const tagged = engine.imageService.store.lastTagTime(image.id);
    return { container: c.name, image, repository: named ? familiarName(named) : '', tag: named ? (named.tag ?? (named.digest === undefined ? 'latest' : '')) : '', tagged };
  });
  if (opts.quiet) return { stdout: [...new Set(rows.map((r) => r.image.id.replace(/^sha256:/, '')))].map((id) => `${id}\n`).join('') };
  if (opts.format === 'json') {
    const list = rows.map((r) => ({ ID: r.image.id, ContainerName: r.container, Repository: r.repository, Tag: r.tag, Platform: 'linux/amd64', Size: r.image.size, LastTagTime: goTime(r.tagged ?? r.image.created) }));
    // formatter.ToJSON ends with a newline and Println adds one more.
    return { stdout: `${list.length === 0 ? 'null' : JSON.stringify(list)}\n\n` };
  }
  // formatter.Print: table (or pretty, or empty), case aside.
  if (!['table', 'pretty', ''].includes(opts.format.toLowerCase())) return { stdout: '', error: `format value ${JSON.stringify(opts.format)} could not be parsed: parsing failed` };
  const now = engine.kernel.now;
  const table = [['CONTAINER', 'REPOSITORY', 'TAG', 'PLATFORM', 'IMAGE ID', 'SIZE', 'CREATED']];
  for (const r of rows) {
    const age = r.tagged === undefined ? MAX_DURATION_MS : now - r.tagged;
    table.push([r.container, r.repository || '<none>', r.tag || '<none>', 'linux/amd64', r.image.id.replace(/^sha256:/, '').slice(0, 12), humanSize(r.image.size), `${humanDuration(age)} ago`]);
  }
  return { stdout: tabwrite(table, 20, 3) };
}

