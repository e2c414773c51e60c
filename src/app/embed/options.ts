/**
 * An embed's options, from its URL's query (`embed.html?panels=canvas,guide&readonly=1#s=...`):
 * which panels show, whether typing is off, whether the steps play by
 * themselves, the step to start at, the theme and the language. Unknown or bad
 * values fall back to the defaults; nothing here throws.
 */

export const EMBED_PANELS = ['canvas', 'terminal', 'guide', 'trace'] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];
export type EmbedTheme = 'light' | 'dark' | 'auto';

export interface EmbedOptions {
  panels: readonly EmbedPanel[];
  /** Steps run (the Guide's Run, the host page's API); typing in the terminal is off. */
  readOnly: boolean;
  /** The steps run one after another, each once the last one's packet has arrived. */
  autoplay: boolean;
  /** The step to start at, from 1 (the link's own when not given). */
  step?: number;
  theme: EmbedTheme;
  lang?: 'en' | 'zh-CN';
  /** Only messages from this origin are obeyed (and events go only to it); none: the parent frame's, whatever it is. */
  origin?: string;
}

export const DEFAULT_EMBED: EmbedOptions = { panels: ['canvas', 'terminal', 'guide'], readOnly: false, autoplay: false, theme: 'auto' };

function flag(v: string | null): boolean {
  return v !== null && v !== '0' && v !== 'false' && v !== 'no';
}

export function parseEmbedOptions(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const options: EmbedOptions = { ...DEFAULT_EMBED };
  const panels = q.get('panels');
  if (panels !== null) {
    const chosen = EMBED_PANELS.filter((p) => panels.split(',').map((s) => s.trim()).includes(p));
    if (chosen.length > 0) options.panels = chosen;
  }
  options.readOnly = flag(q.get('readonly'));
  options.autoplay = flag(q.get('autoplay'));
  const step = Number(q.get('step'));
  if (Number.isInteger(step) && step >= 1 && step <= 500) options.step = step;
  const theme = q.get('theme');
  if (theme === 'light' || theme === 'dark' || theme === 'auto') options.theme = theme;
  const lang = q.get('lang');
  if (lang === 'en' || lang === 'zh-CN') options.lang = lang;
  else if (lang?.toLowerCase().startsWith('zh')) options.lang = 'zh-CN';
  const origin = q.get('origin');
  if (origin !== null) {
    try {
      const url = new URL(origin);
      if (url.protocol === 'https:' || url.protocol === 'http:') options.origin = url.origin;
    } catch {
      // Not an origin: no restriction beyond the parent frame.
    }
  }
  return options;
}

/** The query of an embed with these options (defaults left out), for the Embed dialog and embed.js. */
export function embedQuery(options: Partial<EmbedOptions>): string {
  const q = new URLSearchParams();
  const panels = options.panels ?? DEFAULT_EMBED.panels;
  if (panels.join(',') !== DEFAULT_EMBED.panels.join(',')) q.set('panels', panels.join(','));
  if (options.readOnly) q.set('readonly', '1');
  if (options.autoplay) q.set('autoplay', '1');
  if (options.step !== undefined && options.step > 1) q.set('step', String(options.step));
  if (options.theme && options.theme !== 'auto') q.set('theme', options.theme);
  if (options.lang) q.set('lang', options.lang);
  if (options.origin) q.set('origin', options.origin);
  const text = q.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}
