/**
 * The files a learner cats: what Docker writes into a container (/etc/hosts,
 * /etc/resolv.conf, /etc/hostname, /.dockerenv), and the kernel's /proc/sys and
 * /sys/class/net views of the namespace, all derived from the model on read.
 */
import { hostHostsFile, hostnameFile, hostsFile, resolvConf } from '../docker/files.ts';
import type { Engine } from '../docker/engine.ts';
import type { Container } from '../docker/model.ts';
import { GW_IP } from '../docker/world.ts';

export interface FileContext {
  engine: Engine;
  netns: string;
  /** The container whose files these are; undefined on a host. */
  container?: Container;
  /** The machine's own host name when not a container (dockerhost, lan, gw). */
  hostname: string;
}

/** The file's content, or undefined when there is no such file. */
export function readVirtualFile(ctx: FileContext, path: string): string | undefined {
  const c = ctx.container;
  switch (path) {
    case '/etc/hosts':
      return c ? hostsFile(ctx.engine, c) : hostHostsFile();
    case '/etc/resolv.conf':
      return c ? resolvConf(ctx.engine, c) : `nameserver ${GW_IP}\n`;
    case '/etc/hostname':
      return c ? hostnameFile(ctx.engine, c) : `${ctx.hostname}\n`;
  }
  if (path === '/dev/null') return '';
  // A container's device nodes (its --device ones too) read as empty files; ls knows what they are.
  if (c && path.startsWith('/dev/') && ctx.engine.devicesOf(c).has(path)) return '';
  // dockerd creates an empty /.dockerenv in every container (tools test for it to know they run in one).
  if (path === '/.dockerenv' && c) return '';
  const proc = /^\/proc\/sys\/(.+)$/.exec(path);
  if (proc) {
    const value = ctx.engine.kernel.netns(ctx.netns)?.sysctl(proc[1]!.replace(/\//g, '.'));
    return value === undefined ? undefined : `${value}\n`;
  }
  const sys = /^\/sys\/class\/net\/([^/]+)\/(iflink|ifindex|address|mtu|operstate|carrier|tx_queue_len|type|bridge\/stp_state|bridge\/bridge_id)$/.exec(path);
  if (sys) {
    const link = ctx.engine.kernel.netns(ctx.netns)?.link(sys[1]!);
    if (!link) return undefined;
    switch (sys[2]) {
      case 'iflink':
        return `${link.peer?.ifindex ?? link.ifindex}\n`;
      case 'ifindex':
        return `${link.ifindex}\n`;
      case 'address':
        return `${link.mac}\n`;
      case 'mtu':
        return `${link.mtu}\n`;
      case 'operstate':
        // Without carrier a veth (whose iflink is its peer) is lowerlayerdown, a bridge down.
        if (!link.up) return 'down\n';
        if (link.kind === 'loopback') return 'unknown\n';
        if (link.carrier) return 'up\n';
        return link.peer && link.peer.ifindex !== link.ifindex ? 'lowerlayerdown\n' : 'down\n';
      case 'tx_queue_len':
        return `${link.txqlen}\n`;
      case 'type':
        return link.kind === 'loopback' ? '772\n' : '1\n';
      case 'bridge/stp_state':
        return link.kind === 'bridge' ? '0\n' : undefined;
      case 'bridge/bridge_id':
        return link.kind === 'bridge' ? `8000.${link.mac.replace(/:/g, '')}\n` : undefined;
      case 'carrier':
        return link.up ? `${link.carrier ? 1 : 0}\n` : undefined;
    }
  }
  return undefined;
}

/** Names the system provides in a directory (files Docker mounts, /sys/class/net's devices). */
export function listVirtualDir(ctx: FileContext, dir: string): string[] {
  switch (dir) {
    case '/':
      return ctx.container ? ['.dockerenv'] : [];
    case '/etc':
      // Docker's init layer adds the /etc/mtab link to every container.
      return ctx.container ? ['hostname', 'hosts', 'mtab', 'resolv.conf'] : ['hostname', 'hosts', 'resolv.conf'];
    case '/sys/class/net':
      return (ctx.engine.kernel.netns(ctx.netns)?.links() ?? []).map((l) => l.name);
    default:
      return ctx.container && dir.startsWith('/dev') ? deviceEntries(ctx.engine.devicesOf(ctx.container).keys(), dir) : [];
  }
}

/** The names directly in `dir` that device paths need: the nodes, and the directories that hold deeper ones (/dev/net). */
function deviceEntries(paths: Iterable<string>, dir: string): string[] {
  const prefix = `${dir}/`;
  const names = new Set<string>();
  for (const path of paths) if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0]!);
  return [...names];
}
