/**
 * Alpine's apk: `apk add [--no-cache] [-U] PKG...`, `apk update`, `apk info`,
 * `apk del PKG...`, as apk-tools prints them without a terminal: apk-tools 3
 * on Alpine 3.23 and later (no "fetch" lines, `OK: 12.4 MiB in 25 packages`),
 * apk-tools 2.14 before (a "fetch URL" line per repository, `OK: 12 MiB in
 * 25 packages`). Wording from apk-tools' src/commit.c (print_change, the final
 * "OK:" line, apk_solver_print_errors), src/database.c (the fetch warnings),
 * src/print.c (apk_error_str, apk_fmt_human_size) and src/app_update.c.
 * Packages come from the pinned catalog (pkg-catalog.ts) over the simulated
 * network: the mirror must resolve and answer, or the indexes are missing and
 * every name is "no such package".
 */
import { ALPINE_BASE, findPackage, installOrder, releaseOf, unknownPackageNote, type PackageInfo, type Release } from './pkg-catalog.ts';
import { placeFiles, removeFiles, type MirrorReach, type PackagePlace } from './pkg-state.ts';
import type { FileSystem } from './fs.ts';
import type { Command, CommandOutput } from './types.ts';
import { fail } from './types.ts';

const MIRROR = 'dl-cdn.alpinelinux.org';
const REPOS = ['main', 'community'] as const;

/** The minirootfs's own packages, in the order its database lists them (`apk info`). */
const BASE_NAMES = ['alpine-baselayout-data', 'musl', 'busybox', 'busybox-binsh', 'alpine-baselayout', 'alpine-keys', 'alpine-release', 'ca-certificates-bundle', 'libcrypto3', 'libssl3', 'ssl_client', 'zlib', 'libapk', 'apk-tools', 'scanelf', 'musl-utils'];

/** busybox's package version per branch (its trigger runs when a package adds programs). */
const BUSYBOX_VERSION: Record<string, string> = { 'v3.20': '1.36.1-r31' };
const BUSYBOX_DEFAULT = '1.37.0-r18';

/** Index descriptions `apk update` prints (made up: git describe of the branch's aports on the mirror). */
const INDEX_DESCRIPTION: Record<(typeof REPOS)[number], string> = { main: '-118-g4f0e3a1c2b7', community: '-117-g9d2c7b5a13e' };
/** Distinct packages in main + community on x86_64 (made up, of the order Alpine's branches have). */
const DISTINCT_PACKAGES = 26318;

/** apk-tools 3 came with Alpine 3.23. */
const isApk3 = (release: Release): boolean => {
  const [major, minor] = release.codename.slice(1).split('.').map(Number);
  return major! > 3 || (major === 3 && minor! >= 23);
};

const repoUrl = (release: Release, repo: string) => `https://${MIRROR}/alpine/${release.codename}/${repo}`;
const indexUrl = (release: Release, repo: string) => `${repoUrl(release, repo)}/x86_64/APKINDEX.tar.gz`;

/** musl's getaddrinfo/connect failures as apk words them (apk_error_str: apk-tools 3's table, 2.14's errno cases). */
function reachError(reach: Exclude<MirrorReach, { ok: true }>, apk3: boolean): string {
  switch (reach.failure) {
    case 'dns':
      return apk3 ? 'DNS: transient error (try again later)' : 'temporary error (try again later)';
    case 'nxdomain':
      return apk3 ? 'DNS: name does not exist' : 'DNS lookup error';
    case 'refused':
      return apk3 ? 'Connection refused' : 'could not connect to server (check repositories file)';
    case 'no-route':
    case 'unreachable':
      return apk3 ? 'Network unreachable' : 'network error (check Internet connection and firewall)';
    case 'timeout':
      return apk3 ? 'Operation timed out' : 'operation timed out';
  }
}

/** apk_fmt_human_size(bytes, 1): KiB below 10000 KiB, then one decimal (apk-tools 3); 2.14 prints whole MiB. */
function humanSize(bytes: number, apk3: boolean): string {
  if (!apk3) return `${Math.floor(bytes / (1024 * 1024))} MiB`;
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let s = bytes;
  let whole = bytes;
  let i = 0;
  while (i < units.length - 1 && s >= 10000) {
    s /= 1024;
    whole = Math.floor(whole / 1024);
    i++;
  }
  return i < 2 ? `${whole} ${units[i]}` : `${s.toFixed(1)} ${units[i]}`;
}

interface Indexes {
  /** Lines printed while fetching (2.14's "fetch" notes, the warnings). */
  stdout: string;
  stderr: string;
  available: boolean;
  traces: CommandOutput['traces'];
}

/** Fetches both repositories' indexes (one connection to the mirror each, as apk opens them). */
function fetchIndexes(place: PackagePlace, release: Release): Indexes {
  const apk3 = isApk3(release);
  let stdout = '';
  let stderr = '';
  let available = true;
  const traces = [];
  for (const repo of REPOS) {
    if (!apk3) stdout += `fetch ${indexUrl(release, repo)}\n`;
    const reach = place.reach(MIRROR);
    traces.push(...reach.traces);
    if (!reach.ok) {
      available = false;
      stderr += `WARNING: ${apk3 ? `fetching ${indexUrl(release, repo)}` : `fetching ${repoUrl(release, repo)}`}: ${reachError(reach, apk3)}\n`;
    }
  }
  return { stdout, stderr, available, traces };
}

const installedBytes = (place: PackagePlace) => ALPINE_BASE.bytes + [...place.state.installed.values()].reduce((n, p) => n + p.installed, 0);
const installedCount = (place: PackagePlace) => ALPINE_BASE.packages + place.state.installed.size;
const okLine = (place: PackagePlace, apk3: boolean) => `OK: ${humanSize(installedBytes(place), apk3)} in ${installedCount(place)} packages\n`;

function add(place: PackagePlace, release: Release, names: string[], fs: FileSystem): CommandOutput {
  const apk3 = isApk3(release);
  if (names.length === 0) return fail('ERROR: add: missing argument\n', 1);
  const indexes = fetchIndexes(place, release);
  const chosen: PackageInfo[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const p = indexes.available ? findPackage(release, name) : undefined;
    if (p) chosen.push(p);
    else missing.push(name);
  }
  if (missing.length > 0) {
    const lines = missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join('');
    const note = indexes.available ? unknownPackageNote(missing) : '';
    return { stdout: indexes.stdout, stderr: `${indexes.stderr}ERROR: unable to select packages:\n${lines}${note}`, exitCode: 1, traces: indexes.traces };
  }
  const order = installOrder(release, chosen, (n) => place.state.installed.has(n));
  const width = String(order.length).length;
  let stdout = indexes.stdout;
  order.forEach((p, i) => {
    const counter = apk3 ? `(${String(i + 1).padStart(width)}/${order.length})` : `(${i + 1}/${order.length})`;
    stdout += `${counter} Installing ${p.name} (${p.version})\n`;
    place.state.installed.set(p.name, p);
    placeFiles(fs, p);
  });
  if (order.some((p) => p.executables.length > 0)) stdout += `Executing busybox-${BUSYBOX_VERSION[release.codename] ?? BUSYBOX_DEFAULT}.trigger\n`;
  stdout += okLine(place, apk3);
  return { stdout, stderr: indexes.stderr, exitCode: 0, traces: indexes.traces };
}

function del(place: PackagePlace, release: Release, names: string[], fs: FileSystem): CommandOutput {
  const apk3 = isApk3(release);
  const unknown = names.filter((n) => !place.state.installed.has(n) && !BASE_NAMES.includes(n));
  // apk del of a name not in world only warns; base packages are refused by their dependents (not modelled: kept).
  let stderr = unknown.map((n) => `WARNING: ${apk3 ? `'${n}' is not installed` : `Ignoring ${n}: No such package`}\n`).join('');
  const removed = names.filter((n) => place.state.installed.has(n));
  // Its libraries go with it when nothing else installed needs them.
  const gone = new Set(removed);
  for (const p of [...place.state.installed.values()].reverse()) {
    if (gone.has(p.name)) continue;
    const neededBy = [...place.state.installed.values()].filter((q) => !gone.has(q.name) && q.depends.includes(p.name));
    const wantedFrom = [...gone].some((g) => place.state.installed.get(g)?.depends.includes(p.name));
    if (wantedFrom && neededBy.length === 0) gone.add(p.name);
  }
  const order = [...place.state.installed.values()].filter((p) => gone.has(p.name)).reverse();
  const width = String(order.length).length;
  let stdout = '';
  order.forEach((p, i) => {
    stdout += `${apk3 ? `(${String(i + 1).padStart(width)}/${order.length})` : `(${i + 1}/${order.length})`} Purging ${p.name} (${p.version})\n`;
    place.state.installed.delete(p.name);
    removeFiles(fs, p);
  });
  if (order.some((p) => p.executables.length > 0)) stdout += `Executing busybox-${BUSYBOX_VERSION[release.codename] ?? BUSYBOX_DEFAULT}.trigger\n`;
  if (!apk3) stderr = '';
  return { stdout: stdout + okLine(place, apk3), stderr, exitCode: 0 };
}

function update(place: PackagePlace, release: Release): CommandOutput {
  const indexes = fetchIndexes(place, release);
  const version = release.codename.slice(1);
  let stdout = indexes.stdout;
  if (indexes.available) for (const repo of REPOS) stdout += `v${version}${INDEX_DESCRIPTION[repo]} [${repoUrl(release, repo)}]\n`;
  const unavailable = indexes.available ? 0 : REPOS.length;
  stdout += `${unavailable ? `${unavailable} unavailable, 0 stale;` : 'OK:'} ${indexes.available ? DISTINCT_PACKAGES : 0} distinct packages available\n`;
  return { stdout, stderr: indexes.stderr, exitCode: unavailable, traces: indexes.traces };
}

function info(place: PackagePlace, names: string[]): CommandOutput {
  const all = [...BASE_NAMES, ...place.state.installed.keys()];
  if (names.length === 0) return { stdout: all.map((n) => `${n}\n`).join(''), stderr: '', exitCode: 0 };
  // `apk info NAME` describes an installed package; descriptions are not in the catalog.
  return fail(`vethlab: apk info ${names[0]}: package descriptions are not modelled here (apk info alone lists the installed packages)\n`, 1);
}

/** The options apk takes before or after the applet that vethlab models (the rest are refused). */
const QUIET_OPTIONS = new Set(['--no-cache', '-U', '--update-cache', '--no-progress', '-q', '--quiet', '-v', '--verbose', '--update']);

export function apkCommand(place: () => PackagePlace): Command {
  return (argv, ctx) => {
    const read = (path: string) => {
      const text = ctx.fs.read(path);
      return ['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(text) ? undefined : text;
    };
    const release = releaseOf(read);
    if (!release || release.family !== 'alpine') return fail('vethlab: apk runs only in Alpine-based images here\n', 1);
    const words = argv.filter((a) => !QUIET_OPTIONS.has(a));
    const refused = words.find((a) => a.startsWith('-'));
    if (refused !== undefined) return fail(`vethlab: apk ${refused} is not modelled here\n`, 1);
    const [applet, ...names] = words;
    const here = place();
    // -q leaves only warnings and errors.
    const quiet = argv.includes('-q') || argv.includes('--quiet');
    const run = (o: CommandOutput): CommandOutput => (quiet ? { ...o, stdout: '' } : o);
    switch (applet) {
      case undefined:
        return fail(`apk-tools ${isApk3(release) ? '3.0.3' : '2.14.6'}, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n`, 1);
      // Without a cache apk fetches the indexes on every run, so -U / --no-cache change nothing visible.
      case 'add':
        return run(add(here, release, names, ctx.fs));
      case 'del':
        return run(del(here, release, names, ctx.fs));
      case 'update':
        return run(update(here, release));
      case 'info':
        return run(info(here, names));
      default:
        return fail(`vethlab: apk ${applet} is not modelled here (add, del, update and info are)\n`, 1);
    }
  };
}
