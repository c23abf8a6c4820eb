/**
 * BusyBox 1.35's `sysctl` applet (procps/sysctl.c), the one every image here with a sysctl has (busybox and
 * alpine, and netshoot, which installs no procps: Alpine's sysctl is BusyBox's). Over the same /proc/sys/net
 * files as procps' (./table.ts), with the applet's own behaviour: a key's dots become slashes only where that
 * names a file that exists (sysctl_dots_to_slashes), a directory lists every file under it, writes are the
 * value as given without a newline, and errors are worded as bb_error_msg/bb_perror_msg word them. In a
 * container /proc/sys is mounted read-only, so a write fails there with EROFS as it does under Docker.
 */
import { strerror, type Errno } from '../../../kernel';
import { getoptMessage, Getopt } from '../../getopt';
import { dockerReadOnlyMount } from '../../readonly_mounts';
import type { CommandIO } from '../../types';
import { sysctlLookup, type SysctlEntry } from './table';

export const BUSYBOX_SYSCTL_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: sysctl [-enq] { -a | -p [FILE]... | [-w] [KEY[=VALUE]]... }

Show/set kernel parameters

\t-e\tDon't warn about unknown keys
\t-n\tDon't show key names
\t-q      Quiet
\t-a\tShow all values
\t-p\tSet values from FILEs (default /etc/sysctl.conf)
\t-w\tSet values
`;

interface Flags {
  showKeys: boolean;
  keyErrors: boolean;
  write: boolean;
  quiet: boolean;
}

/** xwrite's failure: bb_perror_msg_and_die("write error") ends the applet with status 1. */
class WriteError extends Error {
  constructor(readonly errno: Errno) {
    super('write error');
  }
}

const swapDotsSlashes = (s: string) => s.replace(/[./]/g, (c) => (c === '.' ? '/' : '.'));

class BusyboxSysctl {
  constructor(
    private readonly io: CommandIO,
    private readonly f: Flags,
  ) {}

  private lookup(path: string) {
    return sysctlLookup(
      this.io.os.state.kernel,
      this.io.proc.ns,
      path.split('/').filter((c) => c !== '' && c !== '.'),
    );
  }

  /**
   * sysctl_dots_to_slashes: keys in procps' swapped form (a dot before the first slash) are swapped whole;
   * otherwise dots become slashes from the right, each only where the name up to it exists, so that
   * net.ipv4.conf.eth0.100.forwarding finds the device eth0.100.
   */
  dotsToSlashes(arg: string): string {
    const eq = arg.indexOf('=');
    const end = eq < 0 ? arg.length : eq;
    const slash = arg.indexOf('/');
    const dot = arg.indexOf('.');
    if (slash >= 0 && slash < end && dot >= 0 && dot < slash)
      return swapDotsSlashes(arg.slice(0, end)) + arg.slice(end);
    const name = [...arg.slice(0, end), '.'];
    let lastGood = -1;
    for (let again = true; again;) {
      again = false;
      for (let i = name.length - 1; i > lastGood; i--) {
        if (name[i] !== '.' || this.lookup(name.slice(0, i).join('')) === null) continue;
        name[i] = '/';
        lastGood = i;
        again = true;
        break;
      }
    }
    return name.slice(0, -1).join('') + arg.slice(end);
  }

  /** sysctl_act_recursive: a directory (when reading) is each file under it, in readdir (name) order. */
  actRecursive(path: string): number {
    if (!this.f.write && !path.includes('=')) {
      const node = this.lookup(path);
      if (node?.kind === 'dir') {
        let rc = 0;
        for (const e of node.entries) rc |= this.actOnSetting(e.path.join('/'));
        return rc;
      }
    }
    return this.actOnSetting(path);
  }

  /** sysctl_act_on_setting: one key, read or written; 1 on failure. */
  actOnSetting(setting: string): number {
    let outname = swapDotsSlashes(setting);
    const eq = setting.indexOf('=');
    const writing = this.f.write || eq >= 0;
    let name = setting;
    let value = '';
    if (writing) {
      if (eq < 0) return this.fail(`error: '${outname}' must be of the form name=value`);
      if (eq === 0) return this.fail(`error: malformed setting '${outname}'`);
      name = setting.slice(0, eq);
      value = setting.slice(eq + 1);
      outname = outname.slice(0, eq);
    }
    const node = this.lookup(name);
    // open(2): O_WRONLY|O_CREAT|O_TRUNC to write, O_RDONLY to read.
    let errno: Errno | null = null;
    if (node === null) errno = 'ENOENT';
    else if (writing && dockerReadOnlyMount(this.io.proc)) errno = 'EROFS';
    else if (writing && node.kind === 'dir') errno = 'EISDIR';
    if (errno === 'ENOENT') {
      if (this.f.keyErrors) this.io.err(`sysctl: error: '${outname}' is an unknown key\n`);
      return 1;
    }
    if (errno !== null)
      return this.fail(`error ${writing ? 'sett' : 'read'}ing key '${outname}': ${strerror(errno)}`);
    const entry = (node as { kind: 'file'; entry: SysctlEntry }).entry;
    if (writing) {
      // xwrite_str of an empty value writes nothing: the setting stays and the line is printed.
      if (value !== '') {
        const err = this.io.os.mutate(({ kctx }) => entry.write(kctx, value));
        if (err !== null) throw new WriteError(err);
      }
      if (!this.f.quiet) this.io.out(this.f.showKeys ? `${outname} = ${value}\n` : `${value}\n`);
      return 0;
    }
    const content = `${entry.read(this.io.os.state.kernel)}\n`;
    for (const line of content.split(/(?<=\n)/)) this.io.out(this.f.showKeys ? `${outname} = ${line}` : line);
    return 0;
  }

  private fail(msg: string): number {
    this.io.err(`sysctl: ${msg}\n`);
    return 1;
  }

  /** sysctl_handle_preload_file: "key = value" lines, ';' and '#' comments; problems are reported, not counted. */
  async preload(file: string): Promise<void> {
    let text: string;
    try {
      text = await this.io.fs.readFile(this.io.fs.resolvePath(this.io.cwd, file));
    } catch {
      this.io.err(`sysctl: ${file}: ${strerror('ENOENT')}\n`);
      return;
    }
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    lines.forEach((raw, i) => {
      const line = raw.trimStart();
      if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
      const eq = line.indexOf('=');
      if (eq < 0) {
        this.io.err(`sysctl: bad line ${i + 1}: 1 tokens found, 2 needed\n`);
        return;
      }
      const key = this.dotsToSlashes(line.slice(0, eq).trim());
      this.actOnSetting(`${key}=${line.slice(eq + 1).trim()}`);
    });
  }
}

export async function runBusyboxSysctl(io: CommandIO): Promise<number> {
  const f: Flags = { showKeys: true, keyErrors: true, write: false, quiet: false };
  let all = false;
  let preload = false;
  const args: string[] = [];
  // getopt32 "+neAapwq": options stop at the first operand.
  const g = new Getopt(io.argv, 'neAapwq');
  for (let r = g.next([]); r.kind !== 'end'; r = g.next([])) {
    if (r.kind === 'nonopt') {
      args.push(r.arg, ...io.argv.slice(g.optind));
      break;
    }
    if (r.kind !== 'opt') {
      if (r.text === '--help') return (io.err(BUSYBOX_SYSCTL_USAGE), 0);
      io.err(getoptMessage('sysctl', r));
      io.err(BUSYBOX_SYSCTL_USAGE);
      return 1;
    }
    // -n and -e toggle (opt ^= SHOW_KEYS | SHOW_KEY_ERRORS): given twice, they cancel.
    if (r.val === 'n') f.showKeys = !f.showKeys;
    else if (r.val === 'e') f.keyErrors = !f.keyErrors;
    else if (r.val === 'a' || r.val === 'A') all = true;
    else if (r.val === 'p') preload = true;
    else if (r.val === 'w') f.write = true;
    else if (r.val === 'q') f.quiet = true;
  }
  const s = new BusyboxSysctl(io, f);
  try {
    if (preload) {
      f.write = true;
      for (const file of args.length > 0 ? args : ['/etc/sysctl.conf']) await s.preload(file);
      // procps-ng 3.3.10 does not flag parse errors, and neither does the applet.
      return 0;
    }
    if (all) return s.actRecursive('.');
    let rc = 0;
    for (const a of args) rc |= s.actRecursive(s.dotsToSlashes(a));
    return rc;
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    io.err(`sysctl: write error: ${strerror(e.errno)}\n`);
    return 1;
  }
}
