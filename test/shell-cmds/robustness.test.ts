/**
 * Nothing a user types throws out of the simulator: random command lines built from
 * the words of real ones (flags in the wrong places, missing values, unknown names,
 * stray quotes and operators) all end as an answer with an exit status.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const WORDS = [
  'docker', 'run', 'create', 'exec', 'network', 'connect', 'disconnect', 'inspect', 'rm', 'ps', 'port', 'logs', 'stop', 'start', 'kill', 'images', 'prune', 'ls',
  '-d', '-it', '-itd', '--rm', '--name', 'web', 'c1', '--network', 'net1', 'host', 'none', 'container:web', '--ip', '10.1.0.5', '-p', '8080:80', '80', '-P',
  '--link', 'web:db', '-f', '{{.Name}}', '{{json .NetworkSettings}}', '{{range .x}}', '--subnet', '10.1.0.0/24', '172.17.0.0/16', '--internal', '-o',
  'busybox', 'httpd', 'redis', 'alpine', 'ubuntu', 'nosuchimage', 'sh', '-c', 'ping', '-c', '1', '-W', '172.17.0.2', 'wget', '-qO-', 'http://web', 'nc', '-zv',
  'ip', 'a', 'route', 'link', 'show', 'add', 'del', 'dev', 'eth0', 'brctl', 'iptables', '-t', 'nat', '-S', '-A', 'DOCKER-USER', '-j', 'DROP', '-I', 'iptables-save',
  'cat', '/etc/hosts', 'ls', '/', 'sed', 's/a/b/', 'sort', '-n', 'grep', 'x', '|', '&&', '||', ';', '>', '/tmp/f', '2>&1', "'", '"', '$(', ')', '`', '$X', 'lan$', 'gw$',
];

describe('any command line', () => {
  it('gets an answer, never an exception', () => {
    const sim = new Simulator({ seed: 7, images: 'playground' });
    for (const setup of ['docker network create --subnet 10.1.0.0/24 net1', 'docker run -d --name web --network net1 httpd', 'docker run -itd --name c1 busybox']) sim.runScriptLine(setup);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 9 }), (words) => {
        const line = words.join(' ');
        const out = sim.runScriptLine(line);
        expect(typeof out.exitCode).toBe('number');
        expect(typeof out.stdout + typeof out.stderr).toBe('stringstring');
      }),
      { numRuns: 1500, seed: 20261124 },
    );
  });

  it('answers a huge paste with the shell’s or the tool’s error, not a hang', () => {
    const sim = new Simulator();
    const out = sim.runScriptLine(`docker run ${'-p 1:1 '.repeat(2000)}busybox`);
    expect(out.exitCode).not.toBe(0);
    expect(sim.runScriptLine('echo ' + 'x'.repeat(200_000)).stdout.length).toBe(200_001);
  });
});
