/**
 * `cat`: GNU coreutils 9.1 on the host and Debian-like images, BusyBox 1.35's applet in busybox/alpine.
 * Instead of just-bash's own, because what a failed file prints is the tool's: GNU names the file and
 * the error (`cat: /sys/class/net/nope/iflink: No such file or directory`, `cat: lo/speed: Invalid
 * argument`), BusyBox says "can't open" for an open that failed and "read error" for a read that did
 * (`cat: read error: Invalid argument` for a sysfs attribute the device cannot answer). Either goes on
 * with the next file and exits 1.
 */
import { fsErrorOf } from '../../fs';
import { Getopt, getoptMessage, type LongOpt } from '../../getopt';
import type { CommandIO, SimCommand } from '../../types';
import { coreutilsFlavour } from '../../userlands';
import { type CatOpts, newCatState, renderBusybox, renderGnu } from './render';
import { BUSYBOX_CAT_USAGE, GNU_CAT_HELP, GNU_CAT_VERSION } from './usage';

const GNU_LONG: readonly LongOpt[] = [
  { name: 'show-all', hasArg: 0, val: 'A' },
  { name: 'number-nonblank', hasArg: 0, val: 'b' },
  { name: 'show-ends', hasArg: 0, val: 'E' },
  { name: 'number', hasArg: 0, val: 'n' },
  { name: 'squeeze-blank', hasArg: 0, val: 's' },
  { name: 'show-tabs', hasArg: 0, val: 'T' },
  { name: 'show-nonprinting', hasArg: 0, val: 'v' },
  { name: 'help', hasArg: 0, val: 'help' },
  { name: 'version', hasArg: 0, val: 'version' },
];

/** What each option letter turns on (-A is -vET in GNU, -vte in BusyBox: the same three). */
function apply(o: CatOpts, c: string): void {
  if (c === 'A' || c === 'e' || c === 't' || c === 'v') o.showNonprinting = true;
  if (c === 'A' || c === 'e' || c === 'E') o.showEnds = true;
  if (c === 'A' || c === 't' || c === 'T') o.showTabs = true;
  if (c === 'n') o.number = true;
  if (c === 'b') o.numberNonblank = true;
  if (c === 's') o.squeeze = true;
}

function badOption(io: CommandIO, text: string, busybox: boolean): number {
  io.err(getoptMessage('cat', { kind: 'unknown', text }));
  io.err(busybox ? BUSYBOX_CAT_USAGE : "Try 'cat --help' for more information.\n");
  return 1;
}

export const catCommand: SimCommand = {
  name: 'cat',
  async run(io: CommandIO) {
    const busybox = coreutilsFlavour(io.proc) === 'busybox';
    const o: CatOpts = {
      number: false,
      numberNonblank: false,
      squeeze: false,
      showEnds: false,
      showTabs: false,
      showNonprinting: false,
    };
    const files: string[] = [];
    const g = new Getopt(io.argv, busybox ? 'nbvteAu' : 'AbeEnstTuv');
    for (let r = g.next(busybox ? [] : GNU_LONG); r.kind !== 'end'; r = g.next(busybox ? [] : GNU_LONG)) {
      if (r.kind === 'nonopt') files.push(r.arg);
      else if (r.kind === 'opt') {
        if (r.val === 'help') return (io.out(GNU_CAT_HELP), 0);
        if (r.val === 'version') return (io.out(GNU_CAT_VERSION), 0);
        apply(o, r.val);
      } else if (busybox && r.text === '--help') {
        io.err(BUSYBOX_CAT_USAGE);
        return 0;
      } else return badOption(io, r.text, busybox);
    }
    if (files.length === 0) files.push('-');
    const st = newCatState();
    let status = 0;
    for (const f of files) {
      let bytes: Uint8Array;
      if (f === '-') bytes = new TextEncoder().encode(io.stdin);
      else {
        try {
          bytes = await io.fs.readFileBuffer(io.fs.resolvePath(io.cwd, f));
        } catch (e) {
          const { atOpen, message } = fsErrorOf(e);
          if (!busybox) io.err(`cat: ${f}: ${message}\n`);
          else io.err(atOpen ? `cat: can't open '${f}': ${message}\n` : `cat: read error: ${message}\n`);
          status = 1;
          continue;
        }
      }
      io.out(busybox ? renderBusybox(bytes, o, st) : renderGnu(bytes, o, st));
    }
    return status;
  },
};
