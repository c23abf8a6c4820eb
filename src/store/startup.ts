/**
 * How a session starts, and how it keeps itself: a share link in the address wins (the user clicked it), then
 * the autosaved session, then a fresh Docker host. Whatever fails along the way (a damaged link or saved
 * session, a replay the simulator cannot finish, storage that is missing) ends in a working session and a
 * notice, never in a blank page. Then autosave follows every change.
 *
 * Embeds (`?embed=1`) keep their own autosave per embed address, so several embeds on one course page, and
 * the full app in another tab, do not overwrite each other; there the saved session wins over the embed's
 * `scenario=` (a student who reloads the course page keeps their work), and read-only embeds save nothing.
 */
import type * as SimNs from '../sim';
import type { Loaded, ScenarioDoc, ShareError } from '../sim';
import type { AppStore } from './app_store';
import { scenarioCode, type EmbedParams } from './embed_params';
import type { NoticeStore } from './notices';
import { Autosaver, readSaved, SESSION_KEY, type StorageLike } from './persist';

type SimModule = typeof SimNs;

export interface StartEnv {
  href: string;
  storage: StorageLike | null;
  notices: NoticeStore;
  embed: EmbedParams;
  /** Take the scenario out of the address bar once loaded (a reload then restores the autosave, newer). */
  replaceUrl(url: string): void;
  /** Run `cb` when the page is hidden or closed (the last chance to save). */
  onHide(cb: () => void): void;
}

export interface Session {
  mod: SimModule;
  saver: Autosaver;
  /** The scenario the session started from, if any ("reset" in an embed returns to it). */
  initial: ScenarioDoc | null;
  /** Where the session came from: a link (or embed scenario), the autosave, or nothing (a fresh host). */
  from: 'link' | 'saved' | 'fresh';
}

/** A short stable name for an embed address (its autosave key), from everything but presentation options. */
export function embedKey(search: string): string {
  const q = new URLSearchParams(search);
  for (const k of ['lang', 'view', 'readonly', 'origins', 'origin']) q.delete(k);
  q.sort();
  let h = 0x811c9dc5;
  for (const ch of q.toString()) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `cnp.embed.${h.toString(36)}`;
}

const describe = (mod: SimModule, e: ShareError) =>
  `${mod.SHARE_ERROR_TEXT[e.code]} (${e.code}: ${e.detail})`;

export async function startSession(store: AppStore, env: StartEnv): Promise<Session> {
  const mod = await import('../sim');
  const { notices, embed } = env;
  const url = new URL(env.href);
  const key = embed.embed ? embedKey(url.search) : SESSION_KEY;
  const link = scenarioCode(url.hash, url.search);
  const notify = notices.getState().push;

  let initial: ScenarioDoc | null = null;
  let linkLoaded: Loaded | null = null;
  if (link) {
    const r = mod.decodeScenario(link.code);
    if (r.ok) {
      linkLoaded = r.value;
      initial = r.value.scenario;
    } else notify('error', 'link-failed', describe(mod, r.error));
  }

  // The embed's saved session (a reload of the course page) wins over its scenario; the full app's does not
  // win over a link the user just opened.
  let start: Loaded | null = null;
  let from: 'link' | 'saved' | null = null;
  const useSaved = embed.embed ? !embed.readonly : !link;
  if (useSaved) {
    const saved = readSaved(env.storage, key, mod);
    if (saved.kind === 'ok') {
      start = saved.loaded;
      from = 'saved';
    } else if (saved.kind === 'damaged') notify('warning', 'restore-failed', describe(mod, saved.error));
  }
  if (!start && linkLoaded) {
    start = linkLoaded;
    from = 'link';
  }

  if (start) {
    const loaded = start;
    try {
      const { skipped } = await store.getState().loadScenario(loaded.scenario);
      if (loaded.repairs.length > 0)
        notify(
          'info',
          from === 'link' ? 'link-repaired' : 'restore-repaired',
          loaded.repairs.map((r) => `${r.code} ${r.path}`).join(', '),
        );
      if (skipped > 0) notify('info', 'restore-skipped', String(skipped));
    } catch (e) {
      notify('error', from === 'link' ? 'link-failed' : 'restore-failed', String(e));
      from = null;
      await store.getState().init(1);
    }
  } else {
    await store.getState().init(1);
  }
  if (link?.from === 'fragment' && !embed.embed) {
    url.hash = '';
    env.replaceUrl(url.toString().replace(/#$/, ''));
  }

  const saver = new Autosaver({
    storage: embed.embed && embed.readonly ? null : env.storage,
    key,
    encode: mod.encodeScenario,
    snapshot: () => store.getState().scenario(),
    notices,
  });
  if (env.storage === null && !(embed.embed && embed.readonly)) notify('info', 'storage-unavailable');
  store.subscribe((s, p) => {
    if (s.status !== 'ready' || s.running !== null) return;
    if (
      s.world !== p.world ||
      s.last !== p.last ||
      s.terminals !== p.terminals ||
      s.layout !== p.layout ||
      s.activeTerminal !== p.activeTerminal ||
      s.running !== p.running
    )
      saver.schedule();
  });
  env.onHide(() => saver.flush());
  return { mod, saver, initial, from: from ?? 'fresh' };
}
