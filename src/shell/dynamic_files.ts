/**
 * The always-current files every machine has: /proc/net/*, /proc/sys/net/*, /sys/class/net, and the ones
 * Docker manages.
 * Each provider lives with the command family it belongs to; this file only gathers them.
 */
import type { DynamicFile, DynamicTree } from './fs';
import { PROC_NET_FILES, procfsNode, procSysFile } from './commands/procfs';
import { DOCKER_ETC_FILES } from './commands/docker/etc_files';
import { sysfsFile, sysfsNode } from './commands/sysfs';
import { OS_RELEASE_FILES } from './commands/userland/os_release';

const FILES: Record<string, DynamicFile> = { ...PROC_NET_FILES, ...DOCKER_ETC_FILES, ...OS_RELEASE_FILES };

/** Trees whose files depend on the namespace (per-device sysctls): resolved by path on each access. */
const RESOLVERS: ((path: string) => DynamicFile | null)[] = [procSysFile, sysfsFile];

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

export const DYNAMIC_FILES: DynamicTree = {
  lookup(path) {
    return FILES[path] ?? RESOLVERS.reduce<DynamicFile | null>((f, r) => f ?? r(path), null);
  },
  list(dir) {
    return Object.keys(FILES)
      .filter((p) => dirOf(p) === dir)
      .map((p) => p.slice(dir.length === 1 ? 1 : dir.length + 1));
  },
  // Directories and symbolic links whose entries depend on the namespace (sysfs, procfs).
  node: (path) => procfsNode(path) ?? sysfsNode(path),
};
