/**
 * `ip netns` (ip/ipnetns.c): named namespaces under /run/netns. `exec` runs a command inside one; the
 * command's exit code is ip's.
 */
import type { KernelState, NsId } from '../../../kernel';
import {
  addNamedNetns,
  deleteNamedNetns,
  namedNetns,
  peernetIdIfAny,
  setPeernetId,
  xaGet,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import type { IpOpts } from './opts';
import { Printer } from './printer';
import { IpError, invalidArg, matches, rtnlError } from './util';
import { NETNS_USAGE } from './usage_texts';
import { permitted } from '../../capability';

/** netns_switch(): a /run/netns name, or null. */
export function resolveNetns(io: CommandIO, name: string): NsId | null {
  return namedNetns(io.os.state.kernel, name) ?? null;
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

/** invalid_name(): empty, longer than NAME_MAX, containing '/', or "." / "..". */
function invalidName(name: string): boolean {
  return name.length === 0 || name.length > 255 || name.includes('/') || name === '.' || name === '..';
}

function list(io: CommandIO, opts: IpOpts): number {
  const k = io.os.state.kernel;
  // /run/netns is listed in readdir order, which follows no rule one can see; creation order it is here.
  const names = Object.keys(k.namedNs);
  const p = new Printer({ json: opts.json, pretty: opts.pretty, oneline: false });
  p.newJsonObj();
  for (const name of names) {
    p.openObject();
    p.string('any', 'name', '%s', name);
    const id = peernetIdIfAny(k, opts.ns, k.namedNs[name] as NsId);
    if (id !== null) p.num('any', 'id', ' (id: %d)', id);
    p.string('fp', null, '\n', null);
    p.closeObject();
  }
  p.deleteJsonObj();
  p.flush(io);
  return 0;
}

/** netns_list_id(): the ids this namespace has given its peers, with the /run/netns name if any. */
function listId(io: CommandIO, opts: IpOpts): number {
  const k = io.os.state.kernel;
  const ids = Object.entries(xaGet(k.netns, opts.ns)?.netnsids ?? {}).sort((a, b) => a[1] - b[1]);
  const p = new Printer({ json: opts.json, pretty: opts.pretty, oneline: false });
  p.newJsonObj();
  for (const [peer, id] of ids) {
    p.openObject();
    p.num('any', 'nsid', 'nsid %d ', id);
    const name = Object.entries(k.namedNs).find(([, ns]) => ns === peer)?.[0];
    if (name !== undefined) p.string('any', 'name', '(iproute2 netns name: %s)', name);
    p.string('fp', null, '\n', null);
    p.closeObject();
  }
  p.deleteJsonObj();
  p.flush(io);
  return 0;
}

/** netns_set(): `set NAME NSID|auto` asks the kernel (RTM_NEWNSID) to give NAME that id here. */
function setId(io: CommandIO, opts: IpOpts, args: readonly string[]): number {
  const [name, id] = args;
  if (name === undefined) throw new IpError('No netns name specified\n', 1);
  if (id === undefined) throw new IpError('No nsid specified\n', 1);
  let nsid = -1;
  if (id !== 'auto') {
    const n = /^-?\d+$/.test(id) ? Number(id) : NaN;
    if (!Number.isSafeInteger(n) || n > 0x7fffffff || n < -0x80000000)
      throw invalidArg('Invalid "netnsid" value', id);
    if (n < 0) throw invalidArg('"netnsid" value should be >= 0', id);
    nsid = n;
  }
  const peer = resolveNetns(io, name);
  if (peer === null)
    throw new IpError(`Cannot open network namespace "${name}": No such file or directory\n`, 1);
  const r = io.os.mutate(({ kctx }) => setPeernetId(kctx.k, opts.ns, peer, nsid));
  if (!r.ok) throw rtnlError(r.error);
  return 0;
}

export async function doIpNetns(io: CommandIO, opts: IpOpts, argv: string[]): Promise<number> {
  const sub = argv[0];
  if (sub === undefined) return list(io, opts);
  const name = argv[1];
  if (name !== undefined && invalidName(name)) throw new IpError(`Invalid netns name "${name}"\n`, 255);
  if (matches(sub, 'list') || matches(sub, 'show') || matches(sub, 'lst')) return list(io, opts);
  if (matches(sub, 'list-id')) return listId(io, opts);
  if (matches(sub, 'add')) {
    if (name === undefined) throw new IpError('No netns name specified\n', 1);
    // netns_add() makes /run/netns a shared mount before it creates the file: mount(2) needs CAP_SYS_ADMIN.
    if (!permitted(io.proc, 'mount'))
      throw new IpError('mount --make-shared /run/netns failed: Operation not permitted\n', 1);
    const r = io.os.mutate(({ kctx }) => addNamedNetns(kctx, name));
    if (!r.ok) throw new IpError(`Cannot create namespace file "/run/netns/${name}": File exists\n`, 1);
    return 0;
  }
  if (matches(sub, 'delete')) {
    if (name === undefined) throw new IpError('No netns name specified\n', 1);
    const r = io.os.mutate(({ kctx }) => deleteNamedNetns(kctx, name));
    if (!r.ok) {
      throw new IpError(`Cannot remove namespace file "/run/netns/${name}": No such file or directory\n`, 1);
    }
    return 0;
  }
  if (matches(sub, 'set')) return setId(io, opts, argv.slice(1));
  if (matches(sub, 'identify')) {
    if (argv.length > 2) throw new IpError('extra arguments specified\n', 1);
    if (name !== undefined && !/^\d*$/.test(name))
      throw new IpError(`Specified string '${name}' is not a pid\n`, 1);
    // netns_identify_pid(): the /run/netns names that are this process's namespace.
    // With `ip -n NS` ip has entered NS before it looks (netns_switch), so "self" is NS.
    const mine = Object.entries(io.os.state.kernel.namedNs).filter(([, ns]) => ns === opts.ns);
    io.out(`${mine.map(([n]) => n).join('\n')}\n`);
    return 0;
  }
  if (matches(sub, 'exec')) {
    if (name === undefined) throw new IpError('No netns name specified\n', 1);
    if (argv.length < 3) throw new IpError('No command specified\n', 1);
    const ns = resolveNetns(io, name);
    if (ns === null)
      throw new IpError(`Cannot open network namespace "${name}": No such file or directory\n`, 255);
    const cmd = argv.slice(2);
    const r = await io.exec(cmd, { ...io.proc, ns });
    if (r.stdout) io.out(r.stdout);
    // execvp() failing is ip's own message, and the child exits 1.
    if (r.exitCode === 127 && /(command not found|not found)\n$/.test(r.stderr)) {
      io.err(`exec of "${cmd[0]}" failed: No such file or directory\n`);
      return 1;
    }
    if (r.stderr) io.err(r.stderr);
    return r.exitCode;
  }
  if (matches(sub, 'help')) throw new IpError(NETNS_USAGE, 255);
  throw new IpError(`Command "${sub}" is unknown, try "ip netns help".\n`, 255);
}
