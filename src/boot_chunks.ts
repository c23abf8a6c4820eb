/**
 * The lazy chunks every first screen waits for, asked for before the rest of the entry chunk runs. main.tsx
 * imports this module first, so it is evaluated before React DOM, i18next and its texts, the store and the UI
 * (~0.3 s of the entry's evaluation at 4x CPU throttling): the chunks' downloads and streaming compiles
 * overlap that evaluation instead of starting after it (in the load trace they were asked for only once it
 * had finished, and the first render then waited ~0.3 s for them).
 */
import { loadFirstScreen } from './ui/first_screen';

// The simulator: the store imports it again when it starts the session (the same module, already loading).
void import('./sim');
/** The default World, computed at build time (scripts/default-world): a fresh session need not boot it. */
export const prebuiltWorld = import('virtual:default-world');
/** The graph's and the terminal's chunks (see ./ui/first_screen). */
export const firstScreen = loadFirstScreen();
