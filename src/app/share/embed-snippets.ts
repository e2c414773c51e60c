/**
 * What the Embed tab hands a tutorial author: the script form (embed.js once,
 * then a div per embed) and a plain iframe, for the same link and options.
 */
import { DEFAULT_EMBED, embedQuery, type EmbedOptions } from '../embed/options.ts';

export interface EmbedSnippets {
  script: string;
  iframe: string;
}

/** Escapes text for an HTML attribute in double quotes. */
export function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * @param site the site's address, ending in `/` (where index.html, embed.html and embed.js are)
 * @param fragment the link's fragment, without `#`
 */
export function embedSnippets(site: string, fragment: string, options: Partial<EmbedOptions>, title: string): EmbedSnippets {
  const data: string[] = [];
  const panels = options.panels ?? DEFAULT_EMBED.panels;
  if (panels.join(',') !== DEFAULT_EMBED.panels.join(',')) data.push(`data-panels="${panels.join(',')}"`);
  if (options.readOnly) data.push('data-readonly="1"');
  if (options.autoplay) data.push('data-autoplay="1"');
  if (options.theme && options.theme !== 'auto') data.push(`data-theme="${options.theme}"`);
  if (options.lang) data.push(`data-lang="${options.lang}"`);
  const label = `vethlab: ${title}`;
  const script = [
    `<script src="${attr(`${site}embed.js`)}" async></script>`,
    `<div data-vethlab="${attr(`${site}#${fragment}`)}" data-title="${attr(label)}"${data.length > 0 ? ` ${data.join(' ')}` : ''}></div>`,
  ].join('\n');
  const iframe =
    `<iframe src="${attr(`${site}embed.html${embedQuery(options)}#${fragment}`)}" title="${attr(label)}"` +
    ` width="100%" height="720" style="border:0" loading="lazy" allow="clipboard-write"></iframe>`;
  return { script, iframe };
}
