/**
 * What the top bar says about a world (model.ts's `headerLine`), and what it
 * says when no gallery scenario is open: the first screen's scenario and its
 * hint. Apart from model.ts so that the first screen has it without the
 * gallery's scenarios.
 */
import { STARTER_SCENARIO } from '../../scenario/starter.ts';

/** The open scenario's title and next step, else the starter's title and hint. */
export interface HeaderLine {
  titleKey: string;
  hint?: { line: string; labelKey: string; step?: number };
}

export function starterHeaderLine(): HeaderLine {
  const hint = STARTER_SCENARIO.hint;
  return { titleKey: STARTER_SCENARIO.titleKey, ...(hint ? { hint: { line: hint, labelKey: 'hint.try' } } : {}) };
}
