/**
 * `<link rel="modulepreload">` in the built page for lazy chunks the first screen cannot do without, so they
 * download and compile (on the streaming threads) alongside the entry instead of after it has run. Only for
 * a chunk whose wait is the first screen's longest: the terminal's (xterm.js, eagerly compiled by its
 * compile hint) finished last in the load traces, ~0.6 s after the entry asked for it. The page's initial JS
 * (bench.ts counts the entry and its modulepreloads) grows by the chunk; the simulator's chunk, as large as
 * all of it, stays out.
 */
import path from 'node:path';
import type { Plugin } from 'vite';

export function firstScreenPreload(modules: string[]): Plugin {
  let root = '';
  return {
    name: 'first-screen-preload',
    apply: 'build',
    configResolved(c) {
      root = c.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const wanted = new Set(modules.map((m) => path.resolve(root, m)));
        const links: string[] = [];
        for (const c of Object.values(ctx.bundle ?? {}))
          if (c.type === 'chunk' && c.facadeModuleId && wanted.has(c.facadeModuleId))
            links.push(`<link rel="modulepreload" crossorigin href="./${c.fileName}">`);
        return links.length ? html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`) : html;
      },
    },
  };
}
