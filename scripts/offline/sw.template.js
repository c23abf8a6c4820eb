/*
 * Container Network Playground: works offline after the first visit.
 *
 * Built from scripts/offline/sw.template.js: scripts/offline/plugin.ts puts the list of files of the build and
 * a version (a hash of their contents) in the PRECACHE slot below, so every build that changes a file is a
 * new service worker, and the browser installs it on the next visit.
 *
 * - install: fetch every file of the build into a cache named after the app's folder and the version;
 * - activate: drop this folder's older caches (another copy of the app under another path keeps its own);
 * - pages (navigations): the network first, so a new deploy shows at once; the cached page when offline;
 * - everything else of the app's folder: the cache first (file names carry content hashes), then the network.
 * Lookups ignore Vary: the server's `Vary` would make a module script's request (it carries an Origin header)
 * miss the copy install fetched, and our cache holds one copy per URL anyway.
 * A new version waits until the app's tabs are closed (no skipWaiting), so a running page never loses the
 * lazily loaded chunks it was built with.
 */
const PRECACHE = self.__PRECACHE__;
const SCOPE = new URL(self.registration.scope);
const PREFIX = `cnp:${SCOPE.pathname}:`;
const CACHE = `${PREFIX}${PRECACHE.version}`;
/** How long a page load waits for the network before the cached page is used (a flaky network). */
const NAVIGATION_TIMEOUT_MS = 4000;

const inScope = (href) => href.startsWith(SCOPE.href);
const abs = (file) => new URL(file, SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.files.map((f) => new Request(abs(f), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function cachedPage(request) {
  const cache = await caches.open(CACHE);
  return (
    (await cache.match(request, { ignoreSearch: true, ignoreVary: true })) ??
    (await cache.match(abs('./index.html'), { ignoreVary: true })) ??
    (await cache.match(abs('./'), { ignoreVary: true })) ??
    Response.error()
  );
}

async function page(request) {
  const network = fetch(request);
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS, null));
  try {
    const res = await Promise.race([network, timeout]);
    if (res) return res;
  } catch {
    // offline: the cached page below
  }
  return cachedPage(request);
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreSearch: true, ignoreVary: true })) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !inScope(request.url)) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : asset(request));
});
