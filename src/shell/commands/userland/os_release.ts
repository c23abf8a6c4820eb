/**
 * /etc/os-release and /usr/lib/os-release (os-release(5)) of each machine's system: the file its distribution's
 * base-files package ships (on Debian, Ubuntu and Alpine /etc/os-release is a link to ../usr/lib/os-release;
 * both are served). The busybox image ships none (docker-library/busybox copies only passwd, group and
 * shadow into /etc), so `cat /etc/os-release` fails there as on the real image.
 *
 * Versions: the host is Debian 12 (this machine's file, which is the oracle's); nginx 1.27.3 is built on
 * debian:bookworm-slim (the same file: Debian's carries no point release); alpine is the catalogue's 3.21,
 * at its most pulled point release 3.21.3; ubuntu is 24.04 at 24.04.2, the point release `ubuntu:latest` had
 * when the catalogue's image was made; netshoot is built FROM alpine:3.22.0 (its Dockerfile).
 */
import type { DynamicFile } from '../../fs';
import type { Proc } from '../../types';

const DEBIAN_12 = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const UBUNTU_24_04 = `PRETTY_NAME="Ubuntu 24.04.2 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.2 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

function alpine(version: string): string {
  const series = version.split('.').slice(0, 2).join('.');
  return `NAME="Alpine Linux"
ID=alpine
VERSION_ID=${version}
PRETTY_NAME="Alpine Linux v${series}"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;
}

const BY_IMAGE: Readonly<Record<string, string>> = {
  host: DEBIAN_12,
  nginx: DEBIAN_12,
  ubuntu: UBUNTU_24_04,
  alpine: alpine('3.21.3'),
  'nicolaka/netshoot': alpine('3.22.0'),
};

const osRelease: DynamicFile = {
  read(proc: Proc) {
    return BY_IMAGE[proc.userland.image] ?? null;
  },
};

export const OS_RELEASE_FILES: Readonly<Record<string, DynamicFile>> = {
  '/etc/os-release': osRelease,
  '/usr/lib/os-release': osRelease,
};
