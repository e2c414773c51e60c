/**
 * The embed's pure parts: options from its URL (bad values fall back), the
 * host page's messages (checked for shape and size; only the embedding frame
 * is heard), what a message does to the world, and the snippets the Embed tab
 * writes (escaped, the same options as the URL).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED, embedQuery, parseEmbedOptions } from '../../src/app/embed/options.ts';
import { fromHost, MAX_MESSAGE_CHARS, readHostMessage } from '../../src/app/embed/messages.ts';
import { handleHostMessage } from '../../src/app/embed/useEmbedApi.ts';
import { createGalleryStore } from '../../src/app/gallery/store.ts';
import { attr, embedSnippets } from '../../src/app/share/embed-snippets.ts';
import { createAppStore } from '../../src/app/state/store.ts';
import { findGalleryScenario } from '../../src/scenario/gallery/scenarios.ts';
import { MemoryStorage } from './memory-storage.ts';

describe('embed options', () => {
  it('reads panels, read-only, autoplay, step, theme, language and origin', () => {
    expect(parseEmbedOptions('')).toEqual(DEFAULT_EMBED);
    expect(parseEmbedOptions('?panels=guide,canvas,nope&readonly=1&autoplay=true&step=3&theme=dark&lang=zh&origin=https://blog.example/post/1')).toEqual({
      panels: ['canvas', 'guide'],
      readOnly: true,
      autoplay: true,
      step: 3,
      theme: 'dark',
      lang: 'zh-CN',
      origin: 'https://blog.example',
    });
  });

  it('falls back on bad values', () => {
    expect(parseEmbedOptions('?panels=nope&readonly=0&step=-2&theme=pink&lang=fr&origin=javascript:alert(1)')).toEqual(DEFAULT_EMBED);
  });

  it('writes the query back, leaving defaults out', () => {
    expect(embedQuery({})).toBe('');
    expect(embedQuery({ panels: ['canvas', 'trace'], readOnly: true, theme: 'light', step: 2 })).toBe('?panels=canvas,trace&readonly=1&step=2&theme=light');
    expect(parseEmbedOptions(embedQuery({ panels: ['canvas', 'trace'], readOnly: true, theme: 'light' }))).toMatchObject({ panels: ['canvas', 'trace'], readOnly: true, theme: 'light' });
  });
});

describe('messages from the host page', () => {
  it('reads the four requests', () => {
    expect(readHostMessage({ type: 'vethlab:step', step: 2 })).toEqual({ ok: true, message: { type: 'vethlab:step', step: 2 } });
    expect(readHostMessage({ type: 'vethlab:run', command: 'docker ps' })).toMatchObject({ ok: true });
    expect(readHostMessage({ type: 'vethlab:load', link: '#g=three-ways' })).toMatchObject({ ok: true });
    expect(readHostMessage({ type: 'vethlab:theme', theme: 'dark' })).toMatchObject({ ok: true });
  });

  it('ignores what is not for vethlab, and refuses what is wrong, saying why', () => {
    expect(readHostMessage('hello')).toBeUndefined();
    expect(readHostMessage({ type: 'webpackOk' })).toBeUndefined();
    expect(readHostMessage({ type: 'vethlab:step', step: 0 })).toMatchObject({ ok: false, error: expect.stringMatching(/^vethlab:step: step: /) });
    expect(readHostMessage({ type: 'vethlab:step', step: 1, extra: true })).toMatchObject({ ok: false });
    expect(readHostMessage({ type: 'vethlab:run', command: '' })).toMatchObject({ ok: false });
    expect(readHostMessage({ type: 'vethlab:load', link: `#s=1.${'A'.repeat(MAX_MESSAGE_CHARS)}` })).toEqual({
      ok: false,
      error: 'vethlab:load: larger than 256 KiB',
    });
    const cyclic: Record<string, unknown> = { type: 'vethlab:run' };
    cyclic.self = cyclic;
    expect(readHostMessage(cyclic)).toEqual({ ok: false, error: 'vethlab:run: not plain data' });
  });

  it('hears only the embedding frame, and only its origin when one is set', () => {
    const parent = {};
    expect(fromHost({ source: parent as never, origin: 'https://a.example' }, parent, undefined)).toBe(true);
    expect(fromHost({ source: {} as never, origin: 'https://a.example' }, parent, undefined)).toBe(false);
    expect(fromHost({ source: parent as never, origin: 'https://a.example' }, parent, 'https://b.example')).toBe(false);
    expect(fromHost({ source: null, origin: 'https://a.example' }, null, undefined)).toBe(false);
  });

  it('does what a request asks, or says why not', async () => {
    const storage = new MemoryStorage();
    const app = createAppStore({ storage });
    const gallery = createGalleryStore(app, { storage });
    expect(await handleHostMessage({ type: 'vethlab:step', step: 1 }, app, gallery)).toBe('vethlab:step: no scenario with steps is open');
    expect(await handleHostMessage({ type: 'vethlab:load', link: 'https://vethlab.dev/#g=docker-user' }, app, gallery)).toBeUndefined();
    expect(app.getState().commands).toEqual(findGalleryScenario('docker-user')!.commands);
    expect(await handleHostMessage({ type: 'vethlab:step', step: 9 }, app, gallery)).toBe('vethlab:step: the scenario has 8 steps');
    expect(await handleHostMessage({ type: 'vethlab:step', step: 2 }, app, gallery)).toBeUndefined();
    expect(app.getState().pendingRun?.line).toBe('iptables -I DOCKER-USER -s 172.18.0.3 -j DROP');
    expect(await handleHostMessage({ type: 'vethlab:load', link: 'https://vethlab.dev/' }, app, gallery)).toMatch(/opens no scenario/);
    expect(await handleHostMessage({ type: 'vethlab:theme', theme: 'auto' }, app, gallery)).toBeUndefined();
    expect(app.getState().view.theme).toBe('system');
  });
});

describe('the Embed tab’s snippets', () => {
  it('writes the script form and the iframe for the same link and options, escaped', () => {
    const { script, iframe } = embedSnippets('https://u.github.io/vethlab/', 'g=three-ways&step=2', { readOnly: true, panels: ['canvas', 'guide'] }, 'A "quoted" <title>');
    expect(script).toBe(
      '<script src="https://u.github.io/vethlab/embed.js" async></script>\n' +
        '<div data-vethlab="https://u.github.io/vethlab/#g=three-ways&amp;step=2" data-title="vethlab: A &quot;quoted&quot; &lt;title&gt;" data-panels="canvas,guide" data-readonly="1"></div>',
    );
    expect(iframe).toBe(
      '<iframe src="https://u.github.io/vethlab/embed.html?panels=canvas,guide&amp;readonly=1#g=three-ways&amp;step=2" title="vethlab: A &quot;quoted&quot; &lt;title&gt;" width="100%" height="720" style="border:0" loading="lazy" allow="clipboard-write"></iframe>',
    );
    expect(attr('&<>"')).toBe('&amp;&lt;&gt;&quot;');
  });
});
