/** sysfs's network part (/sys/class/net, /sys/devices/virtual/net), for shell/dynamic_files.ts. */
export { sysfsFile, sysfsNode } from './tree';
/** What ethtool reads through the same driver callbacks (get_link_ksettings). */
export { linkSettings } from './net_attrs';
