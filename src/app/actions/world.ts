/**
 * What the actions read of the world that the canvas needs before any menu or
 * dialog opens: a network by name, a container's networks, and the line a drop
 * of a container onto a bridge runs. Apart from menu.ts and commands.ts, which
 * load with the context menu and the dialogs, after the terminal takes commands.
 */
import type { Container, Network } from '../../sim/docker/model.ts';
import type { Image } from '../../sim/docker/images.ts';
import { shellQuote } from '../../scenario/scenario.ts';

/** What the actions read of a Simulator (a Simulator fits it). */
export interface ActionWorld {
  engine: {
    containers: ReadonlyMap<string, Container>;
    networks: ReadonlyMap<string, Network>;
    images: readonly Image[];
  };
}

export function findNetwork(world: ActionWorld, name: string): Network | undefined {
  for (const n of world.engine.networks.values()) if (n.name === name || n.id === name) return n;
  return undefined;
}

/** The network records a container is attached to (asked for, running or not), in Docker's order. */
export function attachedNetworks(world: ActionWorld, c: Container): Network[] {
  const out: Network[] = [];
  for (const key of c.attachments.keys()) {
    const n = findNetwork(world, key);
    if (n && !out.includes(n)) out.push(n);
  }
  for (const id of c.endpoints.keys()) {
    const n = world.engine.networks.get(id);
    if (n && !out.includes(n)) out.push(n);
  }
  return out;
}

/** The line a drop of a container node onto a bridge node runs, or none (not a container, no network, already on it). */
export function dropLine(world: ActionWorld, dragged: string, target: string): string | undefined {
  if (!dragged.startsWith('c:') || !target.startsWith('bridge:')) return undefined;
  const c = [...world.engine.containers.values()].find((x) => x.name === dragged.slice(2));
  const net = [...world.engine.networks.values()].find((x) => x.bridge === target.slice('bridge:'.length));
  if (!c || !net || attachedNetworks(world, c).includes(net)) return undefined;
  return `docker network connect ${shellQuote(net.name)} ${shellQuote(c.name)}`;
}
