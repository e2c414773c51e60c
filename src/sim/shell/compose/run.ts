/**
 * `docker compose run` (docker/compose v2.40.3: cmd/compose/run.go and
 * pkg/compose/run.go): a one-off container of a service. Its dependencies are
 * created and started first (startDependencies: the project without the
 * service), then the service's configuration takes the command line's
 * overrides (applyRunOptions), and the container is created as
 * `PROJECT-SERVICE-run-SLUG` (or `--name`) with `oneoff=True` and a slug label,
 * no container number and, without --use-aliases, only its own name as alias.
 * Without -d its main process runs attached: its output, then its exit status
 * (a non-zero one after an empty line, the StatusError's empty message).
 */
import { DockerError, isShellCommand, mainProgram, type Engine } from '../../docker/engine.ts';
import type { Container } from '../../docker/model.ts';
import type { ParsedFlags } from '../docker/flags.ts';
import type { CommandOutput } from '../types.ts';
import { ComposeError, parseShortPort, parseShortVolume, shellSplit, withDependencies, type Project, type Service } from './model.ts';
import { type ComposeOps, type Outcome } from './plan.ts';
import { pullFlag, pullRequiredImages } from './pull.ts';

/** What the client running `run` offers: a terminal or not, and the container processes. */
export interface RunClient {
  tty: boolean;
  runProcess?: (container: Container, argv: string[], opts: { interactive: boolean; main: boolean; tty?: boolean }) => CommandOutput;
  onStarted?: (container: Container) => void;
}

/** The flags PreRunE checks before the project is loaded (their errors come first). */
export function checkRunFlags(f: ParsedFlags): void {
  if (f.args.length < 1) throw new ComposeError(`requires at least 1 arg(s), only received ${f.args.length}`);
  if ((f.lists.get('publish') ?? []).length > 0 && f.bools.has('service-ports')) throw new ComposeError('--service-ports and --publish are incompatible');
  const ttyGiven = f.bools.has('tty') || f.falses.has('tty');
  if (ttyGiven && (f.bools.has('no-TTY') || f.falses.has('no-TTY'))) throw new ComposeError("--tty and --no-TTY can't be used together");
}

/** runOptions.apply and applyRunOptions: the service as the one-off runs it. */
function runService(project: Project, base: Service, f: ParsedFlags, clientEnv: Record<string, string>): Service {
  const s: Service = { ...base, environment: [...base.environment], labels: [...base.labels], ports: [...base.ports], volumes: [...base.volumes], extra: { ...base.extra } };
  if (!f.bools.has('service-ports')) s.ports = (f.lists.get('publish') ?? []).flatMap(parseShortPort);
  for (const v of f.lists.get('volume') ?? []) s.volumes.push(parseShortVolume(v, project.workingDir));
  const command = f.args.slice(1);
  if (command.length > 0) s.command = command;
  const entrypoint = f.strings.get('entrypoint');
  if (entrypoint !== undefined) {
    s.entrypoint = shellSplit(entrypoint);
    if (command.length === 0) s.command = [];
  }
  // -e NAME without a value takes the client's NAME, or is dropped (Resolve, RemoveEmpty).
  for (const e of f.lists.get('env') ?? []) {
    const eq = e.indexOf('=');
    const key = eq < 0 ? e : e.slice(0, eq);
    const value = eq < 0 ? clientEnv[key] : e.slice(eq + 1);
    if (value === undefined) continue;
    const at = s.environment.findIndex(([k]) => k === key);
    if (at >= 0) s.environment[at] = [key, value];
    else s.environment.push([key, value]);
  }
  for (const l of f.lists.get('label') ?? []) {
    const eq = l.indexOf('=');
    if (eq < 0) throw new ComposeError('label must be set as KEY=VALUE');
    s.labels = [...s.labels.filter(([k]) => k !== l.slice(0, eq)), [l.slice(0, eq), l.slice(eq + 1)]];
  }
  // prepareRun: one container, no restart policy, and the name comes from --name or the slug, not container_name.
  delete s.restart;
  delete s.containerName;
  return s;
}

/** The run's terminal: -t/-T as given, else one when the client has a terminal (as `docker compose run` decides it). */
function wantsTty(f: ParsedFlags, clientTty: boolean): boolean {
  if (f.bools.has('tty')) return true;
  if (f.falses.has('tty') || f.bools.has('no-TTY')) return false;
  return clientTty && !f.falses.has('no-TTY');
}

/** A 64-hex slug from the engine's seeded generator (stringid.GenerateRandomID). */
function newSlug(engine: Engine): string {
  return engine.randomId();
}

/** RunOneOffContainer: the events of the dependencies, then the container's own run. */
export function runOneOff(engine: Engine, ops: ComposeOps, client: RunClient, project: Project, f: ParsedFlags, clientEnv: Record<string, string>, out: Outcome): CommandOutput {
  const serviceName = f.args[0]!;
  const base = project.services.get(serviceName)!;
  const unsupported = ['user', 'env-from-file'].find((flag) => f.strings.has(flag) || f.lists.has(flag));
  if (unsupported !== undefined) throw new ComposeError(`vethlab: docker compose run --${unsupported} is not modelled (processes run as root, with the service's environment and -e)`);
  const service = runService(project, base, f, clientEnv);
  const policy = pullFlag(f.strings.get('pull'));
  const quietPull = f.bools.has('quiet-pull');
  const interactive = !f.falses.has('interactive');
  const tty = wantsTty(f, client.tty);
  const noDeps = f.bools.has('no-deps');
  const deps = noDeps ? [] : withDependencies(project, [serviceName]).filter((n) => n !== serviceName);
  ops.converge(project, deps, [...deps, serviceName], { start: true, removeOrphans: f.bools.has('remove-orphans'), ...(policy !== undefined ? { pullPolicy: policy } : {}), quietPull }, out);
  // The service's own image after its dependencies: built when missing (or with --build), else pulled as its policy says.
  ops.buildImages(project, [serviceName], f.bools.has('build') ? 'always' : undefined, out);
  pullRequiredImages(engine, { ...project, services: new Map([[serviceName, service]]) }, [serviceName], { ...(policy !== undefined ? { policy } : {}), quiet: quietPull }, out.events);
  if (tty && interactive && !client.tty) throw new ComposeError('the input device is not a TTY');
  const slug = newSlug(engine);
  const name = f.strings.get('name') ?? `${project.name}-${serviceName}-run-${slug.slice(0, 12)}`;
  const options = ops.containerOptions(project, service, { name, slug, useAliases: f.bools.has('use-aliases') });
  Object.assign(options, { autoRemove: f.bools.has('rm'), tty, interactive });
  const workdir = f.strings.get('workdir');
  if (workdir !== undefined) options.workingDir = workdir;
  const capAdd = f.lists.get('cap-add');
  if (capAdd) options.capAdd = capAdd;
  const capDrop = f.lists.get('cap-drop');
  if (capDrop) options.capDrop = capDrop;
  let container: Container;
  try {
    container = engine.createContainer(options);
    engine.start(container.id);
  } catch (e) {
    if (!(e instanceof DockerError)) throw e;
    throw new ComposeError(e.side === 'client' ? e.message : `Error response from daemon: ${e.message}`);
  }
  if (f.bools.has('detach')) {
    client.onStarted?.(container);
    return { stdout: `${container.id}\n`, stderr: '', exitCode: 0 };
  }
  // A shell on the user's terminal: PID 1 of the one-off, as `docker run -it`.
  const program = mainProgram(container, engine.imageOf(container));
  if (tty && interactive && isShellCommand(program)) {
    client.onStarted?.(container);
    return { stdout: '', stderr: '', exitCode: 0, session: { container: container.name, shell: program.join(' '), main: true } };
  }
  if (!client.runProcess) throw new ComposeError('vethlab: container processes are not available in this shell');
  const result = client.runProcess(container, program, { interactive, main: true, tty });
  if (result.running) {
    const { running, ...rest } = result;
    return { ...rest, stderr: `${rest.stderr}vethlab: ${running.argv[0] ?? 'the program'} keeps running in ${container.name} (the terminal does not follow it, as with -d); see docker logs ${container.name}\n` };
  }
  engine.mainProcessExited(container.id, result.exitCode);
  // cli.StatusError{StatusCode: N} without a message: the CLI prints its empty Status line.
  return result.exitCode === 0 ? result : { ...result, stderr: `${result.stderr}\n` };
}
