/** The simulation: the World, transactions, the undo history, and the terminals that drive it. */
export * from './world';
export { Txn, EVENT_BUDGET } from './transact';
export { setWorldFreezing } from './freezing';
export { createWorld, createDefaultWorld, buildHostKernel, HOST_HOSTNAME } from './default_world';
export {
  Simulation,
  UNDO_LIMIT,
  type LineResult,
  type LineIo,
  type TerminalInfo,
  type SimulationOptions,
  type JournalEntry,
  type JournalLine,
  type JournalOpen,
  type JournalClose,
} from './simulation';
export { replayJournal, type ReplayHooks } from './replay';
export * from './share';
export { createDefaultSimulation } from './boot';
export { prebuiltWorld } from './prebuilt_world';
export { Scenario, type Outcome } from './scenario';
export {
  topology,
  type Topology,
  type TopoNs,
  type TopoDevice,
  type TopoLink,
  type TopoContainer,
  type TopoNetwork,
  type ContainerMode,
  type NsRole,
} from './topology';
export { changes, changedIds, type Change, type ChangeOp, type ChangeWhat } from './changes';
export { complete, commonPrefix, type Completion } from './complete';
export { QueryRunner, hostProcIn } from './query';
export {
  nsTables,
  containerEndpoints,
  type NsTables,
  type IfaceRow,
  type RouteRow,
  type NeighRow,
  type FdbRow,
  type ChainRow,
  type EndpointRow,
} from './inspect';
export { probe, type ProbeResult, type ProbeSpec, type ProbeOutcome } from './probe';
export * from './journey';
// The kernel's device and namespace tables are radix tables (kernel/xarray.ts): the layers above read a World's
// through these, as they import the sim and not the kernel.
export { xaGet, xaValues, type NetDevice } from '../kernel';
