// The layer rule of ARCHITECTURE.md as data and one function, shared by the lint
// rule `vethlab/layers` (eslint.config.js) and test/architecture.test.ts.
//
//   src/sim/netfilter  imports nothing of the project outside itself
//   src/sim/net        may import netfilter
//   src/sim/docker     may import net, netfilter
//   src/sim/shell      may import docker, net, netfilter
//   src/sim/*.ts       (files directly in src/sim) may import every sim layer
//   src/scenario       may import sim
//
// Nothing under src/sim or src/scenario imports src/app, src/cli, tests or scripts,
// nor React, @xyflow, zustand, xterm, or any Node built-in module: the same core runs
// in the browser, in the CLI and in unit tests. Plain JavaScript (with a .d.ts) so that
// eslint.config.js can import it without a TypeScript loader.
import { builtinModules } from 'node:module';
import path from 'node:path';

const SIM_LAYERS = ['netfilter', 'net', 'docker', 'shell'];

/** Layer name -> the layers it may import (besides itself). */
export const LAYERS = {
  netfilter: [],
  net: ['netfilter'],
  docker: ['net', 'netfilter'],
  shell: ['docker', 'net', 'netfilter'],
  sim: [...SIM_LAYERS],
  scenario: ['sim', ...SIM_LAYERS],
};

/** Directories (relative to the repository) whose files the rule applies to. */
export const CORE_DIRS = ['src/sim', 'src/scenario'];

/** Packages (and their subpaths) the core must not import: UI libraries and Node-only modules. */
export const FORBIDDEN_PACKAGES = ['react', 'react-dom', 'zustand', 'xterm', '@xyflow/*', '@xterm/*'];

const NODE_BUILTINS = new Set(builtinModules.map((m) => m.replace(/^node:/, '')));

/**
 * The layer a repository-relative path (posix separators) belongs to, or
 * `undefined` outside the core, or `{ unknown }` for a directory under src/sim
 * that is not a layer of the table.
 * @param {string} rel
 * @returns {string | { unknown: string } | undefined}
 */
export function layerOf(rel) {
  const parts = rel.split('/');
  if (parts[0] !== 'src') return undefined;
  if (parts[1] === 'scenario') return 'scenario';
  if (parts[1] !== 'sim') return undefined;
  if (parts.length === 2) return 'sim';
  const name = parts[2];
  if (SIM_LAYERS.includes(name)) return name;
  // `src/sim/index.ts` is a file of the sim root; `src/sim/util/x.ts` is an unknown layer.
  if (parts.length === 3) return 'sim';
  return { unknown: `src/sim/${name}` };
}

/** @param {string} specifier */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Checks one import of a core file.
 * @param {string} fromFile repository-relative path of the importing file (posix or native separators)
 * @param {string} specifier the module specifier as written
 * @returns {string | null} why the import is not allowed, or null when it is
 */
export function checkImport(fromFile, specifier) {
  const from = fromFile.split(path.sep).join('/');
  const fromLayer = layerOf(from);
  if (fromLayer === undefined) return null;
  if (typeof fromLayer === 'object') {
    return `${fromLayer.unknown} is not a layer of ARCHITECTURE.md (netfilter, net, docker, shell); add it to scripts/architecture.js first`;
  }

  if (specifier.startsWith('.')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
    const toLayer = layerOf(target);
    if (toLayer === fromLayer) return null;
    if (typeof toLayer === 'string' && LAYERS[fromLayer].includes(toLayer)) return null;
    const where = toLayer === undefined ? 'outside the core' : typeof toLayer === 'string' ? `layer ${toLayer}` : toLayer.unknown;
    const allowed = LAYERS[fromLayer].length ? `only ${LAYERS[fromLayer].join(', ')}` : 'nothing of the project outside itself';
    return `'${specifier}' resolves to ${target} (${where}); layer ${fromLayer} may import ${allowed}`;
  }

  if (specifier.startsWith('/') || /^[a-z]:[\\/]/i.test(specifier)) {
    return `'${specifier}' is an absolute path; the core imports by relative path or package name only`;
  }

  const bare = specifier.replace(/^node:/, '');
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(packageName(bare))) {
    return `'${specifier}' is a Node built-in module; the core must run in the browser too`;
  }
  const pkg = packageName(specifier);
  for (const forbidden of FORBIDDEN_PACKAGES) {
    const hit = forbidden.endsWith('/*') ? pkg.startsWith(forbidden.slice(0, -1)) : pkg === forbidden;
    if (hit) return `'${specifier}' is a UI package (${forbidden}); the core must not depend on the UI`;
  }
  return null;
}
