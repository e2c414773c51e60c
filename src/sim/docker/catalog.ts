/**
 * The images the playground's registry knows, as data: one entry per
 * well-known repository, one variant per family of tags (Debian, alpine, slim,
 * an older major), each with the image's config (Entrypoint, Cmd, Env,
 * ExposedPorts, WorkingDir, Volumes, StopSignal), its size and date, its
 * userland base (userland.ts: which shell, which prompt), the programs it adds
 * and the servers it starts. A tag a variant does not list takes the first
 * variant whose pattern matches it, else the repository's first variant.
 *
 * Sources, per entry: docker-library/repo-info `repos/<name>/local/<tag>.md`
 * (image ID, Created, "Virtual Size" in MiB, Entrypoint, Cmd, Env) where that
 * file was read; the images' Dockerfiles (github.com/docker-library/<name>,
 * nginx/docker-nginx, traefik/traefik-library-image, caddyserver/caddy-docker,
 * docker-training/webapp) for EXPOSE, WORKDIR, VOLUME and STOPSIGNAL. Values
 * marked "made up" have no source here and only need to look plausible.
 *
 * This module holds what every world needs at once: the types, the `latest` variant of
 * each repository a world starts with, and the lookup. The rest of the entries
 * (catalog-entries.ts) is a lazy part of the browser's build (shell/lazy/parts.ts
 * `catalog`), which a line that may pull another image loads first (shell/lazy/needs.ts).
 */
import type { L4Proto } from '../netfilter/index.ts';
import { bins, PATH_DIRS, PATH_ENV, type ShellSet, type UserlandName } from './userland.ts';

export interface Listener {
  proto: L4Proto;
  port: number;
  process: string;
}

/** One family of tags of a repository: what a pull of any of them gives. */
export interface Variant {
  /** Tags naming exactly this image; the first is its own (its ID and digest come from it). */
  tags: readonly string[];
  /** Other tags that fall back to this variant's config (an image of their own, same config). */
  matches?: RegExp;
  base: UserlandName;
  entrypoint?: readonly string[];
  cmd: readonly string[];
  env: readonly string[];
  exposed?: readonly string[];
  workingDir?: string;
  volumes?: readonly string[];
  stopSignal?: string;
  labels?: Readonly<Record<string, string>>;
  /** The real image ID when repo-info gives it (else derived from the reference). */
  id?: string;
  /** Config's Created, ISO 8601. */
  created: string;
  /** Bytes on disk (`docker images` SIZE). */
  size: number;
  /** How many layers a pull fetches. */
  layers: number;
  /** Programs the image adds to its base (absolute paths). */
  executables?: readonly string[];
  /** The shells when they differ from the base's (postgres:alpine adds bash). */
  shells?: ShellSet;
  listens?: readonly Listener[];
  /** What the default command prints when it starts (its `docker logs`). */
  startupLog?: string;
  /** The program its entrypoint wrapper puts before a command that starts with a flag (images.ts Image.wrapperRuns). */
  wrapperRuns?: { program: string; unlessProgram?: boolean };
  /** Named sets of files the rootfs adds (src/sim/shell/rootfs.ts FILE_SETS). */
  fileSets?: readonly string[];
  /** The made-up layer diff ID of a one-layer image already known before (kept for its inspect output). */
  layer?: string;
}

export interface CatalogEntry {
  /** Repository path under docker.io: `library/nginx`, `training/webapp`. */
  path: string;
  variants: readonly Variant[];
}

/** repo-info's "Virtual Size: ~ N Mb" is MiB (total size of all layers on disk). */
export const mib = (n: number): number => Math.round(n * 1024 * 1024);

export const PYTHON_PATH_ENV = `PATH=/usr/local/bin:${PATH_DIRS.join(':')}`;
export const ENTRYPOINT_SH = '/usr/local/bin/docker-entrypoint.sh';
export const GOSU = '/usr/local/bin/gosu';

export const NGINX_VERSION = '1.31.6';
/** The curl release curlimages/curl:latest is built from (made up; its User-Agent says it). */
export const CURLIMAGES_CURL_VERSION = '8.17.0';
/** The socat in the alpine/socat image: Alpine's package (pkg-catalog.ts's socat 1.8.0.3-r1). */
export const IMAGE_SOCAT_VERSION = '1.8.0.3';
export const PYTHON_VERSION = '3.14.7';
export const PYTHON_314_ENV = [PYTHON_PATH_ENV, `PYTHON_VERSION=${PYTHON_VERSION}`, 'PYTHON_SHA256=3b48dac8fb59f62eaa67ac83c1eb12bda1b7a08406dd286e252c11a66be27f81'];
/** repo-info python:3.12-slim (3.12.13-slim-trixie). */
export const PYTHON_312_ENV = [PYTHON_PATH_ENV, 'LANG=C.UTF-8', 'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305', 'PYTHON_VERSION=3.12.13', 'PYTHON_SHA256=c08bc65a81971c1dd5783182826503369466c7e67374d1646519adf05207b684'];
export const pythonBins = (v: string) => bins('/usr/local/bin', ['python3', 'python', `python${v}`, 'pip', 'pip3', `pip${v}`, 'pydoc', 'pydoc3', 'idle', 'idle3', 'python3-config', 'python-config']);
/** buildpack-deps:trixie under python and node (non-slim): curl and GNU wget, git and procps, gcc and make. */
export const BUILDPACK_TOOLS = ['curl', 'wget', 'git', 'ssh', 'ps', 'pgrep', 'top', 'free', 'gcc', 'make', 'gpg'].flatMap((n) => [`/usr/bin/${n}`, `/bin/${n}`]);

/** What nginx's docker-entrypoint.sh prints before it execs nginx (nginx/docker-nginx entrypoint/, IPv6 on lo as Docker 28 leaves it). */
const NGINX_ENTRYPOINT_LOG = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
  '',
].join('\n');
export const NGINX_LABELS = { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' };
export const NGINX_COMMON = {
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  exposed: ['80/tcp'],
  stopSignal: 'SIGQUIT',
  listens: [{ proto: 'tcp', port: 80, process: 'nginx' }],
  startupLog: NGINX_ENTRYPOINT_LOG,
  fileSets: ['nginx'],
} as const;

/** docker-library/httpd 2.4 (repo-info httpd:2.4.68 and 2.4.68-alpine; Dockerfile: WORKDIR $HTTPD_PREFIX, EXPOSE 80, STOPSIGNAL SIGWINCH). */
const HTTPD_ENV = ['PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.68', 'HTTPD_SHA256=68c74d4df38c26bed4dfbdb8f3baf1eb532f3872357becc1bba5d136f6b63c06', 'HTTPD_PATCHES='];
export const HTTPD_COMMON = {
  cmd: ['httpd-foreground'],
  env: HTTPD_ENV,
  exposed: ['80/tcp'],
  workingDir: '/usr/local/apache2',
  stopSignal: 'SIGWINCH',
  executables: ['/usr/local/bin/httpd-foreground', ...bins('/usr/local/apache2/bin', ['httpd', 'apachectl', 'ab', 'htpasswd', 'htdigest', 'rotatelogs'])],
  listens: [{ proto: 'tcp', port: 80, process: 'httpd' }],
  fileSets: ['httpd'],
} as const;

/** docker-library/redis: ENTRYPOINT docker-entrypoint.sh, CMD redis-server, WORKDIR /data, VOLUME /data, EXPOSE 6379. */
export const REDIS_COMMON = {
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['redis-server'],
  // docker-entrypoint.sh: `if [ "${1#-}" != "$1" ] ...; then set -- redis-server "$@"` (its `*.conf` case is not modelled).
  wrapperRuns: { program: 'redis-server' },
  exposed: ['6379/tcp'],
  workingDir: '/data',
  volumes: ['/data'],
  executables: [ENTRYPOINT_SH, GOSU, ...bins('/usr/local/bin', ['redis-server', 'redis-cli', 'redis-benchmark', 'redis-check-aof', 'redis-check-rdb', 'redis-sentinel'])],
  listens: [{ proto: 'tcp', port: 6379, process: 'redis-server' }],
} as const;

export const UBUNTU_CMD = { cmd: ['/bin/bash'], env: [PATH_ENV] } as const;

/**
 * The `latest` variant of each repository a world starts with (images.ts: the rig's busybox, httpd
 * and redis, the playground's alpine, nginx, python and ubuntu). They resolve without the rest of
 * the catalog, so a first `docker run` of them (or a pull of one the user removed) needs no more.
 */
/** repo-info alpine:3.24.2 (latest in September 2026). */
export const ALPINE_LATEST: Variant = { tags: ['latest', '3', '3.24', '3.24.2'], base: 'alpine', cmd: ['/bin/sh'], env: [PATH_ENV], id: 'sha256:320994c3b997e2ec6433f717f153e108023c5bec8fefa8d76b83451d16d05ea8', created: '2026-09-17T20:37:20.889Z', size: 8_420_000, layers: 1, layer: '7a3c5e1f9b2d4c6e8a0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c' };
/** docker-library/busybox: CMD ["sh"]; sizes as Docker Hub lists them (made up for 1.37). */
export const BUSYBOX_LATEST: Variant = { tags: ['latest', '1', '1.37', '1.37.0', 'glibc', '1.37-glibc', '1.37.0-glibc', 'stable'], base: 'busybox', cmd: ['sh'], env: [PATH_ENV], created: '2026-09-26T17:39:28.000Z', size: 4_430_000, layers: 1 };
/** repo-info nginx:1.31.6-trixie (latest = mainline). */
export const NGINX_LATEST: Variant = { tags: ['latest', 'mainline', '1', '1.31', '1.31.6', 'trixie', 'mainline-trixie', '1-trixie', '1.31-trixie', '1.31.6-trixie'], base: 'debian-trixie', ...NGINX_COMMON,
    env: [PATH_ENV, `NGINX_VERSION=${NGINX_VERSION}`, 'NJS_VERSION=1.0.1', 'NJS_RELEASE=1~trixie', 'ACME_VERSION=0.4.1', 'PKG_RELEASE=1~trixie', 'DYNPKG_RELEASE=1~trixie'], labels: NGINX_LABELS,
    id: 'sha256:878c33739a8a0d6e7532dffc37f27de189c891983a7d2e03f571ec1538f3b778', created: '2026-09-15T22:48:33.923Z', size: 170_060_000, layers: 7,
    executables: ['/docker-entrypoint.sh', ...bins('/usr/bin', ['curl', 'envsubst']), ...bins('/bin', ['curl', 'envsubst']), ...bins('/usr/sbin', ['nginx', 'nginx-debug']), ...bins('/sbin', ['nginx', 'nginx-debug'])],
    layer: '3e5a7c9b1d3f5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7d9f1e3a5c7b9d1f3e5a' };
export const HTTPD_LATEST: Variant = { tags: ['latest', '2', '2.4', '2.4.68', 'trixie', '2-trixie', '2.4-trixie', '2.4.68-trixie'], base: 'debian-trixie', ...HTTPD_COMMON, id: 'sha256:17aba4293f3b5cfec2b487e409d8225cb423a018a3a5936130b14864934f3b9e', created: '2026-08-25T00:22:24.291Z', size: mib(116.84), layers: 5 };
/** repo-info redis:8.8.0 and redis:7.4.9; the alpine variant's date and size are made up. */
export const REDIS_LATEST: Variant = { tags: ['latest', '8', '8.8', '8.8.0', 'trixie', '8-trixie', '8.8-trixie', '8.8.0-trixie'], base: 'debian-trixie', ...REDIS_COMMON, env: [PATH_ENV, 'REDIS_VERSION=8.8.0'], id: 'sha256:da3958f512eed039170b888ab48a80fa3424482ee50d52a634cf71c7b7b1ca45', created: '2026-07-14T01:44:18.945Z', size: mib(142.6), layers: 8 };
/** repo-info python:3.14.7-trixie (latest); the 3.14 Dockerfiles no longer set LANG or GPG_KEY. */
export const PYTHON_LATEST: Variant = { tags: ['latest', '3', '3.14', '3.14.7', 'trixie', '3-trixie', '3.14-trixie', '3.14.7-trixie'], base: 'debian-trixie', cmd: ['python3'], env: PYTHON_314_ENV,
    id: 'sha256:691aea61c5aab0beca3e65c93e8cd94ce2c1beaf1ad83ffb545fbfc40cd34566', created: '2026-08-25T03:39:18.900Z', size: 1_120_000_000, layers: 8,
    executables: [...BUILDPACK_TOOLS, ...pythonBins('3.14')], fileSets: ['python-3.14'], layer: '9c1e3a5b7d9f1c3e5a7b9d1f3c5e7a9b1d3f5c7e9a1b3d5f7c9e1a3b5d7f9c1e' };
/** latest = 26.04 (repo-info ubuntu:latest); the older releases' dates and sizes are made up. */
export const UBUNTU_LATEST: Variant = { tags: ['latest', '26.04', 'resolute'], base: 'ubuntu-resolute', ...UBUNTU_CMD, id: 'sha256:af52039db3f8df8b54cd80945bdabea797445f414955027fa0bed9cd3908244b', created: '2026-08-17T09:00:47.315Z', size: 100_170_000, layers: 1, layer: 'b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7' };

const STARTERS: ReadonlyMap<string, Variant> = new Map([
  ['library/alpine', ALPINE_LATEST],
  ['library/busybox', BUSYBOX_LATEST],
  ['library/nginx', NGINX_LATEST],
  ['library/httpd', HTTPD_LATEST],
  ['library/redis', REDIS_LATEST],
  ['library/python', PYTHON_LATEST],
  ['library/ubuntu', UBUNTU_LATEST],
]);

/** The whole catalog, once its lazy part has loaded (shell/lazy/parts.ts hands it over). */
let loadedCatalog: readonly CatalogEntry[] | undefined;

/** Gives the lookups below the whole catalog (catalog-entries.ts). */
export function provideCatalog(catalog: readonly CatalogEntry[]): void {
  loadedCatalog = catalog;
}

/**
 * The `latest`-family variant of a repository a world starts with, when `tag` is one of
 * its own tags: what the whole catalog gives for it too (its entry's first variant).
 */
export function starterVariant(path: string, tag: string): Variant | undefined {
  const variant = STARTERS.get(path);
  return variant?.tags.includes(tag) ? variant : undefined;
}

/**
 * The catalog entry of a docker.io repository path, if any. Reaching it before the
 * catalog's part loaded is a bug of the caller (a line run without its parts), never the
 * user's: it throws.
 */
export function catalogEntry(path: string): CatalogEntry | undefined {
  if (!loadedCatalog) throw new Error('vethlab: the image catalog was reached before it was loaded (await loadParts first)');
  return loadedCatalog.find((e) => e.path === path);
}

/** What a tag of a known repository gives: the variant, and whether the tag is one of the variant's own. */
export function variantFor(entry: CatalogEntry, tag: string | undefined): { variant: Variant; own: boolean } {
  const exact = tag === undefined ? entry.variants[0] : entry.variants.find((v) => v.tags.includes(tag));
  if (exact) return { variant: exact, own: true };
  const matched = entry.variants.find((v) => v.matches?.test(tag!));
  return { variant: matched ?? entry.variants[0]!, own: false };
}

/**
 * Any other image: a small busybox userland (the official busybox image's
 * files), `sh` as its command. Its date and size come from the reference.
 */
export const FALLBACK_VARIANT: Variant = { tags: [], base: 'busybox', cmd: ['sh'], env: [PATH_ENV], created: '2026-06-01T00:00:00.000Z', size: 4_430_000, layers: 2 };
