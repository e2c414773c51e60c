/**
 * The client's side of `-v`/`--volume` and `--mount` (cli/opts/mount.go,
 * cli/command/container/opts.go): `-v SRC:DST[:MODE]` goes to the daemon as a
 * bind (a source starting with `.` made absolute from the client's working
 * directory), `-v /path` as an anonymous volume; `--mount` is a CSV of
 * key=value fields checked here with the client's own errors (golden
 * volumes-mount). The daemon's checks are in src/sim/docker/volumes.ts.
 */
import { resolvePath } from '../fs.ts';
import type { MountRequest } from '../../docker/volumes.ts';

export interface VolumeFlags {
  binds: string[];
  anonymous: string[];
  mounts: MountRequest[];
}

/** strconv.ParseBool. */
function parseBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/** Options the real client takes that vethlab does not model (refused in one honest line). */
const UNMODELLED_KEYS = new Set(['bind-propagation', 'bind-recursive', 'bind-nonrecursive', 'consistency', 'volume-driver', 'volume-label', 'volume-opt', 'volume-subpath', 'tmpfs-size', 'tmpfs-mode', 'image-subpath']);

/** One `--mount` value: the request, or the flag error's message (after `invalid argument "..." for "--mount" flag: `), or a vethlab refusal. */
export function parseMountFlag(value: string): MountRequest | { error: string } | { refused: string } {
  if (value === '') return { error: 'EOF' };
  const m: MountRequest = { type: 'volume' };
  for (const field of value.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? undefined : field.slice(eq + 1);
    if (val === undefined) {
      if (key === 'readonly' || key === 'ro') m.readOnly = true;
      else if (key === 'volume-nocopy') m.noCopy = true;
      else return { error: `invalid field '${field}' must be a key=value pair` };
      continue;
    }
    switch (key) {
      case 'type':
        m.type = val;
        break;
      case 'source':
      case 'src':
        m.source = val;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = val;
        break;
      case 'readonly':
      case 'ro':
      case 'volume-nocopy': {
        const b = parseBool(val);
        if (b === undefined) return { error: `invalid value for ${key}: ${val}` };
        if (key === 'volume-nocopy') m.noCopy = b;
        else m.readOnly = b;
        break;
      }
      default:
        if (UNMODELLED_KEYS.has(key)) return { refused: `vethlab: --mount ${key}= is not modelled here` };
        return { error: `unexpected key '${key}' in '${field}'` };
    }
  }
  if (!m.target) return { error: 'target is required' };
  if (m.readOnly === false) delete m.readOnly;
  if (m.noCopy === false) delete m.noCopy;
  return m;
}

/** `-v` values: binds (SRC:DST[:MODE]) and anonymous volumes (a lone path). */
export function splitVolumeFlags(values: readonly string[], cwd: string): Pick<VolumeFlags, 'binds' | 'anonymous'> {
  const binds: string[] = [];
  const anonymous: string[] = [];
  for (const value of values) {
    const colon = value.indexOf(':');
    if (colon < 0) {
      anonymous.push(value);
      continue;
    }
    const source = value.slice(0, colon);
    // The client makes a relative host path absolute (`-v ./site:/www`); a bare name is a volume.
    binds.push(source.startsWith('.') ? `${resolvePath(cwd, source)}${value.slice(colon)}` : value);
  }
  return { binds, anonymous };
}
