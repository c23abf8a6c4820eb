import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { offlineServiceWorker } from './scripts/offline/plugin.ts';
import { prebuiltDefaultWorld } from './scripts/default-world/plugin.ts';
import { compileHints } from './scripts/compile-hints/plugin.ts';
import { firstScreenPreload } from './scripts/first-screen-preload/plugin.ts';

/**
 * The production page forbids inline script (issue 9). The dev server needs an inline preamble for React
 * Fast Refresh, so the policy is added to the built page only.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'";

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      );
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the built folder works under any base path on any static host.
  base: './',
  plugins: [
    react(),
    tailwindcss(),
    contentSecurityPolicy(),
    offlineServiceWorker(),
    prebuiltDefaultWorld(),
    // The lazy chunks main.tsx asks for at once whose code the first screen mostly runs (the simulator's
    // chunk is not: its first screen runs a small part of it, and eager compiling it delays its evaluation).
    compileHints(['src/ui/topology/Canvas.tsx', 'src/ui/Terminal.tsx']),
    firstScreenPreload(['src/ui/Terminal.tsx']),
  ],
  resolve: {
    alias: {
      'node:zlib': fileURLToPath(new URL('./stubs/node-zlib.js', import.meta.url)),
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically in the entry chunk itself. Without this group, each module
          // the entry shares with a lazy chunk (React, i18next, zustand, the store, ...) went into a small
          // chunk of its own: ten modulepreloads, over six connections of HTTP/1.1 hosts, each one a script
          // to stream and compile before the entry runs.
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
