import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Served by the API server under /admin/ (SPA fallback to index.html).
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // react-admin + MUI make one large vendor chunk: expected for a staff tool on desktop.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `npm run dev -w backoffice` against a running API (`npm start`, PORT=3000 by default).
    proxy: { '/api': process.env.CONSIGNE_API_URL ?? 'http://localhost:3000' },
  },
});
