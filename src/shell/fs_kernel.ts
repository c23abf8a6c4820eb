/**
 * Writes to the dynamic files (procfs, sysfs, Docker's /etc files) as the kernel takes them: an open the
 * kernel refuses is an FsError (EISDIR, EROFS for Docker's read-only mounts, EACCES for a file without a
 * write handler, ENOENT/ENOTDIR/EACCES where nothing can be made), and a write() the handler refuses is the
 * shell's to report (a write check's, redirect_guard.ts, or a ShellWriteError).
 *
 * The file position: each write() to a /proc/sys file is parsed on its own, from the position the open file
 * is at, and with kernel.sysctl_writes_strict at its default (1, SYSCTL_WRITES_STRICT) a write at a position
 * past 0 is ignored and succeeds (kernel/sysctl.c proc_first_pos_non_zero_ignore): `exec 3> ip_forward;
 * echo 1 >&3; echo 0 >&3` leaves 1, as on the development machine's kernel; proc_sys_write ignores
 * O_APPEND, so `exec 3>>` goes the same way. sysfs stores ignore the position.
 */
import type { FileContent } from 'just-bash/browser';
import { FsError, writeRefusal, type FsErrno } from './fs_errors';
import { kernelFile, normalize, parentOf } from './fs_paths';
import type { DynamicView } from './fs_dynamic';
import type { WriteChecks } from './redirect_guard';
import type { OsAccess, Proc } from './types';

export class DynamicWrites {
  /** Where the last open of each /proc/sys file is (the shell's descriptors on it share it). */
  private readonly pos = new Map<string, number>();

  constructor(
    private readonly view: DynamicView,
    private readonly who: () => { proc: Proc; os: OsAccess },
    private readonly checks: WriteChecks,
    private readonly ash: () => boolean,
  ) {}

  /**
   * A write to a dynamic file, or to where the kernel's trees create nothing: true when handled here, false
   * when the in-memory file system takes it. `mode`: writeFile (an open, then the content from position 0)
   * or appendFile (content at the open file's position). Writing nothing is the shell opening the file.
   */
  write(path: string, content: FileContent, mode: 'write' | 'append'): boolean {
    const typed = normalize(path);
    if (typed === '/dev/null') return true;
    const p = this.view.resolve(typed);
    const kind = this.view.kind(p);
    if (kind !== 'file') {
      if (kind === 'dir') throw new FsError('EISDIR', 'open', typed);
      if (kernelFile(p)) throw new FsError(this.createErrno(p), 'open', typed);
      return false;
    }
    const f = this.view.fileAt(p);
    if (!f) return false;
    const { proc, os } = this.who();
    if (f.readOnlyMount?.(proc)) throw new FsError('EROFS', 'open', typed);
    if (!f.write) {
      if (kernelFile(p)) throw new FsError('EACCES', 'open', typed);
      this.view.frozen.add(p);
      return false;
    }
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    if (kernelFile(p)) {
      // Opening a /proc or /sys file with O_TRUNC changes nothing; the value comes with the next write().
      if (text === '') {
        this.pos.set(p, 0);
        return true;
      }
      const at = mode === 'write' ? 0 : (this.pos.get(p) ?? 0);
      this.pos.set(p, at + new TextEncoder().encode(text).length);
      if (at > 0 && p.startsWith('/proc/sys/')) return true;
    }
    const e = f.write(proc, os, text);
    if (e !== null && !this.checks.defer(e)) throw writeRefusal(this.ash(), e);
    return true;
  }

  /**
   * Why nothing can be made at `p` in /proc or /sys: a file on the way is ENOTDIR; sysfs refuses a new entry
   * in a directory that exists (kernfs has no create: EACCES); anything else does not exist (ENOENT).
   */
  private createErrno(p: string): FsErrno {
    for (let d = parentOf(p); d !== '/'; d = parentOf(d)) if (this.view.kind(d) === 'file') return 'ENOTDIR';
    const sysDir = p.startsWith('/sys/') && this.view.nodeAt(parentOf(p))?.kind === 'dir';
    return sysDir ? 'EACCES' : 'ENOENT';
  }
}
