/**
 * `npx tsx scripts/pwa-icons.ts`: the web app manifest's PNG icons, drawn from
 * public/favicon.svg by the same Chromium as the e2e suite (playwright.config.ts):
 * public/pwa-192x192.png and pwa-512x512.png (the mark on a transparent ground,
 * purpose "any") and pwa-maskable-512x512.png (on a full white square, the mark
 * inside the maskable safe zone, the middle 80%, so a launcher's round or
 * squircle crop keeps it whole). Run again when the favicon changes; the PNGs
 * are committed.
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import config from '../playwright.config.ts';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

interface Icon {
  file: string;
  size: number;
  /** The mark's share of the side. */
  scale: number;
  background?: string;
}

const ICONS: Icon[] = [
  { file: 'pwa-192x192.png', size: 192, scale: 1 },
  { file: 'pwa-512x512.png', size: 512, scale: 1 },
  { file: 'pwa-maskable-512x512.png', size: 512, scale: 0.7, background: '#ffffff' },
];

const browser = await chromium.launch(config.projects?.[0]?.use?.launchOptions ?? {});
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const mark = Math.round(icon.size * icon.scale);
    await page.setContent(
      `<body style="margin:0;width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center;background:${icon.background ?? 'transparent'}">` +
        `<img src="${dataUrl}" width="${mark}" height="${mark}"></body>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: new URL(`../public/${icon.file}`, import.meta.url).pathname, omitBackground: !icon.background });
    await page.close();
    console.log(`public/${icon.file}: ${icon.size}x${icon.size}`);
  }
} finally {
  await browser.close();
}
