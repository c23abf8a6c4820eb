/**
 * `docker ps` (cli/command/container/list.go, formatter/container.go): running containers newest first (all
 * with -a), columns CONTAINER ID, IMAGE, COMMAND (quoted, ellipsised to 20), CREATED, STATUS, PORTS
 * (DisplayablePorts), NAMES (and SIZE with -s) through the tabwriter; -q, -n, -l, --no-trunc, --format,
 * --filter.
 */
import type { ApiPort, DockerContainer, DockerState } from '../../../docker';
import {
  containerPorts,
  containerStateString,
  imageById,
  listContainers,
  rfc3339Nano,
} from '../../../docker';
import { filterArgs } from './filter_opt';
import { goParseInt } from '../../../lib';
import type { Verb } from './cli';
import { flagBool, flagList, flagString } from './flags';
import { labelMethod, labelsText, precheckFormat, renderRows, rowFields, type RowContext } from './format';
import type { GoJson } from './gojson';
import { humanDuration } from './humanize';
import { PS_FLAGS } from './verb_flags';

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
  if (c.status === 'running')
    return `Up ${humanDuration(now - (c.startedUs ?? now))}${c.paused ? ' (Paused)' : ''}`;
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
  st: DockerState,
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
    Labels: wants(fields, 'Labels') ? labelsText(c.labels) : '',
    LocalVolumes: '0',
    Mounts: '',
    Names: c.name,
    Networks: wants(fields, 'Networks') ? Object.keys(c.networks).sort().join(',') : '',
    Ports: wants(fields, 'Ports') ? displayablePorts(containerPorts(st, c)) : '',
    RunningFor: wants(fields, 'RunningFor') ? `${humanDuration(now - c.createdUs)} ago` : '',
    Size: wants(fields, 'Size') ? sizeText(c) : '',
    State: containerStateString(c),
    Status: wants(fields, 'Status') ? statusText(c, now) : '',
    // The context's unexported field (c types.Container): what its Label method reads.
    c: { Labels: c.labels },
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
const PS_CONTEXT: RowContext = {
  type: '*formatter.ContainerContext',
  headers: PS_HEADERS,
  methods: { Label: labelMethod('c') },
  unexported: ['trunc', 'c'],
};

const DEFAULT =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

export const psVerbSpec: Verb = {
  path: 'docker ps',
  use: 'docker ps [OPTIONS]',
  short: 'List containers',
  flags: PS_FLAGS,
  args: { exact: 0 },
  run(io, p) {
    const st = io.os.state.docker;
    const now = io.os.state.clock.nowUs;
    // buildContainerListOptions: -n is the limit (default -1); -l alone is a limit of 1.
    const last = flagString(p, 'last', '-1');
    let limit = goParseInt(last, 0) as number;
    if (flagBool(p, 'latest') && limit === -1) limit = 1;
    const trunc = !flagBool(p, 'no-trunc');
    const format = flagString(p, 'format');
    // runPs: --quiet wins over a format (with a warning); the format is still checked (list.go).
    if (format !== '' && flagBool(p, 'quiet'))
      io.err('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    if (format !== '') precheckFormat(format, PS_CONTEXT);
    const list = listContainers(st, {
      all: flagBool(p, 'all'),
      limit,
      filters: filterArgs(flagList(p, 'filter')),
    });
    if (flagBool(p, 'quiet')) {
      for (const c of list) io.out(`${trunc ? c.id.slice(0, 12) : c.id}\n`);
      return 0;
    }
    const created = (us: number) => goTime(st, us);
    const table = flagBool(p, 'size') ? `${DEFAULT}\t{{.Size}}` : DEFAULT;
    const fields = rowFields(format, table);
    io.out(renderRows(format, table, PS_CONTEXT, list, (c) => psRow(st, c, now, trunc, created, fields)));
    return 0;
  },
};
