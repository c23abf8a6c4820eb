/** `docker logs` (what the main process wrote) and `docker port` (cli/command/container/port.go). */
import { findContainer, formatPortsOf } from './logs_port_support';
import type { Verb } from './cli';
import { naturalCompare } from './natural';
import { LOGS_FLAGS, PORT_FLAGS } from './verb_flags';

export const logsVerbSpec: Verb = {
  path: 'docker logs',
  use: 'docker logs [OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  flags: LOGS_FLAGS,
  args: { exact: 1 },
  run(io, p) {
    const c = findContainer(io.os.state.docker, p.args[0] as string);
    io.out(c.logs);
    return 0;
  },
};

export const portVerbSpec: Verb = {
  path: 'docker port',
  use: 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  flags: PORT_FLAGS,
  args: { min: 1, max: 2 },
  run(io, p) {
    const name = p.args[0] as string;
    const c = findContainer(io.os.state.docker, name);
    const ports = formatPortsOf(io.os.state.docker, c);
    const want = p.args[1];
    const out: string[] = [];
    if (want !== undefined) {
      const [port, proto0] = want.split('/') as [string, string | undefined];
      const proto = proto0 === undefined || proto0 === '' ? 'tcp' : proto0;
      if (!/^\d+$/.test(port) || Number(port) > 65535) {
        io.err(`Error: invalid port (${port}): strconv.ParseUint: parsing "${port}": invalid syntax\n`);
        return 1;
      }
      const fronts = ports.get(`${port}/${proto}`);
      if (!fronts) {
        io.err(`Error: No public port '${want}' published for ${name}\n`);
        return 1;
      }
      out.push(...fronts);
    } else {
      for (const [k, fronts] of ports) for (const f of fronts) out.push(`${k} -> ${f}`);
    }
    out.sort(naturalCompare);
    if (out.length > 0) io.out(`${out.join('\n')}\n`);
    return 0;
  },
};
