/**
 * `docker network ls` (cli/command/network/list.go, formatter.go): sorted by name (natural order), columns
 * NETWORK ID, NAME, DRIVER, SCOPE; -q, --no-trunc, --format, --filter (../../../../docker/network_list.ts).
 */
import { listNetworks } from '../../../../docker';
import { filterArgs } from '../filter_opt';
import type { Verb } from '../cli';
import { naturalCompare } from '../natural';
import { flagBool, flagList, flagString } from '../flags';
import { labelMethod, labelsText, renderRows, type RowContext } from '../format';
import { NETWORK_LS_FLAGS } from '../verb_flags';

/** cli/command/network/formatter.go networkContext: its methods and their column titles. */
const NETWORK_CONTEXT: RowContext = {
  type: '*network.networkContext',
  headers: {
    CreatedAt: 'CREATED AT',
    Driver: 'DRIVER',
    ID: 'NETWORK ID',
    IPv6: 'IPV6',
    Internal: 'INTERNAL',
    Labels: 'LABELS',
    Name: 'NAME',
    Scope: 'SCOPE',
  },
  methods: { Label: labelMethod('n') },
  unexported: ['trunc', 'n'],
};

export const networkLsVerb: Verb = {
  path: 'docker network ls',
  use: 'docker network ls [OPTIONS]',
  short: 'List networks',
  flags: NETWORK_LS_FLAGS,
  args: { exact: 0 },
  run(io, p) {
    const trunc = !flagBool(p, 'no-trunc');
    // The daemon filters (daemon/network/filter.go), the CLI sorts.
    const list = listNetworks(io.os.state.docker, filterArgs(flagList(p, 'filter'))).sort((a, b) =>
      naturalCompare(a.name, b.name),
    );
    const format = flagString(p, 'format');
    // network NewFormat: --quiet replaces only the table format; a custom --format wins over it.
    if (flagBool(p, 'quiet') && (format === '' || format === 'table')) {
      for (const n of list) io.out(`${trunc ? n.id.slice(0, 12) : n.id}\n`);
      return 0;
    }
    // networkContext's methods, in the sorted order its MarshalJSON (a map) gives {{json .}}.
    const rows = list.map((n) => ({
      CreatedAt: '',
      Driver: n.driver,
      ID: trunc ? n.id.slice(0, 12) : n.id,
      IPv6: String(n.enableIPv6),
      Internal: String(n.internal),
      Labels: labelsText(n.labels),
      Name: n.name,
      Scope: 'local',
      // The context's unexported field (n network.Summary): what its Label method reads.
      n: { Labels: n.labels },
    }));
    io.out(
      renderRows(
        format,
        'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}',
        NETWORK_CONTEXT,
        rows,
        (r) => r,
      ),
    );
    return 0;
  },
};
