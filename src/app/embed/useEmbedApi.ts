/**
 * The embed's side of the postMessage API (messages.ts): obeys the embedding
 * frame's requests, and tells it when it is ready, when a step ran, how a
 * command's packet ended, and how tall the embed's content is (so that
 * embed.js can size the iframe to it).
 */
import { i18n } from '../i18n/index.ts';
import { useEffect } from 'react';
import { activeScenario, lastRunStep } from '../gallery/model.ts';
import { checkStep } from '../../scenario/check.ts';
import type { GalleryStore } from '../gallery/store.ts';
import { resolveLink } from '../share/links.ts';
import type { AppStore } from '../state/store.ts';
import { API_VERSION, type EmbedEvent, fromHost, type HostMessage, readHostMessage } from './messages.ts';
import type { EmbedOptions } from './options.ts';

function parentFrame(): Window | null {
  return window.parent !== window ? window.parent : null;
}

export function postToHost(event: EmbedEvent, origin: string | undefined): void {
  parentFrame()?.postMessage(event, origin ?? '*');
}

/** A link (a whole URL, or its fragment) to what it opens. */
function fragmentOf(link: string): string {
  const hash = link.indexOf('#');
  return hash >= 0 ? link.slice(hash) : link;
}

/** What a host's message does; the error to post back, if any. Settled in turn (useEmbedApi): a load is read before the next message runs. */
export async function handleHostMessage(message: HostMessage, app: AppStore, gallery: GalleryStore): Promise<string | undefined> {
  switch (message.type) {
    case 'vethlab:load': {
      const link = await resolveLink(fragmentOf(message.link));
      if (link.kind === 'none') return 'vethlab:load: the link opens no scenario (expected #s=... or #g=...)';
      if (link.kind === 'error') {
        const { reasonKey, ...values } = link.notice.values ?? {};
        return `vethlab:load: ${i18n.t(reasonKey ?? 'link.corrupt', { ...values, lng: 'en' })}`;
      }
      gallery.getState().openDoc(link.doc, link.step, { ask: false });
      return undefined;
    }
    case 'vethlab:run':
      app.getState().requestRun(message.command);
      return undefined;
    case 'vethlab:step': {
      const { commands } = app.getState();
      const scenario = activeScenario(commands, gallery.getState().activeId);
      if (!scenario) return 'vethlab:step: no scenario with steps is open';
      if (message.step > scenario.steps.length) return `vethlab:step: the scenario has ${scenario.steps.length} steps`;
      gallery.getState().runStep(message.step - 1);
      return undefined;
    }
    case 'vethlab:theme':
      app.getState().setView({ theme: message.theme === 'auto' ? 'system' : message.theme });
      return undefined;
  }
}

export function useEmbedApi(app: AppStore, gallery: GalleryStore, options: EmbedOptions, root: HTMLElement | null): void {
  const { origin } = options;

  // Requests from the embedding frame only.
  useEffect(() => {
    // Messages run in the order they came: a `run` or `step` sent after a `load` finds its world.
    let turn: Promise<unknown> = Promise.resolve();
    const onMessage = (event: MessageEvent) => {
      if (!fromHost(event, parentFrame(), origin)) return;
      const read = readHostMessage(event.data);
      if (read === undefined) return;
      turn = turn
        .then(() => (read.ok ? handleHostMessage(read.message, app, gallery) : read.error))
        .then((error) => {
          if (error) postToHost({ type: 'vethlab:error', message: error }, origin);
        })
        .catch(() => undefined);
    };
    window.addEventListener('message', onMessage);
    const { commands } = app.getState();
    const scenario = activeScenario(commands, gallery.getState().activeId);
    postToHost({ type: 'vethlab:ready', version: API_VERSION, title: scenario ? i18n.t(scenario.titleKey) : '', steps: scenario?.steps.length ?? 0 }, origin);
    return () => window.removeEventListener('message', onMessage);
  }, [app, gallery, origin]);

  // What happened: a step ran, a packet arrived or was dropped.
  useEffect(
    () =>
      app.subscribe((s, prev) => {
        if (s.lastRun && s.lastRun !== prev.lastRun) {
          const scenario = activeScenario(s.commands, gallery.getState().activeId);
          const step = scenario ? lastRunStep(s.commands, scenario) : undefined;
          const expectation = step !== undefined ? scenario?.steps[step]?.expect : undefined;
          if (step !== undefined && scenario?.steps[step]?.command === s.lastRun.line) {
            const verdict = expectation ? { problems: checkStep(expectation, s.lastRun.output) } : {};
            postToHost({ type: 'vethlab:step', step: step + 1, command: s.lastRun.line, exitCode: s.lastRun.exitCode, ...verdict }, origin);
          }
        }
        if (s.trace && s.trace.id !== prev.trace?.id) {
          const o = s.trace.trace.outcome;
          postToHost(
            {
              type: 'vethlab:trace',
              command: s.trace.command,
              outcome: o.kind,
              ...(o.kind === 'dropped' || o.kind === 'rejected' ? { rule: o.by.text } : {}),
              hops: s.trace.trace.hops.length,
            },
            origin,
          );
        }
      }),
    [app, gallery, origin],
  );

  // The content's height, whenever it changes.
  useEffect(() => {
    if (!root || typeof ResizeObserver === 'undefined') return;
    let last = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        postToHost({ type: 'vethlab:resize', height }, origin);
      }
    });
    observer.observe(root);
    return () => observer.disconnect();
  }, [root, origin]);
}
