/**
 * `docker network inspect|rm|connect|disconnect|prune` (cli/command/network/*.go).
 */
import {
  DockerError,
  activeEndpoints,
  connectContainer,
  disconnectContainer,
  findContainer,
  removeNetwork,
} from '../../../../docker';
import type { Verb } from '../cli';
import { OP_US, elapse } from '../timing';
import { csv } from '../container_opts';
import { flagBool, flagList, flagString } from '../flags';
import { networkInspectResults, printInspect } from '../inspect';
import {
  NETWORK_CONNECT_FLAGS,
  NETWORK_DISCONNECT_FLAGS,
  NETWORK_INSPECT_FLAGS,
  NETWORK_PRUNE_FLAGS,
  NETWORK_RM_FLAGS,
} from '../verb_flags';

export const networkInspectVerb: Verb = {
  path: 'docker network inspect',
  use: 'docker network inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  flags: NETWORK_INSPECT_FLAGS,
  args: { min: 1 },
  run(io, p) {
    return printInspect(io, flagString(p, 'format'), networkInspectResults(io, p.args));
  },
};

export const networkRmVerb: Verb = {
  path: 'docker network rm',
  use: 'docker network rm NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  flags: NETWORK_RM_FLAGS,
  args: { min: 1 },
  async run(io, p) {
    let status = 0;
    for (const name of p.args) {
      try {
        io.os.mutate(({ sys, kctx }) => removeNetwork(kctx, sys.docker, name));
        await elapse(io, OP_US.networkRemove);
        io.out(`${name}\n`);
      } catch (e) {
        if (!(e instanceof DockerError)) throw e;
        if (flagBool(p, 'force') && e.kind === 'notfound') continue;
        io.err(`Error response from daemon: ${e.message}\n`);
        status = 1;
      }
    }
    return status;
  },
};

export const networkConnectVerb: Verb = {
  path: 'docker network connect',
  use: 'docker network connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  flags: NETWORK_CONNECT_FLAGS,
  args: { exact: 2 },
  async run(io, p) {
    const [net, ctr] = p.args as [string, string];
    io.os.mutate(({ sys, kctx }) => {
      const c = findContainer(sys.docker, ctr);
      connectContainer(kctx, sys.docker, c, net, {
        aliases: csv(flagList(p, 'alias')),
        ipv4Address: flagString(p, 'ip'),
        macAddress: '',
      });
    });
    await elapse(io, OP_US.networkConnect);
    return 0;
  },
};

export const networkDisconnectVerb: Verb = {
  path: 'docker network disconnect',
  use: 'docker network disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  flags: NETWORK_DISCONNECT_FLAGS,
  args: { exact: 2 },
  async run(io, p) {
    const [net, ctr] = p.args as [string, string];
    io.os.mutate(({ sys, kctx }) => {
      const c = findContainer(sys.docker, ctr);
      disconnectContainer(kctx, sys.docker, c, net, flagBool(p, 'force'));
    });
    await elapse(io, OP_US.networkDisconnect);
    return 0;
  },
};

export const networkPruneVerb: Verb = {
  path: 'docker network prune',
  use: 'docker network prune [OPTIONS]',
  short: 'Remove all unused networks',
  flags: NETWORK_PRUNE_FLAGS,
  args: { exact: 0 },
  run(io, p) {
    if (!flagBool(p, 'force')) {
      io.out(
        'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ',
      );
      if (!/^\s*y(es)?\s*$/i.test(io.stdin.split('\n')[0] ?? '')) return 0;
    }
    const st = io.os.state.docker;
    const victims = Object.values(st.networks)
      .filter((n) => n.driver === 'bridge' && !n.defaultBridge && activeEndpoints(st, n).length === 0)
      .filter(
        (n) =>
          !Object.values(st.containers).some(
            (c) => c.status === 'running' && Object.keys(c.networks).includes(n.name),
          ),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const n of victims) io.os.mutate(({ sys, kctx }) => removeNetwork(kctx, sys.docker, n.id));
    if (victims.length > 0) io.out(`Deleted Networks:\n${victims.map((n) => `${n.name}\n`).join('')}\n`);
    return 0;
  },
};
