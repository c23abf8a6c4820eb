import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/** The classroom-scale bench page (bench-scale-chromium.ts builds it): the simulator as the app's build makes it. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: {
    alias: { 'node:zlib': fileURLToPath(new URL('../../stubs/node-zlib.js', import.meta.url)) },
  },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 4000, emptyOutDir: true },
  logLevel: 'error',
});
