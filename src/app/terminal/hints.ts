/**
 * A dim `vethlab:` line the terminal adds after a real answer that baffles
 * someone following the seed articles (the UI's note, never part of the
 * command's output: transcripts and replays do not have it).
 */
import type { CommandOutput } from '../../sim/shell/types.ts';

/** The i18n key of the note for this line's answer, if it needs one. */
export function articleHint(line: string, out: Pick<CommandOutput, 'stderr'>): string | undefined {
  // The articles list DOCKER-ISOLATION; Docker 28 has two stages, and iptables-nft answers the old name so.
  if (/\bDOCKER-ISOLATION(?![-\w])/.test(line) && out.stderr.includes("is incompatible, use 'nft' tool")) return 'terminal.hintIsolation';
  return undefined;
}
