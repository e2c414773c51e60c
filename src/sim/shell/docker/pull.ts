/**
 * `docker pull` and the pull `docker run` / `docker create` make for an image
 * the host does not have (cli/command/image/pull.go, container/create.go):
 * the reference parsed as the CLI does (its errors printed bare, exit 1),
 * "Using default tag", the daemon's progress lines as jsonmessage prints them
 * without a terminal, and the pulled reference in full. On the rig's host every
 * pull ends with the registry lookup error, as recorded.
 */
import { DockerError, type Engine } from '../../docker/engine.ts';
import type { Image } from '../../docker/images.ts';
import { canonicalString, familiarName, familiarString, isNameOnly, parseNormalizedNamed, withDefaultTag, type NamedReference } from '../../docker/reference.ts';
import { catalogEntry } from '../../docker/catalog.ts';
import { fail, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { cobraExactArgsError, daemonError } from './usage.ts';

export function pullCommand(engine: Engine, argv: string[], command = 'pull'): CommandOutput {
  const f = parseCommandFlags(command, argv, [
    { long: 'all-tags', short: 'a', kind: 'bool' },
    { long: 'quiet', short: 'q', kind: 'bool' },
    { long: 'platform', kind: 'string' },
    { long: 'disable-content-trust', kind: 'bool' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length !== 1) return cobraExactArgsError(command, 1);
  const parsed = parseNormalizedNamed(f.args[0]!);
  if (!parsed.ok) return fail(`${parsed.error}\n`, 1);
  const all = f.bools.has('all-tags');
  const quiet = f.bools.has('quiet');
  if (all && !isNameOnly(parsed.value)) return fail("tag can't be used with --all-tags/-a\n", 1);
  let stdout = '';
  if (!all && isNameOnly(parsed.value) && !quiet) stdout += 'Using default tag: latest\n';
  const refs = all ? allTags(parsed.value) : [withDefaultTag(parsed.value)];
  try {
    const lines: string[] = [];
    for (const ref of refs) lines.push(...engine.imageService.pull(ref).lines);
    if (all) {
      // One status for the whole repository (its tags' lines in turn).
      const status = lines.filter((l) => l.startsWith('Status: ')).some((l) => l.startsWith('Status: Downloaded')) ? 'Downloaded newer image for' : 'Image is up to date for';
      const kept = lines.filter((l) => !l.startsWith('Status: '));
      lines.splice(0, lines.length, ...kept, `Status: ${status} ${familiarName(parsed.value)}`);
    }
    if (!quiet) stdout += lines.map((l) => `${l}\n`).join('');
    stdout += `${all ? canonicalString({ domain: parsed.value.domain, path: parsed.value.path }) : canonicalString(refs[0]!)}\n`;
    return { stdout, stderr: '', exitCode: 0 };
  } catch (e) {
    if (!(e instanceof DockerError)) throw e;
    return { stdout, stderr: daemonError(e.message), exitCode: 1 };
  }
}

/** `docker pull -a REPO`: every tag the registry lists for it (the catalog's own tags; `latest` for others). */
function allTags(ref: NamedReference): NamedReference[] {
  const entry = ref.domain === 'docker.io' ? catalogEntry(ref.path) : undefined;
  const tags = entry ? entry.variants.flatMap((v) => v.tags) : ['latest'];
  return tags.map((tag) => ({ domain: ref.domain, path: ref.path, tag }));
}

/**
 * The client's pull for `docker run`/`create` of an image the daemon lacks
 * (on stderr): "Unable to find image 'X' locally", then the pull's lines.
 * Returns the text to print and the image, or the daemon's error message.
 */
export function pullForRun(engine: Engine, ref: NamedReference, missing = true): { notice: string; image?: Image; error?: string } {
  const named = withDefaultTag(ref);
  // `--pull always` pulls without looking first: no "Unable to find".
  let notice = missing ? `Unable to find image '${familiarString(named)}' locally\n` : '';
  try {
    const pulled = engine.imageService.pull(named);
    notice += pulled.lines.map((l) => `${l}\n`).join('');
    return { notice, image: pulled.image };
  } catch (e) {
    if (!(e instanceof DockerError)) throw e;
    return { notice, error: e.message };
  }
}
