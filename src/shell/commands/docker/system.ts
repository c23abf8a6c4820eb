/**
 * `docker info` (cli/command/system/info.go): the 27.5.1 client and engine, and the daemon's summary
 * (containers, networks plugins, kernel).
 */
import { ENGINE_ID, daemonKernelVersion } from '../../../docker';
import type { Verb } from './cli';
import { flagString } from './flags';
import { printInfoFormat } from './info_format';
import { INFO_FLAGS } from './verb_flags';

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
 Kernel Version: ${daemonKernelVersion()}
 Operating System: Debian GNU/Linux 12 (bookworm)
 OSType: linux
 Architecture: x86_64
 CPUs: 2
 Total Memory: 23.47GiB
 Name: ${st.hostname}
 ID: ${ENGINE_ID}
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
