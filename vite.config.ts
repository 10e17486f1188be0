import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app lives in src/web (index.html there). `vite build` writes dist/web, which the server serves with a
 * strict CSP; `vite` (dev) serves on :5173 with hot reload and proxies /api to the separately running server.
 */
const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * The server's API lives under /api — and so do the web app's own modules in src/web/api/ (client.ts, query.ts),
 * which the dev server serves as /api/client.ts. Proxy every /api path except TypeScript modules (the server has
 * no route ending in .ts or .tsx; Vite may add ?t=… or ?import to module URLs).
 */
const apiProxy = {
  '^/api/(?!.*\\.tsx?(?:\\?.*)?$)': { target: 'http://127.0.0.1:8080', changeOrigin: false },
};

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  css: { postcss: repoRoot },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Nothing may be inlined as a data: URL script; keep assets as files served by 'self'.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: apiProxy,
  },
  preview: { port: 4173, strictPort: true, proxy: apiProxy },
});
