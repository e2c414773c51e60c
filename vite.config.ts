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
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
