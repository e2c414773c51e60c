/**
 * `ip -c` on the host (iproute2 6.1, Debian's): lib/color.c's matches_color takes
 * `-c[olor][=always|auto|never]`, and color_fprintf wraps each painted field, with the
 * spaces of its format, in the light palette's code and `\e[0m` (COLOR_IFNAME cyan,
 * COLOR_MAC yellow, COLOR_INET magenta, COLOR_INET6 blue, UP green, DOWN red); the
 * fields are ip/ipaddress.c's print_name_and_link (`%s: `), print_operstate (`%s `),
 * the link-layer addresses, print_addrinfo's local (`%s`) and broadcast (`%s `).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const cyan = (t: string) => `\x1b[36m${t}\x1b[0m`;
const yellow = (t: string) => `\x1b[33m${t}\x1b[0m`;
const magenta = (t: string) => `\x1b[35m${t}\x1b[0m`;
const blue = (t: string) => `\x1b[34m${t}\x1b[0m`;
const green = (t: string) => `\x1b[32m${t}\x1b[0m`;
const red = (t: string) => `\x1b[31m${t}\x1b[0m`;

describe('ip -c (iproute2 6.1 colours)', () => {
  const sim = new Simulator();
  sim.runScriptLine('docker run -d --name web httpd');

  it('ip -c a: names, states, MACs and addresses in colour', () => {
    const plain = sim.runScriptLine('ip a show lo').stdout;
    expect(sim.runScriptLine('ip -c a show lo')).toMatchObject({ exitCode: 0, stderr: '' });
    expect(sim.runScriptLine('ip -c a show lo').stdout).toBe(
      [
        `1: ${cyan('lo: ')}<LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000`,
        `    link/loopback ${yellow('00:00:00:00:00:00')} brd ${yellow('00:00:00:00:00:00')}`,
        `    inet ${magenta('127.0.0.1')}/8 scope host lo`,
        '       valid_lft forever preferred_lft forever',
        `    inet6 ${blue('::1')}/128 scope host `,
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
    // The same text once the codes are taken out.
    expect(withoutCodes(sim.runScriptLine('ip -color=always a show lo').stdout)).toBe(plain);
    const docker0 = sim.runScriptLine('ip --color a show docker0').stdout;
    expect(docker0).toContain(`3: ${cyan('docker0: ')}<BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state ${green('UP ')}group default \n`);
    expect(docker0).toContain(`    inet ${magenta('172.17.0.1')}/16 brd ${magenta('172.17.255.255 ')}scope global docker0\n`);
  });

  it('a link that is down is red; -br paints the padded columns', () => {
    const s = new Simulator();
    s.runScriptLine('ip link add br9 type bridge');
    expect(s.runScriptLine('ip -c link show br9').stdout).toContain(`state ${red('DOWN ')}mode DEFAULT`);
    expect(s.runScriptLine('ip -c -br a show docker0').stdout).toMatch(new RegExp(`^${escape(cyan('docker0          '))}${escape(red('DOWN           '))}${escape(magenta('172.17.0.1'))}/16 \n$`));
  });

  it('never and auto print no codes (output read as a transcript, not a terminal); a bad value is an unknown option', () => {
    const plain = sim.runScriptLine('ip a').stdout;
    expect(sim.runScriptLine('ip -color=never a').stdout).toBe(plain);
    expect(sim.runScriptLine('ip -color=auto a').stdout).toBe(plain);
    expect(sim.runScriptLine('ip -color=bad a')).toMatchObject({ stdout: '', stderr: 'Option "-color=bad" is unknown, try "ip -help".\n', exitCode: 255 });
  });
});

/** The text with each `ESC [ ... m` sequence taken out. */
function withoutCodes(text: string): string {
  return text
    .split('\x1b[')
    .map((part, i) => (i === 0 ? part : part.replace(/^[\d;]*m/, '')))
    .join('');
}

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
