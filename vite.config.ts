import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app is a static site: `vite build` writes dist/, `vite preview` serves it
// (Playwright's e2e suite runs against the preview server on port 4173).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
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
