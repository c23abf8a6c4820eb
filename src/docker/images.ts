/**
 * The offline image catalogue: the images a lesson can run without a registry. Each says what it is, which
 * userland it ships (src/shell/userlands.ts maps the key to commands and a shell), its default command, the
 * ports it exposes, and how `docker images` shows it. Any other reference fails like a pull that cannot reach
 * the registry.
 */
export interface ImageSpec {
  repository: string;
  tag: string;
  /** sha256 image id (64 hex). */
  id: string;
  description: string;
  userland: string;
  entrypoint: string[];
  cmd: string[];
  env: string[];
  exposedPorts: string[];
  /**
   * Config.Labels of the image (null: none). Only labels known for the modelled version: nginx 1.27's
   * Dockerfile sets maintainer, Ubuntu 24.04's the two OCI ones; BusyBox and Alpine are built FROM scratch
   * with none; netshoot's Dockerfile sets none, but its build may add some, so it has none here.
   */
  labels: Readonly<Record<string, string>> | null;
  /** Image creation time, days before the World's epoch (docker images: "2 months ago"). */
  createdDaysAgo: number;
  /** Size as `docker images` prints it. */
  size: string;
  sizeBytes: number;
}

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const IMAGES: readonly ImageSpec[] = [
  {
    repository: 'busybox',
    tag: 'latest',
    id: 'af4709625109ba3d5b8f9f6b9f41ac6e7c1d7f3f6c1c2b4bd3f1e6f2ad0a9e5b',
    description: 'BusyBox 1.36: sh plus the classic applets (ip, ifconfig, route, ping, nc, wget)',
    userland: 'busybox',
    entrypoint: [],
    cmd: ['sh'],
    env: [PATH_ENV],
    exposedPorts: [],
    labels: null,
    createdDaysAgo: 420,
    size: '4.27MB',
    sizeBytes: 4269775,
  },
  {
    repository: 'alpine',
    tag: 'latest',
    id: 'aded1e1a5b3705116fa0a92ba074a5e0b0031647d9c315983ccba2ee5428ec8b',
    description: 'Alpine Linux 3.21: musl, apk and a BusyBox userland',
    userland: 'alpine',
    entrypoint: [],
    cmd: ['/bin/sh'],
    env: [PATH_ENV],
    exposedPorts: [],
    labels: null,
    createdDaysAgo: 300,
    size: '7.83MB',
    sizeBytes: 7834128,
  },
  {
    repository: 'nginx',
    tag: 'latest',
    id: '1e5f3c5b981a9a3f4b5a4a2a76e1d45b7a7e89bd7d9a96a4b6b6d9d2c2f8c4e1',
    description: 'nginx 1.27 on Debian 12: serves a welcome page on port 80 (no ip, no ping)',
    userland: 'nginx',
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: [
      PATH_ENV,
      'NGINX_VERSION=1.27.3',
      'NJS_VERSION=0.8.8',
      'NJS_RELEASE=1~bookworm',
      'PKG_RELEASE=1~bookworm',
    ],
    exposedPorts: ['80/tcp'],
    labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    createdDaysAgo: 330,
    size: '192MB',
    sizeBytes: 191998640,
  },
  {
    repository: 'nicolaka/netshoot',
    tag: 'latest',
    id: '4be4d9c7a2c3e9b7b9b3d0d7b1f0ea9f8e2e5f3a2c7d6b1a0f9e8d7c6b5a4f3e',
    description: 'The network troubleshooting toolbox: iproute2, net-tools, tcpdump, curl, iptables',
    userland: 'netshoot',
    entrypoint: [],
    cmd: ['zsh'],
    env: [PATH_ENV],
    exposedPorts: [],
    labels: null,
    createdDaysAgo: 360,
    size: '464MB',
    sizeBytes: 463990612,
  },
  {
    repository: 'ubuntu',
    tag: 'latest',
    id: 'b1d9df8ab81559494794e522b380878cf9ba82d4c1fb67293bcf931c3aa69ae4',
    description: 'Ubuntu 24.04 minimal: bash and coreutils, almost no network tools',
    userland: 'ubuntu',
    entrypoint: [],
    cmd: ['/bin/bash'],
    env: [PATH_ENV],
    exposedPorts: [],
    labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' },
    createdDaysAgo: 310,
    size: '78.1MB',
    sizeBytes: 78118104,
  },
];

/** reference.ParseNormalizedNamed, reduced: "busybox" -> busybox:latest, "library/x" -> x, "docker.io/x" -> x. */
export function normalizeRef(ref: string): { repository: string; tag: string } | null {
  let r = ref;
  if (r.startsWith('docker.io/')) r = r.slice('docker.io/'.length);
  if (r.startsWith('library/')) r = r.slice('library/'.length);
  if (r === '' || /[A-Z]/.test(r)) return null;
  const at = r.indexOf('@');
  if (at >= 0) r = r.slice(0, at);
  const slash = r.lastIndexOf('/');
  const colon = r.lastIndexOf(':');
  if (colon > slash) return { repository: r.slice(0, colon), tag: r.slice(colon + 1) };
  return { repository: r, tag: 'latest' };
}

export function findImage(ref: string): ImageSpec | null {
  const n = normalizeRef(ref);
  if (!n) return null;
  const byRef = IMAGES.find((i) => i.repository === n.repository && i.tag === n.tag);
  if (byRef) return byRef;
  // An image id (or a prefix of one) names the image too.
  const hex = ref.startsWith('sha256:') ? ref.slice(7) : ref;
  if (/^[0-9a-f]{4,64}$/.test(hex)) return IMAGES.find((i) => i.id.startsWith(hex)) ?? null;
  return null;
}

export function imageById(id: string): ImageSpec | null {
  return IMAGES.find((i) => i.id === id) ?? null;
}
