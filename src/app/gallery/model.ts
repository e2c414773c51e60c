/**
 * What the gallery reads from the session's command lines, as pure functions:
 * whether a scenario is still the world (its setup lines begin the session),
 * which of its steps ran, and which lines the user typed on their own (what
 * opening another scenario would throw away).
 */
import type { GalleryScenario } from '../../scenario/gallery/types.ts';
import { type HeaderLine, ownStarterCommands, starterHeaderLine, startsWith } from './header-line.ts';
import { findScenario } from './registry.ts';

export type { HeaderLine };

export { startsWith };

/** The gallery scenario still open in a world with these lines, or undefined. */
export function activeScenario(commands: readonly string[], id: string | null | undefined): GalleryScenario | undefined {
  const scenario = findScenario(id);
  return scenario && startsWith(commands, scenario.commands) ? scenario : undefined;
}

/**
 * Indexes of the scenario's steps whose line ran since its setup. Each line run
 * marks the first step with that line not yet done, so a step that repeats an
 * earlier one's line (ping again after a fix) is done only when run again.
 */
export function doneSteps(commands: readonly string[], scenario: GalleryScenario): Set<number> {
  return walkSteps(commands, scenario).done;
}

/**
 * The step the session's last line ran, or undefined when it was not a step's:
 * the step it marked done, or for a line run again once all its steps are done,
 * the last of them. Two steps with one line (ping before and after a fix) thus
 * each show their own result.
 */
export function lastRunStep(commands: readonly string[], scenario: GalleryScenario): number | undefined {
  return walkSteps(commands, scenario).last;
}

function walkSteps(commands: readonly string[], scenario: GalleryScenario): { done: Set<number>; last: number | undefined } {
  const done = new Set<number>();
  let last: number | undefined;
  for (const line of commands.slice(scenario.commands.length)) {
    let i = scenario.steps.findIndex((step, j) => step.command === line && !done.has(j));
    if (i >= 0) done.add(i);
    else i = scenario.steps.map((step) => step.command).lastIndexOf(line);
    last = i >= 0 ? i : undefined;
  }
  return { done, last };
}

/**
 * The lines the user ran on their own: after the open scenario's setup (or the
 * first screen's), leaving out the scenario's own steps. A session that does not
 * start with a known scenario is all the user's.
 */
export function ownCommands(commands: readonly string[], active: GalleryScenario | undefined): string[] {
  if (!active) return ownStarterCommands(commands);
  const steps = new Set(active.steps.map((s) => s.command));
  return commands.slice(active.commands.length).filter((line) => !steps.has(line));
}

/** The step to point at: the first not done after `from`, else the first not done, else none. */
export function nextStep(scenario: GalleryScenario, done: Set<number>, from = 0): number | undefined {
  for (let i = from; i < scenario.steps.length; i++) if (!done.has(i)) return i;
  for (let i = 0; i < from && i < scenario.steps.length; i++) if (!done.has(i)) return i;
  return undefined;
}

/** What the top bar says about a world: the open scenario's title and next step, else the starter's title and hint. */
export function headerLine(commands: readonly string[], activeId: string | null, step: number): HeaderLine {
  const scenario = activeScenario(commands, activeId);
  if (!scenario) return starterHeaderLine(commands);
  const done = doneSteps(commands, scenario);
  const line = scenario.steps[step]?.command;
  return {
    titleKey: scenario.titleKey,
    ...(ownCommands(commands, scenario).length > 0 ? { own: 'version' as const } : {}),
    ...(line !== undefined && !(done.size === scenario.steps.length) ? { hint: { line, labelKey: 'gallery:header.next', step } } : {}),
  };
}
