/**
 * `docker images`, `docker info` (cli/command/image/list.go, system/version.go, info.go):
 * the local catalogue, the 27.5.1 client and engine, and the daemon's summary (containers, networks plugins,
 * kernel).
 */
import { IMAGES } from '../../../docker';
import type { Verb } from './cli';
import { flagBool, flagString } from './flags';
import { renderRows, type RowContext } from './format';
import { humanDuration } from './humanize';
import { printInfoFormat } from './info_format';
import { IMAGES_FLAGS, INFO_FLAGS } from './verb_flags';

/** formatter.imageContext (image.go newImageContext): its methods and their column titles. */
const IMAGE_CONTEXT: RowContext = {
  type: '*formatter.imageContext',
  headers: {
    Containers: 'CONTAINERS',
    CreatedAt: 'CREATED AT',
    CreatedSince: 'CREATED',
    Digest: 'DIGEST',
    ID: 'IMAGE ID',
    Repository: 'REPOSITORY',
    SharedSize: 'SHARED SIZE',
    Size: 'SIZE',
    Tag: 'TAG',
    UniqueSize: 'UNIQUE SIZE',
    VirtualSize: 'SIZE',
  },
};

export const imagesVerbSpec: Verb = {
  path: 'docker images',
  use: 'docker images [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  flags: IMAGES_FLAGS,
  args: { max: 1 },
  run(io, p) {
    const st = io.os.state.docker;
    const now = io.os.state.clock.nowUs;
    const repo = p.args[0];
    const list = IMAGES.filter((i) => st.images.includes(`${i.repository}:${i.tag}`))
      .filter((i) => repo === undefined || i.repository === repo || `${i.repository}:${i.tag}` === repo)
      .sort((a, b) => a.createdDaysAgo - b.createdDaysAgo);
    const format = flagString(p, 'format');
    // NewImageFormat: --quiet replaces only the table format; a custom --format wins over it.
    if (flagBool(p, 'quiet') && (format === '' || format === 'table')) {
      for (const i of list) io.out(`${i.id.slice(0, 12)}\n`);
      return 0;
    }
    // imageContext's methods, in the sorted order its MarshalJSON (a map) gives {{json .}}. The list asks
    // for no container counts or shared sizes: those say N/A (image.go Containers, SharedSize, UniqueSize).
    const rows = list.map((i) => ({
      Containers: 'N/A',
      CreatedAt: '',
      CreatedSince: `${humanDuration(now + i.createdDaysAgo * 86_400_000_000)} ago`,
      Digest: '<none>',
      ID: flagBool(p, 'no-trunc') ? `sha256:${i.id}` : i.id.slice(0, 12),
      Repository: i.repository,
      SharedSize: 'N/A',
      Size: i.size,
      Tag: i.tag,
      UniqueSize: 'N/A',
      VirtualSize: i.size,
    }));
    io.out(
      renderRows(
        format,
        'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}',
        IMAGE_CONTEXT,
        rows,
        (r) => r,
      ),
    );
    return 0;
  },
};

export const infoVerbSpec: Verb = {
  path: 'docker info',
  use: 'docker info [OPTIONS]',
  short: 'Display system-wide information',
  flags: INFO_FLAGS,
  args: { exact: 0 },
  run(io, p) {
    if (flagString(p, 'format') !== '') return printInfoFormat(io, flagString(p, 'format'));
    const st = io.os.state.docker;
    const cs = Object.values(st.containers);
    const running = cs.filter((c) => c.status === 'running').length;
    io.out(`Client: Docker Engine - Community
 Version:    27.5.1
 Context:    default
 Debug Mode: false

Server:
 Containers: ${cs.length}
  Running: ${running}
  Paused: 0
  Stopped: ${cs.length - running}
 Images: ${st.images.length}
 Server Version: 27.5.1
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Using metacopy: false
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: json-file
 Cgroup Driver: systemd
 Cgroup Version: 2
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog
 Swarm: inactive
 Runtimes: io.containerd.runc.v2 runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: bcc810d6b9066471b0b6fa75f557a15a1cbf31bb
 runc version: v1.2.4-0-g6c52b3f
 init version: de40ad0
 Security Options:
  apparmor
  seccomp
   Profile: builtin
  cgroupns
 Kernel Version: 6.18.44
 Operating System: Debian GNU/Linux 12 (bookworm)
 OSType: linux
 Architecture: x86_64
 CPUs: 2
 Total Memory: 23.47GiB
 Name: ${st.hostname}
 ID: 4f2c7a1e-9b3d-4e8a-b6c5-1d0e2f3a4b5c
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 Experimental: false
 Insecure Registries:
  127.0.0.0/8
 Live Restore Enabled: false

`);
    return 0;
  },
};
