/**
 * The packet on the canvas: a dot at the place of the trace's current hop
 * (a node, or the middle of the veth it crosses), moving hop by hop as the
 * player advances; a callout says what netfilter decided there, shows NAT's
 * header change, and where a packet was dropped, the rule that dropped it.
 */
import { ViewportPortal } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { useApp } from '../state/context.ts';
import type { XY } from '../state/persist.ts';
import { hopText } from '../trace/hop-text.ts';
import { decidingHopIndex, formatPacket, type HopPlace, hopDuration } from '../trace/places.ts';
import type { Size } from './layout.ts';
import { placePoint } from './place-point.ts';
import { useCanvasGraph } from './use-canvas-graph.ts';
import { useTracePlaces } from './use-trace-places.ts';


interface Props {
  positions: Record<string, XY>;
  sizes: Record<string, Size>;
}

export function PacketLayer({ positions, sizes }: Props) {
  const { t } = useTranslation();
  const graph = useCanvasGraph();
  const trace = useApp((s) => s.trace);
  const step = useApp((s) => s.player.step);
  const speed = useApp((s) => s.view.speed);
  const { places } = useTracePlaces();

  const point = (place: HopPlace | undefined): XY | undefined => placePoint(graph, positions, sizes, place);

  if (!trace) return null;
  const hop = trace.trace.hops[step];
  const at = point(places[step]);
  if (!hop || !at) return null;
  const last = step === trace.trace.hops.length - 1;
  const deciding = decidingHopIndex(trace.trace);
  const failed = last && trace.trace.outcome.kind !== 'replied' && trace.trace.outcome.kind !== 'delivered';
  const duration = Math.min(500, hopDuration(trace.trace, places, step) * 0.6) / speed;
  const o = trace.trace.outcome;

  let callout: ReactNode = null;
  if (step === deciding && (o.kind === 'dropped' || o.kind === 'rejected')) {
    callout = (
      <>
        <strong>{o.kind === 'dropped' ? 'DROP' : 'REJECT'}</strong> {o.by.table} {o.by.chain}
        {o.by.num > 0 ? ` #${o.by.num}` : ''}
        <code>{o.by.text}</code>
      </>
    );
  } else if (hop.rewritten) {
    callout = (
      <>
        <strong>NAT</strong>
        <code>{formatPacket(hop.packet)}</code>
        <span aria-hidden>↓</span>
        <code>{formatPacket(hop.rewritten)}</code>
      </>
    );
  } else if (hop.kind === 'netfilter') {
    callout = <code>{hopText(t, hop)}</code>;
  } else if (failed) {
    callout = <strong>{t(`outcome.${o.kind}`)}</strong>;
  }

  return (
    <ViewportPortal>
      <div
        className={`packet leg-${hop.leg}${failed ? ' failed' : ''}${last ? ' at-end' : ''}`}
        data-testid="packet"
        data-hop={step + 1}
        data-hops={trace.trace.hops.length}
        data-command={trace.command}
        style={{ transform: `translate(${at.x}px, ${at.y}px)`, transitionDuration: `${duration}ms` }}
      >
        <span className="packet-dot" aria-hidden>
          {failed ? '✕' : ''}
        </span>
        {callout && <div className="packet-callout">{callout}</div>}
      </div>
    </ViewportPortal>
  );
}
