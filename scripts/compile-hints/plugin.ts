/**
 * V8's explicit compile hint (`//# allFunctionsCalledOnLoad` as a file's first line, Chrome 136+): the
 * functions of a chunk the first screen runs are compiled on the streaming thread while it downloads, instead
 * of one by one on the main thread the first time each is called. A cold load at 4x CPU throttling compiled
 * ~1,650 functions lazily on the main thread (0.6-1 s of its CPU); with the entry, the graph and the terminal
 * hinted, ~150 (the streaming threads spend ~0.3 s more, off the main thread, while the chunks download).
 * Only the chunks a first screen runs get the hint (eager compiling costs memory and background CPU, and a
 * chunk runs only once its compile is done): the entry and the chunks it imports, and the lazy chunks holding
 * a module of `firstScreen`, with what they import. Other engines ignore the comment.
 * https://v8.dev/blog/explicit-compile-hints
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const HINT = '//# allFunctionsCalledOnLoad\n';

export function compileHints(firstScreen: string[]): Plugin {
  let root = '';
  return {
    name: 'compile-hints',
    apply: 'build',
    configResolved(c) {
      root = c.root;
    },
    // On the written files: Vite puts its preload map (__vite__mapDeps) at the top of a chunk after every
    // plugin's generateBundle, and the hint must be the file's first line.
    writeBundle(opts, bundle) {
      const wanted = new Set(firstScreen.map((f) => path.resolve(root, f)));
      const hinted = new Set<string>();
      const add = (file: string) => {
        if (hinted.has(file)) return;
        hinted.add(file);
        const c = bundle[file];
        if (c?.type === 'chunk') c.imports.forEach(add);
      };
      for (const c of Object.values(bundle))
        if (c.type === 'chunk' && (c.isEntry || c.moduleIds.some((m) => wanted.has(m)))) add(c.fileName);
      for (const file of hinted) {
        const f = path.join(opts.dir ?? '', file);
        const code = readFileSync(f, 'utf8');
        if (!code.startsWith(HINT)) writeFileSync(f, HINT + code);
      }
    },
  };
}
