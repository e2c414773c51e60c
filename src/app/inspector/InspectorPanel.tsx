/**
 * The inspector tab: the selected container, network (bridge) or veth as
 * `docker inspect` and `ip` show it (see data.ts), with its actions: the
 * common ones as buttons, all of them in the node's menu ("More…").
 */
import { type MouseEvent, type ReactNode, useMemo } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { useActions } from '../actions/ActionsProvider.tsx';
import { nodeMenu } from '../actions/menu.ts';
import { useGraph } from '../graph/use-graph.ts';
import { useApp, useAppStore } from '../state/context.ts';
import { type ContainerInspection, inspect, type Inspection, type NetnsInspection, type NetworkInspection, type VethInspection } from './data.ts';
import '../actions/actions.css';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Pre({ title, text }: { title: string; text: string }) {
  return (
    <figure className="insp-pre">
      <figcaption className="mono">{title}</figcaption>
      <pre>{text.trimEnd() || '—'}</pre>
    </figure>
  );
}

function NodeLink({ id, children }: { id: string; children: ReactNode }) {
  const store = useAppStore();
  return (
    <button type="button" className="link" onClick={() => store.getState().inspect(id, true)}>
      {children}
    </button>
  );
}

/** Buttons for the node's simple actions, and "More…" with its whole menu. */
function ActionBar({ node }: { node: string }) {
  const { t } = useTranslation('actions');
  const actions = useActions();
  const sim = useApp((s) => s.sim);
  const rev = useApp((s) => s.rev);
  const items = useMemo(() => {
    void rev;
    return nodeMenu(sim, node);
  }, [sim, rev, node]);
  if (!actions || items.length === 0) return null;
  const quick = items.filter((i) => i.action && i.action.kind !== 'inspect' && !i.children && !i.disabled);
  const more = (e: MouseEvent<HTMLButtonElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    actions.openMenu({ target: node, x: r.left, y: r.bottom + 2, returnFocus: e.currentTarget });
  };
  return (
    <section className="insp-actions" aria-label={t('inspector.actions')}>
      {quick.map((i) => (
        <button
          key={i.id}
          type="button"
          className={i.danger ? 'danger' : ''}
          title={i.action?.kind === 'run' ? i.action.line : undefined}
          onClick={() => actions.perform(i.action!)}
        >
          {t(i.label, i.values ?? {})}
        </button>
      ))}
      <button type="button" aria-haspopup="menu" onClick={more}>
        {t('inspector.more')}
      </button>
    </section>
  );
}

function ContainerView({ v }: { v: ContainerInspection }) {
  const { t } = useTranslation('actions');
  return (
    <>
      <header className="insp-head">
        <span className="insp-kind">{t('inspector.container')}</span>
        <h2>{v.name}</h2>
        <span className={`state state-${v.state}`}>{v.state}</span>
      </header>
      <ActionBar node={v.node} />
      <dl className="insp-dl">
        <Row label={t('inspector.image')}>
          <span className="mono">{v.image}</span>
        </Row>
        <Row label={t('inspector.state')}>
          {v.state}
          {v.state === 'exited' && ` (${t('inspector.exitCode', { code: v.exitCode })})`}
        </Row>
        <Row label={t('inspector.command')}>
          <code>{v.command}</code>
        </Row>
        <Row label={t('inspector.id')}>
          <code>{v.id.slice(0, 12)}</code>
        </Row>
        <Row label={t('inspector.networkMode')}>
          <code>{v.networkMode}</code>
        </Row>
        {v.joined.length > 0 && <Row label="">{t('inspector.joined', { names: v.joined.join(', ') })}</Row>}
      </dl>
      <h3>{t('inspector.networks')}</h3>
      {v.networks.length === 0 ? (
        <p className="muted">{t('inspector.none')}</p>
      ) : (
        <table className="insp-table" data-testid="inspector-networks">
          <thead>
            <tr>
              <th scope="col">{t('inspector.network')}</th>
              <th scope="col">{t('inspector.ip')}</th>
              <th scope="col">{t('inspector.mac')}</th>
              <th scope="col">{t('inspector.gateway')}</th>
            </tr>
          </thead>
          <tbody>
            {v.networks.map((n) => (
              <tr key={n.network}>
                <th scope="row">
                  {n.network}
                  {n.ifname && <span className="muted mono"> {n.ifname}</span>}
                </th>
                <td className="mono">{n.ip ? `${n.ip}/${n.prefixLen}` : '—'}</td>
                <td className="mono">{n.mac || '—'}</td>
                <td className="mono">{n.gateway || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('inspector.ports')}</h3>
      {v.ports.length === 0 ? (
        <p className="muted">{t('inspector.noPorts')}</p>
      ) : (
        <ul className="insp-list mono">
          {v.ports.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {v.netns && (
        <>
          <h3>
            {t('inspector.interfaces')} <span className="muted small">{t('inspector.inNetns', { netns: v.netns })}</span>
          </h3>
          <ul className="insp-ifaces">
            {v.interfaces.map((i) => (
              <li key={i.name}>
                <span className="mono">{i.name}</span> <span className="mono">{i.addresses.join(' ')}</span> <span className="mono muted">{i.mac}</span>
                {i.veth && (
                  <NodeLink id={i.veth}>
                    <span className="sr-only">{t('inspector.showVeth', { iface: i.name })}</span>
                    <span aria-hidden>{t('inspector.veth')} →</span>
                  </NodeLink>
                )}
              </li>
            ))}
          </ul>
          <Pre title="ip -br addr" text={v.ipAddr ?? ''} />
          <Pre title="ip route" text={v.ipRoute ?? ''} />
        </>
      )}
      <details className="insp-json">
        <summary>{t('inspector.json')}</summary>
        <pre>{v.json}</pre>
      </details>
    </>
  );
}

function NetworkView({ v }: { v: NetworkInspection }) {
  const { t } = useTranslation('actions');
  const yes = (b: boolean) => (b ? t('inspector.yes') : t('inspector.no'));
  return (
    <>
      <header className="insp-head">
        <span className="insp-kind">{v.network ? t('inspector.networkTitle') : t('inspector.bridgeTitle')}</span>
        <h2>{v.network ?? v.bridge}</h2>
        {v.isDefault && <span className="chip">{t('inspector.default')}</span>}
      </header>
      <ActionBar node={v.node} />
      <dl className="insp-dl">
        {v.driver && <Row label={t('inspector.driver')}>{v.driver}</Row>}
        {v.subnet && (
          <Row label={t('inspector.subnet')}>
            <span className="mono">{v.subnet}</span>
          </Row>
        )}
        {v.gateway && (
          <Row label={t('inspector.gateway')}>
            <span className="mono">{v.gateway}</span>
          </Row>
        )}
        <Row label={t('inspector.bridge')}>
          <span className="mono">{v.bridge}</span>
        </Row>
        <Row label={t('inspector.internal')}>{yes(v.internal)}</Row>
        <Row label={t('inspector.icc')}>{yes(v.icc)}</Row>
        {v.id && (
          <Row label={t('inspector.id')}>
            <code>{v.id.slice(0, 12)}</code>
          </Row>
        )}
      </dl>
      <h3>{t('inspector.connected')}</h3>
      {v.containers.length === 0 ? (
        <p className="muted">{t('inspector.none')}</p>
      ) : (
        <table className="insp-table">
          <thead>
            <tr>
              <th scope="col">{t('inspector.container')}</th>
              <th scope="col">{t('inspector.ip')}</th>
              <th scope="col">{t('inspector.mac')}</th>
            </tr>
          </thead>
          <tbody>
            {v.containers.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <NodeLink id={`c:${c.name}`}>{c.name}</NodeLink>
                </th>
                <td className="mono">{c.ip || '—'}</td>
                <td className="mono">{c.mac || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pre title={`ip -d link show ${v.bridge}`} text={v.ipLink} />
      {v.json && (
        <details className="insp-json">
          <summary>{`docker network inspect ${v.network}`}</summary>
          <pre>{v.json}</pre>
        </details>
      )}
    </>
  );
}

function VethView({ v }: { v: VethInspection }) {
  const { t } = useTranslation('actions');
  const [a, b] = v.ends;
  const end = (title: string, e: typeof a) => (
    <section className="insp-end" aria-label={title}>
      <h3>{title}</h3>
      <dl className="insp-dl">
        <Row label={t('inspector.interfaces')}>
          <span className="mono">{e.iface}</span>
          {e.ifindex !== undefined && <span className="muted mono"> #{e.ifindex}</span>}
        </Row>
        <Row label={t('inspector.where')}>{e.node && e.node !== 'host:stack' ? <NodeLink id={e.node}>{e.netns}</NodeLink> : <span className="mono">{e.netns}</span>}</Row>
        {e.master && (
          <Row label={t('inspector.master')}>
            <NodeLink id={`bridge:${e.master}`}>{e.master}</NodeLink>
          </Row>
        )}
        <Row label={t('inspector.mac')}>
          <span className="mono">{e.mac ?? '—'}</span>
        </Row>
        <Row label={t('inspector.addresses')}>
          <span className="mono">{e.addresses.join(' ') || '—'}</span>
        </Row>
      </dl>
    </section>
  );
  return (
    <>
      <header className="insp-head">
        <span className="insp-kind">{t('inspector.vethTitle')}</span>
        <h2 className="mono">
          {a.iface} ⇄ {b.iface}
        </h2>
      </header>
      <div className="insp-ends">
        {end(t('inspector.hostEnd'), a)}
        {end(t('inspector.otherEnd'), b)}
      </div>
      <Pre title={`ip -d link show ${a.iface}`} text={v.ipLink} />
    </>
  );
}

/** The canvas's own title of the host's IP stack and eth0 nodes; other namespaces (lan, gw) by their name. */
const NODE_TITLES: Record<string, string> = { 'host:stack': 'node.stack', 'host:eth0': 'node.hostIface' };

function NetnsView({ v }: { v: NetnsInspection }) {
  const { t } = useTranslation('actions');
  const { t: tn } = useTranslation();
  const titleKey = NODE_TITLES[v.node];
  return (
    <>
      <header className="insp-head">
        <span className="insp-kind">{t('inspector.netnsTitle', { netns: v.netns })}</span>
        <h2>{titleKey ? tn(titleKey) : v.node}</h2>
      </header>
      <ActionBar node={v.node} />
      <Pre title="ip -br addr" text={v.ipAddr} />
      <Pre title="ip route" text={v.ipRoute} />
    </>
  );
}

function View({ v }: { v: Inspection }) {
  switch (v.kind) {
    case 'container':
      return <ContainerView v={v} />;
    case 'network':
      return <NetworkView v={v} />;
    case 'veth':
      return <VethView v={v} />;
    case 'netns':
      return <NetnsView v={v} />;
  }
}

export function InspectorPanel() {
  const { t } = useTranslation('actions');
  const id = useApp((s) => s.inspected);
  const sim = useApp((s) => s.sim);
  const rev = useApp((s) => s.rev);
  const graph = useGraph();
  const view = useMemo(() => {
    void rev;
    return id ? inspect(sim, graph, id) : undefined;
  }, [sim, graph, rev, id]);
  if (!id) return <div className="panel-empty">{t('inspector.empty')}</div>;
  if (!view) return <div className="panel-empty">{t('inspector.gone', { id: id.replace(/^(c|bridge):/, '') })}</div>;
  return (
    <div className="inspector" data-testid="inspector">
      <View v={view} />
    </div>
  );
}
