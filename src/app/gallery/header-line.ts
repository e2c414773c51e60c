/**
 * What the top bar says about a world (model.ts's `headerLine`), and what it
 * says when no gallery scenario is open: the first screen's scenario and its
 * hint. Apart from model.ts so that the first screen has it without the
 * gallery's scenarios.
 */
import { STARTER_SCENARIO } from '../../scenario/starter.ts';

/**
 * The open scenario's title and next step, else the starter's title and hint.
 * `own` says the user changed that world: `version` (their version of the
 * titled scenario), `world` (a world all their own: it does not even start
 * with the scenario's setup).
 */
export interface HeaderLine {
  titleKey: string;
  own?: 'version' | 'world';
  hint?: { line: string; labelKey: string; step?: number };
}

export function startsWith(lines: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= lines.length && prefix.every((line, i) => lines[i] === line);
}

/** The lines of the user's own in a world that is not a gallery scenario: after the starter's (and its hint), or all. */
export function ownStarterCommands(commands: readonly string[]): string[] {
  const starter = STARTER_SCENARIO;
  if (!startsWith(commands, starter.commands)) return [...commands];
  return commands.slice(starter.commands.length).filter((line) => line !== starter.hint);
}

/** An empty Docker host (Reset's other choice): its title and a first line to try. */
export const EMPTY_HEADER: HeaderLine = { titleKey: 'scenario.empty.title', hint: { line: 'docker network create mynet', labelKey: 'hint.try' } };

/** The header of a world with no scenario open: the starter's title and hint, and whether the user changed it. */
export function starterHeaderLine(commands: readonly string[] = STARTER_SCENARIO.commands): HeaderLine {
  if (commands.length === 0) return EMPTY_HEADER;
  const hint = STARTER_SCENARIO.hint;
  const own = ownStarterCommands(commands).length === 0 ? undefined : startsWith(commands, STARTER_SCENARIO.commands) ? 'version' : 'world';
  return { titleKey: STARTER_SCENARIO.titleKey, ...(own ? { own } : {}), ...(hint ? { hint: { line: hint, labelKey: 'hint.try' } } : {}) };
}
