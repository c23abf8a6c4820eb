/**
 * The directories of /proc a reader can list, as far as the files in them are modelled (never an entry that
 * cannot be opened): /proc itself (`net`, `sys`), /proc/net (the files of PROC_NET_FILES) and the
 * /proc/sys tree of the reader's network namespace (fs/proc/proc_sysctl.c proc_sys_readdir: the ctl_table
 * entries under the directory, each name once). Process directories (/proc/PID) are not modelled.
 */
import type { DynamicNode } from '../../fs';
import { sysctlLookup } from '../sysctl/table';

/** `net` and `sys` are the only entries of /proc whose contents are modelled. */
const PROC_ENTRIES: readonly string[] = ['net', 'sys'];

/** The dynamic directory at a normalized path under /proc (`netFiles`: the names in /proc/net). */
export function procNode(path: string, netFiles: readonly string[]): DynamicNode | null {
  if (path === '/proc') return { kind: 'dir', list: () => PROC_ENTRIES };
  if (path === '/proc/net') return { kind: 'dir', list: () => netFiles };
  if (path !== '/proc/sys' && !path.startsWith('/proc/sys/')) return null;
  const comps = path.split('/').slice(3);
  return {
    kind: 'dir',
    list(proc, os) {
      const node = sysctlLookup(os.state.kernel, proc.ns, comps);
      if (node?.kind !== 'dir') return null;
      return [...new Set(node.entries.map((e) => e.path[comps.length] as string))];
    },
  };
}
