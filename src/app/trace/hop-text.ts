/**
 * A hop's sentence in the UI's language. The core describes each hop twice: an
 * English `detail` (the CLI prints it) and a language-free note (a key and the
 * technical tokens that fill it); the app renders the note through its `hop.*`
 * templates, whose English gives `detail` back word for word.
 */
import type { TFunction } from '../i18n/index.ts';
import type { Hop, Trace } from '../../sim/net/trace.ts';

/** `hop.KEY` filled with the note's values; the core's `detail` when no language has that key. */
export function hopText(t: TFunction, hop: Pick<Hop, 'detail' | 'note'>): string {
  return t(`hop.${hop.note.key}`, { ...hop.note.values, defaultValue: hop.detail });
}

/** Why a packet was lost (`lost` outcome): the kernel's drop hop in the UI's language when it says the same, else the core's reason. */
export function lostReason(t: TFunction, trace: Pick<Trace, 'hops'>, reason: string): string {
  const last = trace.hops.at(-1);
  return last && last.kind === 'drop' && last.detail === reason ? hopText(t, last) : reason;
}
