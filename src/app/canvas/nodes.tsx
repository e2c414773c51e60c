/**
 * The canvas's node components, one per kind of TopoNode: the Docker host's
 * frame, its IP stack, eth0, bridges, container namespaces, stopped or
 * host-network containers, the LAN machines and the internet host.
 *
 * Semantic zoom: below COMPACT_ZOOM (a whole large world at fit view) bridges
 * and containers draw as compact chips, their name, state and address in large
 * type, readable where the full box's rows would be specks; zooming in brings
 * the details back. Each node subscribes to whether the zoom is below the
 * threshold only, so zooming re-renders nodes once, when it crosses it.
 * Handles and the zoom come from the renderer (node-kit.ts): React Flow, or
 * the static drawing shown before React Flow has loaded.
 */
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useCollapseControl } from './collapse-control.ts';
import { Handle, useCompact, useNodeT } from './node-kit.ts';
import type {
  BridgeNodeData,
  ContainerInfo,
  ContainerNodeData,
  GroupNodeData,
  HostNodeData,
  IfaceInfo,
  IfaceNodeData,
  InternetNodeData,
  MachineNodeData,
  NetnsNodeData,
  PortInfo,
  StackNodeData,
} from '../graph/types.ts';

type P<D extends Record<string, unknown>> = NodeProps<Node<D>>;

/** A compact chip: a name in large type, then a line of state and address. */
function Chip({ name, state, detail }: { name: string; state?: string; detail: string }) {
  return (
    <div className="compact">
      <div className="compact-name">{name}</div>
      <div className="compact-line mono">
        {state && <StateDot state={state} />} {detail}
      </div>
    </div>
  );
}

function Top() {
  return <Handle type="target" position="top" />;
}
function Bottom() {
  return <Handle type="source" position="bottom" />;
}
/** Side handles: the LAN link runs left to right (gw -> eth0 -> IP stack). */
function West() {
  return <Handle id="w" type="target" position="left" />;
}
function East() {
  return <Handle id="e" type="source" position="right" />;
}

function Iface({ iface }: { iface: IfaceInfo }) {
  return (
    <div className="iface">
      <div className="iface-head">
        <span className="mono iface-name">{iface.display}</span>
        {iface.network && <span className="chip">{iface.network}</span>}
        {!iface.up && <span className="chip warn">DOWN</span>}
      </div>
      <div className="mono iface-addr">
        {iface.addresses.join(' ') || '—'} <span className="muted">{iface.mac}</span>
      </div>
    </div>
  );
}

function Ports({ ports }: { ports: PortInfo[] }) {
  const t = useNodeT();
  if (ports.length === 0) return null;
  return (
    <ul className="ports">
      {ports.map((p) => (
        <li key={p.kind + p.text} className="mono">
          <span className={`chip ${p.kind}`}>{t(`node.port.${p.kind}`)}</span> {p.text}
        </li>
      ))}
    </ul>
  );
}

function StateDot({ state }: { state: string }) {
  const t = useNodeT();
  return <span className={`state state-${state}`}>{t(`node.state.${state}`, { defaultValue: state })}</span>;
}

function ContainerLine({ c, owner }: { c: ContainerInfo; owner: boolean }) {
  const t = useNodeT();
  return (
    <div className={owner ? 'ctr-line owner' : 'ctr-line'}>
      <span className="ctr-name">{c.name}</span>
      <span className="mono muted">{c.image}</span>
      <StateDot state={c.state} />
      {!owner && <span className="chip">{t('node.joined')}</span>}
    </div>
  );
}

export const FrameNode = memo(function FrameNode({ data }: P<HostNodeData & Record<string, unknown>>) {
  const t = useNodeT();
  return (
    <div className="frame-title">
      <span className="frame-icon" aria-hidden>▣</span> {t('node.host', { name: data.label })}
    </div>
  );
});

export const StackNode = memo(function StackNode({ data }: P<StackNodeData & Record<string, unknown>>) {
  const t = useNodeT();
  return (
    <div className="node-body">
      <Top />
      <West />
      <div className="node-title">
        {t('node.stack')}
        <span className={data.ipForward ? 'chip ok' : 'chip warn'}>ip_forward={data.ipForward ? 1 : 0}</span>
      </div>
      <ul className="routes mono">
        {data.routes.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <Bottom />
    </div>
  );
});

export const IfaceNode = memo(function IfaceNode({ data }: P<IfaceNodeData & Record<string, unknown>>) {
  const t = useNodeT();
  return (
    <div className="node-body">
      <West />
      <div className="node-title">{t('node.hostIface')}</div>
      <Iface iface={data.iface} />
      <East />
    </div>
  );
});

/**
 * The button that collapses a network's containers into one node and expands
 * them again: a real button, so Tab reaches it and Enter or Space presses it.
 * Only on bridges with containers, and only on the live canvas.
 */
function CollapseToggle({ bridge, network, collapsed }: { bridge: string; network: string; collapsed: boolean }) {
  const t = useNodeT();
  const setCollapsed = useCollapseControl();
  if (!setCollapsed) return null;
  const label = t(collapsed ? 'node.expand' : 'node.collapse', { network });
  return (
    <button
      type="button"
      className="collapse-toggle nodrag nopan"
      aria-expanded={!collapsed}
      aria-label={label}
      title={label}
      onClick={(event) => {
        event.stopPropagation();
        setCollapsed(bridge, !collapsed);
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <span aria-hidden>{collapsed ? '▸' : '▾'}</span>
    </button>
  );
}

export const BridgeNode = memo(function BridgeNode({ id, data }: P<BridgeNodeData & Record<string, unknown>>) {
  const t = useNodeT();
  const compact = useCompact();
  const network = data.network ?? data.name;
  const toggle = data.collapsed || data.ports > 0 ? <CollapseToggle bridge={id} network={network} collapsed={data.collapsed ?? false} /> : null;
  if (compact) {
    return (
      <div className="node-body">
        <Top />
        {toggle}
        <Chip name={network} detail={data.subnet ?? data.addresses.join(' ')} />
        <Bottom />
      </div>
    );
  }
  return (
    <div className="node-body">
      <Top />
      {toggle}
      <div className="node-title">
        <span className="mono">{data.name}</span>
        {data.network && <span className="chip net">{data.network}</span>}
      </div>
      <div className="mono small">
        {data.subnet && (
          <>
            {t('node.subnet')} {data.subnet} · {t('node.gateway')} {data.gateway}
          </>
        )}
        {!data.subnet && data.addresses.join(' ')}
      </div>
      <div className="flags">
        <span className="chip">{t('node.bridge')}</span>
        {data.isDefault && <span className="chip">{t('node.defaultBridge')}</span>}
        {data.internal && <span className="chip warn">internal</span>}
        {!data.icc && <span className="chip warn">icc off</span>}
        <span className="muted small">{t('node.ports', { count: data.ports })}</span>
      </div>
      <Bottom />
    </div>
  );
});

export const NetnsNode = memo(function NetnsNode({ data }: P<NetnsNodeData & Record<string, unknown>>) {
  const t = useNodeT();
  const compact = useCompact();
  const n = data.interfaces.length;
  const handles = data.interfaces.map((i, k) => (
    <Handle key={i.name} id={`if:${i.name}`} type="target" position="top" style={{ left: `${((k + 1) / (n + 1)) * 100}%` }} />
  ));
  const owner = data.containers[0];
  if (compact && owner) {
    const more = data.containers.length > 1 ? ` +${data.containers.length - 1}` : '';
    const address = data.interfaces.flatMap((i) => i.addresses.map((a) => a.split('/')[0]!))[0] ?? owner.mode;
    return (
      <div className="node-body">
        {handles}
        <Chip name={owner.name + more} state={owner.state} detail={address} />
      </div>
    );
  }
  return (
    <div className="node-body">
      {handles}
      {data.containers.length > 1 && <div className="ns-label mono muted">{t('node.sharedNetns', { netns: data.netns })}</div>}
      {data.containers.map((c, k) => (
        <ContainerLine key={c.name} c={c} owner={k === 0} />
      ))}
      {data.isolated && <div className="muted small">{t(data.containers[0]?.mode === 'none' ? 'node.isolated' : 'node.noNetwork')}</div>}
      {data.interfaces.map((i) => (
        <Iface key={i.name} iface={i} />
      ))}
      <Ports ports={data.ports} />
    </div>
  );
});

export const ContainerNode = memo(function ContainerNode({ data }: P<ContainerNodeData & Record<string, unknown>>) {
  const t = useNodeT();
  const compact = useCompact();
  if (compact) {
    return (
      <div className="node-body">
        <Top />
        <Chip name={data.container.name} state={data.container.state} detail={data.container.mode} />
      </div>
    );
  }
  return (
    <div className="node-body">
      <Top />
      <ContainerLine c={data.container} owner />
      <div className="muted small">
        {data.netns === 'host' ? t('node.hostNetwork') : t('node.noNamespace', { mode: data.container.mode })}
      </div>
      <Ports ports={data.ports} />
    </div>
  );
});

/** A collapsed network's containers: how many, in which states, and the button that expands them. */
export const GroupNode = memo(function GroupNode({ data }: P<GroupNodeData & Record<string, unknown>>) {
  const t = useNodeT();
  const compact = useCompact();
  const title = t('node.group', { network: data.network, count: data.containers });
  const states = data.states.map(([state, count]) => (
    <span key={state} className={`state state-${state}`}>
      {t('node.groupState', { count, state: t(`node.state.${state}`, { defaultValue: state }) })}
    </span>
  ));
  return (
    <div className="node-body">
      <Top />
      <CollapseToggle bridge={data.bridge} network={data.network} collapsed />
      {compact ? (
        <div className="compact" title={title}>
          <div className="compact-name">{data.network}</div>
          <div className="compact-line">{t('node.groupCount', { count: data.containers })}</div>
        </div>
      ) : (
        <>
          <div className="node-title group-title">{title}</div>
          <div className="group-states small">{states}</div>
          <div className="muted small">{t('node.groupLinks', { count: data.links })}</div>
        </>
      )}
    </div>
  );
});

export const MachineNode = memo(function MachineNode({ data }: P<MachineNodeData & Record<string, unknown>>) {
  const t = useNodeT();
  return (
    <div className="node-body">
      <Top />
      <div className="node-title">
        {data.name}
        <span className="chip">{t(`node.role.${data.role}`)}</span>
      </div>
      {data.interfaces.map((i) => (
        <div key={i.name} className="mono small">
          {i.name} {i.addresses.join(' ')}
        </div>
      ))}
      {data.role === 'router' && (
        <>
          <Bottom />
          <East />
        </>
      )}
    </div>
  );
});

export const InternetNode = memo(function InternetNode({ data }: P<InternetNodeData & Record<string, unknown>>) {
  const t = useNodeT();
  return (
    <div className="node-body">
      <div className="node-title">{t('node.internet')}</div>
      <div className="mono small">
        {data.address} · {data.services.join(', ')}
      </div>
      <Bottom />
    </div>
  );
});

export const NODE_TYPES = {
  frame: FrameNode,
  stack: StackNode,
  iface: IfaceNode,
  bridge: BridgeNode,
  netns: NetnsNode,
  container: ContainerNode,
  machine: MachineNode,
  internet: InternetNode,
  group: GroupNode,
};
