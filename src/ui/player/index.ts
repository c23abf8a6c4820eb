/** The packet player: panel, side tabs, the graph's packet marker and step banner, and its store. */
export { PlayerPanel, StepModeSwitch } from './PlayerPanel';
export { SideTabs } from './SideTabs';
export { StepBanner } from './StepBanner';
export { PacketMarker } from './PacketMarker';
export { playerFor, createPlayerStore, type PlayerStore } from './player_store';
