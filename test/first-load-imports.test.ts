/**
 * What arrives before the terminal takes a command (issue 13: at most 330 KB gzip)
 * depends on static imports the eye does not catch: one value imported from the wrong
 * module put `docker inspect`'s whole chunk (9.5 KB) on that path. These tests follow
 * the static value imports of the source (type-only ones vanish in the build; dynamic
 * `import()` is a chunk loaded on demand) with TypeScript's parser, and the chunk
 * groups of vite.config.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import viteConfig from '../vite.config.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface ChunkGroup {
  name: string;
  test: RegExp;
}

// The groups that take modules by their path (the live app's group takes them by the module graph, at build time).
const groups = (viteConfig.build?.rolldownOptions?.output as { codeSplitting: { groups: Partial<ChunkGroup>[] } }).codeSplitting.groups.filter(
  (g): g is ChunkGroup => g.test instanceof RegExp && typeof g.name === 'string',
);

/** The chunk group a module goes to (the first whose test matches, as the build takes it). */
function groupOf(file: string): string | undefined {
  return groups.find((g) => g.test.test(file))?.name;
}

/** Modules imported for their values by `file`: relative ones as absolute paths, packages as `npm:NAME`. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const bindings = clause?.namedBindings;
      const onlyTypes = clause !== undefined && !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
      specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier) {
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly)) continue;
      specifier = statement.moduleSpecifier;
    }
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    const name = specifier.text;
    if (name.startsWith('.')) out.push(path.resolve(path.dirname(file), name));
    else out.push(`npm:${name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]}`);
  }
  return out.filter((m) => m.startsWith('npm:') || existsSync(m));
}

/** Every module `entry` reaches through static value imports, not entering modules `stop` refuses. */
function reach(entry: string, stop: (module: string) => boolean = () => false): Set<string> {
  const seen = new Set<string>();
  const todo = [path.join(ROOT, entry)];
  while (todo.length > 0) {
    const module = todo.pop()!;
    if (seen.has(module)) continue;
    seen.add(module);
    if (module.startsWith('npm:') || /\.css$/.test(module)) continue;
    for (const next of valueImports(module)) if (!stop(next)) todo.push(next);
  }
  return seen;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(e.name)) out.push(path.join(ROOT, rel));
  }
  return out;
}

/** Whether a module compiles to code of its own (not only types, nor only re-exports). */
function hasCode(file: string): boolean {
  const js = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false } }).outputText;
  return js
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    .split('\n')
    .some((line) => line.trim() !== '' && !/^export (?:\*|\{[^}]*\}) from /.test(line.trim()) && line.trim() !== 'export {};');
}

const rel = (m: string) => path.relative(ROOT, m);

describe('what the simulator’s chunk holds', () => {
  it('only modules the simulator itself runs: those only the lazy programs use go with them', () => {
    const lazy = (m: string) => !m.startsWith('npm:') && groupOf(m) !== undefined && groupOf(m) !== 'simulator';
    const eager = reach('src/sim/shell/simulator.ts', lazy);
    const strays = sourceFiles('src/sim').filter((m) => groupOf(m) === 'simulator' && !eager.has(m) && hasCode(m));
    // wget's and curl's Host header (400 bytes): a chunk of its own would cost more than it saves.
    const tooSmallToSplit = new Set(['src/sim/shell/url-host.ts']);
    expect(strays.map(rel).filter((m) => !tooSmallToSplit.has(m))).toEqual([]);
  });

  it('reaches no lazy program’s module, statically', () => {
    const reached = [...reach('src/sim/shell/simulator.ts', (m) => !m.startsWith('npm:') && groupOf(m) !== undefined && groupOf(m) !== 'simulator')];
    const lazyReached = [...reach('src/sim/shell/simulator.ts')].filter((m) => !m.startsWith('npm:') && groupOf(m) !== undefined && groupOf(m) !== 'simulator');
    expect(reached.length).toBeGreaterThan(100);
    expect(lazyReached.map(rel)).toEqual([]);
  });
});

describe('opening a link on the first load', () => {
  it('reads a gallery link without the link codec, fflate or the format’s schema', () => {
    const reached = reach('src/app/share/link-open.ts');
    expect([...reached].filter((m) => m === 'npm:fflate' || m === 'npm:valibot' || m.endsWith('/link/codec.ts')).map(rel)).toEqual([]);
    // A whole scenario's link takes the codec and the schema (link-data.ts, loaded for `#s=` only), but no
    // compression library: the platform's DecompressionStream inflates. Only what writes a link takes fflate.
    const data = reach('src/app/share/link-data.ts');
    expect(data.has(path.join(ROOT, 'src/scenario/link/codec.ts'))).toBe(true);
    expect(data.has('npm:fflate')).toBe(false);
    expect(reach('src/scenario/link/encode.ts').has('npm:fflate')).toBe(true);
  });

  it('reads a whole scenario’s link, and starts the live app, without the gallery’s scenarios or the format’s reader (chunks loaded on demand)', () => {
    const docs = path.join(ROOT, 'src/scenario/gallery/gallery.gen.ts');
    for (const entry of ['src/app/main.tsx', 'src/app/Live.tsx', 'src/app/share/link-open.ts', 'src/app/share/link-data.ts']) expect(reach(entry).has(docs), entry).toBe(false);
    // Nor the format's reader (valibot's schema): a saved linked scenario loads it (doc-reader.ts), a `#s=` link with the codec.
    const reader = path.join(ROOT, 'src/scenario/format/read.ts');
    for (const entry of ['src/app/main.tsx', 'src/app/Live.tsx', 'src/app/share/link-open.ts']) expect(reach(entry).has(reader), entry).toBe(false);
    // The embed's reader and the gallery's dialog hold them.
    expect(reach('src/app/share/links.ts').has(docs)).toBe(true);
    expect(reach('src/app/gallery/GalleryDialog.tsx').has(docs)).toBe(true);
  });
});

describe('what left the simulator’s chunk for a lazy part (issue 13, 7 December 2026)', () => {
  it('the image catalog beyond the images a world starts with, ps and `docker top`, the database images’ entrypoints, `docker update`, nginx, redis-cli and redis-server', () => {
    const moved: Record<string, string> = {
      'src/sim/docker/catalog-entries.ts': 'sim-catalog',
      'src/sim/shell/ps-cmd.ts': 'sim-tools',
      'src/sim/shell/db/entrypoints.ts': 'sim-databases',
      'src/sim/shell/docker/update-cmd.ts': 'sim-inspect',
      'src/sim/shell/nginx-conf.ts': 'sim-nginx',
      'src/sim/shell/nginx-process.ts': 'sim-nginx',
      'src/sim/shell/nginx-server.ts': 'sim-nginx',
      'src/sim/shell/nginx-log.ts': 'sim-nginx',
      'src/sim/shell/redis-cli.ts': 'sim-redis',
      'src/sim/shell/redis-server-cmd.ts': 'sim-redis',
    };
    const reached = reach('src/sim/shell/simulator.ts');
    for (const [file, group] of Object.entries(moved)) {
      const module = path.join(ROOT, file);
      expect(groupOf(module), file).toBe(group);
      expect(reached.has(module), file).toBe(false);
    }
  });
});

describe('/etc/services (issue 13, 7 December 2026)', () => {
  it('its lists are a lazy part the simulator does not reach statically; /etc/protocols, which every `-p` reads, stays in the simulator', () => {
    const reached = reach('src/sim/shell/simulator.ts');
    const tables = path.join(ROOT, 'src/sim/netfilter/service-tables.ts');
    const protocols = path.join(ROOT, 'src/sim/netfilter/services.ts');
    expect(groupOf(tables)).toBe('sim-services');
    expect(reached.has(tables)).toBe(false);
    expect(groupOf(protocols)).toBe('simulator');
    expect(reached.has(protocols)).toBe(true);
    // The lists' names are the lazy module's alone: nothing else holds the table's text.
    const holders = sourceFiles('src').filter((m) => readFileSync(m, 'utf8').includes("'ssh 22'"));
    expect(holders.map(rel)).toEqual(['src/sim/netfilter/service-tables.ts']);
  });
});

describe('the starter world’s snapshot (issue 13, 7 December 2026)', () => {
  it('is loaded only where the first screen draws it: neither the entry nor the live app reaches it statically', () => {
    const snapshot = path.join(ROOT, 'src/app/graph/starter-snapshot.ts');
    expect(reach('src/app/main.tsx').has(snapshot)).toBe(false);
    expect(reach('src/app/Live.tsx').has(snapshot)).toBe(false);
  });
});
