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
  columnWidth,
  subsOf,
  nsNodeId,
  placeNodes,
  pinNode,
  emptyLayout,
  type LayoutState,
  type XY,
  type Slot,
} from './layout';
export { columns, tab } from './completion';
export {
  createNoticeStore,
  type Notice,
  type NoticeKind,
  type NoticeLevel,
  type NoticeStore,
} from './notices';
export { startSession, embedKey, type Session, type StartEnv } from './startup';
export { Autosaver, readSaved, SESSION_KEY, type StorageLike } from './persist';
export { forLink, layoutFromTree, layoutToTree } from './session_io';
export {
  parseEmbedParams,
  scenarioCode,
  shareLink,
  embedSnippet,
  appBase,
  type EmbedParams,
  type EmbedView,
} from './embed_params';
export { startEmbedApi, type EmbedApi } from './embed_api';
export { lessonEvents, LessonEvents, type StepListener } from './lesson_events';
export { EMBED_API_VERSION, type EmbedEvent, type EmbedRequest } from './embed_protocol';
export { registerServiceWorker } from './offline';
export {
  createLessonStore,
  LESSON_SEED,
  type LessonStore,
  type LessonState,
  type LessonActions,
} from './lesson_session';
export {
  ProgressStore,
  parseProgress,
  PROGRESS_KEY,
  type LessonProgress,
  type ProgressDoc,
} from './lesson_progress';
