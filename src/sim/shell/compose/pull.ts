/**
 * What Compose pulls and what it prints while pulling (pkg/compose/pull.go of
 * docker/compose v2.40.3): the pulls `up` and `create` make first
 * (pullRequiredImages, by each service's pull policy: mustPull), `docker
 * compose pull` (its skips, one pull per image, --ignore-pull-failures), and each
 * service's pullServiceImage: a `Pulling` event, the daemon's layer messages as
 * events (toPullProgressEvent keeps only those with an ID and a progressDetail:
 * not `Pulling from`, `Digest:` or `Status:`), then `Pulled`, or `Error` with the
 * daemon's message. Without a terminal, pkg/progress's plain writer prints an
 * event as `fmt.Fprintln("", ID, Text, StatusText)`: ` web Pulling `,
 * ` 1f3e46996e29 Pull complete `. The real Compose pulls the services in parallel
 * (in Go's map order); here they go one after another in name order, so a
 * service whose image another one just pulled finds its layers present.
 */
import { DockerError, type Engine } from '../../docker/engine.ts';
import { parseNormalizedNamed, withDefaultTag } from '../../docker/reference.ts';
import { ComposeError, type Project, type Service } from './model.ts';

/** The `--pull` values `up` and `create` accept (createOptions.isPullPolicyValid). */
const PULL_FLAG_VALUES = ['always', 'never', 'build', 'missing', 'if_not_present'];

/** An event as the plain progress writer prints it. */
export const plainEvent = (id: string, text: string, statusText = '') => ` ${id} ${text} ${statusText}`;

/** `up --pull VALUE` / `create --pull VALUE`: undefined for the default (`policy`: each service's own). */
export function pullFlag(value: string | undefined): string | undefined {
  if (value === undefined || value === 'policy') return undefined;
  if (!PULL_FLAG_VALUES.includes(value)) throw new ComposeError(`invalid --pull option ${JSON.stringify(value)}`);
  return value;
}

function policyOf(s: Service, override: string | undefined): string {
  if (override !== undefined) return override;
  return typeof s.extra.pull_policy === 'string' ? s.extra.pull_policy : '';
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** str2duration.ParseDuration (Go's time.ParseDuration with days and weeks), in milliseconds. */
export function parseDuration(text: string): number {
  const invalid = () => new ComposeError(`time: invalid duration ${JSON.stringify(text)}`);
  if (text === '0') return 0;
  if (text === '') throw invalid();
  let rest = text;
  let total = 0;
  while (rest !== '') {
    const m = /^(\d*\.?\d*)([^\d.]*)/.exec(rest)!;
    const [whole, number, unit] = m as unknown as [string, string, string];
    if (number === '' || number === '.') throw invalid();
    if (unit === '') throw new ComposeError(`time: missing unit in duration ${JSON.stringify(text)}`);
    const scale = DURATION_UNITS[unit];
    if (scale === undefined) throw new ComposeError(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(text)}`);
    total += Number(number) * scale;
    rest = rest.slice(whole.length);
  }
  return total;
}

/**
 * ServiceConfig.GetPullPolicy: the policy and, for the refresh ones (`daily`,
 * `weekly`, `every_12h`), how old the local image may be.
 */
function pullPolicy(policy: string): { kind: 'always' | 'never' | 'build' | 'missing' } | { kind: 'refresh'; maxAgeMs: number } {
  switch (policy) {
    case 'always':
    case 'never':
    case 'build':
    case 'missing':
      return { kind: policy };
    case 'if_not_present':
      return { kind: 'missing' };
    case 'daily':
      return { kind: 'refresh', maxAgeMs: 86_400_000 };
    case 'weekly':
      return { kind: 'refresh', maxAgeMs: 604_800_000 };
    default:
      if (policy.startsWith('every_')) return { kind: 'refresh', maxAgeMs: parseDuration(policy.slice('every_'.length)) };
      return { kind: 'missing' };
  }
}

/** mustPull: whether `up` pulls the service's image before creating its container. */
function mustPull(engine: Engine, s: Service, override: string | undefined): boolean {
  if (s.image === undefined) return false;
  const policy = pullPolicy(policyOf(s, override));
  const local = engine.findImage(s.image);
  switch (policy.kind) {
    case 'always':
      return true;
    case 'never':
    case 'build':
      return false;
    case 'refresh':
      // A pulled image was never tagged: its LastTagTime is the zero time, so it is always stale.
      return !local || engine.kernel.now > (engine.imageService.store.lastTagTime(local.id) ?? 0) + policy.maxAgeMs;
    default:
      return !local;
  }
}

/**
 * imageAlreadyPresent (`docker compose pull` with the missing policy): the image
 * is on the host under the name the service gives, and that name is not `latest`
 * (a digest counts as present).
 */
function imageAlreadyPresent(engine: Engine, image: string): boolean {
  if (!engine.findImage(image)) return false;
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok) return false;
  return parsed.value.digest !== undefined || (parsed.value.tag ?? 'latest') !== 'latest';
}

/**
 * pullServiceImage: the service's image pulled through the engine, its events
 * appended to `events`; the error Compose returns when the pull fails.
 */
function pullServiceImage(engine: Engine, s: Service, quiet: boolean, events: string[]): string | undefined {
  events.push(plainEvent(s.name, 'Pulling'));
  const parsed = parseNormalizedNamed(s.image ?? '');
  if (!parsed.ok) return parsed.error;
  try {
    const pulled = engine.imageService.pull(withDefaultTag(parsed.value));
    if (!quiet) for (const m of pulled.messages) if (m.id !== '' && m.progressDetail) events.push(plainEvent(m.id, m.status));
  } catch (e) {
    if (!(e instanceof DockerError)) throw e;
    // The event shows the innermost error (getUnwrappedErrorMessage); the command fails with the client's whole one.
    events.push(plainEvent(s.name, 'Error', e.message));
    return `Error response from daemon: ${e.message}`;
  }
  events.push(plainEvent(s.name, 'Pulled'));
  return undefined;
}

/**
 * getLocalImagesDigests: the daemon's inspect of each service's image, before any
 * pull; a name the daemon cannot parse ends the command (a missing image does not).
 */
function inspectLocalImages(engine: Engine, project: Project, services: string[]): void {
  for (const name of [...services].sort()) {
    const image = project.services.get(name)!.image;
    if (image === undefined) continue;
    const found = engine.imageService.store.lookup(image);
    if ('error' in found && !found.error.startsWith('No such image: ')) throw new ComposeError(`unable to get image '${image}': Error response from daemon: ${found.error}`);
  }
}

/** pullRequiredImages (`up`, `create`): each selected service that must pull, in turn; the first failure ends it. */
export function pullRequiredImages(engine: Engine, project: Project, services: string[], opts: { policy?: string; quiet: boolean }, events: string[]): void {
  inspectLocalImages(engine, project, services);
  const needPull = [...services].sort().map((n) => project.services.get(n)!).filter((s) => mustPull(engine, s, opts.policy));
  for (const s of needPull) {
    const error = pullServiceImage(engine, s, opts.quiet, events);
    if (error !== undefined) throw new ComposeError(error);
  }
}

/**
 * `docker compose pull`: every selected service's image, unless its policy says
 * not to or another service is already pulling it. The first failure ends the
 * command, unless failures are ignored (the events still show them).
 */
export function pullServices(engine: Engine, project: Project, services: string[], opts: { quiet: boolean; ignoreFailures: boolean; policy?: string }, events: string[]): string | undefined {
  try {
    inspectLocalImages(engine, project, services);
  } catch (e) {
    if (e instanceof ComposeError) return e.message;
    throw e;
  }
  const beingPulled = new Map<string, string>();
  for (const name of [...services].sort()) {
    const s = project.services.get(name)!;
    if (s.image === undefined) {
      events.push(plainEvent(name, 'Skipped - No image to be pulled'));
      continue;
    }
    const policy = policyOf(s, opts.policy);
    if (policy === 'never' || policy === 'build') {
      events.push(plainEvent(name, 'Skipped'));
      continue;
    }
    if ((policy === 'missing' || policy === 'if_not_present') && imageAlreadyPresent(engine, s.image)) {
      events.push(plainEvent(name, 'Skipped - Image is already present locally'));
      continue;
    }
    const puller = beingPulled.get(s.image);
    if (puller !== undefined) {
      events.push(plainEvent(name, `Skipped - Image is already being pulled by ${puller}`));
      continue;
    }
    beingPulled.set(s.image, name);
    const error = pullServiceImage(engine, s, opts.quiet, events);
    if (error !== undefined && !opts.ignoreFailures) return error;
  }
  return undefined;
}
