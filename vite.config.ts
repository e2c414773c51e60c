import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The app is a static site: `vite build` writes dist/, `vite preview` serves it
// (Playwright's e2e suite runs against the preview server on port 4173).

/** The HTML pages of the site: the app, and the embed view for tutorial pages' iframes. */
function pages(): Record<string, string> {
  const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));
  return { index: page('./index.html'), embed: page('./embed.html') };
}

/**
 * The built pages' Content-Security-Policy: scripts only from the site's own files (no inline
 * script, no eval, no handler attributes), so markup that slipped into the DOM could run nothing.
 * Styles may be inline (xterm.js and React Flow write style elements and attributes); images may
 * be data: and blob: URLs (the QR code, the canvas export). Added at build time only: the dev
 * server's React refresh needs an inline script. frame-ancestors cannot be set from a meta tag,
 * and the embed is meant to be framed anyway.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'vethlab-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  // Relative URLs everywhere in dist/ (index.html → ./assets/…, chunks → import.meta.url),
  // so one build works at a domain root and under any path, e.g. USER.github.io/vethlab/
  // (docs/deploy.md; e2e/subpath.spec.ts serves it at / and at /vethlab/).
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: pages(),
      output: {
        // The simulator (src/sim, ip-address) in one chunk of a stable name: the live app
        // loads it after the first screen (src/app/boot); e2e/boot.spec.ts delays it.
        codeSplitting: {
          groups: [{ name: 'simulator', test: /[\\/]src[\\/]sim[\\/]|[\\/]node_modules[\\/]ip-address[\\/]/ }],
        },
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
