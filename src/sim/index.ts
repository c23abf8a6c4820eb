/** The simulation: the World, transactions, the undo history, and the terminals that drive it. */
export * from './world';
export { Txn, EVENT_BUDGET } from './transact';
export { createWorld, buildHostKernel, HOST_HOSTNAME } from './default_world';
export {
  Simulation,
  type LineResult,
  type LineIo,
  type TerminalInfo,
  type SimulationOptions,
  type JournalEntry,
} from './simulation';
export { replayJournal } from './replay';
export { createDefaultSimulation } from './boot';
