/** sysfs's network part (/sys/class/net, /sys/devices/virtual/net), for shell/dynamic_files.ts. */
export { sysfsFile, sysfsNode } from './tree';
