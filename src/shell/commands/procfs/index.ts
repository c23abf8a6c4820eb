/** The procfs files this family provides, for shell/dynamic_files.ts. */
import type { DynamicFile } from '../../fs';
import { procNetArp } from './net_arp';
import { procNetDev } from './net_dev';
import { procNetIfInet6 } from './net_if_inet6';
import { procNetRoute } from './net_route';

export { procSysFile } from './sys';

export const PROC_NET_FILES: Record<string, DynamicFile> = {
  '/proc/net/dev': procNetDev,
  '/proc/net/route': procNetRoute,
  '/proc/net/arp': procNetArp,
  '/proc/net/if_inet6': procNetIfInet6,
};
