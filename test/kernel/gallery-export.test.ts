/**
 * "Reproduce on Linux" on the real kernel: every gallery scenario's world,
 * exported with the script the UI downloads, rebuilt in real namespaces, and
 * every packet of its steps sent again there (test/kernel/gallery.ts). Prints
 * `export: N scenarios rebuilt on the real kernel, N agree`. Skipped, with one
 * line saying why, where the machine lacks root, ip netns or iptables.
 *   VETHLAB_KERNEL_VERBOSE=1   print every probe
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGalleryScenario, GALLERY } from '../../src/scenario/gallery/index.ts';
import { JOBS, nextPrefix, noKernelReason } from './env.ts';
import { formatProbe, runGalleryScenario } from './gallery.ts';
import { liftRouteErrorRateLimit, pool, restoreRouteErrorRateLimit } from './real.ts';

const skip = noKernelReason !== undefined;
const verbose = process.env.VETHLAB_KERNEL_VERBOSE === '1';

beforeAll(() => {
  if (!skip) liftRouteErrorRateLimit();
});

afterAll(() => {
  if (!skip) restoreRouteErrorRateLimit();
});

describe.skipIf(skip)('gallery export on the real kernel', () => {
  it('every gallery scenario, rebuilt from its Linux script, ends its steps\' packets as the simulator does', async () => {
    const t0 = Date.now();
    const reports = await pool([...GALLERY], JOBS, (g) => runGalleryScenario(g, () => nextPrefix('g')));
    const failures: string[] = [];
    let probes = 0;
    for (const r of reports) {
      probes += r.probes.length;
      if (verbose) console.log(`# ${r.id}: ${r.probes.length} probes, ${r.builds} builds, ${r.ms} ms (${Object.entries(r.timing).map(([k, v]) => `${k} ${v}`).join(', ')})\n${r.probes.map((p) => `  ${formatProbe(p)}`).join('\n')}`);
      if (r.error !== undefined) failures.push(`${r.id}: ${r.error}`);
      for (const p of r.probes) if (p.problem !== undefined) failures.push(`${r.id}: ${formatProbe(p)}`);
    }
    const agree = reports.filter((r) => r.error === undefined && r.probes.every((p) => p.problem === undefined)).length;
    console.log(`export: ${reports.length} scenarios rebuilt on the real kernel, ${agree} agree (${probes} probes, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    expect(failures, failures.join('\n')).toEqual([]);
    // Every scenario sends packets in its steps: a gallery with none checked would prove nothing.
    expect(reports.every((r) => r.probes.length > 0), reports.filter((r) => r.probes.length === 0).map((r) => r.id).join(', ')).toBe(true);
  }, 120_000);

  it('catches a real world that differs: docker-user exported without its DOCKER-USER rule', async () => {
    const g = findGalleryScenario('docker-user')!;
    const report = await runGalleryScenario(g, () => nextPrefix('gx'), { tamper: (script) => script.replace(/^-A DOCKER-USER -s \S+ -j DROP\n/m, '') });
    const caught = report.probes.filter((p) => p.problem !== undefined).map(formatProbe);
    expect(report.error).toBeUndefined();
    expect(caught[0], caught.join('\n')).toMatch(/^step 3 docker exec bad ping -c 1 -W 1 203\.0\.113\.10: container:bad icmp-echo 203\.0\.113\.10 -> DISAGREE: sim timeout, real kernel reply/);
  }, 60_000);
});
