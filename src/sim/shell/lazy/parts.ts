/**
 * Programs a first command rarely needs, loaded on first use: in the browser each is a
 * chunk of its own (vite.config.ts), fetched after the simulator, so the terminal takes
 * its first `docker run`, `ip a` or `ping` sooner. The simulator stays synchronous: a
 * command reaches a part through `lazyPart`, and whoever runs a line awaits the parts
 * it may need first (`partsForLine`, ./needs.ts). Node's entry points (the CLI, the
 * tests, the scripts) load them all before the first line.
 */

import { provideCatalog } from '../../docker/catalog.ts';
import { provideServices } from '../../netfilter/services.ts';

const LOADERS = {
  /** awk (busybox's and mawk's). */
  awk: () => import('../awk/awk.ts'),
  /** sed (busybox's and GNU's). */
  sed: () => import('../sed.ts'),
  /** `docker compose`, with the yaml library. */
  compose: () => import('../compose/index.ts'),
  /** Python: the REPL (`docker run -it python`, `docker exec -it C python3`), `python -m http.server`, pip. */
  python: () => import('./python.ts'),
  /** apt, apt-get and apk, with their package catalogs. */
  packages: () => import('./packages.ts'),
  /** Go templates: `--format` and `-f` of the docker CLI. */
  gotpl: () => import('../gotpl.ts'),
  /** socat (alpine/socat's, and the packages'). */
  socat: () => import('../socat-cmd.ts'),
  /** tcpdump, from a package. */
  tcpdump: () => import('../tcpdump.ts'),
  /** Name lookups: dig and host (bind's tools, from a package), busybox nslookup, getent. */
  dns: () => import('./dns.ts'),
  /** nc: OpenBSD netcat, busybox's and Alpine's. */
  nc: () => import('../nc-cmd.ts'),
  /** busybox traceroute and traceroute6. */
  traceroute: () => import('../traceroute.ts'),
  /** The Go echo servers of proxy tutorials: traefik/whoami, hashicorp/http-echo. */
  webecho: () => import('../web-echo.ts'),
  /** traefik v3: its static configuration, providers, rules, proxy and API. */
  traefik: () => import('../traefik/traefik.ts'),
  /** curl (the Docker host's, the images', the packages'). */
  curl: () => import('../curl-cmd.ts'),
  /** The toolbox's text, file, name, identity, time and process programs (cat, grep, ls, date, kill...), and sudo. */
  tools: () => import('./tools.ts'),
  /** ip, ss, ethtool, and busybox's ip, ifconfig, route, netstat and arp. */
  nettools: () => import('./net-tools.ts'),
  /** wget (busybox's and GNU's). */
  wget: () => import('../http-cmds.ts'),
  /** `docker inspect`, `images`, `image`, `volume`, `version` and `info`, with the engine's JSON of each object. */
  inspect: () => import('./inspect.ts'),
  /** `docker build`: the Dockerfile, its context and the legacy builder's steps. */
  build: () => import('../docker/build-cmd.ts'),
  /** caddy (the official image's web server) and the files its image ships. */
  caddy: () => import('../caddy/index.ts'),
  /** redis-cli, and redis-server run as a command. */
  redis: () => import('./redis.ts'),
  /** nginx: its configuration, its start, its answers and the `nginx` program. */
  nginx: () => import('./nginx.ts'),
  /** The image catalog beyond the `latest` images a world starts with: what a pull of any other image reads. */
  catalog: () => import('../../docker/catalog-entries.ts').then((module) => {
    provideCatalog(module.CATALOG);
    return module;
  }),
  /** /etc/services: port names for `iptables -L` (without -n), `--dport http` and nc; /etc/protocols stays in the simulator. */
  services: () => import('../../netfilter/service-tables.ts').then((module) => {
    provideServices({ tcp: module.TCP_SERVICES, udp: module.UDP_SERVICES });
    return module;
  }),
  /** The database clients (psql, pg_isready, mysql, mariadb, mysqladmin, mongosh) and the database images' entrypoints (postgres, mysql, mariadb, mongo). */
  databases: () => import('../db/clients.ts'),
};

export type LazyPart = keyof typeof LOADERS;
type Modules = { [P in LazyPart]: Awaited<ReturnType<(typeof LOADERS)[P]>> };

export const LAZY_PARTS = Object.keys(LOADERS) as readonly LazyPart[];

const loaded: Partial<Modules> = {};
const loading = new Map<LazyPart, Promise<void>>();

/**
 * A loaded part's module. Reaching a part not loaded is a bug of the caller (a line run
 * without awaiting `loadParts(partsForLine(line))`), never the user's: it throws.
 */
export function lazyPart<P extends LazyPart>(part: P): Modules[P] {
  const module = loaded[part];
  if (!module) throw new Error(`vethlab: the ${part} part was reached before it was loaded (await loadParts first)`);
  return module;
}

/** Whether every one of these parts is loaded (a line needing only them can run at once). */
export function partsLoaded(parts: Iterable<LazyPart>): boolean {
  for (const part of parts) if (!loaded[part]) return false;
  return true;
}

/** Loads these parts (each at most once, however many callers ask). */
export function loadParts(parts: Iterable<LazyPart>): Promise<void> {
  return Promise.all([...parts].map(loadPart)).then(() => undefined);
}

/** Loads every part: Node's entry points before their first line, the browser once the terminal is ready. */
export function loadAllParts(): Promise<void> {
  return loadParts(LAZY_PARTS);
}

function loadPart(part: LazyPart): Promise<void> {
  let pending = loading.get(part);
  if (!pending) {
    pending = LOADERS[part]().then(
      (module) => {
        (loaded as Record<LazyPart, unknown>)[part] = module;
      },
      (error: unknown) => {
        // A failed fetch (offline, a deploy replaced the chunk) may be tried again.
        loading.delete(part);
        throw error;
      },
    );
    loading.set(part, pending);
  }
  return pending;
}
