/**
 * One command, repeated in the benchmark's 300-container world, for a CPU profile:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/bench/profile-command.ts
 *
 * WHAT=run (default) times `docker run -d --network net0 nginx`, WHAT=connect
 * `docker network connect net1 c0`; each is undone untimed (`undo`), as
 * scripts/bench/measure.ts does. N sets the count (1,000). It prints the median
 * and tail of wall time and the median CPU time (less moved by a busy machine);
 * in the profile, `timed` is the subtree of the measured commands.
 */
import { runLine } from '../../src/scenario/index.ts';
import { buildSimulator, containerName, networkName, worldScript, WORLD_SIZES } from './worlds.ts';

const sim = buildSimulator(worldScript(WORLD_SIZES[2]!));
const n = Number(process.env.N ?? 1000);
const connect = process.env.WHAT === 'connect';

function timed(line: string): void {
  const out = runLine(sim, line);
  if (out.exitCode !== 0) throw new Error(`\`${line}\` failed: ${out.stderr}`);
}
function undo(line: string): void {
  runLine(sim, line);
}

const wall: number[] = [];
const cpu: number[] = [];
for (let k = 0; k < n; k++) {
  const name = `bench-run-${k}`;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  timed(connect ? `docker network connect ${networkName(1)} ${containerName(0)}` : `docker run -d --name ${name} --network ${networkName(0)} nginx`);
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  undo(connect ? `docker network disconnect ${networkName(1)} ${containerName(0)}` : `docker rm -f ${name}`);
}
const at = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!.toFixed(3);
console.log(`${connect ? 'network connect' : 'docker run'} x${n}: wall median ${at(wall, 0.5)} ms, p25 ${at(wall, 0.25)}, p90 ${at(wall, 0.9)}; cpu median ${at(cpu, 0.5)} ms`);
