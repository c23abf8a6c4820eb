/**
 * Modification times of a machine's files, in simulated time (µs since the Unix epoch): just-bash's
 * in-memory tree keeps the browser's Dates, which nothing below the store may read, so SimFs keeps its own.
 *
 * - A file or directory the machine started with has its image's build time (`docker image inspect`'s
 *   Created: the catalogue's createdDaysAgo before the World's epoch); the host's, the World's epoch.
 * - The files Docker writes for a container (/etc/hosts, hostname, resolv.conf) have the container's start.
 * - procfs and sysfs entries are instantiated when first looked up (proc_get_inode, kernfs_init_inode): now.
 * - What a process writes, makes, moves or removes gets the time of the write, and so does the directory
 *   whose entries it changed (ext4 updates the parent's mtime on create, unlink and rename).
 */
import { imageById } from '../docker';
import { kernelFile, normalize, parentOf } from './fs_paths';
import type { OsAccess, Proc } from './types';

const DAY_US = 86_400_000_000;
const DOCKER_WRITTEN = new Set(['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']);

/** The simulated wall clock: the daemon's epoch plus the World's microseconds (time(NULL)). */
export function simNowUs(os: OsAccess): number {
  return os.state.docker.epochMs * 1000 + os.state.clock.nowUs;
}

export class FileTimes {
  private readonly times = new Map<string, number>();

  /** `path` (and, when its entry is new or gone, its directory) changed now. */
  changed(path: string, us: number, entryChanged: boolean): void {
    const p = normalize(path);
    this.times.set(p, us);
    if (entryChanged) this.times.set(parentOf(p), us);
  }

  /** `path` and everything below it are gone (rm, the source of mv). */
  removed(path: string, us: number): void {
    const p = normalize(path);
    for (const k of [...this.times.keys()]) if (k === p || k.startsWith(`${p}/`)) this.times.delete(k);
    this.times.set(parentOf(p), us);
  }

  /** A copy at `dest`: it and every file below it are new (cp -r). */
  copied(dest: string, allPaths: readonly string[], us: number): void {
    const d = normalize(dest);
    for (const p of allPaths) if (p.startsWith(`${d}/`)) this.times.set(p, us);
  }

  /** `from` became `to` (rename keeps the inode and its times). */
  moved(from: string, to: string, us: number): void {
    const f = normalize(from);
    const t = normalize(to);
    const moving = [...this.times].filter(([k]) => k === f || k.startsWith(`${f}/`));
    this.removed(f, us);
    for (const [k, v] of moving) this.times.set(t + k.slice(f.length), v);
    if (!this.times.has(t)) this.times.set(t, this.times.get(f) ?? us);
    this.times.set(parentOf(t), us);
  }

  /** The mtime of `path` as `proc` sees it on its machine. */
  of(path: string, proc: Proc, os: OsAccess): number {
    const p = normalize(path);
    const own = this.times.get(p);
    if (own !== undefined) return own;
    if (kernelFile(p) || p === '/proc' || p === '/sys') return simNowUs(os);
    const st = os.state.docker;
    const c = proc.machine === 'host' ? undefined : st.containers[proc.machine];
    const epoch = st.epochMs * 1000;
    if (!c) return epoch;
    if (DOCKER_WRITTEN.has(p)) return epoch + (c.startedUs ?? c.createdUs);
    const image = imageById(c.imageId);
    return image ? epoch - image.createdDaysAgo * DAY_US : epoch;
  }
}
