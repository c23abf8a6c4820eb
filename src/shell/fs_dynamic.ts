/**
 * The dynamic part of a machine's file system as one process sees it: the kernel's trees (procfs, sysfs)
 * and the files Docker manages, looked up for the reader (`who`), with sysfs's symbolic links followed as the
 * kernel's path walk follows them.
 */
import type { FsStat } from 'just-bash/browser';
import { netnsInode, normalize, PROC_NS_NET } from './fs_paths';
import { DynamicReadError, type DynamicFile, type DynamicNode, type DynamicTree } from './fs_types';
import type { OsAccess, Proc } from './types';

interface DynamicDirent {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
}

const dirent = (name: string): DynamicDirent => ({
  name,
  isFile: true,
  isDirectory: false,
  isSymbolicLink: false,
});

/** Symbolic links followed while resolving one path before giving up (fs/namei.c MAXSYMLINKS). */
const MAXSYMLINKS = 40;

export class DynamicView {
  readonly tree: DynamicTree;
  private readonly who: () => { proc: Proc; os: OsAccess };
  /** Dynamic files the user has overwritten (Docker stops managing an edited /etc/hosts). */
  readonly frozen = new Set<string>();

  constructor(tree: DynamicTree, who: () => { proc: Proc; os: OsAccess }) {
    this.tree = tree;
    this.who = who;
  }

  /**
   * `path` normalized, with the dynamic symbolic links among its components replaced by their targets (the
   * last component's too when `followLast`), as the kernel's path walk (fs/namei.c) follows them. Only trees
   * with nodes (sysfs) have links; other paths come back normalized.
   */
  resolve(path: string, followLast = true): string {
    let p = normalize(path);
    const tree = this.tree;
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

  /** The dynamic file at a path (links followed), unless the user has overwritten it. */
  fileAt(path: string): DynamicFile | null {
    const p = this.resolve(path);
    if (this.frozen.has(p)) return null;
    return this.tree.lookup(p);
  }

  /** The dynamic directory or link at a resolved path, if it exists in the reader's view. */
  nodeAt(p: string): DynamicNode | null {
    const n = this.tree.node?.(p) ?? null;
    if (!n) return null;
    const { proc, os } = this.who();
    return (n.kind === 'dir' ? n.list(proc, os) : n.target(proc, os)) === null ? null : n;
  }

  /** What a path is among the dynamic entries of the reader's view (a file whose read fails exists). */
  kind(path: string, followLast = true): 'file' | 'dir' | 'link' | null {
    const p = this.resolve(path, followLast);
    const n = this.nodeAt(p);
    if (n) return n.kind;
    try {
      return this.read(p) === null ? null : 'file';
    } catch (e) {
      if (e instanceof DynamicReadError) return 'file';
      throw e;
    }
  }

  /** A stat for a dynamic entry, shaped after the in-memory root's (`root`: owner, times). */
  stat(root: FsStat, path: string, kind: 'file' | 'dir' | 'link'): FsStat {
    const p = this.resolve(path, kind !== 'link');
    if (kind === 'dir') {
      return {
        ...root,
        isFile: false,
        isDirectory: true,
        isSymbolicLink: false,
        // procfs directories are S_IRUGO|S_IXUGO (proc_dir_entry, proc_sys_make_inode); kernfs's 0755.
        mode: p.startsWith('/proc/') || p === '/proc' ? 0o40555 : 0o40755,
        size: 0,
        identity: p,
      };
    }
    if (kind === 'link') {
      return { ...root, isFile: false, isDirectory: false, isSymbolicLink: true, mode: 0o120777, size: 0 };
    }
    // sysfs reports a page for every attribute (kernfs), whatever a read would return.
    const writable = this.tree.lookup(p)?.write !== undefined;
    return {
      ...root,
      isFile: true,
      isDirectory: false,
      isSymbolicLink: false,
      mode: writable ? 0o100644 : 0o100444,
      size: 4096,
    };
  }

  /**
   * A dynamic link's text (the /proc/PID/ns/net magic link: nsfs's `net:[INODE]` of the reader's namespace),
   * 'EINVAL' for a dynamic entry that is no link, null for a path of the in-memory tree.
   */
  readlink(path: string): string | null {
    const { proc, os } = this.who();
    if (PROC_NS_NET.test(normalize(path))) return `net:[${netnsInode(os.state.docker.hostNs, proc.ns)}]`;
    const p = this.resolve(path, false);
    const n = this.nodeAt(p);
    if (n?.kind === 'link') return n.target(proc, os) as string;
    return n || this.kind(p) !== null ? 'EINVAL' : null;
  }

  /** A dynamic file's content now, or null when the path holds none in this view. */
  read(path: string): string | null {
    if (this.nodeAt(this.resolve(path))?.kind === 'dir') {
      throw new Error(`EISDIR: illegal operation on a directory, read '${path}'`);
    }
    const f = this.fileAt(path);
    if (!f) return null;
    const { proc, os } = this.who();
    return f.read(proc, os);
  }

  /**
   * The dynamic files directly in a directory of the in-memory tree that exist in the reader's view (the
   * busybox image has no /etc/os-release: it is not listed where `cat` cannot open it).
   */
  listed(dir: string): string[] {
    const d = normalize(dir);
    return this.tree.list(d).filter((n) => this.kind(`${d === '/' ? '' : d}/${n}`) !== null);
  }

  /** A directory of the in-memory tree's entry names with its dynamic files, sorted. */
  withFiles(dir: string, own: string[]): string[] {
    return [...own, ...this.listed(dir).filter((n) => !own.includes(n))].sort();
  }

  /** The same as directory entries with their types. */
  withFileDirents<D extends { name: string }>(dir: string, own: D[]): (D | DynamicDirent)[] {
    const extra = this.listed(dir).filter((n) => !own.some((d) => d.name === n));
    return [...own, ...extra.map(dirent)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The entries of a dynamic directory in the reader's view, sorted, or null if `path` is none. */
  dirEntries(path: string): string[] | null {
    const n = this.nodeAt(this.resolve(path));
    if (n?.kind !== 'dir') return null;
    const { proc, os } = this.who();
    return [...(n.list(proc, os) ?? [])].sort();
  }
}
