/**
 * A machine's file system: just-bash's in-memory one, plus the files Linux computes on every read
 * (/proc/net/*, /proc/sys/net/*, Docker's /etc/hosts and /etc/resolv.conf) and a /dev/null that discards
 * what is written to it (just-bash's keeps it).
 *
 * Dynamic files are looked up through `DynamicFiles`, given the process that reads them, so
 * `ip netns exec x cat /proc/net/route` reads namespace x.
 */
import type {
  CpOptions,
  FileContent,
  FsStat,
  IFileSystem,
  InMemoryFs,
  MkdirOptions,
  RmOptions,
} from 'just-bash/browser';
import { justBash } from './just_bash';
import type { OsAccess, Proc } from './types';

export interface DynamicFile {
  /** Content now, or null when the file does not exist in this process's view. */
  read(proc: Proc, os: OsAccess): string | null;
  /**
   * Handle a write; return null on success or an error text (e.g. "Invalid argument") to report.
   * Absent: the file is read-only (EACCES/EPERM like /proc/net).
   */
  write?(proc: Proc, os: OsAccess, content: string): string | null;
  /** The file system holding it is mounted read-only for this process (Docker mounts sysfs `ro`): EROFS. */
  readOnlyMount?(proc: Proc): boolean;
}

/** A directory whose entries depend on the reader (sysfs: /sys/class/net lists the reader's namespace). */
export interface DynamicDir {
  kind: 'dir';
  /** Entry names, or null when the directory does not exist in this process's view. */
  list(proc: Proc, os: OsAccess): readonly string[] | null;
}

/** A symbolic link whose target depends on the reader (sysfs: /sys/class/net/eth0). */
export interface DynamicLink {
  kind: 'link';
  /** The link's text (relative to its directory, as readlink prints it), or null when absent here. */
  target(proc: Proc, os: OsAccess): string | null;
  /**
   * A link down to a directory that path patterns go through (`/sys/class/net/veth*` then `ifindex`):
   * just-bash's glob expansion descends only into entries whose dirent says directory, where bash follows
   * the link; such a link's dirent says both. Links back up the tree (sysfs `subsystem`) must not, or walks would cycle.
   */
  descend?: boolean;
}

export type DynamicNode = DynamicDir | DynamicLink;

export interface DynamicTree {
  /** The dynamic file at an absolute path, if any. */
  lookup(path: string): DynamicFile | null;
  /** Names of dynamic entries directly under a directory, for `ls`. */
  list(dir: string): string[];
  /** The dynamic directory or symbolic link at an absolute, normalized path (trees like sysfs have them). */
  node?(path: string): DynamicNode | null;
}

/**
 * A read the kernel refuses on a file that exists (sysfs `carrier` of a device that is down: EINVAL).
 * `message` is the strerror text.
 */
export class DynamicReadError extends Error {}

/** just-bash's in-memory errors start with the errno's name ("ENOENT: no such file or directory, open ..."). */
const FS_ERRORS: Record<string, { atOpen: boolean; message: string }> = {
  ENOENT: { atOpen: true, message: 'No such file or directory' },
  ENOTDIR: { atOpen: true, message: 'Not a directory' },
  EACCES: { atOpen: true, message: 'Permission denied' },
  // open(O_RDONLY) of a directory succeeds; read() fails.
  EISDIR: { atOpen: false, message: 'Is a directory' },
};

/**
 * What a failed readFile of this file system was, for tools whose message depends on it (BusyBox's
 * "can't open" vs "read error"): the failing call and its strerror text.
 */
export function fsErrorOf(e: unknown): { atOpen: boolean; message: string } {
  if (e instanceof DynamicReadError) return { atOpen: false, message: e.message };
  const code = e instanceof Error ? /^(E[A-Z]+)\b/.exec(e.message)?.[1] : undefined;
  return (
    (code !== undefined ? FS_ERRORS[code] : undefined) ?? {
      atOpen: true,
      message: 'No such file or directory',
    }
  );
}

/** Files of the kernel's own file systems: writes are parsed per write() and refused when read-only. */
function kernelFile(p: string): boolean {
  return p.startsWith('/proc/') || p.startsWith('/sys/');
}

/** Symbolic links followed while resolving one path before giving up (fs/namei.c MAXSYMLINKS). */
const MAXSYMLINKS = 40;

/**
 * A write the kernel refuses (opening a read-only /proc file, a value a sysctl handler rejects). just-bash
 * does not turn file system errors in redirections into shell errors, so the session reports these as bash
 * would (`bash: echo: write error: Invalid argument`, status 1) and ends the line there.
 */
export class ShellWriteError extends Error {
  readonly shellMessage: string;
  constructor(shellMessage: string) {
    super(shellMessage);
    this.shellMessage = shellMessage;
  }
}

type ReadOpts = Parameters<InMemoryFs['readFile']>[1];
type WriteOpts = Parameters<InMemoryFs['writeFile']>[2];

/** /proc/<pid>/ns/net: the magic link to the process's network namespace (fs/nsfs.c ns_get_name). */
const PROC_NS_NET = /^\/proc\/(?:self|thread-self|\d+)\/ns\/net$/;

/**
 * A network namespace's nsfs inode: init_net has PROC_NET_INIT_INO (0xEFFFFFF9, include/linux/proc_ns.h);
 * the others come from proc_alloc_inum's ida above 0xF0000000, shared with every other namespace kind, so
 * they are spread out in creation order. Equal for processes sharing a namespace, as the tests compare.
 */
function netnsInode(hostNs: string, ns: string): number {
  if (ns === hostNs) return 0xeffffff9;
  const seq = Number(ns.replace(/^\D+/, '')) || 0;
  return 4026532000 + 8 * seq;
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/**
 * Delegates to just-bash's InMemoryFs (created once just-bash is loaded), intercepting dynamic paths.
 */
export class SimFs implements IFileSystem {
  private baseFs: InMemoryFs | null = null;
  private readonly files: Record<string, string>;
  private readonly dyn: DynamicTree;
  private readonly who: () => { proc: Proc; os: OsAccess };
  /** Dynamic files the user has overwritten (Docker stops managing an edited /etc/hosts). */
  private readonly frozen = new Set<string>();

  constructor(files: Record<string, string>, dyn: DynamicTree, who: () => { proc: Proc; os: OsAccess }) {
    this.files = files;
    this.dyn = dyn;
    this.who = who;
  }

  /** just-bash's file system, made on first use (a terminal opens before the shell runtime has loaded). */
  private get base(): InMemoryFs {
    this.baseFs ??= new (justBash().InMemoryFs)(this.files);
    return this.baseFs;
  }

  /**
   * `path` normalized, with the dynamic symbolic links among its components replaced by their targets (the
   * last component's too when `followLast`), as the kernel's path walk (fs/namei.c) follows them. Only trees
   * with nodes (sysfs) have links; other paths come back normalized.
   */
  private resolve(path: string, followLast = true): string {
    let p = normalize(path);
    const tree = this.dyn;
    if (!tree.node) return p;
    for (let hops = 0; hops < MAXSYMLINKS; hops++) {
      const parts = p.split('/');
      let here = '';
      let next: string | null = null;
      for (let i = 1; i < parts.length && next === null; i++) {
        here += `/${parts[i] as string}`;
        if (i === parts.length - 1 && !followLast) break;
        const n = tree.node(here);
        if (n?.kind !== 'link') continue;
        const { proc, os } = this.who();
        const t = n.target(proc, os);
        if (t === null) break;
        const dir = here.slice(0, here.lastIndexOf('/'));
        next = normalize(`${t.startsWith('/') ? '' : dir}/${t}/${parts.slice(i + 1).join('/')}`);
      }
      if (next === null) return p;
      p = next;
    }
    return p;
  }

  private dynamicAt(path: string): DynamicFile | null {
    const p = this.resolve(path);
    if (this.frozen.has(p)) return null;
    return this.dyn.lookup(p);
  }

  /** The dynamic directory or link at a resolved path, if it exists in the reader's view. */
  private nodeAt(p: string): DynamicNode | null {
    const n = this.dyn.node?.(p) ?? null;
    if (!n) return null;
    const { proc, os } = this.who();
    return (n.kind === 'dir' ? n.list(proc, os) : n.target(proc, os)) === null ? null : n;
  }

  /** What a path is among the dynamic entries of the reader's view (a file whose read fails exists). */
  private dynKind(path: string, followLast = true): 'file' | 'dir' | 'link' | null {
    const p = this.resolve(path, followLast);
    const n = this.nodeAt(p);
    if (n) return n.kind;
    try {
      return this.readDynamic(p) === null ? null : 'file';
    } catch (e) {
      if (e instanceof DynamicReadError) return 'file';
      throw e;
    }
  }

  /** A stat for a dynamic entry, shaped after the in-memory root's (owner, times). */
  private async dynStat(path: string, kind: 'file' | 'dir' | 'link'): Promise<FsStat> {
    const root = await this.base.stat('/');
    const p = this.resolve(path, kind !== 'link');
    if (kind === 'dir') {
      return {
        ...root,
        isFile: false,
        isDirectory: true,
        isSymbolicLink: false,
        mode: 0o40755,
        size: 0,
        identity: p,
      };
    }
    if (kind === 'link') {
      return { ...root, isFile: false, isDirectory: false, isSymbolicLink: true, mode: 0o120777, size: 0 };
    }
    // sysfs reports a page for every attribute (kernfs), whatever a read would return.
    const writable = this.dyn.lookup(p)?.write !== undefined;
    return {
      ...root,
      isFile: true,
      isDirectory: false,
      isSymbolicLink: false,
      mode: writable ? 0o100644 : 0o100444,
      size: 4096,
    };
  }

  private readDynamic(path: string): string | null {
    if (this.nodeAt(this.resolve(path))?.kind === 'dir') {
      throw new Error(`EISDIR: illegal operation on a directory, read '${path}'`);
    }
    const f = this.dynamicAt(path);
    if (!f) return null;
    const { proc, os } = this.who();
    return f.read(proc, os);
  }

  async readFile(path: string, options?: ReadOpts): Promise<string> {
    if (normalize(path) === '/dev/null') return '';
    const d = this.readDynamic(path);
    if (d !== null) return d;
    return this.base.readFile(path, options);
  }

  async readFileBuffer(path: string): Promise<Uint8Array> {
    if (normalize(path) === '/dev/null') return new Uint8Array();
    const d = this.readDynamic(path);
    if (d !== null) return new TextEncoder().encode(d);
    return this.base.readFileBuffer(path);
  }

  async readFileBytes(path: string): ReturnType<InMemoryFs['readFileBytes']> {
    const d = normalize(path) === '/dev/null' ? '' : this.readDynamic(path);
    if (d === null) return this.base.readFileBytes(path);
    // A ByteString is a latin1-shaped string of UTF-8 bytes.
    const bytes = new TextEncoder().encode(d);
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return s as unknown as Awaited<ReturnType<InMemoryFs['readFileBytes']>>;
  }

  private writeDynamic(path: string, content: FileContent): boolean {
    const typed = normalize(path);
    if (typed === '/dev/null') return true;
    const p = this.resolve(typed);
    const kind = this.dynKind(p);
    if (kind !== 'file') {
      if (kind === 'dir') throw this.openError(typed, 'Is a directory');
      // sysfs: nothing can be created, and a path through a missing device does not exist.
      if (p.startsWith('/sys/') && this.dyn.node) {
        const inDynDir = this.nodeAt(p.slice(0, p.lastIndexOf('/')))?.kind === 'dir';
        throw this.openError(typed, inDynDir ? 'Permission denied' : 'No such file or directory');
      }
      return false;
    }
    const f = this.dynamicAt(p);
    if (!f) return false;
    const { proc, os } = this.who();
    if (f.readOnlyMount?.(proc)) throw this.openError(typed, 'Read-only file system');
    if (!f.write) {
      if (kernelFile(p)) throw this.openError(typed, 'Permission denied');
      this.frozen.add(p);
      return false;
    }
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    // Opening a /proc or /sys file with O_TRUNC changes nothing; the value comes with the next write().
    if (text === '' && kernelFile(p)) return true;
    const e = f.write(proc, os, text);
    if (e !== null) {
      // bash names the builtin that wrote; BusyBox ash does not.
      throw new ShellWriteError(`${this.busyboxShell() ? '' : 'echo: '}write error: ${e}`);
    }
    return true;
  }

  /** The reading process's shell is BusyBox ash (its messages differ from bash's). */
  private busyboxShell(): boolean {
    return this.who().proc.userland.shellName === 'sh';
  }

  /**
   * An open() for writing the kernel refused, as the shell reports it: bash names the file, BusyBox ash
   * "can't create" it (and says "nonexistent directory" for ENOENT, shell/ash.c openredirect).
   */
  private openError(typed: string, err: string): ShellWriteError {
    if (!this.busyboxShell()) return new ShellWriteError(`${typed}: ${err}`);
    const why = err === 'No such file or directory' ? 'nonexistent directory' : err;
    return new ShellWriteError(`can't create ${typed}: ${why}`);
  }

  async writeFile(path: string, content: FileContent, options?: WriteOpts): Promise<void> {
    if (this.writeDynamic(path, content)) return;
    return this.base.writeFile(path, content, options);
  }

  async appendFile(path: string, content: FileContent, options?: WriteOpts): Promise<void> {
    const p = normalize(path);
    if (p === '/dev/null') return;
    const resolved = this.resolve(p);
    const kernel = kernelFile(resolved);
    // Under /sys every write is the kernel's to answer (a missing device's file included).
    const sys = resolved.startsWith('/sys/') && this.dyn.node !== undefined;
    const cur = kernel && (sys || this.dynKind(p) === 'file') ? '' : this.readDynamic(p);
    if (cur !== null) {
      const add = typeof content === 'string' ? content : new TextDecoder().decode(content);
      // Each write() to a /proc or /sys file is parsed on its own (proc_sys_write, kernfs ignore the offset).
      if (this.writeDynamic(p, kernel ? add : cur + add)) return;
      await this.base.writeFile(p, cur, options);
    }
    return this.base.appendFile(path, content, options);
  }

  async exists(path: string): Promise<boolean> {
    if (this.dynKind(path) !== null) return true;
    return this.base.exists(path);
  }

  async stat(path: string): Promise<FsStat> {
    const kind = this.dynKind(path);
    if (kind === 'dir' || (kind === 'file' && this.resolve(path).startsWith('/sys/'))) {
      return this.dynStat(path, kind);
    }
    const d = this.readDynamic(path);
    if (d === null) return this.base.stat(path);
    const size = new TextEncoder().encode(d).length;
    // Dynamic files need no placeholder in the in-memory tree: then they are described as regular files.
    const st = await this.base.stat(path).catch(async () => ({
      ...(await this.base.stat('/')),
      isFile: true,
      isDirectory: false,
      isSymbolicLink: false,
      mode: 0o100644,
    }));
    return { ...st, size };
  }

  async readdir(path: string): Promise<string[]> {
    const dir = this.dynDir(path);
    if (dir) return dir;
    const own = await this.base.readdir(path);
    const extra = this.dyn.list(normalize(path)).filter((n) => !own.includes(n));
    return [...own, ...extra].sort();
  }

  /** The entries of a dynamic directory in the reader's view, sorted, or null if `path` is none. */
  private dynDir(path: string): string[] | null {
    const n = this.nodeAt(this.resolve(path));
    if (n?.kind !== 'dir') return null;
    const { proc, os } = this.who();
    return [...(n.list(proc, os) ?? [])].sort();
  }

  async readdirWithFileTypes(path: string) {
    const names = this.dynDir(path);
    if (!names) return this.base.readdirWithFileTypes(path);
    const p = this.resolve(path);
    return names.map((name) => {
      const at = `${p}/${name}`;
      const kind = this.dynKind(at, false);
      const n = kind === 'link' ? this.nodeAt(at) : null;
      const intoDir = n?.kind === 'link' && n.descend === true && this.dynKind(at) === 'dir';
      return {
        name,
        isFile: kind === 'file',
        isDirectory: kind === 'dir' || intoDir,
        isSymbolicLink: kind === 'link',
      };
    });
  }

  // Everything else is the in-memory file system's.
  mkdir(path: string, options?: MkdirOptions) {
    return this.base.mkdir(path, options);
  }
  rm(path: string, options?: RmOptions) {
    return this.base.rm(path, options);
  }
  cp(src: string, dest: string, options?: CpOptions) {
    return this.base.cp(src, dest, options);
  }
  mv(src: string, dest: string) {
    return this.base.mv(src, dest);
  }
  resolvePath(base: string, path: string) {
    return this.base.resolvePath(base, path);
  }
  getAllPaths() {
    return this.base.getAllPaths();
  }
  chmod(path: string, mode: number) {
    return this.base.chmod(path, mode);
  }
  symlink(target: string, linkPath: string) {
    return this.base.symlink(target, linkPath);
  }
  link(existingPath: string, newPath: string) {
    return this.base.link(existingPath, newPath);
  }
  readlink(path: string) {
    if (PROC_NS_NET.test(normalize(path))) {
      const { proc, os } = this.who();
      return Promise.resolve(`net:[${netnsInode(os.state.docker.hostNs, proc.ns)}]`);
    }
    const p = this.resolve(path, false);
    const n = this.nodeAt(p);
    if (n?.kind === 'link') {
      const { proc, os } = this.who();
      return Promise.resolve(n.target(proc, os) as string);
    }
    if (n || this.dynKind(p) !== null)
      return Promise.reject(new Error(`EINVAL: invalid argument, readlink '${path}'`));
    return this.base.readlink(path);
  }
  async lstat(path: string) {
    const kind = this.dynKind(path, false);
    if (kind === 'link') return this.dynStat(path, 'link');
    if (kind !== null) return this.stat(path);
    return this.base.lstat(path);
  }
  async realpath(path: string) {
    if (this.dynKind(path) !== null) return this.resolve(path);
    return this.base.realpath(path);
  }
  utimes(path: string, atime: Date, mtime: Date) {
    return this.base.utimes(path, atime, mtime);
  }
}
