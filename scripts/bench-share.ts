/**
 * The share URL of the seed article's four-mode scenario, as the app's "Copy link" builds it: the journal is
 * replayed through the app store (which lays the graph out by itself), then the scenario the store saves is
 * encoded for a link (src/ui/share/ShareMenu.tsx) under a typical GitHub Pages address.
 */
import { createAppStore, forLink, shareLink } from '../src/store';
import { encodeScenario } from '../src/sim';
import { FOUR_MODES } from '../src/sim/share/four_modes';
import { emit } from './bench-lib';

const BASE = 'https://example.github.io/container-network-playground/';

const store = createAppStore({ paceScale: 0, welcome: false });
// Without the fixture's hand-made layout: the store places the boxes as the app does.
const { layout, ...journalOnly } = FOUR_MODES;
void layout;
await store.getState().loadScenario(journalOnly);
const doc = store.getState().scenario();
if (!doc) throw new Error('bench: the store has no scenario');
const code = encodeScenario(forLink(doc));
if (!code.ok) throw new Error(`bench: ${JSON.stringify(code.error)}`);
const url = shareLink(BASE, code.value);
emit('share_url_four_modes', new TextEncoder().encode(url).length, 'bytes', {
  journal: doc.journal.length,
  code_chars: code.value.length,
  layout_boxes: Object.keys((doc.layout as { pos?: object } | undefined)?.pos ?? {}).length,
});
