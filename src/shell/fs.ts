/**
 * A machine's file system: just-bash's in-memory one, plus the files Linux computes on every read
 * (/proc/net/*, /proc/sys/net/*, Docker's /etc/hosts and /etc/resolv.conf) and a /dev/null that discards
 * what is written to it (just-bash's keeps it).
 *
 * Dynamic files are looked up through `DynamicFiles`, given the process that reads them, so
 * `ip netns exec x cat /proc/net/route` reads namespace x.
 *
 * Paths are walked as the kernel walks them (fs/namei.c): a missing directory on the way is ENOENT, a file on
 * the way ENOTDIR, and a write to a directory EISDIR, for every writer (just-bash's in-memory file system
 * would create the missing directories, or replace what is in the way).
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
import { RefusalLog, WriteChecks } from './redirect_guard';
import { FsError, fsErrnoOf, redirectRefusal } from './fs_errors';
import { kernelFile, normalize, parentOf } from './fs_paths';
import { SKELETON_MODES, skeletonDirs } from './fs_skeleton';
import { DynamicView } from './fs_dynamic';
import { FileTimes, simNowUs } from './fs_times';
import { DynamicWrites } from './fs_kernel';
import type { DynamicTree } from './fs_types';
import type { OsAccess, Proc } from './types';

export type { DynamicDir, DynamicFile, DynamicLink, DynamicNode, DynamicTree } from './fs_types';
export { DynamicReadError } from './fs_types';
export { FsError, fsErrorOf, ShellWriteError } from './fs_errors';

type ReadOpts = Parameters<InMemoryFs['readFile']>[1];
type WriteOpts = Parameters<InMemoryFs['writeFile']>[2];

/**
 * just-bash opens a redirection's file by writing nothing to it in binary (`> f`: writeFile(f, '', 'binary'),
 * `>> f`: appendFile), before the command runs; a refusal there is the shell's to word, not a tool's.
 */
function redirectOpen(content: FileContent, options: WriteOpts): boolean {
  return options === 'binary' && (typeof content === 'string' ? content === '' : content.length === 0);
}

/**
 * Delegates to just-bash's InMemoryFs (created once just-bash is loaded), intercepting dynamic paths.
 */
export class SimFs implements IFileSystem {
  private baseFs: InMemoryFs | null = null;
  private readonly files: Record<string, string>;
  private readonly view: DynamicView;
  private readonly who: () => { proc: Proc; os: OsAccess };
  /** The last name resolvePath was given, and what it made of it: the shell names a file as it was typed. */
  private lastResolved: { typed: string; path: string } | null = null;
  /** The real words of the redirections refused during the current line (see redirect_guard.ts). */
  readonly refusals = new RefusalLog();
  /** Refused writes of commands in a write check (redirect_guard.ts), reported by the check. */
  readonly writeChecks = new WriteChecks();
  /** Modification times in simulated time (fs_times.ts). */
  private readonly times = new FileTimes();
  private readonly writes: DynamicWrites;

  constructor(files: Record<string, string>, dyn: DynamicTree, who: () => { proc: Proc; os: OsAccess }) {
    this.files = files;
    this.view = new DynamicView(dyn, who);
    this.who = who;
    this.writes = new DynamicWrites(this.view, who, this.writeChecks, () => this.ashShell());
  }

  /**
   * just-bash's file system, made on first use (a terminal opens before the shell runtime has loaded), with
   * the directories of the machine's image.
   */
  private get base(): InMemoryFs {
    if (this.baseFs) return this.baseFs;
    const fs = new (justBash().InMemoryFs)(this.files);
    for (const d of skeletonDirs(this.who().proc.userland)) {
      fs.mkdirSync(d, { recursive: true });
      const mode = SKELETON_MODES[d];
      // InMemoryFs changes the mode before its promise settles.
      if (mode !== undefined) void fs.chmod(d, mode);
    }
    this.baseFs = fs;
    return fs;
  }

  /**
   * A failed read's error as the path walk makes it (a file on the way is ENOTDIR, not ENOENT). A read for
   * `< F` (just-bash reads those with readFileBytes) is the shell's to word, and just-bash words every
   * failure as ENOENT in bash's words (redirections.ts readInputEntry): the log gets the real ones.
   */
  private async readFailure(path: string, e: unknown, redirect = false): Promise<never> {
    const err =
      (await this.walkError(path)) === 'ENOTDIR' ? new FsError('ENOTDIR', 'open', normalize(path)) : e;
    const code = fsErrnoOf(err);
    if (redirect && (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES')) {
      const typed = this.typed(normalize(path));
      const real = redirectRefusal(this.ashShell(), typed, code, false).shellMessage;
      const shell = this.who().proc.userland.shellName;
      this.refusals.record(`bash: ${typed}: No such file or directory\n`, `${shell}: ${real}\n`);
    }
    throw err;
  }

  async readFile(path: string, options?: ReadOpts): Promise<string> {
    if (normalize(path) === '/dev/null') return '';
    const d = this.view.read(path);
    if (d !== null) return d;
    return this.base.readFile(path, options).catch((e: unknown) => this.readFailure(path, e));
  }

  async readFileBuffer(path: string): Promise<Uint8Array> {
    if (normalize(path) === '/dev/null') return new Uint8Array();
    const d = this.view.read(path);
    if (d !== null) return new TextEncoder().encode(d);
    return this.base.readFileBuffer(path).catch((e: unknown) => this.readFailure(path, e));
  }

  async readFileBytes(path: string): ReturnType<InMemoryFs['readFileBytes']> {
    const d = normalize(path) === '/dev/null' ? '' : this.view.read(path);
    if (d === null)
      return this.base.readFileBytes(path).catch((e: unknown) => this.readFailure(path, e, true));
    // A ByteString is a latin1-shaped string of UTF-8 bytes.
    const bytes = new TextEncoder().encode(d);
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return s as unknown as Awaited<ReturnType<InMemoryFs['readFileBytes']>>;
  }

  /** The process's shell is BusyBox ash (its messages differ from bash's). */
  private ashShell(): boolean {
    return this.who().proc.userland.shellName === 'sh';
  }

  /** What an entry is in the reader's view (dynamic entries first, then the in-memory tree). */
  private async kindOf(p: string): Promise<'dir' | 'file' | null> {
    const k = this.view.kind(p);
    if (k !== null) return k === 'dir' ? 'dir' : 'file';
    const st = await this.base.stat(p).catch(() => null);
    if (st) return st.isDirectory ? 'dir' : 'file';
    // A directory holding only dynamic files (a container's /etc: hosts, hostname, resolv.conf).
    return this.view.listed(p).length > 0 ? 'dir' : null;
  }

  /**
   * The errno the kernel's path walk (fs/namei.c link_path_walk) fails with on the directories leading to
   * `path`: ENOENT for one that does not exist, ENOTDIR for one that is not a directory; null when it gets
   * through.
   */
  private async walkError(path: string): Promise<'ENOENT' | 'ENOTDIR' | null> {
    let here = '';
    for (const name of parentOf(this.view.resolve(path, false)).split('/').filter(Boolean)) {
      here += `/${name}`;
      const k = await this.kindOf(here);
      if (k !== 'dir') return k === null ? 'ENOENT' : 'ENOTDIR';
    }
    return null;
  }

  /** Refuse to create or truncate a file where open(O_CREAT) would fail. */
  private async checkCreate(path: string): Promise<void> {
    const bad = await this.walkError(path);
    if (bad) throw new FsError(bad, 'open', normalize(path));
    if ((await this.kindOf(this.view.resolve(path))) === 'dir')
      throw new FsError('EISDIR', 'open', normalize(path));
  }

  /** A path as the shell was given it (just-bash resolves a redirection's file right before it opens it). */
  private typed(p: string): string {
    return this.lastResolved?.path === p ? this.lastResolved.typed : p;
  }

  /**
   * An error for the caller. A redirection's open is the shell's to word, naming the file as it was typed:
   * just-bash prints its generic words for it (redirect_guard.ts), the log has the real ones.
   */
  private refused(e: unknown, content: FileContent, options: WriteOpts): unknown {
    if (!(e instanceof FsError) || !redirectOpen(content, options)) return e;
    const typed = this.typed(e.path);
    const err = redirectRefusal(this.ashShell(), typed, e.code, true);
    const shell = this.who().proc.userland.shellName;
    this.refusals.record(`bash: ${typed}: cannot open redirect target\n`, `${shell}: ${err.shellMessage}\n`);
    return err;
  }

  async writeFile(path: string, content: FileContent, options?: WriteOpts): Promise<void> {
    try {
      if (this.writes.write(path, content, 'write')) return;
      await this.checkCreate(path);
    } catch (e) {
      throw this.refused(e, content, options);
    }
    return this.written(path, () => this.base.writeFile(path, content, options));
  }

  /** A write to the in-memory tree, stamped with the simulated now (its directory's too for a new name). */
  private async written(path: string, write: () => Promise<void>): Promise<void> {
    const isNew = !(await this.base.exists(path));
    await write();
    this.times.changed(path, simNowUs(this.who().os), isNew);
  }

  /** A stat with the entry's simulated mtime (`mtimeUs`, µs since the epoch: ls reads it). */
  private timed<T extends FsStat>(path: string, st: T): T & { mtimeUs: number } {
    const { proc, os } = this.who();
    return { ...st, mtimeUs: this.times.of(this.view.resolve(path), proc, os) };
  }

  async appendFile(path: string, content: FileContent, options?: WriteOpts): Promise<void> {
    const p = normalize(path);
    if (p === '/dev/null') return;
    try {
      const resolved = this.view.resolve(p);
      const kernel = kernelFile(resolved);
      // Under /sys and /proc every write is the kernel's to answer (a file that does not exist included).
      const cur = kernel ? '' : this.view.read(p);
      if (cur !== null) {
        const add = typeof content === 'string' ? content : new TextDecoder().decode(content);
        // A /proc or /sys file takes each write() on its own (fs_kernel.ts: the position of the open file).
        if (this.writes.write(p, kernel ? add : cur + add, 'append')) return;
        await this.base.writeFile(p, cur, options);
      }
      await this.checkCreate(p);
    } catch (e) {
      throw this.refused(e, content, options);
    }
    return this.written(path, () => this.base.appendFile(path, content, options));
  }

  async exists(path: string): Promise<boolean> {
    if (this.view.kind(path) !== null) return true;
    return this.base.exists(path);
  }

  /**
   * just-bash stats a redirection's file before it opens it, and words a directory there as bash does
   * (redirections.ts checkOutputRedirectTarget): BusyBox ash's words for it go to the log.
   */
  async stat(path: string): Promise<FsStat> {
    const st = await this.statOf(path);
    const p = normalize(path);
    if (st.isDirectory && this.lastResolved?.path === p && this.ashShell()) {
      const typed = this.lastResolved.typed;
      this.refusals.record(`bash: ${typed}: Is a directory\n`, `sh: can't create ${typed}: Is a directory\n`);
    }
    return this.timed(path, st);
  }

  private async statOf(path: string): Promise<FsStat> {
    const kind = this.view.kind(path);
    if (kind === 'dir' || (kind === 'file' && this.view.resolve(path).startsWith('/sys/'))) {
      return this.view.stat(await this.base.stat('/'), path, kind);
    }
    const d = this.view.read(path);
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
    const dir = this.view.dirEntries(path);
    if (dir) return dir;
    return this.view.withFiles(path, await this.base.readdir(path));
  }

  async readdirWithFileTypes(path: string) {
    const names = this.view.dirEntries(path);
    if (!names) return this.view.withFileDirents(path, await this.base.readdirWithFileTypes(path));
    const p = this.view.resolve(path);
    return names.map((name) => {
      const at = `${p}/${name}`;
      const kind = this.view.kind(at, false);
      const n = kind === 'link' ? this.view.nodeAt(at) : null;
      const intoDir = n?.kind === 'link' && n.descend === true && this.view.kind(at) === 'dir';
      return {
        name,
        isFile: kind === 'file',
        isDirectory: kind === 'dir' || intoDir,
        isSymbolicLink: kind === 'link',
      };
    });
  }

  /**
   * mkdir(2) on the same walk: the parent must be a directory and the name free (EEXIST). `-p` makes what
   * is missing, but a file on the way is ENOTDIR (a file at the end, EEXIST).
   */
  async mkdir(path: string, options?: MkdirOptions): Promise<void> {
    const p = normalize(path);
    if (options?.recursive) {
      let here = '';
      for (const name of p.split('/').filter(Boolean)) {
        here += `/${name}`;
        const k = await this.kindOf(this.view.resolve(here));
        if (k === null) break;
        if (k === 'file') throw new FsError(here === p ? 'EEXIST' : 'ENOTDIR', 'mkdir', p);
      }
    } else {
      const bad = await this.walkError(p);
      if (bad) throw new FsError(bad, 'mkdir', p);
      if ((await this.kindOf(this.view.resolve(p, false))) !== null) throw new FsError('EEXIST', 'mkdir', p);
    }
    return this.written(path, () => this.base.mkdir(path, options));
  }

  /** Calls that make a new name: the directories leading to it must be there. */
  private async checkNewName(path: string, syscall: string): Promise<void> {
    const bad = await this.walkError(path);
    if (bad) throw new FsError(bad, syscall, normalize(path));
  }

  async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    await this.checkNewName(dest, 'open');
    await this.written(dest, () => this.base.cp(src, dest, options));
    this.times.copied(dest, this.base.getAllPaths(), simNowUs(this.who().os));
  }
  async mv(src: string, dest: string): Promise<void> {
    await this.checkNewName(dest, 'rename');
    await this.base.mv(src, dest);
    this.times.moved(src, dest, simNowUs(this.who().os));
  }
  async symlink(target: string, linkPath: string): Promise<void> {
    await this.checkNewName(linkPath, 'symlink');
    return this.written(linkPath, () => this.base.symlink(target, linkPath));
  }
  async link(existingPath: string, newPath: string): Promise<void> {
    await this.checkNewName(newPath, 'link');
    return this.written(newPath, () => this.base.link(existingPath, newPath));
  }

  // Everything else is the in-memory file system's.
  async rm(path: string, options?: RmOptions) {
    await this.base.rm(path, options);
    this.times.removed(path, simNowUs(this.who().os));
  }
  resolvePath(base: string, path: string) {
    const resolved = this.base.resolvePath(base, path);
    this.lastResolved = { typed: path, path: normalize(resolved) };
    return resolved;
  }
  getAllPaths() {
    return this.base.getAllPaths();
  }
  chmod(path: string, mode: number) {
    return this.base.chmod(path, mode);
  }
  readlink(path: string) {
    const dyn = this.view.readlink(path);
    if (dyn === 'EINVAL') return Promise.reject(new Error(`EINVAL: invalid argument, readlink '${path}'`));
    return dyn !== null ? Promise.resolve(dyn) : this.base.readlink(path);
  }
  async lstat(path: string) {
    const kind = this.view.kind(path, false);
    if (kind === 'link') return this.timed(path, this.view.stat(await this.base.stat('/'), path, 'link'));
    return this.timed(path, kind !== null ? await this.statOf(path) : await this.base.lstat(path));
  }
  async realpath(path: string) {
    if (this.view.kind(path) !== null) return this.view.resolve(path);
    return this.base.realpath(path);
  }
  // touch: the Dates just-bash passes are the browser's clock; the file gets the simulated now instead.
  async utimes(path: string, atime: Date, mtime: Date) {
    await this.base.utimes(path, atime, mtime);
    this.times.changed(path, simNowUs(this.who().os), false);
  }
}
