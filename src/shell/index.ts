/** The simulated userland: the shell session, the machine file systems, and every command module. */
export * from './types';
export {
  ShellSession,
  InternalError,
  plainWords,
  shellQuote,
  type LineEnv,
  type LineOutcome,
} from './session';
export { SimFs, type DynamicFile, type DynamicTree } from './fs';
export { loadShellRuntime, shellRuntimeLoaded } from './runtime';
export { HOST_USERLAND, BUSYBOX_APPLETS, SHELL_BUILTINS, IMAGE_USERLANDS } from './userlands';
export { containerProc } from './commands/docker/process';
export { DYNAMIC_FILES } from './dynamic_files';
export { hostLoginEnvironment, containerShellEnvironment } from './environ';
export * from './table_rows';
