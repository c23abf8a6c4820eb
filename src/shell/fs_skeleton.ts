/**
 * The directories a machine's root file system starts with. A write into a directory that does not exist
 * fails (ENOENT), as on Linux, so the tree must hold the directories the real image has: `echo x >
 * /var/log/x` works in every image, `echo x > /nonexistent/x` in none. /dev, /proc and /sys are mount
 * points: what is in them is the kernel's (devtmpfs, procfs, sysfs), served by SimFs itself. /usr/bin is
 * left out: just-bash looks a command up as a file there once the directory exists, and finds its commands
 * only while it does not.
 *
 * Per family, after the images' root file systems (debian:bookworm and ubuntu:24.04 base-files, nginx on
 * debian, alpine-baselayout, the busybox image's rootfs): top levels, then what users write into.
 */
import type { Userland } from './types';

const DEBIAN = [
  'bin boot dev etc home lib lib64 media mnt opt proc root run sbin srv sys tmp usr var',
  'etc/default etc/network etc/sysctl.d',
  'usr/games usr/include usr/lib usr/libexec usr/local usr/sbin usr/share usr/src',
  'usr/local/bin usr/local/etc usr/local/games usr/local/include usr/local/lib usr/local/sbin usr/local/share',
  'usr/local/src',
  'var/backups var/cache var/lib var/local var/lock var/log var/mail var/opt var/run var/spool var/tmp',
];

const ALPINE = [
  'bin dev etc home lib media mnt opt proc root run sbin srv sys tmp usr var',
  'etc/apk etc/network etc/sysctl.d',
  'usr/lib usr/local usr/sbin usr/share usr/local/bin usr/local/lib usr/local/share',
  'var/cache var/empty var/lib var/local var/lock var/log var/mail var/opt var/run var/spool var/tmp',
];

const BUSYBOX = [
  'bin dev etc home lib lib64 proc root sys tmp usr var',
  'etc/network usr/sbin var/spool var/spool/mail var/www',
];

/** What an image adds to its family's tree (the Docker host: the engine's own directories). */
const EXTRA: Readonly<Record<string, readonly string[]>> = {
  host: ['etc/docker var/lib/docker'],
  nginx: [
    'docker-entrypoint.d etc/nginx etc/nginx/conf.d usr/share/nginx/html var/cache/nginx var/log/nginx',
  ],
};

const FAMILY: Readonly<Record<string, readonly string[]>> = {
  busybox: BUSYBOX,
  alpine: ALPINE,
  'nicolaka/netshoot': ALPINE,
};

/**
 * Directories whose mode is not 0755 in every image (Debian's base-files, alpine-baselayout, the busybox
 * rootfs): the sticky, world-writable temporary directories and root's private home.
 */
export const SKELETON_MODES: Readonly<Record<string, number>> = {
  '/tmp': 0o1777,
  '/var/tmp': 0o1777,
  '/root': 0o700,
};

/** The directories (absolute, parents first) the root file system of a machine with this userland has. */
export function skeletonDirs(u: Userland): string[] {
  const lines = [...(FAMILY[u.image] ?? DEBIAN), ...(EXTRA[u.image] ?? [])];
  return lines.flatMap((l) => l.split(' ').map((d) => `/${d}`));
}
