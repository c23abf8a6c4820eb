/**
 * The packet player: side tabs, step banner, and its store. The panel (./PlayerPanel, hidden until its tab is
 * picked) and the graph's packet marker (./PacketMarker, which needs React Flow) are imported where they show,
 * lazily or by the graph's own chunk: the entry chunk holds the first screen only.
 */
export { SideTabs } from './SideTabs';
export { StepBanner } from './StepBanner';
export { playerFor, createPlayerStore, type PlayerStore } from './player_store';
