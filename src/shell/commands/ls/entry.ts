/**
 * What ls knows of a name: its lstat (or stat when following), as the three file systems a machine has
 * report it. sysfs (kernfs): attributes are 4096 bytes and use no blocks, directories and links 0 bytes, a
 * directory's link count is 2 + its subdirectories (kernfs_new_node / kernfs_get_inode set_nlink). procfs:
 * everything is 0 bytes and no blocks (proc_reg_file ops, no size). The rest is the image's own files (ext4
 * under overlayfs): directories 4096 bytes, files their length, st_blocks in 512-byte units rounded up to 4 KB
 * blocks, a symbolic link's size the length of its text.
 *
 * Times: the file system's simulated mtimes (shell/fs_times.ts: the image's build time, Docker's files' start,
 * the time of a write; kernfs and procfs instantiate an inode with the current time when first looked up).
 */
import type { IFileSystem } from 'just-bash/browser';
import type { CommandIO } from '../../types';
import { canonicalize } from '../readlink/canonicalize';

export const S_IFMT = 0o170000;
export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;
export const S_IFLNK = 0o120000;

export interface Entry {
  /** The name as printed (a command-line word, or a directory entry's name). */
  name: string;
  /** The path used to reach it (headers and recursion print it). */
  path: string;
  /** Where it is, every link but (unless followed) the last resolved. */
  abs: string;
  /** st_mode, type bits included. */
  mode: number;
  nlink: number;
  size: number;
  /** st_blocks (512-byte units). */
  blocks: number;
  ino: number;
  /** Modification time, microseconds since the epoch. */
  mtimeUs: number;
  /** A symbolic link's text (lstat entries only). */
  linkTarget?: string;
  /** The mode of what a symbolic link points to, null when it dangles. */
  linkMode?: number | null;
}

export const isDir = (mode: number) => (mode & S_IFMT) === S_IFDIR;
export const isLink = (mode: number) => (mode & S_IFMT) === S_IFLNK;
export const isExec = (mode: number) => (mode & S_IFMT) === S_IFREG && (mode & 0o111) !== 0;

type Stat = Awaited<ReturnType<IFileSystem['stat']>>;

function typeBits(st: Stat): number {
  if (st.isSymbolicLink) return S_IFLNK;
  if (st.isDirectory) return S_IFDIR;
  return S_IFREG;
}

function fsOf(abs: string): 'sysfs' | 'proc' | 'disk' {
  if (abs === '/sys' || abs.startsWith('/sys/')) return 'sysfs';
  if (abs === '/proc' || abs.startsWith('/proc/')) return 'proc';
  return 'disk';
}

/**
 * An inode number that stays the same for the same file: the in-memory tree has none, and real ones are the
 * file system's allocation order. FNV-1a of the path, folded into the range ext4 and kernfs numbers live in.
 */
function inodeOf(abs: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < abs.length; i++) {
    h ^= abs.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return abs === '/' ? 2 : 1000 + (h % 4_000_000);
}

/** The simulated wall clock (the daemon's epoch plus the World's microseconds), as time(NULL) returns it. */
export function nowUs(io: CommandIO): number {
  const s = io.os.state;
  return s.docker.epochMs * 1000 + s.clock.nowUs;
}

/** Join a directory and an entry name as file_name_concat does (no doubled slash). */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

export type StatError = 'ENOENT' | 'ENOTDIR' | 'ELOOP';

/**
 * Where a command-line name leads, as the kernel's path walk finds it: every link before the last component
 * followed (a lexical "/sys/class/net/eth0/.." would be /sys/class/net; the kernel's is
 * /sys/devices/virtual/net), and the last one too when it is "." or "..", or the name ends in "/" (those
 * name the directory, never a link: path_lookupat).
 */
export async function locate(io: CommandIO, name: string): Promise<{ abs: string; follow: boolean }> {
  const trimmed = name.replace(/\/+$/, '');
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  const whole = trimmed === '' || base === '.' || base === '..' || trimmed !== name;
  const dir = whole ? name : trimmed.includes('/') ? trimmed.slice(0, trimmed.lastIndexOf('/')) || '/' : '.';
  const c = await canonicalize(io.fs, io.cwd, dir, 'existing');
  if (!('path' in c)) return { abs: io.fs.resolvePath(io.cwd, name), follow: whole };
  return { abs: whole ? c.path : joinPath(c.path, base), follow: whole };
}

/**
 * stat(2)/lstat(2) of the absolute, link-free `abs` as an Entry named `name` reached as `path`. What costs
 * more lookups is found only when asked: a directory's link count and a link's text (`long`: -l, -S), the
 * type of what a link points to (`target`: indicators, colours, command-line links).
 */
export async function statEntry(
  io: CommandIO,
  at: { abs: string; path: string },
  name: string,
  follow: boolean,
  want: { long: boolean; target: boolean },
): Promise<Entry | StatError> {
  const { abs, path } = at;
  let st: Stat;
  try {
    st = follow ? await io.fs.stat(abs) : await io.fs.lstat(abs);
  } catch (e) {
    const m = e instanceof Error ? /^(E[A-Z]+)/.exec(e.message)?.[1] : undefined;
    return m === 'ENOTDIR' || m === 'ELOOP' ? m : 'ENOENT';
  }
  const type = typeBits(st);
  const where = fsOf(abs);
  // procfs: /proc/net/* are S_IRUGO (proc_create_net_single... 0444); /proc/sys tables carry their own modes.
  const readOnlyProc = where === 'proc' && type === S_IFREG && !abs.startsWith('/proc/sys/');
  const e: Entry = {
    name,
    path,
    abs,
    mode: type | (type === S_IFLNK ? 0o777 : readOnlyProc ? 0o444 : st.mode & 0o7777),
    nlink: 1,
    size: 0,
    blocks: 0,
    ino: inodeOf(abs),
    // SimFs gives every entry its simulated mtime (fs_times.ts); another file system, the simulated now.
    mtimeUs: (st as { mtimeUs?: number }).mtimeUs ?? nowUs(io),
  };
  if (type === S_IFLNK) {
    if (want.long) e.linkTarget = await io.fs.readlink(abs).catch(() => '');
    if (want.target) {
      const to = await io.fs.stat(abs).catch(() => null);
      e.linkMode = to ? typeBits(to) | (to.mode & 0o7777) : null;
    }
    if (where === 'disk') e.size = e.linkTarget?.length ?? 0;
  } else if (type === S_IFDIR) {
    if (where === 'disk') e.size = 4096;
    // proc_sys_make_inode leaves a /proc/sys directory's link count at 1.
    const procSys = abs === '/proc/sys' || abs.startsWith('/proc/sys/');
    if (want.long) e.nlink = procSys ? 1 : 2 + (await subdirCount(io.fs, abs));
  } else if (where === 'sysfs') e.size = 4096;
  else if (where === 'disk') e.size = st.size;
  if (where === 'disk' && type !== S_IFLNK) e.blocks = Math.ceil(e.size / 4096) * 8;
  return e;
}

/** Subdirectories of a directory (a link into one is not one), from one listing with the entries' types. */
async function subdirCount(fs: IFileSystem, abs: string): Promise<number> {
  const list = await fs.readdirWithFileTypes?.(abs).catch(() => null);
  return (list ?? []).filter((d) => d.isDirectory && !d.isSymbolicLink).length;
}

/** A directory's entry names (without . and ..), or why it cannot be read. */
export async function readDir(io: CommandIO, abs: string): Promise<string[] | StatError> {
  try {
    return await io.fs.readdir(abs);
  } catch (e) {
    const m = e instanceof Error ? /^(E[A-Z]+)/.exec(e.message)?.[1] : undefined;
    return m === 'ENOTDIR' ? 'ENOTDIR' : 'ENOENT';
  }
}
