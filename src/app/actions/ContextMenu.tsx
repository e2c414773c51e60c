/**
 * The context menu of a canvas node (or of the canvas), as the WAI-ARIA menu
 * pattern: role=menu and menuitem, ↑/↓/Home/End move, → or Enter opens a
 * submenu, ← or Esc goes back, Esc or Tab closes and gives focus back to the
 * node. Each item that runs a command shows that command line under its label.
 */
import { type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { useApp } from '../state/context.ts';
import { type Actions, useActions } from './ActionsProvider.tsx';
import { type MenuAction, type MenuItem, nodeMenu } from './menu.ts';
import './actions.css';

interface ListProps {
  items: MenuItem[];
  label: string;
  sub: boolean;
  onActivate(action: MenuAction): void;
  /** Esc at the top, or Tab: close the whole menu. */
  onClose(): void;
  /** ← or Esc in a submenu: back to its parent item. */
  onBack?(): void;
  /** Focus the first item on mount (keyboard opening). */
  autoFocus: boolean;
}

function MenuList({ items, label, sub, onActivate, onClose, onBack, autoFocus }: ListProps) {
  const { t } = useTranslation('actions');
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const list = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState<{ index: number; focus: boolean } | null>(null);
  const [flip, setFlip] = useState(false);

  useEffect(() => {
    if (autoFocus) refs.current[0]?.focus();
  }, [autoFocus]);

  // A submenu that would leave the window moves up, or to the left of its parent.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    if (sub && r.bottom > window.innerHeight - 4) el.style.top = `${Math.min(0, window.innerHeight - 4 - r.bottom)}px`;
    setFlip(r.right + 280 > window.innerWidth);
  }, [sub]);

  const focusAt = (i: number) => {
    const n = items.length;
    refs.current[((i % n) + n) % n]?.focus();
  };
  const current = () => refs.current.findIndex((r) => r === document.activeElement);

  const activate = (i: number, viaKey: boolean) => {
    const item = items[i]!;
    if (item.disabled) return;
    if (item.children) {
      setOpen({ index: i, focus: viaKey });
      return;
    }
    if (item.action) onActivate(item.action);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.target instanceof HTMLElement && !refs.current.includes(e.target as HTMLButtonElement)) return;
    const i = current();
    switch (e.key) {
      case 'ArrowDown':
        focusAt(i + 1);
        break;
      case 'ArrowUp':
        focusAt(i - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(items.length - 1);
        break;
      case 'ArrowRight':
        if (i >= 0 && items[i]!.children && !items[i]!.disabled) setOpen({ index: i, focus: true });
        break;
      case 'ArrowLeft':
        if (!onBack) return;
        onBack();
        break;
      case 'Enter':
      case ' ':
        if (i >= 0) activate(i, true);
        break;
      case 'Escape':
        if (onBack) onBack();
        else onClose();
        break;
      case 'Tab':
        onClose();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <ul ref={list} role="menu" aria-label={label} className={`ctx-menu${sub ? ' ctx-sub' : ''}${flip ? ' flip' : ''}`} onKeyDown={onKeyDown}>
      {items.map((item, i) => {
        const text = t(item.label, item.values ?? {});
        const line = item.action?.kind === 'run' ? item.action.line : undefined;
        const expanded = open?.index === i;
        return (
          <li key={item.id} role="none" className="ctx-li">
            <button
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`ctx-item${item.danger ? ' danger' : ''}${expanded ? ' expanded' : ''}`}
              aria-disabled={item.disabled ? true : undefined}
              aria-haspopup={item.children ? 'menu' : undefined}
              aria-expanded={item.children ? expanded : undefined}
              title={line}
              onClick={() => activate(i, false)}
              onMouseEnter={() => {
                if (item.children && !item.disabled) setOpen({ index: i, focus: false });
                else if (open && open.index !== i) setOpen(null);
              }}
            >
              <span className="ctx-label">{text}</span>
              {item.children && <span className="ctx-arrow" aria-hidden>▸</span>}
              {line && <code className="ctx-line">{line}</code>}
              {item.disabled && item.reason && <span className="ctx-reason">{t(item.reason)}</span>}
            </button>
            {expanded && item.children && (
              <MenuList
                items={item.children}
                label={t('menu.submenu', { label: text })}
                sub
                onActivate={onActivate}
                onClose={onClose}
                onBack={() => {
                  setOpen(null);
                  refs.current[i]?.focus();
                }}
                autoFocus={open.focus}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Popup({ actions }: { actions: Actions & { menu: NonNullable<Actions['menu']> } }) {
  const { t } = useTranslation('actions');
  const { menu } = actions;
  const sim = useApp((s) => s.sim);
  const rev = useApp((s) => s.rev);
  const root = useRef<HTMLDivElement>(null);
  const items = useMemo(() => {
    void rev;
    return nodeMenu(sim, menu.target);
  }, [sim, rev, menu.target]);
  const [pos, setPos] = useState({ x: menu.x, y: menu.y });

  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    setPos({ x: Math.max(4, Math.min(menu.x, window.innerWidth - r.width - 4)), y: Math.max(4, Math.min(menu.y, window.innerHeight - r.height - 4)) });
  }, [menu.x, menu.y]);

  const { closeMenu, perform } = actions;
  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) closeMenu(false);
    };
    const blur = () => closeMenu(false);
    document.addEventListener('pointerdown', away, true);
    window.addEventListener('resize', blur);
    return () => {
      document.removeEventListener('pointerdown', away, true);
      window.removeEventListener('resize', blur);
    };
  }, [closeMenu]);

  if (items.length === 0) return null;
  const node = menu.target === 'pane' ? t('toolbar.label') : menu.target.replace(/^(c|bridge):/, '');
  return (
    <div ref={root} className="ctx-root" style={{ left: pos.x, top: pos.y }} onContextMenu={(e) => e.preventDefault()}>
      <MenuList
        items={items}
        label={t('menu.label', { node })}
        sub={false}
        autoFocus
        onClose={() => closeMenu(true)}
        onActivate={(action) => {
          closeMenu(action.kind !== 'dialog');
          perform(action);
        }}
      />
    </div>
  );
}

export function ContextMenu() {
  const actions = useActions();
  if (!actions?.menu) return null;
  const { menu } = actions;
  return <Popup key={`${menu.target}@${menu.x},${menu.y}`} actions={{ ...actions, menu }} />;
}
