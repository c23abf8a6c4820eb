/**
 * `sysctl` from procps-ng 4.0.2 (Debian 12), over the /proc/sys/net files of the caller's namespace
 * (./table.ts). Reads and writes behave as sysctl.c's ReadSetting/WriteSetting: a key is turned into a
 * path by swapping '.' and '/', a directory lists every file under it, a write echoes "key = value" as
 * given. Exit status: read failures add up (an empty key counts -1), write failures are or-ed in.
 */
import { strerror } from '../../../kernel';
import type { CommandIO, SimCommand } from '../../types';
import { SYSCTL_USAGE, parseSysctlArgs, type SysctlOpts } from './parse';
import { runBusyboxSysctl } from './busybox';
import { sysctlLookup, type SysctlEntry } from './table';

/** slashdot(): swap '.' and '/' (a device "eth0.100" is the key component "eth0/100"). */
export function swapDots(s: string): string {
  return s.replace(/[./]/g, (c) => (c === '.' ? '/' : '.'));
}

/** The key -> path conversion leaves a name that already uses '/' alone. */
function keyToPath(name: string): string {
  const first = /[./]/.exec(name);
  return first && first[0] === '.' ? swapDots(name) : name;
}

function pathToKey(name: string): string {
  const first = /[./]/.exec(name);
  return first && first[0] === '/' ? swapDots(name) : name;
}

function displayOf(entry: SysctlEntry, prefixKey: string, prefixLen: number): string {
  const rest = entry.path.slice(prefixLen).map((c) => c.replace(/\./g, '/'));
  return prefixKey === '' ? rest.join('.') : [prefixKey, ...rest].join('.');
}

class Sysctl {
  constructor(
    private readonly io: CommandIO,
    private readonly o: SysctlOpts,
  ) {}

  private get k() {
    return this.io.os.state.kernel;
  }

  private print(name: string, value: string): void {
    if (this.o.namesOnly) this.io.out(`${name}\n`);
    else if (this.o.valuesOnly) this.io.out(this.o.binary ? value : `${value}\n`);
    else this.io.out(`${name} = ${value}\n`);
  }

  private matches(name: string): boolean {
    if (this.o.pattern === null) return true;
    try {
      return new RegExp(this.o.pattern).test(name);
    } catch {
      return false;
    }
  }

  private warnRepeated(name: string): void {
    const m = /[./][./]/.exec(name);
    if (m) this.io.err(`sysctl: separators should not be repeated: ${name.slice(m.index)}\n`);
  }

  /** DisplayAll(): every file under a directory, in directory order. */
  private displayAll(entries: readonly SysctlEntry[], prefixKey: string, prefixLen: number): void {
    for (const e of entries) {
      const name = displayOf(e, prefixKey, prefixLen);
      if (this.matches(name)) this.print(name, e.read(this.k));
    }
  }

  all(): number {
    const node = sysctlLookup(this.k, this.io.proc.ns, []);
    if (node?.kind === 'dir') this.displayAll(node.entries, '', 0);
    return 0;
  }

  read(name: string): number {
    if (name === '') {
      this.io.err('sysctl: "" is an unknown key\n');
      return -1;
    }
    this.warnRepeated(name);
    const outname = pathToKey(name);
    const path = keyToPath(name);
    const comps = path.split('/').filter((c) => c !== '');
    const node = sysctlLookup(this.k, this.io.proc.ns, comps);
    if (node === null) {
      if (this.o.ignore) return 0;
      this.io.err(`sysctl: cannot stat /proc/sys/${path}: ${strerror('ENOENT')}\n`);
      return 1;
    }
    if (node.kind === 'dir') {
      this.displayAll(node.entries, outname, comps.length);
      return 0;
    }
    if (this.matches(outname)) this.print(outname, node.entry.read(this.k));
    return 0;
  }

  /** One "key=value" setting; `where` names its source for syntax errors ("command line(0)"). */
  write(setting: string, where: string): number {
    const eq = setting.indexOf('=');
    if (eq < 0) {
      this.io.err(`sysctl: ${where}: invalid syntax, continuing...\n`);
      return 1;
    }
    const key = setting.slice(0, eq).trim();
    const value = setting.slice(eq + 1).trim();
    if (key === '') {
      if (value !== '') this.io.err('sysctl: Path is not under /proc/sys/: /proc/sys/\n');
      return 1;
    }
    this.warnRepeated(key);
    const outname = pathToKey(key);
    const path = keyToPath(key);
    if (!this.matches(outname)) return 0;
    const node = sysctlLookup(
      this.k,
      this.io.proc.ns,
      path.split('/').filter((c) => c !== ''),
    );
    if (node === null) {
      if (this.o.ignore) return 0;
      this.io.err(`sysctl: cannot stat /proc/sys/${path}: ${strerror('ENOENT')}\n`);
      return 1;
    }
    if (node.kind === 'dir') {
      this.io.err(`sysctl: setting key "${outname}": ${strerror('EINVAL')}\n`);
      return 0;
    }
    if (!this.o.dryRun) {
      const entry = node.entry;
      const errno = this.io.os.mutate(({ kctx }) => entry.write(kctx, `${value}\n`));
      if (errno !== null) {
        this.io.err(`sysctl: setting key "${outname}": ${strerror(errno)}\n`);
        return 1;
      }
    }
    if (this.o.quiet && !this.o.dryRun) return 0;
    if (this.o.namesOnly || this.o.valuesOnly) this.io.out(this.o.binary ? value : `${value}\n`);
    else this.io.out(`${outname} = ${value}\n`);
    return 0;
  }

  /** -p: settings from files (sysctl.conf syntax: '#'/';' comments, "key = value" lines). */
  async load(files: readonly string[]): Promise<number> {
    let rc = 0;
    for (const file of files.length ? files : ['/etc/sysctl.conf']) {
      let text: string;
      try {
        const abs = file.startsWith('/') ? file : `${this.io.cwd.replace(/\/$/, '')}/${file}`;
        text = await this.io.fs.readFile(abs);
      } catch {
        this.io.err(`sysctl: cannot open "${file}": ${strerror('ENOENT')}\n`);
        rc |= 1;
        continue;
      }
      text.split('\n').forEach((raw, i) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
        // A leading '-' asks to ignore a failure of that line.
        const quietFail = line.startsWith('-');
        const r = this.write(quietFail ? line.slice(1) : line, `${file}(${i + 1})`);
        if (line.includes('=') && !quietFail) rc |= r;
      });
    }
    return rc;
  }
}

export const sysctlCommand: SimCommand = {
  name: 'sysctl',
  async run(io: CommandIO) {
    // procps is the host's; every image with a sysctl has BusyBox's applet (./busybox.ts), as `busybox sysctl` is.
    if (io.proc.machine !== 'host' || io.proc.flavour === 'busybox') return runBusyboxSysctl(io);
    if (io.argv.length < 2) {
      io.err(SYSCTL_USAGE);
      return 1;
    }
    const p = parseSysctlArgs(io.argv.slice(1));
    if (p.kind === 'bad') {
      io.err(p.message);
      io.out(SYSCTL_USAGE);
      return 0;
    }
    if (p.kind === 'help') {
      io.out(SYSCTL_USAGE);
      return 0;
    }
    if (p.kind === 'version') {
      io.out('sysctl from procps-ng 4.0.2\n');
      return 0;
    }
    const o = p.opts;
    const s = new Sysctl(io, o);
    if (o.load !== null) return (await s.load([...o.load, ...o.args])) & 0xff;
    if (o.all) return s.all();
    if (o.args.length === 0) {
      io.err("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
      return 1;
    }
    let rc = 0;
    for (const a of o.args) {
      if (o.write || a.includes('=')) rc |= s.write(a, 'command line(0)');
      else rc += s.read(a);
    }
    return rc & 0xff;
  },
};
