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
}

export interface DynamicTree {
  /** The dynamic file at an absolute path, if any. */
  lookup(path: string): DynamicFile | null;
  /** Names of dynamic entries directly under a directory, for `ls`. */
  list(dir: string): string[];
}

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

  private dynamicAt(path: string): DynamicFile | null {
    const p = normalize(path);
    if (this.frozen.has(p)) return null;
    return this.dyn.lookup(p);
  }

  private readDynamic(path: string): string | null {
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
    const p = normalize(path);
    if (p === '/dev/null') return true;
    const f = this.dynamicAt(p);
    if (!f) return false;
    const { proc, os } = this.who();
    // A file this process's namespace does not have (another namespace's device) is not dynamic here.
    if (f.read(proc, os) === null) return false;
    if (!f.write) {
      if (p.startsWith('/proc/')) throw new ShellWriteError(`${p}: Permission denied`);
      this.frozen.add(p);
      return false;
    }
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    // Opening a /proc file with O_TRUNC changes nothing; the value comes with the next write().
    if (text === '' && p.startsWith('/proc/')) return true;
    const e = f.write(proc, os, text);
    if (e !== null) throw new ShellWriteError(`echo: write error: ${e}`);
    return true;
  }

  async writeFile(path: string, content: FileContent, options?: WriteOpts): Promise<void> {
    if (this.writeDynamic(path, content)) return;
    return this.base.writeFile(path, content, options);
  }

  async appendFile(path: string, content: FileContent, options?: WriteOpts): Promise<void> {
    const p = normalize(path);
    if (p === '/dev/null') return;
    const cur = this.readDynamic(p);
    if (cur !== null) {
      const add = typeof content === 'string' ? content : new TextDecoder().decode(content);
      // Each write() to a /proc file is parsed on its own (proc_sys_write ignores the offset).
      if (this.writeDynamic(p, p.startsWith('/proc/') ? add : cur + add)) return;
      await this.base.writeFile(p, cur, options);
    }
    return this.base.appendFile(path, content, options);
  }

  async exists(path: string): Promise<boolean> {
    if (this.readDynamic(path) !== null) return true;
    return this.base.exists(path);
  }

  async stat(path: string): Promise<FsStat> {
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
    const own = await this.base.readdir(path);
    const extra = this.dyn.list(normalize(path)).filter((n) => !own.includes(n));
    return [...own, ...extra].sort();
  }

  // Everything else is the in-memory file system's.
  readdirWithFileTypes(path: string) {
    return this.base.readdirWithFileTypes(path);
  }
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
    return this.base.readlink(path);
  }
  lstat(path: string) {
    return this.base.lstat(path);
  }
  realpath(path: string) {
    return this.base.realpath(path);
  }
  utimes(path: string, atime: Date, mtime: Date) {
    return this.base.utimes(path, atime, mtime);
  }
}
