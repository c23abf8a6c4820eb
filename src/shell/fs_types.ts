/**
 * What the dynamic part of a machine's file system is made of: files Linux computes on every read, and (for
 * sysfs) directories and symbolic links whose entries depend on the reader. Providers live with their command
 * families (commands/procfs, commands/sysfs, commands/docker/etc_files); SimFs serves them.
 */
import type { OsAccess, Proc } from './types';

export interface DynamicFile {
  /** Content now, or null when the file does not exist in this process's view. */
  read(proc: Proc, os: OsAccess): string | null;
  /**
   * Handle a write; return null on success or an error text (e.g. "Invalid argument") to report.
   * Absent: the file is read-only (EACCES/EPERM like /proc/net).
   */
  write?(proc: Proc, os: OsAccess, content: string): string | null;
  /** The file system holding it is mounted read-only for this process (Docker mounts sysfs `ro`): EROFS. */
  readOnlyMount?(proc: Proc): boolean;
}

/** A directory whose entries depend on the reader (sysfs: /sys/class/net lists the reader's namespace). */
export interface DynamicDir {
  kind: 'dir';
  /** Entry names, or null when the directory does not exist in this process's view. */
  list(proc: Proc, os: OsAccess): readonly string[] | null;
}

/** A symbolic link whose target depends on the reader (sysfs: /sys/class/net/eth0). */
export interface DynamicLink {
  kind: 'link';
  /** The link's text (relative to its directory, as readlink prints it), or null when absent here. */
  target(proc: Proc, os: OsAccess): string | null;
  /**
   * A link down to a directory that path patterns go through (`/sys/class/net/veth*` then `ifindex`):
   * just-bash's glob expansion descends only into entries whose dirent says directory, where bash follows
   * the link; such a link's dirent says both. Links back up the tree (sysfs `subsystem`) must not, or walks would cycle.
   */
  descend?: boolean;
}

export type DynamicNode = DynamicDir | DynamicLink;

export interface DynamicTree {
  /** The dynamic file at an absolute path, if any. */
  lookup(path: string): DynamicFile | null;
  /** Names of dynamic entries directly under a directory, for `ls`. */
  list(dir: string): string[];
  /** The dynamic directory or symbolic link at an absolute, normalized path (trees like sysfs have them). */
  node?(path: string): DynamicNode | null;
}

/**
 * A read the kernel refuses on a file that exists (sysfs `carrier` of a device that is down: EINVAL).
 * `message` is the strerror text.
 */
export class DynamicReadError extends Error {}
