/**
 * What each kind of machine ships. The Docker host is a Debian-like server (iproute2, net-tools, iputils,
 * iptables, bridge-utils, conntrack, busybox, docker CLI); images bring their own (busybox/alpine: BusyBox
 * applets; netshoot: the full toolbox; nginx and ubuntu: almost nothing networking-related).
 */
import type { Flavour, Proc, Userland } from './types';

/**
 * Commands every machine has: they come with the shell itself, or (cat, readlink, ls, realpath) every image
 * ships them, from coreutils or BusyBox.
 */
export const SHELL_BUILTINS: readonly string[] = [
  'sleep',
  'hostname',
  'cat',
  'readlink',
  'ls',
  'realpath',
  'date',
  'whoami',
  'uname',
  'id',
  'which',
  'env',
  'printenv',
];

export const HOST_USERLAND: Userland = {
  image: 'host',
  commands: [
    ...SHELL_BUILTINS,
    'ip',
    'ifconfig',
    'route',
    'netstat',
    'arp',
    'ping',
    'traceroute',
    'bridge',
    'brctl',
    'iptables',
    'iptables-save',
    'conntrack',
    'sysctl',
    'ss',
    'nc',
    'curl',
    'wget',
    'tcpdump',
    'nslookup',
    'busybox',
    'docker',
    'ethtool',
  ],
  busybox: true,
  shellName: 'bash',
};

/** BusyBox's applets that this simulator implements (busybox, alpine). */
export const BUSYBOX_APPLETS: readonly string[] = [
  'ip',
  'ifconfig',
  'route',
  'netstat',
  'arp',
  'ping',
  'traceroute',
  'brctl',
  'nc',
  'wget',
  'nslookup',
  'sysctl',
  // Every tool every machine has is a BusyBox applet too.
  ...SHELL_BUILTINS,
];

export function userlandFlavour(u: Userland): Flavour {
  return u.image === 'busybox' || u.image === 'alpine' ? 'busybox' : 'gnu';
}

/**
 * Whose file tools (ls, realpath...) a process runs: BusyBox's under `busybox APPLET` and in the Alpine-based
 * images (busybox, alpine, and netshoot, whose Dockerfile adds iproute2 and friends but not coreutils),
 * GNU coreutils elsewhere.
 */
export function coreutilsFlavour(proc: Proc): Flavour {
  if (proc.flavour === 'busybox') return 'busybox';
  return proc.userland.image === 'nicolaka/netshoot' ? 'busybox' : 'gnu';
}

/** What the catalogue's images ship (docker/images.ts names the key): tools, shell, BusyBox or not. */
export const IMAGE_USERLANDS: Readonly<Record<string, Userland>> = {
  // The busybox image links every applet; Alpine's BusyBox leaves httpd to busybox-extras.
  busybox: {
    image: 'busybox',
    commands: [...BUSYBOX_APPLETS, 'httpd', 'busybox'],
    busybox: true,
    shellName: 'sh',
  },
  alpine: { image: 'alpine', commands: [...BUSYBOX_APPLETS, 'busybox'], busybox: true, shellName: 'sh' },
  nginx: { image: 'nginx', commands: [...SHELL_BUILTINS, 'curl'], busybox: false, shellName: 'bash' },
  netshoot: {
    image: 'nicolaka/netshoot',
    commands: [
      ...SHELL_BUILTINS,
      'ip',
      'ifconfig',
      'route',
      'netstat',
      'arp',
      'ping',
      'traceroute',
      'bridge',
      'brctl',
      'iptables',
      'iptables-save',
      'conntrack',
      'sysctl',
      'ss',
      'nc',
      'curl',
      'wget',
      'tcpdump',
      'nslookup',
      'busybox',
      'ethtool',
    ],
    // Alpine underneath: BusyBox is there too.
    busybox: true,
    shellName: 'bash',
  },
  ubuntu: { image: 'ubuntu', commands: [...SHELL_BUILTINS], busybox: false, shellName: 'bash' },
};

/** Shells an image has besides its commands (busybox images: sh/ash only). */
export function imageShells(u: Userland): readonly string[] {
  if (u.busybox && u.shellName === 'sh') return ['sh', 'ash'];
  if (u.image === 'nicolaka/netshoot') return ['sh', 'bash', 'zsh'];
  return ['sh', 'bash', 'dash'];
}
