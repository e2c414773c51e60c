/**
 * `npm run bench`: the simulation core's figures beside the budgets of issue 13
 * ("Measured"), as a table and then one JSON object (docs/performance.md).
 *
 * - small (2 networks, 5 containers), medium (10, 50) and large (30, 300, 100
 *   published ports, 20 DOCKER-USER rules) worlds, built through the shell
 *   simulator as the app builds them: trace time of a ping and of a connection to
 *   a published port, one `docker run`, one `docker network connect`, and how
 *   each grows from small to large;
 * - replay time of each gallery scenario and of the 300-container script;
 * - share-link length of each gallery scenario beside lz-string's, also with its
 *   networks collapsed (ours must be shorter: the script exits 1 when it is not);
 * - the extra-large world (100 networks, 3,000 containers, one raw PREROUTING
 *   rule per container) built through the kernel API: build time, and ping
 *   trace time beside the same kind of world at 300 containers, for answered
 *   pings (within a bridge) and dropped ones (across, in raw PREROUTING) apart,
 *   the two worlds taking turns of ten pings of each kind.
 *
 * BENCH_QUICK=1 takes fewer samples (about a minute); figures are medians unless named.
 */
import { cpus, loadavg } from 'node:os';
import { GALLERY } from '../src/scenario/index.ts';
import { linkSizes } from './bench/links.ts';
import { measureDockerRun, measureKernelWorlds, measureReplay, measureWorld, type Counts, type KernelPingKind, type KernelWorldFigures, type WorldFigures } from './bench/measure.ts';
import { formatTable, toJson, type Figure } from './bench/report.ts';
import { buildSimulator, worldScript, WORLD_SIZES, type WorldSize } from './bench/worlds.ts';
import { loadAllParts } from '../src/sim/shell/lazy/parts.ts';

// Every line runs at once here, as in the CLI: the parts the browser loads on first use, first.
await loadAllParts();

const QUICK = process.env.BENCH_QUICK === '1';
const COUNTS: Counts = QUICK ? { probes: 300, commands: 15, replays: 2 } : { probes: 2000, commands: 60, replays: 5 };
/** Pings of each kind per kernel world (the worlds take turns), the stretches of the run summarized apart, and the random warm-up pings. */
const XL_PINGS = QUICK ? { perKind: 2000, stretches: 4, warmup: 300 } : { perKind: 10000, stretches: 10, warmup: 500 };

/** The world whose `docker run` the 300-container figure is held against (issue 13 measured 30, 100 and 300). */
const THIRTY: WorldSize = { name: 'thirty', networks: 3, containers: 30, published: 10, userRules: 0 };

const ms = (key: string, value: number, budget?: Figure['budget'], note?: string): Figure => ({ key, value, unit: 'ms', ...(budget ? { budget } : {}), ...(note ? { note } : {}) });
const ratio = (key: string, value: number, budget?: Figure['budget'], note?: string): Figure => ({ key, value, unit: 'x', ...(budget ? { budget } : {}), ...(note ? { note } : {}) });

function progress(what: string): void {
  process.stderr.write(`bench: ${what}\n`);
}

function worldFigures(size: WorldSize, f: WorldFigures): Figure[] {
  const p = size.name;
  const isLarge = size.name === 'large';
  return [
    ms(`${p}.build`, f.buildMs, undefined, `${size.networks} networks, ${size.containers} containers, ${size.published} published, ${size.userRules} DOCKER-USER rules`),
    ms(`${p}.ping.median`, f.ping.median),
    ms(`${p}.ping.p95`, f.ping.p95),
    ms(`${p}.curl.median`, f.curl.median, undefined, 'LAN client -> published port (DNAT)'),
    ms(`${p}.curl.p95`, f.curl.p95),
    ms(`${p}.docker-run.median`, f.dockerRun.median, isLarge ? { max: 0.5, text: '<= 0.5 ms' } : undefined),
    ms(`${p}.network-connect.median`, f.networkConnect.median),
  ];
}

function main(): number {
  const figures: Figure[] = [];
  const worlds = new Map<string, WorldFigures>();
  for (const size of WORLD_SIZES) {
    progress(`${size.name} world (${size.containers} containers)`);
    const f = measureWorld(size, COUNTS);
    worlds.set(size.name, f);
    figures.push(...worldFigures(size, f));
  }

  progress('docker run at 30 containers');
  const run30 = measureDockerRun(buildSimulator(worldScript(THIRTY)), COUNTS.commands);
  const large = worlds.get('large')!;
  const small = worlds.get('small')!;
  figures.push(
    ms('thirty.docker-run.median', run30.median, undefined, '3 networks, 30 containers'),
    ratio('large.docker-run.vs-thirty', large.dockerRun.median / run30.median, { max: 1.5, text: '<= 1.5x at 30' }),
  );

  const containersGrowth = WORLD_SIZES[2]!.containers / WORLD_SIZES[0]!.containers;
  for (const [key, pick] of [
    ['ping.median', (w: WorldFigures) => w.ping.median],
    ['curl.median', (w: WorldFigures) => w.curl.median],
    ['docker-run.median', (w: WorldFigures) => w.dockerRun.median],
    ['network-connect.median', (w: WorldFigures) => w.networkConnect.median],
  ] as const) {
    figures.push(ratio(`growth.${key}`, pick(large) / pick(small), undefined, `small -> large (${containersGrowth}x the containers)`));
  }

  progress('replays');
  for (const s of GALLERY) {
    const lines = [...s.doc.setup, ...(s.doc.steps ?? []).map((step) => step.run)];
    figures.push(ms(`replay.${s.id}`, measureReplay(lines, COUNTS.replays, s.seed).median, undefined, `${lines.length} lines`));
  }
  const script300 = worldScript(WORLD_SIZES[2]!);
  figures.push(ms('replay.script-300', measureReplay(script300, Math.min(COUNTS.replays, 3)).median, undefined, `${script300.length} lines`));

  progress('extra-large world (3,000 containers) beside the 300-container one');
  const [k300, xl] = measureKernelWorlds([{ bridges: 30, perBridge: 10 }, { bridges: 100, perBridge: 30 }], XL_PINGS.perKind, XL_PINGS.stretches, XL_PINGS.warmup) as [KernelWorldFigures, KernelWorldFigures];
  // Like with like: each kind of ping against the same kind at 300 containers; the budget holds for both.
  const kindRatio = (kind: KernelPingKind) => xl.ping[kind].median / k300.ping[kind].median;
  const stretchRatios = (kind: KernelPingKind) => xl.ping.stretches[kind].map((m, r) => m / k300.ping.stretches[kind][r]!);
  const spread = (kind: KernelPingKind) => `${Math.min(...stretchRatios(kind)).toFixed(2)}-${Math.max(...stretchRatios(kind)).toFixed(2)}x`;
  const pingFigures = (prefix: string, f: KernelWorldFigures, budget: boolean): Figure[] =>
    (['answered', 'dropped'] as const).flatMap((kind) => [
      ms(`${prefix}.ping.${kind}.median`, f.ping[kind].median, budget ? { max: k300.ping[kind].median * 1.25, text: `<= 1.25x kernel-300` } : undefined, kind === 'answered' ? 'echo to another container of the bridge, answered' : 'echo to a container of another bridge, dropped in raw PREROUTING'),
      ms(`${prefix}.ping.${kind}.p95`, f.ping[kind].p95),
    ]);
  figures.push(
    ms('kernel-300.build', k300.buildMs, undefined, `30 bridges, ${k300.containers} containers, ${k300.rawRules} raw rules (kernel API)`),
    ...pingFigures('kernel-300', k300, false),
    ms('xl.build', xl.buildMs, { max: 3000, text: '< 3 s' }, `100 bridges, ${xl.containers} containers, ${xl.rawRules} raw rules (kernel API)`),
    ...pingFigures('xl', xl, true),
    ratio('xl.ping.answered.vs-300', kindRatio('answered'), undefined, `by ${XL_PINGS.stretches} stretches of the run: ${spread('answered')}`),
    ratio('xl.ping.dropped.vs-300', kindRatio('dropped'), undefined, `by ${XL_PINGS.stretches} stretches of the run: ${spread('dropped')}`),
    ratio('xl.ping.vs-300', Math.max(kindRatio('answered'), kindRatio('dropped')), { max: 1.25, text: '<= 1.25x' }, 'the larger of the two kinds'),
  );

  const links = linkSizes();
  for (const l of links) {
    figures.push({ key: `link.${l.id}`, value: l.ours, unit: 'chars', budget: { max: l.lz - 1, text: `< lz-string ${l.lz}` }, note: `${((l.ours / l.lz) * 100).toFixed(0)}% of lz-string's` });
  }
  const total = (k: 'ours' | 'lz') => links.reduce((n, l) => n + (l.variant ? 0 : l[k]), 0);
  figures.push({ key: 'link.total', value: total('ours'), unit: 'chars', budget: { max: total('lz') - 1, text: `< lz-string ${total('lz')}` } });

  // Wall-clock figures: a loaded machine inflates them, so the load is printed beside them.
  const load = loadavg()[0]!;
  process.stdout.write(`vethlab bench${QUICK ? ' (BENCH_QUICK=1: fewer samples)' : ''}: ${COUNTS.probes} probes, ${COUNTS.commands} commands, ${COUNTS.replays} replays per figure; load ${load.toFixed(1)} on ${cpus().length} CPUs\n\n`);
  process.stdout.write(formatTable(figures));
  const json = toJson(figures, { quick: QUICK, node: process.version, samples: COUNTS, load, cpus: cpus().length, date: new Date().toISOString() });
  process.stdout.write(`\n${JSON.stringify(json)}\n`);
  // The share-link check is a contract (links must beat lz-string); the other budgets are reported.
  const longer = links.filter((l) => l.ours >= l.lz);
  if (longer.length > 0) {
    process.stderr.write(`bench: our share link is not shorter than lz-string's for ${longer.map((l) => l.id).join(', ')}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = main();
