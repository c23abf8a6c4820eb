/**
 * Path text of a machine's file system: normalizing, and the /proc/<pid>/ns/net magic link.
 */

/** `path` absolute and without `.`, `..` or repeated slashes (a purely textual walk: links are SimFs's). */
export function normalize(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** The directory holding a normalized path ('/' for the root's entries). */
export function parentOf(p: string): string {
  return p.slice(0, p.lastIndexOf('/')) || '/';
}

/** Files of the kernel's own file systems: writes are parsed per write() and refused when read-only. */
export function kernelFile(p: string): boolean {
  return p.startsWith('/proc/') || p.startsWith('/sys/');
}

/** /proc/<pid>/ns/net: the magic link to the process's network namespace (fs/nsfs.c ns_get_name). */
export const PROC_NS_NET = /^\/proc\/(?:self|thread-self|\d+)\/ns\/net$/;

/**
 * A network namespace's nsfs inode: init_net has PROC_NET_INIT_INO (0xEFFFFFF9, include/linux/proc_ns.h);
 * the others come from proc_alloc_inum's ida above 0xF0000000, shared with every other namespace kind, so
 * they are spread out in creation order. Equal for processes sharing a namespace, as the tests compare.
 */
export function netnsInode(hostNs: string, ns: string): number {
  if (ns === hostNs) return 0xeffffff9;
  const seq = Number(ns.replace(/^\D+/, '')) || 0;
  return 4026532000 + 8 * seq;
}
