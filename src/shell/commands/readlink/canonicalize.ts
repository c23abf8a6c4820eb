/**
 * A file name with every symbolic link in every component followed, as gnulib's canonicalize_filename_mode
 * does for `readlink -f/-e/-m` (BusyBox's xmalloc_realpath_coreutils is the -f mode): the walk starts at
 * the root (the working directory's own links are followed too, as getcwd() would have), ".." drops the
 * component resolved so far, a link's target is walked in place of the link.
 *
 * Why not just-bash's: it follows the last component's links only, relative to the name as given, so
 * /sys/class/net/eth0/subsystem came out as /class/net instead of /sys/class/net.
 */
import type { IFileSystem } from 'just-bash/browser';

/** -e: every component exists; -f: all but the last; -m: none need to. */
export type CanMode = 'existing' | 'all-but-last' | 'missing';

export type CanErrno = 'ENOENT' | 'ENOTDIR' | 'ELOOP';

export const CAN_STRERROR: Record<CanErrno | 'EINVAL', string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  EINVAL: 'Invalid argument',
};

/** Links followed before ELOOP (the kernel's MAXSYMLINKS). */
const MAXSYMLINKS = 40;

const parts = (p: string) => p.split('/').filter((c) => c !== '' && c !== '.');

export async function canonicalize(
  fs: IFileSystem,
  cwd: string,
  name: string,
  mode: CanMode,
): Promise<{ path: string } | { errno: CanErrno }> {
  const rest = parts(name.startsWith('/') ? name : `${cwd}/${name}`);
  let done: string[] = [];
  let hops = 0;
  for (let comp = rest.shift(); comp !== undefined; comp = rest.shift()) {
    if (comp === '..') {
      done.pop();
      continue;
    }
    const here = `/${[...done, comp].join('/')}`;
    const last = rest.length === 0;
    const st = await fs.lstat(here).catch(() => null);
    if (st === null) {
      if (mode === 'missing' || (mode === 'all-but-last' && last)) done.push(comp);
      else return { errno: 'ENOENT' };
      continue;
    }
    if (st.isSymbolicLink) {
      if (++hops > MAXSYMLINKS) {
        if (mode !== 'missing') return { errno: 'ELOOP' };
        done.push(comp);
        continue;
      }
      const target = await fs.readlink(here);
      if (target.startsWith('/')) done = [];
      rest.unshift(...parts(target));
      continue;
    }
    if (!st.isDirectory && !last && mode !== 'missing') return { errno: 'ENOTDIR' };
    done.push(comp);
  }
  return { path: `/${done.join('/')}` };
}
