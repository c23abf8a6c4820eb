/**
 * Offline use: register the service worker the production build ships (`sw.js`, see scripts/offline/). Its
 * address is relative to the page, so the app works offline under whatever folder it is deployed in. Not in
 * the dev server (there is no sw.js there, and a cached dev build would be confusing).
 */
export function registerServiceWorker(nav: Navigator = navigator): void {
  if (!('serviceWorker' in nav)) return;
  const register = () => {
    nav.serviceWorker.register('./sw.js').catch(() => {
      // Not allowed here (a sandboxed or third-party frame, a file:// page): the app works, just not offline.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
