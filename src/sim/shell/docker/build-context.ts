/**
 * A build's context as the docker client sends it: the files under the
 * context directory of the host (less what .dockerignore names), and the size
 * of the tar it streams (`Sending build context to Docker daemon  3.072kB`:
 * a 512-byte header per entry, contents padded to 512, two zero blocks at the end).
 */
import { resolvePath, type FileSystem } from '../fs.ts';

export interface BuildContext {
  /** The context directory (absolute). */
  root: string;
  /** Files by path relative to the root (`index.html`, `src/app.py`). */
  files: Map<string, string>;
  /** Directories by relative path. */
  dirs: Set<string>;
  /** Bytes of the tar the client sends. */
  tarSize: number;
}

const BLOCK = 512;
const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;
const bytes = (s: string): number => new TextEncoder().encode(s).length;

/** `.dockerignore` patterns as regular expressions over relative paths (`*` within a name, `**` across). */
function ignoreRules(text: string): { pattern: RegExp; negate: boolean }[] {
  const rules: { pattern: RegExp; negate: boolean }[] = [];
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1).trim();
    line = line.replace(/^\/+/, '').replace(/\/+$/, '');
    const source = line
      .split('**')
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
      .join('.*');
    // A pattern names a path and everything under it.
    rules.push({ pattern: new RegExp(`^${source}(/.*)?$`), negate });
  }
  return rules;
}

/** Reads the context directory from the host's files. */
export function readContext(fs: FileSystem, dir: string): BuildContext {
  const root = resolvePath(fs.cwd, dir);
  const files = new Map<string, string>();
  const dirs = new Set<string>();
  const ignore = fs.stat(`${root}/.dockerignore`) === 'file' ? ignoreRules(String(fs.read(`${root}/.dockerignore`))) : [];
  const ignored = (rel: string): boolean => {
    let out = false;
    for (const rule of ignore) if (rule.pattern.test(rel)) out = !rule.negate;
    return out;
  };
  const walk = (rel: string): void => {
    const entries = fs.list(rel === '' ? root : `${root}/${rel}`);
    if (typeof entries === 'string') return;
    for (const name of entries) {
      const child = rel === '' ? name : `${rel}/${name}`;
      const path = `${root}/${child}`;
      if (ignored(child)) continue;
      const kind = fs.stat(path);
      if (kind === 'dir') {
        dirs.add(child);
        walk(child);
      } else if (kind === 'file') {
        const content = fs.read(path);
        files.set(child, typeof content === 'string' ? content : '');
      }
    }
  };
  walk('');
  let tarSize = 2 * BLOCK;
  for (const content of files.values()) tarSize += BLOCK + padded(bytes(content));
  tarSize += dirs.size * BLOCK;
  return { root, files, dirs, tarSize };
}
