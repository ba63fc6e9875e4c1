import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const backend = process.env.SWITCHBOARD_API ?? 'http://localhost:3000';

/**
 * The SPA is built into web/dist and served by the API process under a strict CSP
 * (`script-src 'self'`), so the built index.html must carry no inline script: Vite emits only
 * external module scripts, and the color scheme is applied at run time rather than by an inline snippet.
 */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The modulepreload polyfill is bundled, never inlined; keep it off anyway (every supported browser has it).
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/socket.io': { target: backend, ws: true, changeOrigin: false },
    },
  },
});
