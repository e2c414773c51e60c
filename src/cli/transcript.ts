/**
 * Scripts in the real-docker tool's format, run on a fresh simulated world:
 * `#` comments and blank lines are skipped; each line prints `$ LINE`, its
 * output (a missing final newline added) and `[exit N]` when it failed. A
 * scenario runs the same way: its setup lines, then its steps' lines.
 */
import type { ImageSet } from '../sim/docker/images.ts';
import { needsContinuation } from '../sim/shell/sh.ts';
import { Simulator } from '../sim/shell/simulator.ts';
import type { CommandOutput } from '../sim/shell/types.ts';

export interface TranscriptEntry {
  line: string;
  output: CommandOutput;
}

export function scriptLines(script: string): string[] {
  return script
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * A script file's commands as `sh script.sh` reads them: one per line, except that a
 * line opening a here-document, a loop, a quote, or ending in `|`, `&&` or a backslash
 * takes the lines after it until the command is whole, kept as they are (a
 * here-document's blank, `#` and indented lines are its text). An unfinished command
 * at the end runs as it is, for the shell to report. (The rig's record.sh runs every
 * line on its own, so golden scripts go through scriptLines.)
 */
export function scriptCommands(script: string): string[] {
  const commands: string[] = [];
  let pending: string | undefined;
  const unfinished = (text: string) => needsContinuation(text.replace(/^(lan|gw)\$\s+/, ''));
  for (const raw of script.split('\n')) {
    if (pending !== undefined) {
      pending += `\n${raw}`;
      if (!unfinished(pending)) {
        commands.push(pending);
        pending = undefined;
      }
      continue;
    }
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (unfinished(line)) pending = line;
    else commands.push(line);
  }
  if (pending !== undefined) commands.push(pending);
  return commands;
}

export interface ScriptRun {
  simulator: Simulator;
  entries: TranscriptEntry[];
}

export function runScript(script: string, seed = 1, images: ImageSet = 'rig'): ScriptRun {
  return runLines(scriptLines(script), seed, images);
}

/** Runs each line as it is (no comment or blank-line filtering) on a fresh world, as a script runs. */
export function runLines(lines: readonly string[], seed = 1, images: ImageSet = 'rig'): ScriptRun {
  const simulator = new Simulator({ seed, images });
  const entries = lines.map((line) => {
    const output = simulator.runScriptLine(line);
    // A little virtual time passes per line, as on a real host (record.sh waits after starts).
    simulator.kernel.advance(1000);
    return { line, output };
  });
  return { simulator, entries };
}

/**
 * One command's block. A command of several lines (a loop or a here-document
 * typed at the terminal, one entry of a session) shows its further lines after
 * the shell's `> ` prompt, as on the terminal; the rig's record.sh runs a
 * script line by line, so its transcripts never hold one.
 */
export function formatEntry(e: TranscriptEntry): string {
  const body = e.output.stderrFirst ? e.output.stderr + e.output.stdout : e.output.stdout + e.output.stderr;
  const newline = body === '' || body.endsWith('\n') ? '' : '\n';
  const exit = e.output.exitCode !== 0 ? `[exit ${e.output.exitCode}]\n` : '';
  return `$ ${e.line.replace(/\n/g, '\n> ')}\n${body}${newline}${exit}`;
}

export function formatTranscript(entries: TranscriptEntry[]): string {
  return entries.map(formatEntry).join('');
}
