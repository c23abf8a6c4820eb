/**
 * /proc/sys/net/...: the sysctl files of the reading process's namespace (fs/proc/proc_sysctl.c over the
 * per-net ctl_tables). Content is the value and a newline; a write goes through the same proc handler
 * as `sysctl -w` (../sysctl/table.ts), so `echo 1 > /proc/sys/net/ipv4/ip_forward` and sysctl agree. In a
 * container /proc/sys is mounted read-only (../../readonly_mounts.ts).
 */
import { strerror } from '../../../kernel';
import type { DynamicFile } from '../../fs';
import { dockerReadOnlyMount } from '../../readonly_mounts';
import { sysctlLookup } from '../sysctl/table';

const ROOT = '/proc/sys/';

/** The dynamic file at an absolute, normalized path under /proc/sys, or null. */
export function procSysFile(path: string): DynamicFile | null {
  if (!path.startsWith(ROOT)) return null;
  const comps = path.slice(ROOT.length).split('/');
  return {
    // Docker's ReadonlyPaths: in a container a write is refused before the handler (EROFS).
    readOnlyMount: dockerReadOnlyMount,
    read(proc, os) {
      const node = sysctlLookup(os.state.kernel, proc.ns, comps);
      return node?.kind === 'file' ? `${node.entry.read(os.state.kernel)}\n` : null;
    },
    write(proc, os, content) {
      const node = sysctlLookup(os.state.kernel, proc.ns, comps);
      if (node?.kind !== 'file') return strerror('ENOENT');
      const entry = node.entry;
      const errno = os.mutate(({ kctx }) => entry.write(kctx, content));
      return errno === null ? null : strerror(errno);
    },
  };
}
