/** Application state for the UI: zustand vanilla store, no React. */
export {
  createAppStore,
  type AppStore,
  type AppState,
  type AppActions,
  type TerminalView,
  type StoreOptions,
  type Selection,
  type ChangeView,
  type Theme,
} from './app_store';
export { TerminalChannel } from './terminal_channel';
export * from './line_editor';
export {
  GEOMETRY,
  columnX,
  nsNodeId,
  placeNodes,
  pinNode,
  emptyLayout,
  type LayoutState,
  type XY,
  type Slot,
} from './layout';
export { columns, tab } from './completion';
