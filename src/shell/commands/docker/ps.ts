/**
 * `docker ps` (cli/command/container/list.go, formatter/container.go): running containers newest first (all
 * with -a), columns CONTAINER ID, IMAGE, COMMAND (quoted, ellipsised to 20), CREATED, STATUS, PORTS
 * (DisplayablePorts), NAMES (and SIZE with -s) through the tabwriter; -q, -n, -l, --no-trunc, --format,
 * --filter.
 */
import type { DockerContainer, DockerState } from '../../../docker';
import { imageById, rfc3339Nano } from '../../../docker';
import { formatIp4 } from '../../../lib';
import type { Verb } from './cli';
import { flagBool, flagList, flagSet, flagString } from './flags';
import { precheckFormat, renderRows, rowFields, type RowContext } from './format';
import type { GoJson } from './gojson';
import { humanDuration } from './humanize';
import { PS_FLAGS } from './verb_flags';

interface ApiPort {
  ip: string;
  priv: number;
  pub: number;
  type: string;
}

type PortMaps = ReadonlyMap<string, DockerState['endpoints'][string]['portMappings']>;

/**
 * Each container's port mappings (its endpoints'), gathered in one pass (a scan per row grew as n²), once per
 * endpoints table: `docker ps` reads the committed World, whose tables are never written again.
 */
const portMapsMemo = new WeakMap<DockerState['endpoints'], PortMaps>();

function portMapsByContainer(st: DockerState): PortMaps {
  let maps = portMapsMemo.get(st.endpoints);
  if (!maps) portMapsMemo.set(st.endpoints, (maps = gatherPortMaps(st)));
  return maps;
}

function gatherPortMaps(st: DockerState): PortMaps {
  const byCtr = new Map<string, DockerState['endpoints'][string]['portMappings']>();
  for (const e of Object.values(st.endpoints)) {
    if (!e.containerId || e.portMappings.length === 0) continue;
    const list = byCtr.get(e.containerId);
    if (list) list.push(...e.portMappings);
    else byCtr.set(e.containerId, [...e.portMappings]);
  }
  return byCtr;
}

function apiPorts(maps: PortMaps, c: DockerContainer): ApiPort[] {
  if (c.status !== 'running') return [];
  const out: ApiPort[] = [];
  const mine = maps.get(c.id) ?? [];
  for (const p of c.exposedPorts) {
    const [port, type] = p.split('/') as [string, string];
    const ms = mine.filter((m) => m.containerPort === Number(port) && m.proto === type);
    if (ms.length === 0 && c.networkMode !== 'host' && !c.networkMode.startsWith('container:'))
      out.push({ ip: '', priv: Number(port), pub: 0, type });
    for (const m of ms) {
      out.push({ ip: formatIp4(m.hostIp), priv: m.containerPort, pub: m.hostPort, type });
      if (m.hostIp === 0) out.push({ ip: '::', priv: m.containerPort, pub: m.hostPort, type });
    }
  }
  return out;
}

const joinHostPort = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/** formatter.DisplayablePorts */
export function displayablePorts(ports: ApiPort[]): string {
  if (ports.length === 0) return '';
  const sorted = [...ports].sort(
    (a, b) =>
      a.priv - b.priv ||
      (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0) ||
      a.pub - b.pub ||
      (a.type < b.type ? -1 : 1),
  );
  const groups = new Map<string, { first: number; last: number }>();
  const order: string[] = [];
  const result: string[] = [];
  const hostMappings: string[] = [];
  const form = (key: string, a: number, b: number) => {
    const parts = key.split('/');
    const ip = parts.length > 1 ? (parts[0] as string) : '';
    const type = parts.length > 1 ? (parts[1] as string) : (parts[0] as string);
    let g = String(a);
    if (a !== b) g = `${g}-${b}`;
    if (ip !== '') g = `${ip}:${g}->${g}`;
    return `${g}/${type}`;
  };
  for (const p of sorted) {
    let key = p.type;
    if (p.ip !== '') {
      if (p.pub !== p.priv) {
        hostMappings.push(`${joinHostPort(p.ip, p.pub)}->${p.priv}/${p.type}`);
        continue;
      }
      key = `${p.ip}/${p.type}`;
    }
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: p.priv, last: p.priv });
      order.push(key);
      continue;
    }
    if (p.priv === g.last + 1) {
      g.last = p.priv;
      continue;
    }
    result.push(form(key, g.first, g.last));
    groups.set(key, { first: p.priv, last: p.priv });
  }
  for (const k of order) {
    const g = groups.get(k) as { first: number; last: number };
    result.push(form(k, g.first, g.last));
  }
  return [...result, ...hostMappings].join(', ');
}

/** Ellipsis: cut to `max` runes, the last one being "…". */
export function ellipsis(s: string, max: number): string {
  // At most 2 UTF-16 units a rune: a string this short has no more runes than max (no need to count).
  if (s.length <= max) return s;
  const r = [...s];
  return r.length <= max ? s : `${r.slice(0, max - 1).join('')}…`;
}

/** ContainerContext.Command: the command line quoted, ellipsised to 20 runes unless --no-trunc. */
function commandText(c: DockerContainer, trunc: boolean): string {
  const cmd = c.args.length === 0 ? c.path : `${c.path} ${c.args.join(' ')}`;
  return goQuote(trunc ? ellipsis(cmd, 20) : cmd);
}

function goQuote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function statusText(c: DockerContainer, now: number): string {
  if (c.status === 'running') return `Up ${humanDuration(now - (c.startedUs ?? now))}`;
  if (c.status === 'exited')
    return `Exited (${c.exitCode}) ${humanDuration(now - (c.finishedUs ?? now))} ago`;
  return 'Created';
}

/** Go's time.Time.String() of the creation second, in UTC: "2026-11-28 00:00:05 +0000 UTC". */
function goTime(st: DockerState, us: number): string {
  const whole = us - ((st.epochMs * 1000 + us) % 1_000_000);
  return rfc3339Nano(st.epochMs, whole).replace('T', ' ').replace('Z', ' +0000 UTC');
}

/** Whether a row needs `name` (fields null: the template may read any). */
function wants(fields: ReadonlySet<string> | null, name: string): boolean {
  return fields === null || fields.has(name);
}

export function psRow(
  maps: PortMaps,
  c: DockerContainer,
  now: number,
  trunc: boolean,
  created: (us: number) => string,
  fields: ReadonlySet<string> | null = null,
): Record<string, GoJson> {
  // Only the fields the template reads are computed (the Go formatter's fields are methods, called when named;
  // `fields` null: all). The others stay '' and are never read: one object shape for every row.
  return {
    Command: wants(fields, 'Command') ? commandText(c, trunc) : '',
    CreatedAt: wants(fields, 'CreatedAt') ? created(c.createdUs) : '',
    ID: trunc ? c.id.slice(0, 12) : c.id,
    Image: c.image,
    Labels: '',
    LocalVolumes: '0',
    Mounts: '',
    Names: c.name,
    Networks: wants(fields, 'Networks') ? Object.keys(c.networks).sort().join(',') : '',
    Ports: wants(fields, 'Ports') ? displayablePorts(apiPorts(maps, c)) : '',
    RunningFor: wants(fields, 'RunningFor') ? `${humanDuration(now - c.createdUs)} ago` : '',
    Size: wants(fields, 'Size') ? sizeText(c) : '',
    State: c.status,
    Status: wants(fields, 'Status') ? statusText(c, now) : '',
  };
}

/**
 * ContainerContext.Size: the writable layer, then the image under it. The CLI asks for sizes whenever the
 * format uses .Size (list.go), so the "virtual" part is always there. nginx's entrypoint rewrites
 * default.conf (listen on IPv6) at start; the other images' main processes write nothing.
 */
function sizeText(c: DockerContainer): string {
  const img = imageById(c.imageId);
  const rw = c.userland === 'nginx' && c.startedUs !== null ? '1.09kB' : '0B';
  return img ? `${rw} (virtual ${img.size})` : rw;
}

export const PS_HEADERS: Record<string, string> = {
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Labels: 'LABELS',
  LocalVolumes: 'LOCAL VOLUMES',
  Mounts: 'MOUNTS',
  Names: 'NAMES',
  Networks: 'NETWORKS',
  Ports: 'PORTS',
  RunningFor: 'CREATED',
  Size: 'SIZE',
  State: 'STATE',
  Status: 'STATUS',
};

/** formatter.ContainerContext: what a --format template is executed on, per container. */
const PS_CONTEXT: RowContext = { type: '*formatter.ContainerContext', headers: PS_HEADERS };

const DEFAULT =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

function matchesFilter(c: DockerContainer, f: string): boolean {
  const [k, v = ''] = f.split('=', 2) as [string, string];
  switch (k) {
    case 'name':
      return c.name.includes(v);
    case 'id':
      return c.id.startsWith(v);
    case 'status':
      return c.status === v;
    case 'network':
      return (
        Object.keys(c.networks).includes(v) ||
        Object.values(c.networks).some((n) => n.networkId.startsWith(v))
      );
    case 'ancestor':
      return c.image === v || c.image === `${v}:latest`;
    default:
      return true;
  }
}

export const psVerbSpec: Verb = {
  path: 'docker ps',
  use: 'docker ps [OPTIONS]',
  short: 'List containers',
  flags: PS_FLAGS,
  args: { exact: 0 },
  run(io, p) {
    const st = io.os.state.docker;
    const now = io.os.state.clock.nowUs;
    const filters = flagList(p, 'filter');
    let list = Object.values(st.containers)
      .filter(
        (c) => flagBool(p, 'all') || flagSet(p, 'last') || flagBool(p, 'latest') || c.status === 'running',
      )
      .filter((c) => filters.every((f) => matchesFilter(c, f)))
      .sort((a, b) => b.createdUs - a.createdUs);
    if (flagBool(p, 'latest')) list = list.slice(0, 1);
    else if (flagSet(p, 'last')) list = list.slice(0, Math.max(0, Number(flagString(p, 'last'))));
    const trunc = !flagBool(p, 'no-trunc');
    const format = flagString(p, 'format');
    // runPs: --quiet wins over a format (with a warning); the format is still checked (list.go).
    if (format !== '' && flagBool(p, 'quiet'))
      io.err('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    if (format !== '') precheckFormat(format, PS_CONTEXT);
    if (flagBool(p, 'quiet')) {
      for (const c of list) io.out(`${trunc ? c.id.slice(0, 12) : c.id}\n`);
      return 0;
    }
    const created = (us: number) => goTime(st, us);
    const maps = portMapsByContainer(st);
    const table = flagBool(p, 'size') ? `${DEFAULT}\t{{.Size}}` : DEFAULT;
    const fields = rowFields(format, table);
    io.out(renderRows(format, table, PS_CONTEXT, list, (c) => psRow(maps, c, now, trunc, created, fields)));
    return 0;
  },
};
