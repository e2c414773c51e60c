/**
 * What a package manager needs of the place it runs in: the packages installed
 * on top of the image (kept with the container's writable layer: they survive
 * a restart and vanish with the container), whether apt's lists were fetched,
 * and a way to reach a mirror over the simulated network (a DNS lookup through
 * the place's resolver, then a TCP connection), whose failures the tools word
 * their own way.
 */
import type { Trace } from '../net/trace.ts';
import type { PackageInfo, Release } from './pkg-catalog.ts';
import type { ConnectFailure } from './servers.ts';
import type { FileSystem } from './fs.ts';

export interface PackageState {
  /** Packages installed after the image was built, by name, in install order. */
  installed: Map<string, PackageInfo>;
  /** `apt-get update` has filled /var/lib/apt/lists (a Debian image ships them empty). */
  aptLists: boolean;
  /** Python distributions `pip install` put in (repo `pypi`), by name: their console scripts are executables. */
  pip: Map<string, PackageInfo>;
}

export const newPackageState = (): PackageState => ({ installed: new Map(), aptLists: false, pip: new Map() });

/** How a built image keeps pip's distributions beside apk's and apt's packages (BuiltImage.packages). */
const PIP_KEY = 'pip:';

/** Every package of a place as an image keeps it: apk's/apt's by name, pip's under `pip:NAME`. */
export function packagesToKeep(state: PackageState): Map<string, PackageInfo> {
  return new Map([...state.installed, ...[...state.pip].map(([n, p]): [string, PackageInfo] => [`${PIP_KEY}${n}`, p])]);
}

/** A container's package state from what its image's RUN steps installed. */
export function packageStateFrom(kept: ReadonlyMap<string, PackageInfo>): PackageState {
  const state = newPackageState();
  for (const [k, p] of kept) {
    if (k.startsWith(PIP_KEY)) state.pip.set(k.slice(PIP_KEY.length), p);
    else state.installed.set(k, p);
  }
  return state;
}

/** Every executable the installed packages put on disk. */
export function installedExecutables(state: PackageState | undefined): Set<string> {
  return new Set(state ? [...state.installed.values(), ...state.pip.values()].flatMap((p) => p.executables) : []);
}

/**
 * How reaching a mirror went: resolved and connected, or which step failed
 * (`dns`: no answer or SERVFAIL, a resolver's EAI_AGAIN; `nxdomain`: the name does not exist).
 */
export type MirrorReach = { ok: true; address: string; traces: Trace[] } | { ok: false; failure: 'dns' | 'nxdomain' | ConnectFailure; address?: string; traces: Trace[] };

/** The place a package manager runs in. */
export interface PackagePlace {
  state: PackageState;
  /** Whether the image itself ships this file (its own packages count as installed). */
  imageHas: (path: string) => boolean;
  /** One connection to a mirror host (its HTTP port). */
  reach: (host: string) => MirrorReach;
}

/**
 * Whether a package is on disk: installed here, or shipped by the image (every
 * one of its executables is there, or a package shipped so needs it).
 */
export function installedTest(release: Release, place: PackagePlace): (name: string) => boolean {
  const shipped = new Set<string>();
  const ship = (p: PackageInfo) => {
    if (shipped.has(p.name)) return;
    shipped.add(p.name);
    for (const d of p.depends) {
      const dep = release.packages.get(d);
      if (dep) ship(dep);
    }
  };
  for (const p of release.packages.values()) if (p.executables.length > 0 && p.executables.every((e) => place.imageHas(e))) ship(p);
  return (name) => place.state.installed.has(name) || shipped.has(name);
}

/** Puts a package's programs on disk (empty files, as the images' own are), creating their directories. */
export function placeFiles(fs: FileSystem, p: PackageInfo): void {
  for (const path of p.executables) {
    const parts = path.split('/').slice(1, -1);
    for (let i = 1; i <= parts.length; i++) fs.mkdir(`/${parts.slice(0, i).join('/')}`);
    fs.write(path, '', false);
  }
}

/** Takes a package's programs off the disk again (`apk del`). */
export function removeFiles(fs: FileSystem, p: PackageInfo): void {
  for (const path of p.executables) fs.remove(path);
}
