/**
 * The command lines behind the UI's actions (ARCHITECTURE.md, principle 2): the
 * "Add container" and "Add network" forms as `docker run` and `docker network
 * create` lines, with the checks Docker would make before running them. The
 * checks only warn: the user may run the line anyway and get the simulator's
 * real error. Pure: reads the simulator, changes nothing; no DOM, no React.
 */
import type { Container } from '../../sim/docker/model.ts';
import type { Image } from '../../sim/docker/images.ts';
import { boundPorts } from '../../sim/docker/portmap.ts';
import { formatCidr, parseCidr, prefixMask } from '../../sim/netfilter/inet.ts';
import { shellQuote } from '../../scenario/scenario.ts';
import { type ActionWorld, findNetwork } from './world.ts';

export { type ActionWorld, findNetwork };

/** A problem found in a form: the field, and an i18n key (namespace `actions`) with its values. */
export interface Problem {
  field: string;
  key: string;
  values?: Record<string, string>;
}

/** Main processes that stay up only with a stdin and a TTY: `docker run -dit`. */
const INTERACTIVE = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', 'python3', 'python']);

/** `-dit` for an image whose command is a shell or a REPL (it would exit at once without a TTY), else `-d`. */
export function runFlags(image: Image | undefined): '-d' | '-dit' {
  if (!image) return '-d';
  return image.listens.length === 0 && image.cmd.length === 1 && INTERACTIVE.has(image.cmd[0]!) ? '-dit' : '-d';
}

export interface RunForm {
  image: string;
  /** Empty: Docker picks a name. */
  name: string;
  /** Empty: the default bridge (no `--network`). */
  network: string;
  /** `8080:80`, `127.0.0.1:8080:80/tcp`, `80`; separated by blanks or commas. */
  ports: string;
  /** `web` or `web:alias`; separated by blanks or commas. */
  links: string;
}

export const EMPTY_RUN_FORM: RunForm = { image: 'busybox', name: '', network: '', ports: '', links: '' };

/** Splits a list field on blanks and commas. */
export function words(text: string): string[] {
  return text.split(/[\s,]+/).filter((w) => w !== '');
}

/** `docker run -d|-dit [--name N] [--network NET] [-p P]... [--link L]... IMAGE`. */
export function runCommandLine(form: RunForm, world: ActionWorld): string {
  const image = world.engine.images.find((i) => i.name === form.image);
  const parts = ['docker', 'run', runFlags(image)];
  const name = form.name.trim();
  if (name !== '') parts.push('--name', shellQuote(name));
  const network = form.network.trim();
  if (network !== '') parts.push('--network', shellQuote(network));
  for (const p of words(form.ports)) parts.push('-p', shellQuote(p));
  for (const l of words(form.links)) parts.push('--link', shellQuote(l));
  parts.push(shellQuote(form.image.trim() || 'busybox'));
  return parts.join(' ');
}

/** Docker's rule for container names (daemon/names.go). */
const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
/** `[ip:][hostPort[-end]:]containerPort[-end][/proto]`. */
const PORT_RE = /^(?:(\d{1,3}(?:\.\d{1,3}){3}):)?(?:(\d*)(?:-(\d+))?:)?(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/;

const validPort = (p: string | undefined) => p === undefined || p === '' || (Number(p) >= 1 && Number(p) <= 65535);

export function findContainer(world: ActionWorld, name: string): Container | undefined {
  for (const c of world.engine.containers.values()) if (c.name === name || c.id === name || (name.length >= 3 && c.id.startsWith(name))) return c;
  return undefined;
}


const isRunning = (c: Container) => c.state === 'running' || c.state === 'paused';

/** What Docker would refuse in a `docker run` form, field by field. */
export function validateRun(form: RunForm, world: ActionWorld): Problem[] {
  const problems: Problem[] = [];
  const name = form.name.trim();
  if (!world.engine.images.some((i) => i.name === form.image)) problems.push({ field: 'image', key: 'check.noImage', values: { image: form.image } });
  if (name !== '') {
    if (!NAME_RE.test(name)) problems.push({ field: 'name', key: 'check.badName', values: { name } });
    else if (findContainer(world, name)?.name === name) problems.push({ field: 'name', key: 'check.nameInUse', values: { name } });
  }
  const network = form.network.trim();
  const net = network === '' ? undefined : findNetwork(world, network);
  if (network !== '' && !net && !/^container:/.test(network)) problems.push({ field: 'network', key: 'check.noNetwork', values: { network } });
  const hostMode = net?.driver === 'host' || net?.driver === 'null';
  const ports = words(form.ports);
  const taken = new Map<string, string>();
  for (const c of world.engine.containers.values()) {
    if (!isRunning(c)) continue;
    for (const b of boundPorts(c)) if (b.proxied) taken.set(`${b.hostPort}/${b.proto}`, c.name);
  }
  for (const p of ports) {
    const m = PORT_RE.exec(p);
    if (!m || !validPort(m[2]) || !validPort(m[3]) || !validPort(m[4]) || !validPort(m[5])) {
      problems.push({ field: 'ports', key: 'check.badPort', values: { port: p } });
      continue;
    }
    const owner = m[2] ? taken.get(`${m[2]}/${m[6] ?? 'tcp'}`) : undefined;
    if (owner !== undefined) problems.push({ field: 'ports', key: 'check.portTaken', values: { port: m[2]!, container: owner } });
  }
  if (hostMode && ports.length > 0) problems.push({ field: 'ports', key: 'check.portsDiscarded', values: { network } });
  for (const l of words(form.links)) {
    const [target, alias, extra] = l.split(':');
    if (!target || extra !== undefined || alias === '') {
      problems.push({ field: 'links', key: 'check.badLink', values: { link: l } });
      continue;
    }
    const c = findContainer(world, target);
    if (!c) problems.push({ field: 'links', key: 'check.noLinkTarget', values: { name: target } });
    else if (!isRunning(c)) problems.push({ field: 'links', key: 'check.linkNotRunning', values: { name: target } });
    if (net?.driver === 'host') problems.push({ field: 'links', key: 'check.linksHost' });
  }
  return problems;
}

/** A free name for a new container of `image`: bbox4, web1, redis1... */
export function suggestName(image: string, world: ActionWorld): string {
  const base = image === 'busybox' ? 'bbox' : image === 'nginx' || image === 'httpd' ? 'web' : image;
  for (let n = 1; ; n++) {
    const name = `${base}${n}`;
    if (!findContainer(world, name) || findContainer(world, name)!.name !== name) return name;
  }
}

export interface NetworkForm {
  name: string;
  /** Empty: Docker picks a free /16 from its pools. */
  subnet: string;
  internal: boolean;
  icc: boolean;
}

export const EMPTY_NETWORK_FORM: NetworkForm = { name: '', subnet: '', internal: false, icc: true };

/** `docker network create [--subnet S] [--internal] [-o com.docker.network.bridge.enable_icc=false] NAME`. */
export function networkCreateLine(form: NetworkForm): string {
  const parts = ['docker', 'network', 'create'];
  if (form.subnet.trim() !== '') parts.push('--subnet', shellQuote(form.subnet.trim()));
  if (form.internal) parts.push('--internal');
  if (!form.icc) parts.push('-o', 'com.docker.network.bridge.enable_icc=false');
  parts.push(form.name.trim() === '' ? 'NAME' : shellQuote(form.name.trim()));
  return parts.join(' ');
}

function overlaps(a: { addr: number; prefixLen: number }, b: { addr: number; prefixLen: number }): boolean {
  const len = Math.min(a.prefixLen, b.prefixLen);
  return ((a.addr ^ b.addr) & prefixMask(len)) >>> 0 === 0;
}

/** What Docker would refuse in a `docker network create` form. */
export function validateNetwork(form: NetworkForm, world: ActionWorld): Problem[] {
  const problems: Problem[] = [];
  const name = form.name.trim();
  if (name === '') problems.push({ field: 'name', key: 'check.networkNameMissing' });
  else if (findNetwork(world, name)?.name === name) problems.push({ field: 'name', key: 'check.networkInUse', values: { name } });
  const subnet = form.subnet.trim();
  if (subnet !== '') {
    const exact = parseCidr(subnet, true);
    const cidr = parseCidr(subnet);
    if (!exact || !cidr || !subnet.includes('/')) problems.push({ field: 'subnet', key: 'check.badSubnet', values: { subnet } });
    else if (exact.addr !== cidr.addr) problems.push({ field: 'subnet', key: 'check.subnetHostBits', values: { subnet, network: formatCidr(cidr) } });
    else {
      for (const n of world.engine.networks.values()) {
        if (n.pool && overlaps(n.pool.subnet, cidr)) {
          problems.push({ field: 'subnet', key: 'check.subnetOverlaps', values: { subnet, network: n.name, other: formatCidr(n.pool.subnet) } });
          break;
        }
      }
    }
  }
  return problems;
}
