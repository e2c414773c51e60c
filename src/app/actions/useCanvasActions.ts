/**
 * What the canvas wires for the actions: the context menu (right click, the
 * context-menu key or Shift+F10 on a focused node), selection for the
 * inspector (a click, a double click or Enter on a focused node to open it, a
 * click on a veth edge), and dragging a container onto a bridge, which runs
 * `docker network connect NET C` and puts the container back where it was (the
 * new veth edge shows the connection).
 */
import type { Edge, Node, OnSelectionChangeParams } from '@xyflow/react';
import { type KeyboardEvent, type MouseEvent as ReactMouseEvent, useCallback, useMemo, useRef } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { useAppStore } from '../state/context.ts';
import type { XY } from '../state/persist.ts';
import { useActions } from './ActionsProvider.tsx';
import { dropLine } from './world.ts';

function pointOf(event: MouseEvent | TouchEvent): { x: number; y: number } | undefined {
  if ('changedTouches' in event) {
    const t = event.changedTouches[0];
    return t ? { x: t.clientX, y: t.clientY } : undefined;
  }
  return { x: event.clientX, y: event.clientY };
}

/** The bridge node under a point of the screen (client coordinates). */
export type BridgeFinder = (point: { x: number; y: number }) => string | undefined;

/** The bridge node under a point, other than the dragged one, asked of the DOM. */
const bridgeInDom: BridgeFinder = (point) => {
  for (const el of document.elementsFromPoint(point.x, point.y)) {
    const node = el.closest<HTMLElement>('.react-flow__node-bridge');
    if (node?.dataset.id) return node.dataset.id;
  }
  return undefined;
};

function nodeElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
}

/** `findBridge`: the canvas's own geometry (canvas/hit.ts), cheaper than the DOM's while dragging. */
export function useCanvasActions(findBridge: BridgeFinder = bridgeInDom) {
  const actions = useActions();
  const store = useAppStore();
  const { t } = useTranslation('actions');
  const start = useRef<{ id: string; position: XY } | null>(null);
  const dropTarget = actions?.dropTarget ?? null;
  const setDropTarget = actions?.setDropTarget;

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: Node) => {
      if (!actions || node.id === 'host') return;
      event.preventDefault();
      actions.openMenu({ target: node.id, x: event.clientX, y: event.clientY, returnFocus: nodeElement(node.id) });
    },
    [actions],
  );

  const onPaneContextMenu = useCallback(
    (event: ReactMouseEvent | MouseEvent) => {
      if (!actions) return;
      event.preventDefault();
      actions.openMenu({ target: 'pane', x: event.clientX, y: event.clientY, returnFocus: null });
    },
    [actions],
  );

  /**
   * On a focused node: Enter shows it in the inspector (React Flow selects it too);
   * the context-menu key and Shift+F10 open its menu by the node.
   */
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
        const id = target.classList.contains('react-flow__node') ? target.dataset.id : undefined;
        if (id && id !== 'host') store.getState().inspect(id, true);
        return;
      }
      if (!actions) return;
      if (event.key !== 'ContextMenu' && !(event.shiftKey && event.key === 'F10')) return;
      const el = target.closest<HTMLElement>('.react-flow__node');
      const id = el?.dataset.id;
      if (!el || !id || id === 'host') return;
      event.preventDefault();
      const r = el.getBoundingClientRect();
      actions.openMenu({ target: id, x: r.left + Math.min(24, r.width / 2), y: r.top + Math.min(24, r.height / 2), returnFocus: el });
    },
    [actions, store],
  );

  const onSelectionChange = useCallback(
    ({ nodes }: OnSelectionChangeParams) => {
      if (nodes.length === 1 && nodes[0]!.id !== 'host') store.getState().inspect(nodes[0]!.id);
    },
    [store],
  );

  const onNodeDoubleClick = useCallback(
    (_: ReactMouseEvent, node: Node) => {
      if (node.id !== 'host') store.getState().inspect(node.id, true);
    },
    [store],
  );

  const onEdgeClick = useCallback(
    (_: ReactMouseEvent, edge: Edge) => {
      if (edge.id.startsWith('veth:')) store.getState().inspect(edge.id);
    },
    [store],
  );

  const onNodeDragStart = useCallback((_: MouseEvent | TouchEvent, node: Node) => {
    start.current = node.id.startsWith('c:') ? { id: node.id, position: { ...node.position } } : null;
  }, []);

  const onNodeDrag = useCallback(
    (event: MouseEvent | TouchEvent, node: Node) => {
      if (!setDropTarget || start.current?.id !== node.id) return;
      const point = pointOf(event);
      const bridge = point && findBridge(point);
      const line = bridge ? dropLine(store.getState().sim, node.id, bridge) : undefined;
      const next = line ? bridge! : null;
      if (next !== dropTarget) setDropTarget(next);
    },
    [dropTarget, setDropTarget, store, findBridge],
  );

  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent, node: Node) => {
      const from = start.current;
      start.current = null;
      if (!actions || from?.id !== node.id) return;
      actions.setDropTarget(null);
      const point = pointOf(event);
      const bridge = point && findBridge(point);
      const line = bridge ? dropLine(store.getState().sim, node.id, bridge) : undefined;
      if (!bridge || !line) return;
      // Back to its own place: the drop was a command, not a move (nor one to undo).
      store.getState().discardMove();
      store.getState().setPositions({ [node.id]: from.position });
      actions.run(line);
      actions.announce(t('drag.announce', { container: node.id.slice(2), bridge: bridge.slice('bridge:'.length), line }));
    },
    [actions, store, t, findBridge],
  );

  const flowProps = useMemo(
    () =>
      actions
        ? { onNodeContextMenu, onPaneContextMenu, onSelectionChange, onNodeDoubleClick, onEdgeClick, onNodeDragStart, onNodeDrag, onNodeDragStop }
        : { onSelectionChange, onNodeDoubleClick, onEdgeClick },
    [actions, onNodeContextMenu, onPaneContextMenu, onSelectionChange, onNodeDoubleClick, onEdgeClick, onNodeDragStart, onNodeDrag, onNodeDragStop],
  );

  return { flowProps, onKeyDown, dropTarget };
}
