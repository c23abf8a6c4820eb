/** The procfs files this family provides, for shell/dynamic_files.ts. */
import type { DynamicFile, DynamicNode } from '../../fs';
import { procNetArp } from './net_arp';
import { procNetDev } from './net_dev';
import { procNetIfInet6 } from './net_if_inet6';
import { procNetRoute } from './net_route';

export { procSysFile } from './sys';
import { procNode } from './tree';

export const PROC_NET_FILES: Record<string, DynamicFile> = {
  '/proc/net/dev': procNetDev,
  '/proc/net/route': procNetRoute,
  '/proc/net/arp': procNetArp,
  '/proc/net/if_inet6': procNetIfInet6,
};

const NET_NAMES = Object.keys(PROC_NET_FILES).map((p) => p.slice('/proc/net/'.length));

/** The directories of /proc (tree.ts). */
export function procfsNode(path: string): DynamicNode | null {
  return procNode(path, NET_NAMES);
}
