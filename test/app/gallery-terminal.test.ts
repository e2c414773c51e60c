/**
 * What the Guide's Type button relies on in the terminal: `typeLine` puts a line
 * on the prompt without running it and gives the terminal the keyboard; Enter runs it.
 */
import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../src/app/terminal/session.ts';

describe('ShellSession.typeLine', () => {
  it('puts the line on the prompt, unrun, and Enter runs it', () => {
    const ran: string[] = [];
    let written = '';
    let focused = 0;
    const s = new ShellSession(
      {
        write: (d) => {
          written += d;
        },
        cols: () => 80,
        run: (line) => {
          ran.push(line);
          return { output: '' };
        },
        complete: () => { throw new Error('no completion here'); },
        clear: () => undefined,
        focus: () => {
          focused++;
        },
      },
      '# ',
    );
    s.start();
    s.handleData('half typed');
    s.typeLine('ip route');
    expect(s.text).toBe('ip route');
    expect(s.cursor).toBe('ip route'.length);
    expect(ran).toEqual([]);
    expect(written).toContain('# ip route');
    expect(focused).toBe(1);
    s.handleData('\r');
    expect(ran).toEqual(['ip route']);
  });
});
