/**
 * The trace panel: the last packet's journey as numbered hops (where, what,
 * netfilter table/chain/rule, headers, decision), with the player's controls.
 * Hovering a hop highlights its place on the canvas; hovering a node on the
 * canvas highlights the hops that happened there.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';
import type { Hop, Outcome, Trace } from '../../sim/net/trace.ts';
import type { NetfilterStep } from '../../sim/netfilter/hook.ts';
import { GALLERY_NS } from '../../scenario/gallery/ns.ts';
import { useGallery, useGalleryStore } from '../gallery/context.ts';
import type { TopologyGraph } from '../graph/types.ts';
import { useGraph } from '../graph/use-graph.ts';
import { useApp, useAppStore } from '../state/context.ts';
import { loadGalleryText } from '../i18n/index.ts';
import { SPEEDS } from '../state/persist.ts';
import { PauseIcon, PlayIcon, ReplayIcon, StepBackIcon, StepForwardIcon } from '../ui/icons.tsx';
import { hopText, lostReason } from './hop-text.ts';
import { decidingHopIndex, formatPacket, type HopPlace, placesOfTrace } from './places.ts';
import { sinceArticles } from './since-articles.ts';

function placeLabel(graph: TopologyGraph, place: HopPlace | undefined, hop: Hop): string {
  const id = place?.node ?? place?.edge;
  if (!id) return hop.netns;
  if (place?.edge) {
    const e = graph.edges.find((x) => x.id === id);
    return e?.label ? `veth ${e.label}` : 'veth';
  }
  const node = graph.nodes.find((n) => n.id === id);
  const d = node?.data;
  switch (d?.kind) {
    case 'netns':
      return d.containers.map((c) => c.name).join(' + ') || d.netns;
    case 'bridge':
      return d.network ? `${d.name} (${d.network})` : d.name;
    case 'stack':
      return 'dockerhost';
    case 'iface':
      return `dockerhost ${d.iface.name}`;
    case 'machine':
      return d.name;
    case 'internet':
      return d.address;
    default:
      return hop.netns;
  }
}

export function outcomeSuccess(o: Outcome): boolean {
  return o.kind === 'replied' || o.kind === 'delivered';
}

function OutcomeLine({ trace }: { trace: Trace }) {
  const { t } = useTranslation();
  const o = trace.outcome;
  const ok = outcomeSuccess(o);
  return (
    <div className={`outcome ${ok ? 'ok' : 'bad'}`} data-testid="trace-outcome" data-outcome={o.kind} role="status">
      <strong>{t(`outcome.${o.kind}`)}</strong>
      {(o.kind === 'dropped' || o.kind === 'rejected') && (
        <div className="outcome-rule">
          {t(o.by.num > 0 ? 'trace.decidedBy' : 'trace.decidedByPolicy', { netns: o.netns, table: o.by.table, chain: o.by.chain, num: o.by.num })}
          <code>{o.by.text}</code>
        </div>
      )}
      {o.kind === 'delivered' && <div className="small">{t('trace.deliveredTo', { netns: o.netns, process: o.process ?? '' })}</div>}
      {o.kind === 'lost' && <div className="small">{lostReason(t, trace, o.reason)}</div>}
      {o.kind === 'no-neighbour' && <div className="small mono">{`${o.netns} ${o.iface} ${o.addr}`}</div>}
    </div>
  );
}

const SHOWN_ACTIONS = new Set(['jump', 'goto', 'accept', 'drop', 'reject', 'dnat', 'snat', 'masquerade', 'redirect', 'log', 'policy', 'return']);

function Steps({ steps }: { steps: NetfilterStep[] }) {
  const shown = steps.filter((s) => (s.rule && SHOWN_ACTIONS.has(s.action)) || s.action === 'conntrack');
  return (
    <ol className="steps">
      {shown.map((s, i) => (
        <li key={i} className={`step step-${s.action}`}>
          {s.action === 'conntrack' ? (
            <span className="mono">conntrack: {s.ctState}</span>
          ) : (
            <>
              <span className="step-where">
                {s.table}/{s.chain}
                {s.rule && s.rule.num > 0 ? ` #${s.rule.num}` : ''}
              </span>{' '}
              <span className="step-action">{s.action === 'policy' ? `policy ${s.policy ?? ''}` : s.action}</span>
              {s.rule && s.rule.num > 0 && <code className="step-rule">{s.rule.text}</code>}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

function PlayerControls({ trace }: { trace: Trace }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const player = useApp((s) => s.player);
  const speed = useApp((s) => s.view.speed);
  const last = trace.hops.length - 1;
  const s = store.getState();
  return (
    <div className="player" role="toolbar" aria-label={t('player.label')}>
      <button type="button" onClick={() => { s.setStep(0); s.setPlaying(true); }} title={t('player.replay')} aria-label={t('player.replay')}>
        <ReplayIcon />
      </button>
      <button type="button" onClick={() => { s.setPlaying(false); s.setStep(player.step - 1); }} disabled={player.step <= 0} title={t('player.back')} aria-label={t('player.back')}>
        <StepBackIcon />
      </button>
      <button type="button" className="primary" onClick={() => s.setPlaying(!player.playing)} aria-label={player.playing ? t('player.pause') : t('player.play')} title={player.playing ? t('player.pause') : t('player.play')}>
        {player.playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <button type="button" onClick={() => { s.setPlaying(false); s.setStep(player.step + 1); }} disabled={player.step >= last} title={t('player.forward')} aria-label={t('player.forward')}>
        <StepForwardIcon />
      </button>
      <label className="speed">
        <span className="sr-only">{t('player.speed')}</span>
        <select value={speed} onChange={(e) => s.setView({ speed: Number(e.target.value) })} aria-label={t('player.speed')}>
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <span className="hop-count" aria-live="off">
        {t('player.hop', { n: player.step + 1, total: trace.hops.length })}
      </span>
    </div>
  );
}

/**
 * For a packet that ends where the articles would not have it end, the
 * gallery's explanation of what changed (its text loads with the gallery's),
 * unless that scenario is open (its Guide says it already).
 */
function SinceArticles({ trace }: { trace: Trace }) {
  const { t, i18n } = useTranslation();
  const gallery = useGalleryStore();
  const activeId = useGallery((s) => s.activeId);
  const id = sinceArticles(trace);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (id !== undefined) void loadGalleryText().then(() => setLoaded(true));
  }, [id]);
  if (id === undefined || id === activeId) return null;
  const key = `${GALLERY_NS}:scenarios.${id}.today`;
  if (!loaded && !i18n.exists(key)) return null;
  return (
    <aside className="trace-since" aria-label={t('trace.since')} data-testid="trace-since">
      <strong>{t('trace.since')}</strong> {t(key)}{' '}
      <button type="button" className="linklike" onClick={() => gallery.getState().requestOpen(id)}>
        {t('trace.sinceOpen', { title: t(`${GALLERY_NS}:scenarios.${id}.title`) })}
      </button>
    </aside>
  );
}

export function TracePanel() {
  const { t } = useTranslation();
  const store = useAppStore();
  const graph = useGraph();
  const state = useApp((s) => s.trace);
  const step = useApp((s) => s.player.step);
  const hover = useApp((s) => s.hover);
  const list = useRef<HTMLOListElement>(null);
  const places = useMemo(() => (state ? placesOfTrace(graph, state.trace) : []), [graph, state]);

  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>(`[data-hop="${step}"]`);
    const box = list.current?.parentElement;
    if (!el || !box) return;
    const top = el.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + el.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = Math.max(0, top - 40);
  }, [step, state]);

  if (!state) {
    return (
      <div className="panel-empty">
        <p>{t('trace.empty')}</p>
      </div>
    );
  }
  const { trace } = state;
  const deciding = decidingHopIndex(trace);
  return (
    <div className="trace-panel">
      <div className="trace-head">
        <div className="trace-command mono" title={state.command}>
          {state.typed ? `${state.typed.container} ${state.typed.prompt ?? '/ #'} ${state.typed.line}` : `$ ${state.command}`}
          {state.count > 1 && <span className="muted"> {t('trace.lastOf', { count: state.count })}</span>}
        </div>
        <OutcomeLine trace={trace} />
        <SinceArticles trace={trace} />
        <PlayerControls trace={trace} />
      </div>
      <div className="hops-scroll" tabIndex={0}>
        <ol className="hops" ref={list} aria-label={t('trace.hops')}>
          {trace.hops.map((hop, i) => {
            const place = places[i];
            const related = hover.node !== null && place?.node === hover.node;
            const cls = ['hop', `leg-${hop.leg}`, `kind-${hop.kind}`, i === step ? 'is-current' : '', hover.hop === i || related ? 'is-hovered' : '', i === deciding ? 'is-deciding' : '', i > step ? 'is-ahead' : '']
              .filter(Boolean)
              .join(' ');
            return (
              <li
                key={i}
                className={cls}
                data-hop={i}
                onMouseEnter={() => store.getState().setHover({ hop: i })}
                onMouseLeave={() => store.getState().setHover({ hop: null })}
                onClick={() => {
                  store.getState().setPlaying(false);
                  store.getState().setStep(i);
                }}
              >
                <span className="hop-num">{i + 1}</span>
                <div className="hop-body">
                  <div className="hop-line">
                    <span className="hop-leg" title={t(`trace.leg.${hop.leg}`)}>
                      {hop.leg === 'request' ? '→' : '←'}
                    </span>
                    <span className="hop-where">{placeLabel(graph, place, hop)}</span>
                    <span className="hop-kind">{hop.hook ? `${hop.hook}${hop.bridged ? ' (br_netfilter)' : ''}` : t(`trace.kind.${hop.kind === 'neighbour' && typeof hop.packet.dst === 'bigint' ? 'neighbour6' : hop.kind}`)}</span>
                  </div>
                  <div className="hop-detail">{hopText(t, hop)}</div>
                  <div className="hop-packet mono">{formatPacket(hop.packet)}</div>
                  {hop.rewritten && (
                    <div className="hop-nat mono">
                      NAT → {formatPacket(hop.rewritten)}
                    </div>
                  )}
                  {hop.steps && hop.steps.length > 0 && <Steps steps={hop.steps} />}
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
