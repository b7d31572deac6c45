import { defineConfig } from 'vite';

// The console is served by the hub at `/`; during development `npm run dev` proxies the API
// to a hub started with `./deconflict serve` (DECONFLICT_HUB overrides the address).
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: process.env.DECONFLICT_HUB ?? 'http://127.0.0.1:5080', changeOrigin: false },
    },
  },
});
