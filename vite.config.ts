import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { appChunks } from './scripts/build/app-chunks.ts';

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

/**
 * The app offline (vite-plugin-pwa, Workbox's generateSW): a service worker, sw.js, that
 * precaches every file of the build (the pages, the first screen, the lazy chunks: simulator,
 * terminal, panels, gallery text, Chinese strings) and the manifest's icons, so that after one
 * visit the app, the embed and the terminal work with no network. `prompt`: a new build waits
 * until the user chooses to reload (src/app/ui/UpdateBar.tsx), never reloads under them. The
 * saved session is in localStorage, which no cache update touches. Registered by the live app's
 * own module (no inline script, so the CSP above holds), in production builds only.
 */
function offline() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    // globPatterns below already take the icons and the favicon (listed twice, they would be precached twice).
    includeManifestIcons: false,
    manifest: {
      name: 'vethlab: Docker container networking, simulated',
      short_name: 'vethlab',
      description: 'A browser playground for Docker container networking: bridges, veth pairs, iptables and packets, simulated faithfully.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#2563eb',
      icons: [
        { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'pwa-maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // Every file the pages load (the plugin adds the manifest); not the source maps.
      globPatterns: ['**/*.{html,js,css,svg,png}'],
      // embed.html?panels=... and index.html?x are the precached pages all the same (the world is in the fragment).
      ignoreURLParametersMatching: [/.*/],
      // A static site with no client-side routes: an unknown address is the host's 404, online and offline.
      navigateFallback: null,
      cleanupOutdatedCaches: true,
    },
  });
}

/** The headers that make a page cross-origin isolated (everything vethlab loads is same-origin). */
const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative URLs everywhere in dist/ (index.html → ./assets/…, chunks → import.meta.url),
  // so one build works at a domain root and under any path, e.g. USER.github.io/vethlab/
  // (docs/deploy.md; e2e/subpath.spec.ts serves it at / and at /vethlab/).
  base: './',
  plugins: [react(), contentSecurityPolicy(), offline()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: pages(),
      output: {
        // The simulator (src/sim) in one chunk of a stable name: the live app
        // loads it after the first screen (src/app/boot); e2e/boot.spec.ts delays it. The
        // programs it loads on first use (src/sim/shell/lazy/parts.ts) come first, each in a
        // chunk of its own (the first group that matches a module takes it). No group takes the
        // modules its modules import: the lazy chunks import the simulator's, and the simulator's
        // must not take Vite's preload helper (its dynamic imports use it), which the first screen
        // imports too.
        codeSplitting: {
          groups: [
            { name: 'sim-awk', test: /[\\/]src[\\/]sim[\\/]shell[\\/]awk[\\/]/, includeDependenciesRecursively: false },
            { name: 'sim-sed', test: /[\\/]src[\\/]sim[\\/]shell[\\/]sed\.ts$/, includeDependenciesRecursively: false },
            { name: 'sim-compose', test: /[\\/]src[\\/]sim[\\/]shell[\\/]compose[\\/]|[\\/]node_modules[\\/]yaml[\\/]/, includeDependenciesRecursively: false },
            { name: 'sim-python', test: /[\\/]src[\\/]sim[\\/]shell[\\/](?:python[\\/]|python-http\.ts$|pkg-pip\.ts$|lazy[\\/]python\.ts$)/, includeDependenciesRecursively: false },
            { name: 'sim-packages', test: /[\\/]src[\\/]sim[\\/]shell[\\/](?:lazy[\\/]packages|pkg-apt|pkg-apk|pkg-catalog)\.ts$/, includeDependenciesRecursively: false },
            { name: 'sim-gotpl', test: /[\\/]src[\\/]sim[\\/]shell[\\/]gotpl\.ts$/, includeDependenciesRecursively: false },
            { name: 'sim-socat', test: /[\\/]src[\\/]sim[\\/]shell[\\/]socat-[a-z-]+\.ts$/, includeDependenciesRecursively: false },
            { name: 'sim-tcpdump', test: /[\\/]src[\\/]sim[\\/]shell[\\/]tcpdump(?:-decode|-names)?\.ts$/, includeDependenciesRecursively: false },
            // getent's musl resolver is the dns part's alone (the simulator names its type only).
            { name: 'sim-dns', test: /[\\/]src[\\/]sim[\\/]shell[\\/](?:dig-cmd|dns-cmds|getent-musl|lazy[\\/]dns)\.ts$/, includeDependenciesRecursively: false },
            { name: 'sim-nc', test: /[\\/]src[\\/]sim[\\/]shell[\\/]nc-cmd\.ts$/, includeDependenciesRecursively: false },
            { name: 'sim-traceroute', test: /[\\/]src[\\/]sim[\\/]shell[\\/]traceroute\.ts$/, includeDependenciesRecursively: false },
            { name: 'sim-wget', test: /[\\/]src[\\/]sim[\\/]shell[\\/]http-cmds\.ts$/, includeDependenciesRecursively: false },
            { name: 'sim-curl', test: /[\\/]src[\\/]sim[\\/]shell[\\/]curl-(?:cmd|options)\.ts$/, includeDependenciesRecursively: false },
            {
              name: 'sim-tools',
              test: /[\\/]src[\\/]sim[\\/]shell[\\/](?:lazy[\\/]tools|clock-cmds|file-cmds|find-cmd|grep-cmd|ls-cmd|path-cmds|printf-cmd|process-cmds|ps-cmd|sudo-text|system-cmds|text-cmds|text-edit-cmds|regex|sh[\\/](?:arith|printf|test-cmd))\.ts$/,
              includeDependenciesRecursively: false,
            },
            { name: 'sim-nettools', test: /[\\/]src[\\/]sim[\\/]shell[\\/](?:lazy[\\/]net-tools|net-tools[\\/](?:arp|ethtool|ifconfig|ip|ip-busybox|ip-color|names|netstat|route|ss))\.ts$/, includeDependenciesRecursively: false },
            {
              name: 'sim-inspect',
              // With `docker cp`, `docker update` and the housekeeping commands (prune, system df, history...), which that part's entry carries.
              test: /[\\/]src[\\/]sim[\\/](?:shell[\\/](?:lazy[\\/]inspect|docker[\\/](?:inspect-cmd|images|volume-cmds|system|copy|housekeeping|history-cmd|update-cmd))|docker[\\/](?:inspect|image-inspect|system))\.ts$/,
              includeDependenciesRecursively: false,
            },
            { name: 'sim-build', test: /[\\/]src[\\/]sim[\\/](?:shell[\\/]docker[\\/](?:build-(?:cmd|steps|context)|buildkit)\.ts$|docker[\\/]build[\\/])/, includeDependenciesRecursively: false },
            { name: 'sim-caddy', test: /[\\/]src[\\/]sim[\\/]shell[\\/]caddy[\\/]/, includeDependenciesRecursively: false },
            { name: 'sim-traefik', test: /[\\/]src[\\/]sim[\\/]shell[\\/]traefik[\\/]/, includeDependenciesRecursively: false },
            { name: 'sim-webecho', test: /[\\/]src[\\/]sim[\\/]shell[\\/]web-echo\.ts$/, includeDependenciesRecursively: false },
            // Go's HTTP framing, shared by the caddy, traefik and webecho parts; printf's format
            // reader, shared by the toolbox's printf and awk. Neither is the simulator's own.
            { name: 'sim-gohttp', test: /[\\/]src[\\/]sim[\\/]shell[\\/]go-http\.ts$/, includeDependenciesRecursively: false },
            { name: 'sim-printf', test: /[\\/]src[\\/]sim[\\/]shell[\\/]format\.ts$/, includeDependenciesRecursively: false },
            { name: 'sim-databases', test: /[\\/]src[\\/]sim[\\/]shell[\\/]db[\\/](?:clients|connect|entrypoints|psql|pg-table|mysql|mongosh)\.ts$/, includeDependenciesRecursively: false },
            { name: 'sim-redis', test: /[\\/]src[\\/]sim[\\/]shell[\\/](?:redis-cli|redis-server-cmd|lazy[\\/]redis)\.ts$/, includeDependenciesRecursively: false },
            { name: 'sim-nginx', test: /[\\/]src[\\/]sim[\\/]shell[\\/](?:nginx-(?:conf|process|server|log)|lazy[\\/]nginx)\.ts$/, includeDependenciesRecursively: false },
            // The image catalog's entries beyond the images a world starts with (catalog.ts keeps those).
            { name: 'sim-catalog', test: /[\\/]src[\\/]sim[\\/]docker[\\/]catalog-entries\.ts$/, includeDependenciesRecursively: false },
            // /etc/services (services.ts keeps /etc/protocols, which every `-p` reads).
            { name: 'sim-services', test: /[\\/]src[\\/]sim[\\/]netfilter[\\/]service-tables\.ts$/, includeDependenciesRecursively: false },
            // The Linux export (a menu item of the share dialog) writes the world with its own module of sim/net.
            { name: 'export-linux', test: /[\\/]src[\\/](?:sim[\\/]net[\\/]export|scenario[\\/]export[\\/]linux)\.ts$/, includeDependenciesRecursively: false },
            { name: 'simulator', test: /[\\/]src[\\/]sim[\\/]/, includeDependenciesRecursively: false },
            // The first screen's and the live app's modules in four chunks, not a few dozen (scripts/build/app-chunks.ts).
            appChunks(),
          ],
        },
      },
    },
  },
  server: { port: 5173 },
  // bench:ui serves the app cross-origin isolated: Chromium then times frames to 5 µs
  // instead of 100 µs, so an on-time frame no longer reads 16.8 ms by the clock's rounding.
  preview: { port: 4173, strictPort: true, headers: process.env.VETHLAB_CROSS_ORIGIN_ISOLATED === '1' ? CROSS_ORIGIN_ISOLATION : undefined },
});
