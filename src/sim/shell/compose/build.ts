/**
 * Compose's builds (`docker compose build`, and `up`/`create` of a service whose image
 * is missing or with `--build`). Compose v2.40 is configured to build with Bake; without
 * buildx it warns and builds each service through the daemon's own BuildKit
 * (docker/buildkit.ts, in the build part), naming the image `<project>-<service>` unless
 * the service has an `image:` (goldens compose-build, compose-build-progress).
 */
import type { Engine } from '../../docker/engine.ts';
import { parseNormalizedNamed } from '../../docker/reference.ts';
import { resolvePath, type FileSystem } from '../fs.ts';
import { lazyPart } from '../lazy/parts.ts';
import { ComposeError, type Project, type Service } from './model.ts';
import { COMPOSE_VERSION, LABEL, serviceImage, type Outcome } from './plan.ts';
import type { ComposeClient } from './index.ts';

const BAKE_WARNING = "Docker Compose is configured to build using Bake, but buildx isn't installed";

/** A service's `build:` as the builder takes it: the context, the Dockerfile, the build args. */
interface BuildSpec {
  context: string;
  dockerfile: string;
  args: Map<string, string>;
}

/** The `build:` keys modelled; any other is refused by name. */
const MODELLED_KEYS = new Set(['context', 'dockerfile', 'args']);

/** A service's `build:` (the short form is the context), paths from the project's directory. */
function buildSpec(project: Project, s: Service): BuildSpec {
  const raw = s.extra.build;
  const o: Record<string, unknown> = typeof raw === 'string' ? { context: raw } : typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  for (const key of Object.keys(o)) {
    if (!MODELLED_KEYS.has(key)) throw new ComposeError(`vethlab: build.${key} of service ${JSON.stringify(s.name)} is real, but only context, dockerfile and args are modelled here`);
  }
  const context = resolvePath(project.workingDir, typeof o.context === 'string' ? o.context : '.');
  const dockerfile = resolvePath(context, typeof o.dockerfile === 'string' ? o.dockerfile : 'Dockerfile');
  const args = new Map<string, string>();
  if (Array.isArray(o.args)) {
    for (const a of o.args) {
      const text = String(a);
      const eq = text.indexOf('=');
      if (eq > 0) args.set(text.slice(0, eq), text.slice(eq + 1));
    }
  } else if (typeof o.args === 'object' && o.args !== null) {
    for (const [k, v] of Object.entries(o.args)) if (v !== null && v !== undefined) args.set(k, String(v));
  }
  return { context, dockerfile, args };
}

export interface BuildOptions {
  noCache?: boolean;
  /** `--build-arg K=V` of the build command: over the file's args. */
  buildArgs?: Map<string, string>;
}

/** Builds services one after the other; Compose warns once that it cannot use Bake. */
export class ComposeBuilder {
  private readonly engine: Engine;
  private readonly client: ComposeClient;
  private readonly fs: FileSystem | undefined;
  private warned = false;

  constructor(engine: Engine, client: ComposeClient, fs: FileSystem | undefined) {
    this.engine = engine;
    this.client = client;
    this.fs = fs;
  }

  /** Builds one service's image: its progress and ` web  Built` as events; a failure throws. */
  build(project: Project, s: Service, opts: BuildOptions, out: Outcome): void {
    const spec = buildSpec(project, s);
    const build = lazyPart('build');
    const host = build.buildHost(this.engine, this.client);
    if (!host || !this.fs) throw new ComposeError('vethlab: docker compose build needs container processes and the machine\'s files, which this shell does not have');
    const name = parseNormalizedNamed(serviceImage(project, s));
    if (!name.ok) throw new ComposeError(`vethlab: the image name ${JSON.stringify(serviceImage(project, s))} of service ${JSON.stringify(s.name)} does not parse: ${name.error}`);
    if (!this.warned) out.warnings.push(BAKE_WARNING);
    this.warned = true;
    const args = new Map([...spec.args, ...(opts.buildArgs ?? [])]);
    // Compose labels what it builds with the project, the service and its version (seen on the rig).
    const labels = { [LABEL.project]: project.name, [LABEL.service]: s.name, [LABEL.version]: COMPOSE_VERSION };
    const result = build.buildWithBuildKit({ host, fs: this.fs, context: spec.context, dockerfile: spec.dockerfile, buildArgs: args, tag: name.value, service: s.name, noCache: opts.noCache === true, labels });
    if (!result.ok) {
      if (result.progress !== '') out.events.push(...result.progress.replace(/\n$/, '').split('\n'));
      throw new ComposeError(result.error);
    }
    out.events.push(...result.progress.replace(/\n$/, '').split('\n'), ` ${s.name}  Built`);
  }
}

/**
 * The services `up` builds before it creates anything: with `--build` every one with
 * `build:`, else those whose image is missing; with `--no-build` none (a missing image
 * is then the daemon's error when the container is created, plan.ts).
 */
export function servicesToBuild(engine: Engine, project: Project, services: readonly string[], build?: 'always' | 'never'): Service[] {
  const buildable = services.map((n) => project.services.get(n)!).filter((s) => s.extra.build !== undefined);
  if (build === 'never') return [];
  return build === 'always' ? buildable : buildable.filter((s) => !engine.findImage(serviceImage(project, s)));
}
