// A minimal static file server for e2e, on 127.0.0.1 (pages open it as http://localhost:PORT, another site
// than the app's http://127.0.0.1:PORT). Each DIR=PREFIX serves a folder under a URL prefix:
//   node scripts/static-server.mjs PORT e2e/embed-host=/ dist=/courses/networking/playground/
// (the second mount checks that the build works under any folder, as docs/deploy.md says).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const [port = '0', ...specs] = process.argv.slice(2);
const mounts = specs
  .map((spec) => {
    const [dir = '.', prefix = '/'] = spec.split('=');
    return { root: path.resolve(dir), prefix: prefix.endsWith('/') ? prefix : `${prefix}/` };
  })
  .sort((a, b) => b.prefix.length - a.prefix.length);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const pathname = decodeURIComponent(url.pathname);
  const mount = mounts.find((m) => pathname.startsWith(m.prefix) || `${pathname}/` === m.prefix);
  if (!mount) {
    res.writeHead(404).end('not found');
    return;
  }
  if (`${pathname}/` === mount.prefix) {
    res.writeHead(301, { location: mount.prefix }).end();
    return;
  }
  const rel = pathname.slice(mount.prefix.length).replace(/(^|\/)$/, '$1index.html');
  const file = path.resolve(mount.root, `./${rel}`);
  if (!file.startsWith(mount.root + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(Number(port), '127.0.0.1');
