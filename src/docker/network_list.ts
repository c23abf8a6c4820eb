/**
 * The networks a list request asks for (api/types/network ValidateFilters, then daemon/network/filter.go
 * FilterNetworks): driver and scope exact, name and id as regexps, label key lists, then dangling (not
 * predefined and no container on it) and type (builtin: the predefined names bridge/host/none/default,
 * custom: the rest). The CLI sorts what comes back.
 */
import { invalid } from './errors';
import {
  exactMatch,
  filterMatch,
  filterValues,
  matchKVList,
  validateFilters,
  type FilterArgs,
} from './filters';
import { activeEndpoints, PREDEFINED } from './network';
import type { DockerNetwork, DockerState } from './state';

const ACCEPTED = new Set(['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type']);

/** network_mode_unix.go isPreDefined: by name. */
const isPredefined = (n: DockerNetwork) => (PREDEFINED as readonly string[]).includes(n.name);

export function listNetworks(st: DockerState, filters: FilterArgs): DockerNetwork[] {
  validateFilters(filters, ACCEPTED);
  const has = (k: string) => filters.has(k);
  let out = Object.values(st.networks).filter(
    (n) =>
      (!has('driver') || exactMatch(filters, 'driver', n.driver)) &&
      (!has('name') || filterMatch(filters, 'name', n.name)) &&
      (!has('id') || filterMatch(filters, 'id', n.id)) &&
      (!has('label') || matchKVList(filters, 'label', n.labels)) &&
      // Every network of this engine is local.
      (!has('scope') || exactMatch(filters, 'scope', 'local')),
  );
  const dangling = filterValues(filters, 'dangling');
  if (dangling.length > 1) throw invalid('got more than one value for filter key "dangling"');
  if (dangling.length === 1) {
    const v = dangling[0] as string;
    if (!['0', 'false', '1', 'true'].includes(v))
      throw invalid(`invalid value for filter 'dangling', must be "true" (or "1"), or "false" (or "0")`);
    const only = v === '1' || v === 'true';
    out = out.filter((n) => {
      const inUse = isPredefined(n) || activeEndpoints(st, n).length > 0;
      return only ? !inUse : inUse;
    });
  }
  if (has('type')) {
    const typed: DockerNetwork[] = [];
    for (const t of filterValues(filters, 'type')) {
      if (t !== 'builtin' && t !== 'custom') throw invalid(`invalid filter: 'type'='${t}'`);
      typed.push(...out.filter((n) => isPredefined(n) === (t === 'builtin')));
    }
    out = typed;
  }
  return out;
}
