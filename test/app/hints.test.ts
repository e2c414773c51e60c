/** The terminal's notes for answers that baffle readers of the seed articles. */
import { describe, expect, it } from 'vitest';
import { articleHint } from '../../src/app/terminal/hints.ts';
import { replay, runLine } from '../../src/scenario/scenario.ts';

describe('article hints', () => {
  it('notes the old DOCKER-ISOLATION chain, and nothing else', () => {
    const { sim } = replay([]);
    const old = runLine(sim, 'iptables -S DOCKER-ISOLATION');
    expect(articleHint('iptables -S DOCKER-ISOLATION', old)).toBe('terminal.hintIsolation');
    expect(articleHint('iptables -L DOCKER-ISOLATION -n', runLine(sim, 'iptables -L DOCKER-ISOLATION -n'))).toBe('terminal.hintIsolation');
    expect(articleHint('iptables -S DOCKER-ISOLATION-STAGE-1', runLine(sim, 'iptables -S DOCKER-ISOLATION-STAGE-1'))).toBeUndefined();
    expect(articleHint('iptables -S FORWARD', runLine(sim, 'iptables -S FORWARD'))).toBeUndefined();
  });
});
