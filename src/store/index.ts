/** Application state for the UI: zustand vanilla store, no React. */
export {
  createAppStore,
  type AppStore,
  type AppState,
  type AppActions,
  type TerminalView,
  type StoreOptions,
} from './app_store';
export { TerminalChannel } from './terminal_channel';
export * from './line_editor';
