/**
 * The simulation every user starts from: the default World for a seed (the host with dockerd started), with
 * the Docker Engine's hooks: its DNS resolver for the kernel, the files and shell of a container's machine,
 * and stopping a container whose `docker run -it` shell exits.
 */
import { isDraft } from 'immer';
import { containerExited, dockerDnsResolve, dockerProgramOutput, removeContainer } from '../docker';
import type { KernelHooks, NsId } from '../kernel';
import type { Ip4 } from '../lib';
import { containerProc } from '../shell';
import { createDefaultWorld } from './default_world';
import { Simulation, type SimulationOptions } from './simulation';
import { draftUntouched, peekDraft } from './transact';
import type { World } from './world';

/**
 * The engine's hooks for one World (a line's draft, or a view's World): made for every transaction step, so an
 * object with methods rather than a literal of two new closures each time.
 */
class DockerHooks implements KernelHooks {
  constructor(private readonly w: World) {}

  // The resolver only reads: peeked, so a query does not make an immer proxy of every container and endpoint
  // it scans (inside a line w is its draft; a thousand containers made ~2,000 proxies per query).
  dnsResolve(ns: NsId, qname: string, serverIp: Ip4): Ip4[] | null {
    return dockerDnsResolve(peekDraft(this.w.docker), ns, qname, serverIp, dockerSettled(this.w));
  }

  programOutput(ns: NsId, pid: number, text: string): void {
    dockerProgramOutput(this.w.docker, ns, pid, text);
  }
}

const DOCKER_OPTIONS: SimulationOptions = {
  hooks: (w: World) => new DockerHooks(w),
  machineFiles: (proc, w): Record<string, string> => {
    const c = w.docker.containers[proc.machine];
    return c ? { '/root/.keep': '' } : {};
  },
  procFor: (machine, w) => {
    const c = w.docker.containers[machine];
    return c && c.status === 'running' ? containerProc(w.docker, c) : null;
  },
  onMainShellExit: (proc, os) => {
    os.mutate(({ sys, kctx }) => {
      const c = sys.docker.containers[proc.machine];
      if (!c) return;
      containerExited(kctx, sys.docker, c, 0);
      if (c.autoRemove) removeContainer(kctx, sys.docker, c, true);
    });
  },
};

/**
 * Docker's tables are settled (never written again, so the resolver may keep an index of them) in a committed
 * World (a read-only view), and in a line's draft until the line writes or drafts Docker's state.
 */
function dockerSettled(w: World): boolean {
  return !isDraft(w) || draftUntouched(w.docker);
}

/** `world` is createDefaultWorld(seed) when given (the build's precomputed copy: prebuilt_world.ts). */
export function createDefaultSimulation(
  seed = 1,
  opts: SimulationOptions = {},
  world: World = createDefaultWorld(seed),
): Simulation {
  return new Simulation(world, { ...DOCKER_OPTIONS, ...opts });
}
