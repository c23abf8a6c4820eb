/**
 * `ip netns` (ip/ipnetns.c): named namespaces under /run/netns. `exec` runs a command inside one; the
 * command's exit code is ip's.
 */
import type { KernelState, NsId } from '../../../kernel';
import { addNamedNetns, deleteNamedNetns, peernetIdIfAny } from '../../../kernel';
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';
import { IpError, matches } from './util';

/** netns_switch(): a /run/netns name, or null. */
export function resolveNetns(io: CommandIO, name: string): NsId | null {
  return io.os.state.kernel.namedNs[name] ?? null;
}

/**
 * get_name_from_nsid() (ip/ipnetns.c): the /run/netns name whose namespace has id `id` as seen from `ns`,
 * so iproute2 prints `link-netns NAME` instead of `link-netnsid N` (Docker's namespaces have no name).
 */
export function nsidName(k: KernelState, ns: NsId, id: number): string | null {
  for (const [name, target] of Object.entries(k.namedNs).reverse()) {
    if (peernetIdIfAny(k, ns, target) === id) return name;
  }
  return null;
}

function validName(name: string): boolean {
  return name.length > 0 && name !== '.' && name !== '..' && !name.includes('/');
}

function list(io: CommandIO, opts: IpOpts): number {
  const k = io.os.state.kernel;
  // /run/netns is a tmpfs: readdir returns the newest entry first.
  const names = Object.keys(k.namedNs).reverse();
  for (const name of names) {
    const id = peernetIdIfAny(k, opts.ns, k.namedNs[name] as NsId);
    io.out(id === null ? `${name}\n` : `${name} (id: ${id})\n`);
  }
  return 0;
}

export async function doIpNetns(io: CommandIO, opts: IpOpts, argv: string[]): Promise<number> {
  const sub = argv[0];
  if (sub === undefined || matches(sub, 'list') || matches(sub, 'show') || matches(sub, 'lst')) return list(io, opts);
  const name = argv[1];
  if (matches(sub, 'add')) {
    if (name === undefined) throw new IpError('No netns name specified\n', 255);
    if (!validName(name)) throw new IpError(`Invalid netns name "${name}"\n`, 255);
    const r = io.os.mutate(({ kctx }) => addNamedNetns(kctx, name));
    if (!r.ok) throw new IpError(`Cannot create namespace file "/run/netns/${name}": File exists\n`, 1);
    return 0;
  }
  if (matches(sub, 'delete')) {
    if (name === undefined) throw new IpError('No netns name specified\n', 255);
    const r = io.os.mutate(({ kctx }) => deleteNamedNetns(kctx, name));
    if (!r.ok) {
      throw new IpError(`Cannot remove namespace file "/run/netns/${name}": No such file or directory\n`, 1);
    }
    return 0;
  }
  if (matches(sub, 'exec')) {
    if (name === undefined) throw new IpError('No netns name specified\n', 255);
    const ns = resolveNetns(io, name);
    if (ns === null) throw new IpError(`Cannot open network namespace "${name}": No such file or directory\n`, 255);
    const cmd = argv.slice(2);
    if (cmd.length === 0) throw new IpError('No command specified\n', 255);
    const r = await io.exec(cmd, { ...io.proc, ns });
    if (r.stdout) io.out(r.stdout);
    if (r.stderr) io.err(r.stderr);
    if (r.exitCode === 127) {
      // execvp failed: ip reports it itself instead of a shell.
      return 255;
    }
    return r.exitCode;
  }
  throw new IpError(`Command "${sub}" is unknown, try "ip netns help".\n`, 255);
}
