import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app is a static site: `vite build` writes dist/, `vite preview` serves it
// (Playwright's e2e suite runs against the preview server on port 4173).

/** The HTML pages of the site: the app, and the embed view for tutorial pages' iframes. */
function pages(): Record<string, string> {
  const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));
  return { index: page('./index.html'), embed: page('./embed.html') };
}

export default defineConfig({
  // Relative URLs everywhere in dist/ (index.html → ./assets/…, chunks → import.meta.url),
  // so one build works at a domain root and under any path, e.g. USER.github.io/vethlab/
  // (docs/deploy.md; e2e/subpath.spec.ts serves it at / and at /vethlab/).
  base: './',
  plugins: [react()],
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
