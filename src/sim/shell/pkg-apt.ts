/**
 * Debian's and Ubuntu's apt-get and apt: `update`, `install [-y] PKG...`, as
 * they print without a terminal (quiet progress: "Reading package lists...").
 * apt-get keeps the classic output ("The following NEW packages will be
 * installed:", "0 upgraded, N newly installed, ..."); the `apt` binary of apt
 * 3 (trixie, Ubuntu 26.04) uses output version 30 ("Installing:", "Summary:"),
 * older apt the classic one, and it warns that its CLI is not stable.
 * Wording from apt's apt-private/private-install.cc, private-output.cc
 * (ShowList, ShowWithColumns, Stats), apt-pkg/contrib/strutl.cc (SizeToStr),
 * acqprogress.cc and cacheset.cc; dpkg's unpack and setup lines from dpkg.
 *
 * A fresh image has empty lists, so `install` before `update` cannot locate
 * anything, as on a real container. Both reach the mirror over the simulated
 * network; a failed update leaves the lists empty.
 */
import { findPackage, installOrder, releaseOf, unknownPackageNote, type PackageInfo, type Release } from './pkg-catalog.ts';
import { installedTest, placeFiles, type MirrorReach, type PackagePlace } from './pkg-state.ts';
import type { FileSystem } from './fs.ts';
import type { Trace } from '../net/trace.ts';
import type { Command, CommandOutput } from './types.ts';
import { fail } from './types.ts';

interface Source {
  url: string;
  host: string;
  suite: string;
  /** Bytes of its InRelease and of its main Packages index (made up, of the real order). */
  inRelease: number;
  packages: number;
}

/** The sources a release's image ships (debian.sources / ubuntu.sources). */
function sourcesOf(release: Release): Source[] {
  const c = release.codename;
  if (release.family === 'ubuntu') {
    return [
      { url: 'http://archive.ubuntu.com/ubuntu', host: 'archive.ubuntu.com', suite: c, inRelease: 256_000, packages: 1_808_000 },
      { url: 'http://archive.ubuntu.com/ubuntu', host: 'archive.ubuntu.com', suite: `${c}-updates`, inRelease: 126_000, packages: 1_139_000 },
      { url: 'http://archive.ubuntu.com/ubuntu', host: 'archive.ubuntu.com', suite: `${c}-backports`, inRelease: 126_000, packages: 48_800 },
      { url: 'http://security.ubuntu.com/ubuntu', host: 'security.ubuntu.com', suite: `${c}-security`, inRelease: 126_000, packages: 844_000 },
    ];
  }
  return [
    { url: 'http://deb.debian.org/debian', host: 'deb.debian.org', suite: c, inRelease: 140_000, packages: 9_670_000 },
    { url: 'http://deb.debian.org/debian', host: 'deb.debian.org', suite: `${c}-updates`, inRelease: 47_300, packages: 5412 },
    { url: 'http://deb.debian.org/debian-security', host: 'deb.debian.org', suite: `${c}-security`, inRelease: 43_400, packages: 46_200 },
  ];
}

/** SizeToStr: 1000-based, no decimals from 100 up, one below (`307 k`, `47.3 k`, `5412 `); callers add "B". */
export function sizeToStr(size: number): string {
  const ext = ['', 'k', 'M', 'G', 'T'];
  let s = Math.abs(size);
  for (let i = 0; i < ext.length; i++) {
    if (s < 100 && i !== 0) return `${s.toFixed(1)} ${ext[i]}`;
    if (s < 10000) return `${Math.round(s)} ${ext[i]}`;
    s /= 1000;
  }
  return '';
}

/** How apt words a failed connection (methods/connect.cc, with glibc's strerror). */
function reachError(reach: Exclude<MirrorReach, { ok: true }>, host: string): string {
  const at = `${host}:80 (${reach.address ?? ''})`;
  switch (reach.failure) {
    case 'dns':
      return `Temporary failure resolving '${host}'`;
    case 'nxdomain':
      return `Could not resolve '${host}'`;
    case 'refused':
      return `Could not connect to ${at}. - connect (111: Connection refused)`;
    case 'no-route':
      return `Could not connect to ${at}. - connect (101: Network is unreachable)`;
    case 'unreachable':
      return `Could not connect to ${at}. - connect (113: No route to host)`;
    case 'timeout':
      return `Could not connect to ${at}, connection timed out`;
  }
}

/** glibc's version per release (libc-bin's trigger line). */
const LIBC: Record<string, string> = { trixie: '2.41-12', bookworm: '2.36-9+deb12u10' };
const UBUNTU_LIBC = '2.39-0ubuntu8.5';
/** Files and directories dpkg counts in a base image (made up, of the real order). */
const DPKG_BASE_FILES = { debian: 5644, ubuntu: 4381, alpine: 0 } as const;

/** apt 3 (Output-Version 30 for the `apt` binary): trixie and Ubuntu after 24.04. */
const isApt3 = (release: Release): boolean => release.codename !== 'bookworm' && !['noble', 'jammy', 'trusty', 'precise'].includes(release.codename);

const fetchedLine = (bytes: number) => `Fetched ${sizeToStr(bytes)}B in 1s (${sizeToStr(bytes)}B/s)\n`;

function update(place: PackagePlace, release: Release): CommandOutput {
  const sources = sourcesOf(release);
  const traces: Trace[] = [];
  const failures = sources.map((s) => {
    const reach = place.reach(s.host);
    traces.push(...reach.traces);
    return reach.ok ? undefined : reachError(reach, s.host);
  });
  let stdout = '';
  let stderr = '';
  if (failures.some((f) => f !== undefined)) {
    // apt retries a failed source (Acquire::Retries) before it gives up on it.
    for (let round = 0; round < 3; round++) sources.forEach((s, i) => (stdout += failures[i] ? `Ign:${i + 1} ${s.url} ${s.suite} InRelease\n` : ''));
    sources.forEach((s, i) => (stdout += failures[i] ? `Err:${i + 1} ${s.url} ${s.suite} InRelease\n  ${failures[i]}\n` : ''));
    stdout += 'Reading package lists...\n';
    sources.forEach((s, i) => (stderr += failures[i] ? `W: Failed to fetch ${s.url}/dists/${s.suite}/InRelease  ${failures[i]}\n` : ''));
    stderr += 'W: Some index files failed to download. They have been ignored, or old ones used instead.\n';
    return { stdout, stderr, exitCode: 0, traces };
  }
  let n = 0;
  for (const s of sources) stdout += `Get:${++n} ${s.url} ${s.suite} InRelease [${sizeToStr(s.inRelease)}B]\n`;
  for (const s of sources) stdout += `Get:${++n} ${s.url} ${s.suite}/main amd64 Packages [${sizeToStr(s.packages)}B]\n`;
  stdout += fetchedLine(sources.reduce((t, s) => t + s.inRelease + s.packages, 0));
  stdout += 'Reading package lists...\n';
  place.state.aptLists = true;
  return { stdout, stderr, exitCode: 0, traces };
}

/** ShowList without columns: names after a two-space indent, wrapped before column 77. */
function showList(title: string, names: readonly string[]): string {
  if (names.length === 0) return '';
  const width = 80 - 3;
  let out = title;
  let used = 0;
  for (const name of names) {
    if (used === 0 || used + name.length >= width) {
      out += '\n  ';
      used = 0;
    } else {
      out += ' ';
      used++;
    }
    out += name;
    used += name.length;
  }
  return `${out}\n`;
}

/** ShowWithColumns (apt 3): as many columns as fit in 77, filled down each column. */
export function showColumns(list: readonly string[], indent = 2, screenWidth = 77): string {
  const minWidth = 2;
  const space = 2;
  const maxCols = Math.min(Math.floor((screenWidth - indent) / minWidth), list.length);
  const cols = Array.from({ length: maxCols }, (_, i) => ({ valid: true, lineWidth: (i + 1) * minWidth, widths: Array<number>(i + 1).fill(minWidth) }));
  list.forEach((item, i) => {
    cols.forEach((col, j) => {
      if (!col.valid) return;
      const idx = Math.floor(i / Math.floor((list.length + j) / (j + 1)));
      const real = item.length + (idx === j ? 0 : space);
      if (col.widths[idx]! < real) {
        col.lineWidth += real - col.widths[idx]!;
        col.widths[idx] = real;
        col.valid = col.lineWidth < screenWidth;
      }
    });
  });
  let numCols = maxCols;
  while (numCols > 1 && !cols[numCols - 1]!.valid) numCols--;
  const rows = Math.ceil(list.length / numCols);
  const format = cols[numCols - 1]!;
  let out = '';
  for (let row = 0; row < rows; row++) {
    out += ' '.repeat(indent);
    for (let i = row, col = 0; ; col++) {
      out += list[i];
      const cur = list[i]!.length;
      i += rows;
      if (i >= list.length) break;
      out += ' '.repeat(format.widths[col]! - cur);
    }
    out += '\n';
  }
  return out;
}

/** dpkg's name for a package: Multi-Arch libraries carry their architecture. */
const dpkgName = (p: PackageInfo) => (p.name.startsWith('lib') && p.arch !== 'all' ? `${p.name}:${p.arch}` : p.name);
const debFile = (p: PackageInfo) => `${p.name}_${p.version.replace(/^\d+:/, '')}_${p.arch}.deb`;

interface InstallOptions {
  yes: boolean;
  /** The `apt` binary of apt 3: the new summary. */
  apt3: boolean;
}

function install(place: PackagePlace, release: Release, names: string[], opts: InstallOptions, fs: FileSystem): CommandOutput {
  let stdout = 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n';
  const isInstalled = installedTest(release, place);
  const wanted: PackageInfo[] = [];
  let already = '';
  for (const name of names) {
    const p = place.state.aptLists ? findPackage(release, name) : undefined;
    // With empty lists (no `apt-get update` yet) nothing can be located.
    if (!p) return { stdout, stderr: `E: Unable to locate package ${name}\n${place.state.aptLists ? unknownPackageNote([name]) : ''}`, exitCode: 100 };
    if (isInstalled(p.name)) already += `${p.name} is already the newest version (${p.version}).\n`;
    else wanted.push(p);
  }
  if (names.length === 0) return { stdout: `${stdout}0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`, stderr: '', exitCode: 0 };
  stdout += already;
  const order = installOrder(release, wanted, isInstalled);
  const extra = order.filter((p) => !wanted.includes(p));
  const sorted = (list: PackageInfo[]) => list.map((p) => p.name).sort();
  const download = order.reduce((t, p) => t + p.download, 0);
  const usr = order.reduce((t, p) => t + p.installed, 0);
  if (opts.apt3) {
    if (order.length > 0) {
      stdout += `Installing:\n${showColumns(sorted(wanted))}\n`;
      if (extra.length > 0) stdout += `Installing dependencies:\n${showColumns(sorted(extra))}\n`;
    }
    stdout += `Summary:\n  Upgrading: 0, Installing: ${order.length}, Removing: 0, Not Upgrading: 0\n`;
    if (order.length > 0) stdout += `  Download size: ${sizeToStr(download)}B\n  Space needed: ${sizeToStr(usr)}B / 52.1 GB available\n\n`;
  } else {
    stdout += showList('The following additional packages will be installed:', sorted(extra));
    stdout += showList('The following NEW packages will be installed:', sorted(order));
    stdout += `0 upgraded, ${order.length} newly installed, 0 to remove and 0 not upgraded.\n`;
    if (order.length > 0) stdout += `Need to get ${sizeToStr(download)}B of archives.\nAfter this operation, ${sizeToStr(usr)}B of additional disk space will be used.\n`;
  }
  if (order.length === 0) return { stdout, stderr: '', exitCode: 0 };
  // apt asks when it installs more than was named; without a terminal the question reads end of file.
  if (extra.length > 0 && !opts.yes) return { stdout: `${stdout}${opts.apt3 ? 'Continue? [Y/n] ' : 'Do you want to continue? [Y/n] '}Abort.\n`, stderr: '', exitCode: 1 };

  const source = sourcesOf(release)[0]!;
  const reach = place.reach(source.host);
  const traces = reach.traces;
  if (!reach.ok) {
    const why = reachError(reach, source.host);
    order.forEach((p, i) => (stdout += `Err:${i + 1} ${source.url} ${source.suite}/main ${p.arch} ${p.name} ${p.arch} ${p.version}\n  ${why}\n`));
    const pool = (p: PackageInfo) => `${source.url}/pool/main/${p.name.startsWith('lib') ? p.name.slice(0, 4) : p.name[0]}/${p.name}/${debFile(p)}`;
    const stderr = order.map((p) => `E: Failed to fetch ${pool(p)}  ${why}\n`).join('') + `E: Unable to fetch some archives, maybe run ${opts.apt3 ? 'apt' : 'apt-get'} update or try with --fix-missing?\n`;
    return { stdout, stderr, exitCode: 100, traces };
  }
  order.forEach((p, i) => (stdout += `Get:${i + 1} ${source.url} ${source.suite}/main ${p.arch} ${p.name} ${p.arch} ${p.version} [${sizeToStr(p.download)}B]\n`));
  // ca-certificates has debconf templates, and the images have no apt-utils to pre-configure them.
  const stderr = order.some((p) => p.name === 'ca-certificates') ? 'debconf: delaying package configuration, since apt-utils is not installed\n' : '';
  stdout += fetchedLine(download);
  const files = DPKG_BASE_FILES[release.family] + [...place.state.installed.values()].reduce((t, p) => t + Math.round(p.installed / 16384), 0);
  const width = String(order.length - 1).length;
  order.forEach((p, i) => {
    stdout += `Selecting previously unselected package ${dpkgName(p)}.\n`;
    if (i === 0) stdout += `(Reading database ... ${files} files and directories currently installed.)\n`;
    const numbered = order.length > 1 ? `${String(i).padStart(Math.max(2, width), '0')}-` : '';
    stdout += `Preparing to unpack .../${numbered}${debFile(p)} ...\nUnpacking ${dpkgName(p)} (${p.version}) ...\n`;
  });
  for (const p of order) {
    stdout += `Setting up ${dpkgName(p)} (${p.version}) ...\n`;
    if (p.name === 'ca-certificates') stdout += 'Updating certificates in /etc/ssl/certs...\n150 added, 0 removed; done.\n';
    place.state.installed.set(p.name, p);
    placeFiles(fs, p);
  }
  if (order.some((p) => p.name.startsWith('lib'))) stdout += `Processing triggers for libc-bin (${release.family === 'ubuntu' ? UBUNTU_LIBC : (LIBC[release.codename] ?? LIBC.trixie)}) ...\n`;
  const ca = order.find((p) => p.name === 'ca-certificates');
  if (ca) stdout += `Processing triggers for ca-certificates (${ca.version}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`;
  return { stdout, stderr, exitCode: 0, traces };
}

/** apt's warning when its output goes to a pipe or file (apt-private/private-main.cc). */
const APT_WARNING = '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n';

/** Options that change nothing visible here (vethlab never asks about recommends or configuration files). */
const PASSIVE = new Set(['--no-install-recommends', '--no-install-suggests', '-q', '-qq', '--quiet', '--fix-missing', '-f']);
const YES = new Set(['-y', '--yes', '--assume-yes']);

/** `apt-get` (binary 'apt-get') or `apt`. */
export function aptCommand(binary: 'apt-get' | 'apt', place: () => PackagePlace): Command {
  return (rawArgv, ctx) => {
    // Bundled short options (`-yq`) are separate ones.
    const argv = rawArgv.flatMap((a) => (/^-[a-z]{2,}$/.test(a) && a !== '-qq' ? [...a.slice(1)].map((c) => `-${c}`) : [a]));
    const read = (path: string) => {
      const text = ctx.fs.read(path);
      return ['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(text) ? undefined : text;
    };
    const release = releaseOf(read);
    if (!release || release.family === 'alpine') return fail(`vethlab: ${binary} runs only in Debian- and Ubuntu-based images here\n`, 1);
    const words = argv.filter((a) => !PASSIVE.has(a) && !YES.has(a));
    const refused = words.find((a) => a.startsWith('-'));
    if (refused !== undefined) return fail(`vethlab: ${binary} ${refused} is not modelled here\n`, 1);
    const [operation, ...names] = words;
    const apt3 = binary === 'apt' && isApt3(release);
    // -qq leaves only the errors.
    const quiet = (o: CommandOutput): CommandOutput => (argv.includes('-qq') ? { ...o, stdout: '' } : o);
    const warn = (o: CommandOutput): CommandOutput => quiet(binary === 'apt' ? { ...o, stderr: APT_WARNING + o.stderr, stderrFirst: true } : o);
    const here = place();
    switch (operation) {
      case undefined:
        return fail(`vethlab: ${binary} without an operation: update and install are modelled here\n`, 1);
      case 'update': {
        const out = update(here, release);
        // apt also reports what could be upgraded (nothing: the images are current).
        if (binary === 'apt' && out.stdout.endsWith('Reading package lists...\n') && here.state.aptLists) out.stdout += 'Building dependency tree...\nReading state information...\nAll packages are up to date.\n';
        return warn(out);
      }
      case 'install':
        return warn(install(here, release, names, { yes: argv.some((a) => YES.has(a)), apt3 }, ctx.fs));
      default:
        return fail(binary === 'apt-get' ? `E: Invalid operation ${operation}\n` : `vethlab: apt ${operation} is not modelled here (update and install are)\n`, binary === 'apt-get' ? 100 : 1);
    }
  };
}
