/**
 * Build step for offline use: after Vite has written the build, list every file it wrote (the entry, the lazy
 * chunks, CSS, public files) and write `sw.js` from scripts/offline/sw.template.js with that list and a
 * version hash. No plugin dependency: the service worker is ~80 lines we can read.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, p));
    else out.push(p);
  }
  return out;
}

/** Files a page never needs offline. */
const SKIP = (f: string) => f === 'sw.js' || f.endsWith('.map') || f.startsWith('.') || f.includes('/.');

export function offlineServiceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'offline-service-worker',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    closeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      const files = listFiles(outDir)
        .filter((f) => !SKIP(f))
        .sort();
      const hash = createHash('sha256');
      for (const f of files)
        hash
          .update(f)
          .update('\0')
          .update(readFileSync(path.join(outDir, f)));
      const precache = {
        version: hash.digest('hex').slice(0, 16),
        files: ['./', ...files.map((f) => `./${f}`)],
      };
      const template = readFileSync(path.join(config.root, 'scripts/offline/sw.template.js'), 'utf8');
      if (template.split('= self.__PRECACHE__;').length !== 2)
        throw new Error('sw.template.js lost its PRECACHE slot');
      writeFileSync(
        path.join(outDir, 'sw.js'),
        template.replace('= self.__PRECACHE__;', `= ${JSON.stringify(precache)};`),
      );
    },
  };
}
