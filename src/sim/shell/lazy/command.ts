/**
 * A program whose code is in a lazy part (./parts.ts), made on its first run: the
 * command tables name it at once, and by the time a line runs it, the part is loaded
 * (`partsForLine` named the program, ./needs.ts).
 */
import type { Command } from '../types.ts';

export function lazyCommand(make: () => Command): Command {
  let made: Command | undefined;
  return (argv, ctx) => (made ??= make())(argv, ctx);
}
