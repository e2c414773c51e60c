/**
 * `docker history IMAGE`: the steps that made an image, newest first. An
 * imported image (the rig's) is one line with no command behind it; a built
 * one lists its build's steps (`<missing>` where a step's image is gone) down
 * to its base. A pulled image's own build steps are not recorded here.
 */
import type { Engine } from '../../docker/engine.ts';
import type { HistoryEntry, Image } from '../../docker/images.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { formatList, humanDuration, humanSize, table } from './format.ts';
import { argCountError, daemonError } from './usage.ts';

const HEADERS: Record<string, string> = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };

/** stringutils.Ellipsis: at most `max` characters, the last one `…`. */
const ellipsis = (s: string, max: number): string => ([...s].length <= max ? s : `${[...s].slice(0, max - 1).join('')}…`);

/** The lines of an image's history, or why they are not known here. */
function historyEntries(image: Image): readonly HistoryEntry[] | undefined {
  if (image.built) return image.built.history;
  if (image.origin === 'import') return [{ created: image.created, createdBy: '', size: image.size, emptyLayer: false, comment: 'Imported from -', id: image.id }];
  return undefined;
}

export function historyCommand(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('history', argv, [
    { long: 'human', short: 'H', kind: 'bool' },
    { long: 'no-trunc', kind: 'bool' },
    { long: 'quiet', short: 'q', kind: 'bool' },
    { long: 'format', kind: 'string' },
    { long: 'platform', kind: 'string' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length !== 1) return argCountError('history', '1 argument');
  const found = engine.imageService.store.lookup(f.args[0]!);
  if (!('image' in found)) return fail(daemonError(found.error), 1);
  const entries = historyEntries(found.image);
  if (!entries) return fail(`vethlab: docker history is a real command, but ${f.args[0]}'s build steps are not recorded here\n`, 1);
  const noTrunc = f.bools.has('no-trunc');
  const last = entries[entries.length - 1]!;
  // A built image on a pulled base knows its own steps only.
  const unknownBase = last.comment === '' && last.createdBy === '' && !(engine.imageService.store.get(last.id ?? '')?.origin === 'import');
  const shown = unknownBase ? entries.slice(0, -1) : entries;
  const note = unknownBase ? `vethlab: the build steps of the base image ${last.id?.replace(/^sha256:/, '').slice(0, 12) ?? ''} (pulled) are not recorded here\n` : '';
  const rows = shown.map((e) => {
    const exists = e.id !== undefined && engine.imageService.store.get(e.id) !== undefined;
    return {
      ID: exists ? (noTrunc ? e.id! : e.id!.replace(/^sha256:/, '').slice(0, 12)) : '<missing>',
      CreatedSince: `${humanDuration(engine.kernel.now - e.created)} ago`,
      CreatedAt: new Date(e.created).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      CreatedBy: noTrunc ? e.createdBy : ellipsis(e.createdBy, 45),
      Size: humanSize(e.size),
      Comment: e.comment,
    };
  });
  const withNote = (out: CommandOutput): CommandOutput => (note === '' ? out : { ...out, stderr: out.stderr + note });
  if (f.bools.has('quiet')) return withNote(ok(rows.map((r) => `${r.ID}\n`).join('')));
  const format = f.strings.get('format');
  if (format !== undefined && format !== '' && format !== 'table') return withNote(formatList(format, rows, HEADERS));
  return withNote(ok(table([['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'], ...rows.map((r) => [r.ID, r.CreatedSince, r.CreatedBy, r.Size, r.Comment])])));
}
