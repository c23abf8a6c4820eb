/**
 * daemon/list.go Containers: the containers a list request asks for, newest first. The filters are checked
 * (acceptedPsFilterTags, then foldFilter's per-key checks, in its order), a name or id filter first narrows
 * the list (filterByNameIDMatches), then each container goes through includeContainerInList in order:
 * before/since, running unless all or a limit, name, id, is-task, label, isolation, the limit, exited,
 * status, health, volume, ancestor, network, publish/expose.
 */
import { goAtoi, goParseUint } from '../lib';
import { containerPorts } from './container_ports';
import { DockerError, invalid, notFound } from './errors';
import {
  exactMatch,
  filterMatch,
  filterValues,
  getBoolOrDefault,
  matchKVList,
  validateFilters,
  type FilterArgs,
} from './filters';
import { findImage } from './images';
import { containerStateString } from './pause';
import type { DockerContainer, DockerState } from './state';

/** container.ListOptions. */
export interface ListOptions {
  all: boolean;
  /** Limit: > 0 keeps the newest n (of every state); 0 or less none. */
  limit: number;
  filters: FilterArgs;
}

const ACCEPTED = new Set([
  ...['ancestor', 'before', 'exited', 'id', 'isolation', 'label', 'name', 'status', 'health', 'since'],
  ...['volume', 'network', 'is-task', 'publish', 'expose'],
]);

/** container.IsValidStateString */
const STATES = new Set(['paused', 'restarting', 'removing', 'running', 'dead', 'created', 'exited']);
/** container.IsValidHealthString (types.Starting, Healthy, Unhealthy, NoHealthcheck). */
const HEALTH = new Set(['starting', 'healthy', 'unhealthy', 'none']);

/** What foldFilter makes of the filters (listContext). */
interface ListContext {
  all: boolean;
  exitAllowed: number[];
  before: string | null;
  since: string | null;
  taskFilter: boolean;
  isTask: boolean;
  /** Image ids an ancestor filter accepts; null without one. */
  images: Set<string> | null;
  publish: Set<string>;
  expose: Set<string>;
}

/** Newest first (byCreatedDescending); of two created in the same microsecond, the later one first. */
function newestFirst(list: DockerContainer[]): DockerContainer[] {
  return list.reverse().sort((a, b) => b.createdUs - a.createdUs);
}

/**
 * idOrNameFilter: a full id, else a name (with or without its '/'). A short id is not looked up: View.Get
 * indexes whole ids. Not found: "No such container: VALUE".
 */
function idOrName(st: DockerState, value: string): string {
  if (Object.hasOwn(st.containers, value)) return value;
  const name = value.replace(/^\//, '');
  const c = Object.values(st.containers).find((x) => x.name === name);
  if (!c) throw notFound(`No such container: ${value}`);
  return c.id;
}

/** portOp: "80", "80/udp", "8000-8010/tcp" into the set of "port/proto" it stands for. */
function portOp(key: string, value: string, into: Set<string>): void {
  if (value.includes(':')) throw invalid(`filter for '${key}' should not contain ':': ${value}`);
  // nat.SplitProtoPort
  const parts = value.split('/');
  const [proto, port] =
    value === '' || parts[0] === ''
      ? ['', '']
      : parts.length === 1
        ? ['tcp', value]
        : [parts[1] === '' ? 'tcp' : (parts[1] as string), parts[0] as string];
  const fail = (why: string) =>
    new DockerError('system', `error while looking up for ${key} ${value}: ${why}`);
  // nat.ParsePortRange
  if (port === '') throw fail('empty string specified for ports');
  const ends = port.includes('-') ? port.split('-').slice(0, 2) : [port, port];
  const [start, end] = ends.map((e) => goParseUint(e, 16));
  for (const n of [start, end]) if (n !== undefined && typeof n !== 'number') throw fail(n.error);
  if ((end as number) < (start as number)) throw fail(`invalid range specified for port: ${port}`);
  for (let i = start as number; i <= (end as number); i++) into.add(`${i}/${proto}`);
}

/** foldFilter: each key's values checked, in the daemon's order. */
function foldFilter(st: DockerState, o: ListOptions): ListContext {
  const f = o.filters;
  const exitAllowed = filterValues(f, 'exited').map((v) => {
    const n = goAtoi(v);
    if (typeof n !== 'number') throw invalid(`invalid filter 'exited=${v}': ${n.error}`);
    return n;
  });
  let all = o.all;
  for (const v of filterValues(f, 'status')) {
    if (!STATES.has(v)) throw invalid(`invalid filter 'status=${v}'`);
    all = true;
  }
  const taskFilter = f.has('is-task');
  const isTask = getBoolOrDefault(f, 'is-task', false);
  for (const v of filterValues(f, 'health'))
    if (!HEALTH.has(v)) throw invalid(`unrecognized filter value for health: ${v}`);
  let before: string | null = null;
  for (const v of filterValues(f, 'before')) before = idOrName(st, v);
  let since: string | null = null;
  for (const v of filterValues(f, 'since')) since = idOrName(st, v);
  let images: Set<string> | null = null;
  if (f.has('ancestor')) {
    images = new Set();
    // GetImage: a reference or an id prefix of an image present here; an unknown one only logs a warning.
    for (const v of filterValues(f, 'ancestor')) {
      const img = findImage(v);
      if (img && st.images.includes(`${img.repository}:${img.tag}`)) images.add(img.id);
    }
  }
  const publish = new Set<string>();
  for (const v of filterValues(f, 'publish')) portOp('publish', v, publish);
  const expose = new Set<string>();
  for (const v of filterValues(f, 'expose')) portOp('expose', v, expose);
  return { all, exitAllowed, before, since, taskFilter, isTask, images, publish, expose };
}

/** filterByNameIDMatches: with a name or id filter, only the containers they pick, else all. */
function candidates(st: DockerState, f: FilterArgs): DockerContainer[] {
  const names = f.get('name');
  const ids = filterValues(f, 'id');
  const all = Object.values(st.containers);
  if ((names?.size ?? 0) + ids.length === 0) return newestFirst(all);
  const matches = new Set<string>();
  // GetByPrefix: a prefix naming exactly one container (an empty or ambiguous one names none).
  for (const id of ids) {
    const hits = id === '' ? [] : all.filter((c) => c.id.startsWith(id));
    if (hits.length === 1) matches.add((hits[0] as DockerContainer).id);
  }
  if (names && names.size > 0)
    for (const c of all) {
      if (ids.length > 0 && !matches.has(c.id)) continue;
      if (nameMatch(f, c)) matches.add(c.id);
    }
  return newestFirst(all.filter((c) => matches.has(c.id)));
}

/** The name filter against "/name" and "name". */
function nameMatch(f: FilterArgs, c: DockerContainer): boolean {
  return filterMatch(f, 'name', `/${c.name}`) || filterMatch(f, 'name', c.name);
}

type Verdict = 'include' | 'exclude' | 'stop';

function include(
  st: DockerState,
  c: DockerContainer,
  f: FilterArgs,
  x: ListContext,
  o: ListOptions,
  idx: number,
): Verdict {
  if (x.before !== null) {
    if (c.id === x.before) x.before = null;
    return 'exclude';
  }
  if (x.since !== null && c.id === x.since) return 'stop';
  const running = c.status === 'running';
  if (!running && !x.all && o.limit <= 0) return 'exclude';
  if (!nameMatch(f, c)) return 'exclude';
  if (!filterMatch(f, 'id', c.id)) return 'exclude';
  // No container here is a swarm task (Managed).
  if (x.taskFilter && x.isTask) return 'exclude';
  if (!matchKVList(f, 'label', c.labels)) return 'exclude';
  // excludeByIsolation: a no-op on Linux (list_unix.go).
  if (o.limit > 0 && idx === o.limit) return 'stop';
  if (x.exitAllowed.length > 0 && !(x.exitAllowed.includes(c.exitCode) && !running && c.startedUs !== null))
    return 'exclude';
  if (!filterMatch(f, 'status', containerStateString(c))) return 'exclude';
  // Without a healthcheck a container's health is "none" (view.go, types.NoHealthcheck).
  if (!exactMatch(f, 'health', 'none')) return 'exclude';
  // No container has a mount: a volume filter matches none.
  if (f.has('volume')) return 'exclude';
  if (x.images !== null && !x.images.has(c.imageId)) return 'exclude';
  if (f.has('network')) {
    const nets = Object.entries(c.networks);
    const on = filterValues(f, 'network').some((v) =>
      nets.some(([name, n]) => name === v || n.networkId.startsWith(v)),
    );
    if (!on) return 'exclude';
  }
  if (x.publish.size > 0 || x.expose.size > 0) {
    const ports = containerPorts(st, c);
    if (!ports.some((p) => x.publish.has(`${p.pub}/${p.type}`) || x.expose.has(`${p.priv}/${p.type}`)))
      return 'exclude';
  }
  return 'include';
}

/** daemon.Containers: throws DockerError with the daemon's text for a bad filter. */
export function listContainers(st: DockerState, o: ListOptions): DockerContainer[] {
  validateFilters(o.filters, ACCEPTED);
  const x = foldFilter(st, o);
  const out: DockerContainer[] = [];
  for (const c of candidates(st, o.filters)) {
    const v = include(st, c, o.filters, x, o, out.length);
    if (v === 'stop') break;
    if (v === 'include') out.push(c);
  }
  return out;
}
