/** A node on the minimap in its kind's colour (app.css), the host's frame as an outline: the live and the static canvas alike. */
import type { Node } from '@xyflow/react';

const MINIMAP_COLORS: Record<string, string> = {
  netns: 'var(--c-container)',
  container: 'var(--c-container)',
  bridge: 'var(--c-bridge)',
  stack: 'var(--c-stack)',
  iface: 'var(--c-stack)',
  machine: 'var(--c-machine)',
  internet: 'var(--c-internet)',
  group: 'var(--c-container)',
};

export function minimapColor(node: Node): string {
  return node.type === 'frame' ? 'transparent' : (MINIMAP_COLORS[node.type ?? ''] ?? 'var(--muted)');
}

export function minimapStroke(node: Node): string {
  return node.type === 'frame' ? 'var(--c-stack)' : 'transparent';
}
