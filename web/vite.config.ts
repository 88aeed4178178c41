import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run build:web` (vite build web) writes web/dist, which the API server serves at / (src/server/dashboard-routes.ts).
// `npx vite web` is a dev server with hot reload that forwards the API to a running `smartmoney serve` on :8080.
const api = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/v1': api, '/health': api } },
});
