/**
 * Where each machine keeps its programs: the directory `which`, and a shell's PATH search, find a command
 * in. Root's PATH is /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin everywhere (Debian's
 * ENV_SUPATH, Docker's DefaultPathEnv), so the first directory in that order holding the name wins.
 *
 * - The host (Debian 12, merged /usr: /sbin and /bin are links to /usr/sbin and /usr/bin, which come first
 *   in PATH) has the system tools in /usr/sbin and the rest in /usr/bin (docker-ce's CLI too); checked with
 *   `which` on a Debian 12 machine with the same packages.
 * - The busybox image links every applet into /bin (docker-library/busybox: `busybox --install /bin`) and
 *   adds /usr/bin/env.
 * - Alpine's BusyBox installs each applet where its BB_DIR_* says (include/applets.src.h and the
 *   `//applet:` lines of BusyBox 1.35); netshoot (Alpine 3.22) adds iproute2, iputils, curl... whose
 *   binaries Alpine puts in /sbin or /usr/bin as the host's.
 * - nginx (Debian 12) and ubuntu 24.04 are merged-/usr Debian-like systems: /usr/bin and /usr/sbin.
 */
import type { Userland } from './types';

/** A table of names written as one string, a blank between names. */
function words(text: string): string[] {
  return text.split(' ');
}

/** Debian packages' system administration tools (the rest of a Debian machine's commands is in /usr/bin). */
const DEBIAN_SBIN = new Set([
  'ip',
  'ifconfig',
  'route',
  'arp',
  'brctl',
  'bridge',
  'conntrack',
  'iptables',
  'iptables-save',
  'sysctl',
  'traceroute',
  'ethtool',
]);

/** BusyBox 1.35's install directories (BB_DIR_*), for the applets and text tools a machine here has. */
const BB_SBIN = ['ip', 'ifconfig', 'route', 'arp', 'sysctl'];
const BB_USR_SBIN = ['brctl', 'httpd'];
const BB_BIN = words(
  'netstat ping hostname sleep cat uname printenv ls sh ash echo mkdir rmdir touch rm cp mv ln chmod ' +
    'pwd stat grep fgrep egrep sed rev true false base64 date gzip gunzip zcat tar busybox',
);

function busyboxDir(name: string): string {
  if (BB_SBIN.includes(name)) return '/sbin';
  if (BB_USR_SBIN.includes(name)) return '/usr/sbin';
  if (BB_BIN.includes(name)) return '/bin';
  return '/usr/bin';
}

/** Alpine packages that put their binaries where Debian does (iproute2, iptables, bridge-utils, ...). */
const ALPINE_PACKAGED_SBIN = new Set([
  'ip',
  'bridge',
  'conntrack',
  'iptables',
  'iptables-save',
  'ethtool',
  'brctl',
]);

/** The directory of `name` on a machine, assuming the machine has it. */
function commandDir(u: Userland, name: string): string {
  switch (u.image) {
    case 'busybox':
      return name === 'env' ? '/usr/bin' : '/bin';
    case 'alpine':
      return busyboxDir(name);
    case 'nicolaka/netshoot':
      if (ALPINE_PACKAGED_SBIN.has(name)) return '/sbin';
      if (name === 'bash') return '/bin';
      return ['curl', 'tcpdump', 'nc', 'ss', 'ping', 'traceroute'].includes(name)
        ? '/usr/bin'
        : busyboxDir(name);
    default:
      return DEBIAN_SBIN.has(name) ? '/usr/sbin' : '/usr/bin';
  }
}

const ROOT_PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Merged /usr (Debian 12, Ubuntu 24.04): /bin and /sbin are links to their /usr twins. */
function mergedUsr(u: Userland): boolean {
  return !['busybox', 'alpine', 'nicolaka/netshoot'].includes(u.image);
}

/**
 * Every path of `name` along root's PATH, in PATH order (`which -a`): on a merged-/usr system a program is
 * in both /usr/X and /X; iproute2 ships ip in both /bin and /sbin; the busybox image has env twice.
 */
export function commandPaths(u: Userland, name: string): string[] {
  const dirs = new Set([commandDir(u, name)]);
  if (name === 'ip' && mergedUsr(u)) dirs.add('/usr/bin');
  if (name === 'env' && u.image === 'busybox') dirs.add('/bin');
  if (mergedUsr(u)) for (const d of [...dirs]) dirs.add(d.replace(/^\/usr/, ''));
  return ROOT_PATH_DIRS.filter((d) => dirs.has(d)).map((d) => `${d}/${name}`);
}

/**
 * just-bash's text tools that each kind of machine really has (the rest of just-bash's built-ins, jq, rg,
 * sqlite3, yq, tree, xan, html-to-markdown, are not on a Debian 12 server nor in these images).
 */
const COMMON_TOOLS = words(
  'echo cat printf ls mkdir rmdir touch rm cp mv ln chmod pwd readlink head tail wc stat grep fgrep ' +
    'egrep sed awk sort uniq comm cut paste tr rev nl fold expand unexpand split tee find basename ' +
    'dirname du env printenv xargs true false clear sh base64 diff date sleep timeout seq expr md5sum ' +
    'sha1sum sha256sum which tac hostname od gzip gunzip zcat tar whoami alias unalias history help time',
);

/** Debian/Ubuntu: coreutils, util-linux, bash; the host's standard install adds file and bsdextrautils' column. */
const DEBIAN_TOOLS = [...COMMON_TOOLS, 'bash', 'join'];
const HOST_TOOLS = [...DEBIAN_TOOLS, 'column', 'file'];
/** BusyBox 1.35's applets among just-bash's tools (no join, column or file; strings it has). */
const BUSYBOX_TOOLS = [...COMMON_TOOLS, 'strings'];
/** netshoot: Alpine's BusyBox plus bash, jq, file and util-linux (column). */
const NETSHOOT_TOOLS = [...BUSYBOX_TOOLS, 'bash', 'jq', 'file', 'column', 'join'];

/** Whether one of just-bash's built-in tools exists on the machine. */
export function hasShellTool(u: Userland, name: string): boolean {
  switch (u.image) {
    case 'host':
      return HOST_TOOLS.includes(name);
    case 'busybox':
    case 'alpine':
      return BUSYBOX_TOOLS.includes(name);
    case 'nicolaka/netshoot':
      return NETSHOOT_TOOLS.includes(name);
    default:
      return DEBIAN_TOOLS.includes(name);
  }
}

/** Shell builtins that are no program: `which` does not find them. */
export const BUILTIN_ONLY: readonly string[] = ['alias', 'unalias', 'history', 'help'];
